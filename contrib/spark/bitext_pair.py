#!/usr/bin/env python3
"""Pair two article collections with Apache Spark, by date buckets.

The stages of ``bitext pair`` (see the README, "Pairing in stages") as a
Spark job, one bitext process per task and one thread each:

1. map: ``bitext pair features`` over each partition of each collection;
2. reduce: ``bitext pair stats`` over every features record, on the driver,
   shipped to the tasks with ``SparkContext.addFile``;
3. map: ``bitext pair score --ko-days`` over each bucket of Korean days,
   given the articles its date windows reach (the halo), and ``score
   --undated`` once over every record when some article has no date;
4. reduce: ``bitext pair assign`` over every candidate, on the driver.

The pairs are those of ``bitext pair EN KO`` on the same articles, for any
bucket width and partitioning. Input: JSON Lines article records (``id``,
``published_at``, ``title``, ``body``, ...), one file or directory per side.

Usage::

    spark-submit contrib/spark/bitext_pair.py --en en.jsonl --ko ko.jsonl \\
        --output pairs.tsv --bucket-days 7 --partitions 8 --bitext /path/to/bitext

The partition functions (``features_partition``, ``score_bucket``) do not
depend on Spark; Dask or Ray can call them the same way.
"""

import argparse
import datetime
import json
import os
import subprocess
import tempfile
import uuid


class StageError(RuntimeError):
    """A bitext stage failed; the task, and the job, fail with it."""


def run_bitext(bitext, args, stdin_lines=None, input_name="in.jsonl"):
    """Run ``bitext ARGS``, with ``stdin_lines`` written to a file that is
    passed as the last argument; return the output lines. Any exit code but 0,
    or death by a signal, raises StageError with bitext's stderr."""
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    with tempfile.TemporaryDirectory() as tmp:
        argv = [bitext, *args]
        if stdin_lines is not None:
            path = os.path.join(tmp, input_name)
            with open(path, "w", encoding="utf-8") as f:
                for line in stdin_lines:
                    f.write(line.rstrip("\n") + "\n")
            argv.append(path)
        out = os.path.join(tmp, "out")
        proc = subprocess.run([*argv, "-o", out], env=env, capture_output=True)
        if proc.returncode != 0:
            how = f"signal {-proc.returncode}" if proc.returncode < 0 else f"exit code {proc.returncode}"
            err = proc.stderr.decode("utf-8", "replace")[-2000:]
            raise StageError(f"bitext {' '.join(args[:2])}: {how}: {err}")
        with open(out, encoding="utf-8") as f:
            return [line.rstrip("\n") for line in f]


def features_partition(lines, lang, bitext):
    """Map: the features of the article records ``lines``, one per record."""
    lines = [l for l in lines if l.strip()]
    if not lines:
        return []
    out = run_bitext(bitext, ["pair", "features", "--lang", lang], lines)
    if len(out) != len(lines):
        raise StageError(f"bitext pair features: {len(out)} features for {len(lines)} records")
    return out


def day_string(day):
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=day)).isoformat()


def buckets_of(line, width, max_days):
    """The buckets (numbered from 1970-01-01 by ``width`` days) whose scoring
    needs this features record: a Korean article's own bucket and those whose
    windows reach it, an English article's buckets of the Korean days it may
    translate. Undated articles go to the undated join instead."""
    rec = json.loads(line)
    day = rec.get("day")
    if day is None:
        return []
    lo = day - max_days
    hi = day + max_days if rec["lang"] == "ko" else day
    return [(b, line) for b in range(lo // width, hi // width + 1)]


def score_bucket(bucket, lines, width, stats, bitext):
    """Map: the candidates of the Korean articles of one bucket."""
    first = bucket * width
    days = f"{day_string(first)}..{day_string(first + width - 1)}"
    return run_bitext(bitext, ["pair", "score", "--stats", stats, "--ko-days", days], lines)


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")


def spark_pair(sc, en_path, ko_path, output, bucket_days=7, partitions=2, bitext="bitext", max_days=3):
    """Pair the collections at ``en_path`` and ``ko_path`` and write the pairs
    (``bitext pair`` TSV) to ``output``."""
    from pyspark import SparkFiles

    # The tasks run this module's functions.
    sc.addPyFile(os.path.abspath(__file__))
    feats = (
        sc.textFile(en_path)
        .repartition(partitions)
        .mapPartitions(lambda it: features_partition(it, "en", bitext))
        .union(
            sc.textFile(ko_path)
            .repartition(partitions)
            .mapPartitions(lambda it: features_partition(it, "ko", bitext))
        )
        .cache()
    )
    with tempfile.TemporaryDirectory() as tmp:
        all_feats = os.path.join(tmp, "features.jsonl")
        write_lines(all_feats, feats.toLocalIterator())
        # A name of its own: a context ships one file per name.
        stats = os.path.join(tmp, f"stats-{uuid.uuid4().hex}.json")
        write_lines(stats, run_bitext(bitext, ["pair", "stats", "--max-days", str(max_days), all_feats]))
        sc.addFile(stats)
        name = os.path.basename(stats)
        width = bucket_days
        edges = (
            feats.flatMap(lambda l: buckets_of(l, width, max_days))
            .groupByKey(numPartitions=partitions)
            .flatMap(lambda kv: score_bucket(kv[0], list(kv[1]), width, SparkFiles.get(name), bitext))
        )
        all_edges = os.path.join(tmp, "edges.jsonl")
        write_lines(all_edges, edges.toLocalIterator())
        undated = os.path.join(tmp, "undated.jsonl")
        if feats.filter(lambda l: json.loads(l).get("day") is None).isEmpty():
            write_lines(undated, [])
        else:
            # The undated join: an undated article competes with the whole
            # other collection.
            write_lines(undated, run_bitext(bitext, ["pair", "score", "--stats", stats, "--undated"], open(all_feats)))
        write_lines(output, run_bitext(bitext, ["pair", "assign", "--stats", stats, all_edges, undated]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--en", required=True, help="English article records (JSON Lines file or directory)")
    ap.add_argument("--ko", required=True, help="Korean article records")
    ap.add_argument("--output", required=True, help="pairs, as `bitext pair` writes them (TSV)")
    ap.add_argument("--bucket-days", type=int, default=7, help="Korean days per scoring task")
    ap.add_argument("--partitions", type=int, default=2)
    ap.add_argument("--max-days", type=int, default=3)
    ap.add_argument("--bitext", default="bitext", help="path of the bitext binary on every worker")
    ap.add_argument("--master", default=None, help="Spark master (spark-submit sets it)")
    a = ap.parse_args()
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("bitext-pair")
    if a.master:
        conf = conf.setMaster(a.master)
    sc = SparkContext.getOrCreate(conf)
    try:
        spark_pair(sc, a.en, a.ko, a.output, a.bucket_days, a.partitions, a.bitext, a.max_days)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
