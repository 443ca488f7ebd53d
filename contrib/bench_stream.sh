#!/usr/bin/env bash
# Streaming audit load test: N pair records (default 300000) with a planted
# bad record every 1000, through `bitext audit --input jsonl --pairs -`.
# Checks exit 0, one output line per input line, an error row per planted
# bad record, and that output starts before the input ends; prints peak RSS
# and CPU from /usr/bin/time -v.
#
#     contrib/bench_stream.sh target/release/bitext 1000000
set -euo pipefail
BIN=${1:-target/release/bitext}
N=${2:-300000}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 contrib/make_pairs.py --bitext "$BIN" -n "$N" --bad-every 1000 > "$tmp/in.jsonl"
planted=$((N / 1000))

/usr/bin/time -v "$BIN" audit --input jsonl --pairs - --format jsonl --fail-on never \
  < "$tmp/in.jsonl" > "$tmp/out.jsonl" 2> "$tmp/time.txt" && rc=0 || rc=$?
lines=$(wc -l < "$tmp/out.jsonl")
errors=$(grep -c '^{"id":[^,]*,"seq":[0-9]*,"error":' "$tmp/out.jsonl" || true)
rss=$(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' "$tmp/time.txt")
user=$(awk -F: '/User time/ {gsub(/ /, "", $2); print $2}' "$tmp/time.txt")
sys=$(awk -F: '/System time/ {gsub(/ /, "", $2); print $2}' "$tmp/time.txt")
wall=$(awk '/Elapsed/ {print $NF}' "$tmp/time.txt")
echo "records=$N exit=$rc lines=$lines error_rows=$errors planted=$planted peak_rss_kb=$rss user_s=$user sys_s=$sys wall=$wall"

# Output before the end of input: feed the first 5000 lines, wait for the
# first output line while the input is still open, then send the rest.
mkfifo "$tmp/fifo"
"$BIN" audit --input jsonl --pairs - --format jsonl --fail-on never < "$tmp/fifo" > "$tmp/early.jsonl" &
pid=$!
exec 3> "$tmp/fifo"
head -n 5000 "$tmp/in.jsonl" >&3
early=no
for _ in $(seq 600); do
  if [ -s "$tmp/early.jsonl" ]; then early=yes; break; fi
  sleep 0.1
done
sed -n '5001,10000p' "$tmp/in.jsonl" >&3
exec 3>&-
wait "$pid"
echo "output_before_input_end=$early"

ok=1
[ "$rc" -eq 0 ] || ok=0
[ "$lines" -eq "$N" ] || ok=0
[ "$errors" -eq "$planted" ] || ok=0
[ "$early" = yes ] || ok=0
[ "$rss" -lt 204800 ] || ok=0
[ "$ok" -eq 1 ] && echo PASS || { echo FAIL; exit 1; }
