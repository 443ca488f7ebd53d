#!/usr/bin/env python3
"""End-to-end test of the Spark driver in local[2] (run by .ci/run).

    python contrib/spark/test_spark.py --bitext target/debug/bitext

Input: a few thousand pair records written by contrib/make_pairs.py from the
sample corpora. Checks, for the audit job:
- the merged report equals the single-process run (shard, then merge) byte
  for byte, for 1, 2 and 7 partitions and for shuffled input; the shard
  rows are the same too (but for their per-partition `seq`);
- a rerun gives the same bytes;
- planted bad records come back as error rows naming their ids;
- a bitext that is killed fails the job.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import bitext_spark  # noqa: E402


def sh(argv, **kw):
    return subprocess.run(argv, check=True, stdout=subprocess.PIPE, **kw).stdout


def without_seq(rows):
    out = []
    for r in rows:
        d = json.loads(r)
        d.pop("seq", None)
        out.append(json.dumps(d, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bitext", default=os.path.join(ROOT, "target", "debug", "bitext"))
    ap.add_argument("-n", type=int, default=3000)
    args = ap.parse_args()
    bitext = os.path.abspath(args.bitext)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    from pyspark import SparkConf, SparkContext

    tmp = tempfile.mkdtemp(prefix="bitext-spark-")
    make = [sys.executable, os.path.join(ROOT, "contrib", "make_pairs.py"), "--bitext", bitext,
            "--corpora", os.path.join(ROOT, "corpora"), "-n", str(args.n)]
    clean = os.path.join(tmp, "pairs.jsonl")
    with open(clean, "wb") as f:
        f.write(sh(make))
    bad = os.path.join(tmp, "bad.jsonl")
    with open(bad, "wb") as f:
        f.write(sh(make + ["--bad-every", "250"]))

    # The single-process reference: the same contract, one process.
    shard_cmd = [bitext, *bitext_spark.JOBS["audit"]["args"]]
    with open(clean, "rb") as f:
        ref_rows = sh(shard_cmd, stdin=f).decode("utf-8").splitlines()
    ref_report = os.path.join(tmp, "ref.jsonl")
    bitext_spark.merge_report(ref_rows, bitext, "jsonl", ref_report)
    with open(ref_report, "rb") as f:
        want = f.read()
    assert want.count(b"\n") == args.n, "reference report has one row per record"

    conf = SparkConf().setMaster("local[2]").setAppName("bitext-test")
    conf = conf.set("spark.ui.enabled", "false").set("spark.task.maxFailures", "1")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    failures = []
    try:
        reports = {}
        for parts, seed in [(1, None), (2, None), (7, None), (2, 11), (7, 12)]:
            t = time.time()
            rows = bitext_spark.spark_job(sc, "audit", clean, None, parts, bitext, shuffle_seed=seed).collect()
            out = os.path.join(tmp, f"report-{parts}-{seed}.jsonl")
            bitext_spark.merge_report(rows, bitext, "jsonl", out)
            with open(out, "rb") as f:
                got = f.read()
            ok = got == want and without_seq(rows) == without_seq(ref_rows)
            reports[(parts, seed)] = got
            print(f"audit: {parts} partition(s), shuffle={seed}: {len(rows)} rows, "
                  f"{'identical' if ok else 'DIFFERENT'} ({time.time() - t:.1f}s)")
            if not ok:
                failures.append(f"{parts} partitions, shuffle {seed}: output differs from the single run")

        rows = bitext_spark.spark_job(sc, "audit", clean, None, 7, bitext, shuffle_seed=12).collect()
        out = os.path.join(tmp, "rerun.jsonl")
        bitext_spark.merge_report(rows, bitext, "jsonl", out)
        with open(out, "rb") as f:
            same = f.read() == reports[(7, 12)]
        print(f"audit: rerun {'identical' if same else 'DIFFERENT'}")
        if not same:
            failures.append("rerun differs")

        rows = bitext_spark.spark_job(sc, "audit", bad, None, 3, bitext, shuffle_seed=5).collect()
        errors = [json.loads(r) for r in rows if '"error":' in r[:200] and json.loads(r).get("error")]
        # Planted kinds cycle: not JSON, no `ko`, invalid UTF-8. Spark's text
        # reader turns invalid UTF-8 into U+FFFD before bitext sees it, so
        # that kind arrives as a (poor) pair, not as an error row.
        planted = {f"p{i:08d}" for k, i in enumerate(range(249, args.n, 250)) if k % 3 != 2}
        got_ids = {e["id"] for e in errors}
        print(f"audit: {len(rows)} rows for {args.n} records, {len(errors)} error rows, {len(planted)} planted")
        if len(rows) != args.n or got_ids != planted:
            failures.append(f"error rows: got {sorted(got_ids)[:5]}..., want {sorted(planted)[:5]}...")

        killer = os.path.join(tmp, "killed-bitext")
        with open(killer, "w") as f:
            f.write(f'#!/bin/sh\nhead -c 20000 | "{bitext}" "$@"\nkill -9 $$\n')
        os.chmod(killer, 0o755)
        try:
            bitext_spark.spark_job(sc, "audit", clean, None, 2, killer).count()
            failures.append("a killed bitext did not fail the job")
            print("audit: killed bitext: job SUCCEEDED (wrong)")
        except Exception as e:  # noqa: BLE001 - Spark wraps the task's error
            msg = str(e)
            named = "bitext audit" in msg
            print(f"audit: killed bitext: job failed{' naming bitext' if named else ''}")
            if not named:
                failures.append("a killed bitext failed the job without saying why")
    finally:
        sc.stop()
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("spark test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
