#!/usr/bin/env python3
"""Run bitext over a table of records with Apache Spark.

One bitext process per partition (``mapPartitions``), fed the partition's
JSON Lines records on stdin and read back line by line. bitext's record
contract (one output line per input line, in order, echoing ``id`` and
``seq``) is checked for every partition: the exit code, the number of rows
and each row's id. Any breach fails the task, and with it the job: a bitext
killed by a memory cap never passes for a short, "successful" partition.
Each task runs bitext with ``--threads 1``: Spark already runs one task per
core.

Jobs (see ``JOBS``):

``audit``
    Pair records ``{"id", "en", "ko", ...}`` -> one shard row per record
    (``bitext audit --input jsonl --shard``), depending on that record only.
    With ``--report FILE``, the driver then runs ``bitext audit --merge`` on
    the collected rows for the batch-level report (BT409 name variants, the
    batch score, any ``--format``).

``align``
    Paired articles ``{"pair_id", "en": Article, "ko": Article}`` -> aligned
    rows (``bitext align --pairs -``), for a bitext built with that input.

Usage::

    spark-submit contrib/spark/bitext_spark.py audit \\
        --input records.jsonl --output out/ --partitions 8 \\
        --bitext /path/to/bitext --report report.jsonl --format jsonl

The partition function ``run_partition`` does not depend on Spark; Dask and
Ray can call it the same way (see ``contrib/spark/README.md``).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import zlib

# Each job: the bitext arguments that read records on stdin and write one
# line per record, and the field that names a record. A new job (such as
# pairing two collections by date bucket) is one more entry.
JOBS = {
    "audit": {
        "args": ["audit", "--input", "jsonl", "--pairs", "-", "--shard", "--format", "jsonl", "--fail-on", "never"],
        "id": "id",
    },
    "align": {
        "args": ["align", "--pairs", "-", "--format", "jsonl"],
        "id": "pair_id",
    },
}


class ContractError(RuntimeError):
    """bitext broke the record contract on a partition."""


def record_id(line, field):
    """The id of an input line, or None when the line is not a JSON object."""
    try:
        rec = json.loads(line)
    except ValueError:
        return None
    if not isinstance(rec, dict):
        return None
    v = rec.get(field)
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return str(v)
    return v if isinstance(v, str) else None


def run_partition(lines, job="audit", bitext="bitext", extra_args=()):
    """Run one bitext process over ``lines`` (str records, no line ends) and
    yield its output lines (str), after checking the contract.

    Raises ContractError when bitext exits with a failure, dies on a signal,
    or returns a different number of rows or different ids than it was given.
    """
    spec = JOBS[job]
    argv = [bitext, *spec["args"], "--threads", "1", *extra_args]
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sent_ids = []
    feed_error = []

    def feed():
        try:
            for line in lines:
                if isinstance(line, bytes):
                    line = line.decode("utf-8", "surrogateescape")
                line = line.rstrip("\n")
                sent_ids.append(record_id(line, spec["id"]))
                proc.stdin.write(line.encode("utf-8", "surrogateescape") + b"\n")
        except BrokenPipeError:
            feed_error.append("bitext stopped reading its input")
        except Exception as e:  # noqa: BLE001 - reported below, with the job
            feed_error.append(repr(e))
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    stderr_chunks = []
    writer = threading.Thread(target=feed, daemon=True)
    reader = threading.Thread(target=lambda: stderr_chunks.append(proc.stderr.read()), daemon=True)
    writer.start()
    reader.start()
    out = []
    for raw in proc.stdout:
        out.append(raw.decode("utf-8").rstrip("\n"))
    writer.join()
    code = proc.wait()
    reader.join()
    err = b"".join(stderr_chunks).decode("utf-8", "replace").strip()
    if feed_error:
        raise ContractError(f"bitext {job}: {feed_error[0]} (exit {code}): {err[-2000:]}")
    if code not in (0, 1):
        how = f"killed by signal {-code}" if code < 0 else f"exit code {code}"
        raise ContractError(f"bitext {job}: {how} after {len(out)} of {len(sent_ids)} rows: {err[-2000:]}")
    if len(out) != len(sent_ids):
        raise ContractError(f"bitext {job}: {len(out)} rows for {len(sent_ids)} records")
    for i, (row, want) in enumerate(zip(out, sent_ids)):
        got = json.loads(row)
        if got.get("seq") != i:
            raise ContractError(f"bitext {job}: row {i} has seq {got.get('seq')}")
        if want is not None and got.get(spec["id"]) != want:
            raise ContractError(f"bitext {job}: row {i} is `{got.get(spec['id'])}`, expected `{want}`")
    return out


def spark_job(sc, job, input_path, output, partitions, bitext, shuffle_seed=None):
    """Run ``job`` over the records of ``input_path`` in ``partitions``
    partitions and write the output rows, ordered by id, to ``output`` (a
    directory of part files, as Spark writes). Returns the RDD of rows."""
    field = JOBS[job]["id"]
    ship_module(sc)
    # Bytes, not text, so that Python never fails on a bad record (Spark's
    # text reader itself replaces invalid UTF-8 with U+FFFD).
    records = sc.textFile(input_path, use_unicode=False)
    if shuffle_seed is not None:
        # Input order must not matter: deal the records out in another order.
        salt = str(shuffle_seed).encode()
        records = records.map(lambda l: (zlib.crc32(salt + l), l)).sortByKey().values()
    records = records.repartition(partitions)

    def part(it):
        return iter(run_partition(it, job=job, bitext=bitext))

    rows = records.mapPartitions(part)
    # Rows come back keyed by id, for an output independent of the partitioning.
    keyed = rows.map(lambda r: ((sort_key(json.loads(r).get(field)), r), r)).sortByKey(
        numPartitions=max(1, partitions)
    )
    out = keyed.values()
    if output:
        if os.path.exists(output):
            shutil.rmtree(output)
        out.saveAsTextFile(output)
    return out


_SHIPPED = set()


def ship_module(sc):
    """Make this module importable on the executors (the partition function
    lives here)."""
    if id(sc) not in _SHIPPED:
        sc.addPyFile(os.path.abspath(__file__))
        _SHIPPED.add(id(sc))


def sort_key(rid):
    """A sort key for ids: missing ids last, digit runs compared as numbers."""
    if rid is None:
        return (1, ())
    parts = []
    run = ""
    digit = None
    for ch in rid:
        d = ch.isdigit() and ch.isascii()
        if digit is not None and d != digit:
            parts.append((0, int(run), run) if digit else (1, 0, run))
            run = ""
        run += ch
        digit = d
    if run:
        parts.append((0, int(run), run) if digit else (1, 0, run))
    return (0, tuple(parts), rid)


def merge_report(rows, bitext, fmt, report):
    """Run ``bitext audit --merge`` over the shard rows (an iterable of str)
    and write the report to ``report``."""
    with tempfile.TemporaryDirectory() as tmp:
        part = os.path.join(tmp, "rows.jsonl")
        with open(part, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(r + "\n")
        code = subprocess.run(
            [bitext, "audit", "--merge", part, "--format", fmt, "--fail-on", "never", "-o", report]
        ).returncode
        if code != 0:
            raise ContractError(f"bitext audit --merge: exit code {code}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("job", choices=sorted(JOBS))
    ap.add_argument("--input", required=True, help="JSON Lines records (any path Spark reads)")
    ap.add_argument("--output", help="directory for the output rows")
    ap.add_argument("--partitions", type=int, default=2)
    ap.add_argument("--bitext", default=shutil.which("bitext") or "bitext", help="bitext binary on every worker")
    ap.add_argument("--report", help="audit: write the merged batch report here")
    ap.add_argument("--format", default="jsonl", help="audit: report format (any of bitext audit --format)")
    ap.add_argument("--master", help="Spark master (default: from spark-submit)")
    args = ap.parse_args(argv)

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName(f"bitext-{args.job}")
    if args.master:
        conf = conf.setMaster(args.master)
    sc = SparkContext.getOrCreate(conf)
    try:
        rows = spark_job(sc, args.job, args.input, args.output, args.partitions, args.bitext)
        if args.report:
            if args.job != "audit":
                ap.error("--report is for the audit job")
            merge_report(rows.toLocalIterator(), args.bitext, args.format, args.report)
    finally:
        sc.stop()


if __name__ == "__main__":
    sys.exit(main())
