#!/usr/bin/env python3
"""CI check of the Spark pairing job: in local[2], bucketed pairing equals
one `bitext pair` run on the same articles, for several bucket widths and
partitionings and for shuffled input, and a rerun gives the same bytes.

    python3 contrib/spark/test_pair.py BITEXT
"""

import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bitext_pair  # noqa: E402

N = 1500
DAYS = 60


def collections(rng):
    """N Korean articles over DAYS days and their translations 0-2 days later
    (15 % replaced by unrelated English articles, a few undated), as article
    records."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    ko, en = [], []
    for i in range(N):
        day = rng.randrange(DAYS)
        people, deals, pct = rng.randrange(100, 99999), rng.randrange(10, 9999), rng.randrange(10, 999)
        acr = "".join(rng.choice(letters) for _ in range(4))
        date = f"2024-{1 + day // 28:02d}-{1 + day % 28:02d} 09:00"
        ko.append({
            "id": f"ko-{i:05d}", "published_at": date if i % 97 else "", "title": f"{acr} 회의",
            "body": f"산업부는 {people:,}명이 참석한 {acr} 회의에서 {deals}건의 계약이 체결됐고 수출이 {pct // 10}.{pct % 10}% 늘었다고 밝혔다.",
        })
        if rng.random() < 0.15:
            people, deals, pct = rng.randrange(100, 99999), rng.randrange(10, 9999), rng.randrange(10, 999)
            acr = "".join(rng.choice(letters) for _ in range(4))
        eday = day + rng.randrange(3)
        edate = f"2024-{1 + eday // 28:02d}-{1 + eday % 28:02d} 18:00"
        en.append({
            "id": f"en-{i:05d}", "published_at": edate if i % 89 else "", "title": f"{acr} meeting",
            "body": f"{people:,} people attended the {acr} meeting, where {deals} contracts were signed; exports rose {pct // 10}.{pct % 10} percent, the ministry said.",
        })
    return en, ko


def write(path, records, rng=None):
    import json

    records = list(records)
    if rng is not None:
        rng.shuffle(records)
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    bitext = os.path.abspath(sys.argv[1])
    rng = random.Random(7)
    en, ko = collections(rng)
    from pyspark import SparkConf, SparkContext

    sc = SparkContext.getOrCreate(SparkConf()
        .setMaster("local[2]")
        .setAppName("bitext-pair-test")
        .set("spark.ui.showConsoleProgress", "false"))
    sc.setLogLevel("ERROR")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        en_path, ko_path = os.path.join(tmp, "en.jsonl"), os.path.join(tmp, "ko.jsonl")
        write(en_path, en)
        write(ko_path, ko)
        one = subprocess.run([bitext, "pair", en_path, ko_path], capture_output=True, check=True).stdout
        want = b"".join(sorted(one.splitlines(keepends=True)))
        assert len(want.splitlines()) > N // 2, "too few pairs in one run"
        runs = [(1, 1, False), (7, 2, False), (5, 7, True), (7, 2, False)]
        outputs = []
        for width, parts, shuffled in runs:
            if shuffled:
                write(en_path, en, random.Random(width))
                write(ko_path, ko, random.Random(parts))
            out = os.path.join(tmp, f"pairs-{width}-{parts}.tsv")
            bitext_pair.spark_pair(sc, en_path, ko_path, out, bucket_days=width, partitions=parts, bitext=bitext)
            with open(out, "rb") as f:
                got = f.read()
            outputs.append(got)
            ok = got == want
            failures += not ok
            print(f"bucket {width} day(s), {parts} partition(s){', shuffled' if shuffled else ''}: "
                  f"{len(got.splitlines())} pairs, {'same as one run' if ok else 'DIFFERENT from one run'}")
        if outputs[1] != outputs[3]:
            failures += 1
            print("a rerun gave different bytes")
        # A failing stage fails the job.
        try:
            bitext_pair.spark_pair(sc, en_path, ko_path, os.path.join(tmp, "x"), bitext="/bin/false")
            failures += 1
            print("a failing bitext did not fail the job")
        except Exception:  # noqa: BLE001 - any failure of the job is right here
            print("a failing bitext fails the job")
    sc.stop()
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
