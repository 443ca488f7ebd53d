#!/usr/bin/env bash
# Reproductions of inputs that once made bitext hang, panic, lose data or
# mislead a CI job, run against a built binary. Each case has 10 seconds
# (a hang fails it), must not exit 101 (a panic), and must exit with the
# documented code (0 ok, 1 findings, 2 input error). The 50 MB line gets
# longer: it must finish, not be fast.
#
# Usage: tests/repro.sh [BITEXT_BINARY]   (from the repository root)
set -uo pipefail
BIN=$(realpath "${1:-target/debug/bitext}")
ROOT=$(pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0

ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1: $2"; fail=$((fail + 1)); }

# expect NAME CODE LIMIT -- ARGS...: run bitext, check the exit code.
expect() {
  local name=$1 want=$2 limit=$3
  shift 4
  timeout "$limit" "$BIN" "$@" >"$T/out" 2>"$T/err"
  local got=$?
  if [ "$got" = 124 ]; then bad "$name" "no answer within ${limit}s"
  elif [ "$got" = 101 ]; then bad "$name" "panic: $(tail -2 "$T/err")"
  elif [ "$got" != "$want" ]; then bad "$name" "exit $got, want $want: $(tail -2 "$T/err")"
  else ok "$name"; fi
}

EN1=$(ls "$ROOT"/corpora/en/*.txt | head -1)
KO1=$(ls "$ROOT"/corpora/ko/*.txt | head -1)

# lint --fix keeps every word of an escaped tag.
printf 'The guide says to type &lt;br&gt; to break a line.\n' >"$T/entity.txt"
expect "lint --fix on an escaped tag" 1 10 -- lint --fix "$T/entity.txt"
for w in The guide says to type '&lt;br&gt;' to break a line.; do
  grep -qF -- "$w" "$T/entity.txt" || bad "lint --fix keeps \`$w\`" "$(cat "$T/entity.txt")"
done

# -o naming an input: exit 2, input byte-identical.
cp "$EN1" "$T/en.txt"; cp "$KO1" "$T/ko.txt"
printf 'en\tko\nHe went home.\t그는 집에 갔다.\n' >"$T/pairs.tsv"
for f in en.txt ko.txt pairs.tsv; do cp "$T/$f" "$T/$f.orig"; done
expect "align -o EN" 2 10 -- align "$T/en.txt" "$T/ko.txt" -o "$T/en.txt"
expect "align -o KO" 2 10 -- align "$T/en.txt" "$T/ko.txt" -o "$T/ko.txt"
expect "audit -o KO" 2 10 -- audit "$T/en.txt" "$T/ko.txt" -o "$T/ko.txt"
expect "audit --pairs -o PAIRS" 2 10 -- audit --pairs "$T/pairs.tsv" -o "$T/pairs.tsv"
cp -r "$ROOT/corpora" "$T/c"
INSIDE=$(ls "$T"/c/en/*.txt | head -1); cp "$INSIDE" "$T/inside.orig"
expect "pair -o a file of the input" 2 10 -- pair "$T/c/en" "$T/c/ko" -o "$INSIDE"
for f in en.txt ko.txt pairs.tsv; do cmp -s "$T/$f" "$T/$f.orig" || bad "input $f kept" "changed"; done
cmp -s "$INSIDE" "$T/inside.orig" || bad "input inside a directory kept" "changed"

# Swapped sides.
expect "align KO_DIR EN_DIR refused" 2 10 -- align "$ROOT/corpora/ko" "$ROOT/corpora/en"
cp "$KO1" "$T/c/en/zz-stray.txt"
expect "a Korean file among English ones" 0 10 -- align "$T/c/en" "$T/c/ko" -o "$T/p.csv"
grep -q "zz-stray.txt: given as English but reads as ko" "$T/err" || bad "stray Korean file warned" "$(cat "$T/err")"
rm "$T/c/en/zz-stray.txt"

# Symbolic links back to a parent: no endless walk, no file read twice.
mkdir -p "$T/loop/d"; cp "$EN1" "$T/loop/d/a.txt"
ln -s .. "$T/loop/d/up1"; ln -s ../.. "$T/loop/d/up2"
expect "two links back to parents" 2 10 -- lint "$T/loop"
grep -q "symbolic link loop" "$T/err" || bad "loop reported" "$(head -3 "$T/err")"
expect "the same directory on both sides" 2 10 -- audit "$ROOT/corpora/ko" "$ROOT/corpora/ko"

# No panic on a full disk or a closed stderr.
timeout 10 "$BIN" explain BT101 >/dev/full 2>"$T/err"
got=$?; [ "$got" = 2 ] && ok "explain > /dev/full" || bad "explain > /dev/full" "exit $got"
( timeout 10 "$BIN" lint /nonexistent/a /nonexistent/b 2>&1 >/dev/null | head -c 1 >/dev/null; exit "${PIPESTATUS[0]}" )
got=$?; [ "$got" = 2 ] && ok "closed stderr pipe" || bad "closed stderr pipe" "exit $got"

# Long lines: linear, not quadratic.
python3 -c "open('$T/long4.txt','w').write('Korea&#x27;s exports rose. ' * 160000 + '\n')"
expect "lint, a 4 MB line with 160,000 findings" 1 10 -- lint "$T/long4.txt"
expect "show, a 4 MB line" 0 10 -- show "$T/long4.txt"
python3 -c "open('$T/long50.txt','w').write('Exports rose sharply in the third quarter. ' * 1200000 + '\n')"
expect "show, a 50 MB line finishes" 0 300 -- show "$T/long50.txt"
expect "lint, a 50 MB line finishes" 0 300 -- lint "$T/long50.txt"

# A killed run leaves no temporary file behind for long.
mkdir -p "$T/kill"
timeout -s KILL 0.5 "$BIN" align "$ROOT/corpora/en" "$ROOT/corpora/ko" -o "$T/kill/out.csv" 2>/dev/null
printf '.bitext-2147483646-x.tmp' | xargs -I{} touch "$T/kill/{}"
expect "a later run into the same directory" 0 10 -- align "$EN1" "$KO1" -o "$T/kill/out2.csv"
ls -a "$T/kill" | grep -q '^\.bitext-.*\.tmp$' && bad "stale temporary files removed" "$(ls -a "$T/kill")" || ok "stale temporary files removed"

# Bad input in a batch.
printf '{"id":"1","body":"Exports rose."}\n{"id":"2","body":"broken\n{"id":"3","body":"Imports fell."}\n' >"$T/a.jsonl"
expect "one bad JSONL line" 2 10 -- segment "$T/a.jsonl"
grep -q "Imports fell" "$T/out" || bad "records after a bad line kept" "$(cat "$T/out")"
grep -q "a.jsonl:2:" "$T/err" || bad "bad record named file:line" "$(cat "$T/err")"
printf 'en,ko\n"He went home.,그는 집에 갔다.\n' >"$T/q.csv"
expect "CSV with an unterminated quote" 2 10 -- audit --pairs "$T/q.csv"
: >"$T/empty.txt"
for cmd in show segment; do expect "empty file: $cmd" 2 10 -- $cmd "$T/empty.txt"; done
expect "empty file: align" 2 10 -- align "$EN1" "$T/empty.txt"
expect "empty file: audit" 2 10 -- audit "$EN1" "$T/empty.txt"

# Long paths are reported, not skipped.
d="$T/deep"; mkdir -p "$d"; cd "$d"
for i in $(seq 1 18); do n=$(printf 'd%.0s' $(seq 1 250)); mkdir "$n" && cd "$n"; done
cp "$EN1" a.txt; cd "$ROOT"
expect "a path longer than PATH_MAX" 2 10 -- lint "$T/deep"

# CI consumers.
expect "JUnit, --fail-on never" 0 10 -- audit --pairs tests/fixtures/audit/pairs.tsv --format junit --fail-on never
grep -q "<failure" "$T/out" && bad "no failures with --fail-on never" "found one" || ok "no failures with --fail-on never"
expect "JUnit, default" 1 10 -- audit --pairs tests/fixtures/audit/pairs.tsv --format junit --fail-on warning
grep -q "U+000A" "$T/out" && bad "real line breaks in JUnit" "escaped" || ok "real line breaks in JUnit"
rm "$(ls "$T"/c/en/*.txt | head -1)"
expect "audit DIR DIR with a missing translation" 1 60 -- audit "$T/c/en" "$T/c/ko" --format junit
grep -q "unpaired ko" "$T/out" || bad "unpaired article in JUnit" "missing"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
