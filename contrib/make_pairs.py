#!/usr/bin/env python3
"""Write pair records (JSON Lines or TSV) for load tests and the Spark test.

The sentence pairs come from the sample corpora: `bitext align` aligns
corpora/en with corpora/ko, and the linked sentence pairs are cycled through
(in a fixed, scrambled order) until N records are written. Every tenth record
pairs an English sentence with the wrong Korean one, so the audit has findings
to report. With --bad-every K, every K-th record is planted bad, cycling
through: a line that is not JSON, a record without `ko`, and invalid UTF-8
inside a string.

    contrib/make_pairs.py --bitext target/release/bitext -n 300000 --bad-every 1000 > records.jsonl

Output is a pure function of the arguments and the corpora.
"""

import argparse
import json
import subprocess
import sys


def corpus_pairs(bitext, corpora):
    out = subprocess.run(
        [bitext, "align", f"{corpora}/en", f"{corpora}/ko", "--format", "jsonl"],
        check=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    ).stdout
    pairs = []
    for line in out.decode("utf-8").splitlines():
        bead = json.loads(line)
        en, ko = bead.get("en", ""), bead.get("ko", "")
        if en.strip() and ko.strip():
            pairs.append((en, ko))
    if not pairs:
        sys.exit("make_pairs: no sentence pairs aligned")
    return pairs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bitext", default="bitext", help="the bitext binary")
    ap.add_argument("--corpora", default="corpora", help="the sample corpora directory")
    ap.add_argument("-n", type=int, required=True, help="records to write")
    ap.add_argument("--bad-every", type=int, default=0, help="plant a bad record every K records")
    ap.add_argument("--format", choices=["jsonl", "tsv"], default="jsonl")
    args = ap.parse_args()

    pairs = corpus_pairs(args.bitext, args.corpora)
    m = len(pairs)
    out = sys.stdout.buffer
    if args.format == "tsv":
        out.write(b"id\ten\tko\n")
    kinds = 0
    for i in range(args.n):
        # A multiplier prime to m visits every pair once per cycle, scrambled.
        j = (i * 7919) % m
        en, ko = pairs[j]
        if i % 10 == 9:
            ko = pairs[(j + m // 2) % m][1]
        rid = f"p{i:08d}"
        if args.format == "tsv":
            clean = lambda s: s.replace("\t", " ").replace("\n", " ")
            out.write(f"{rid}\t{clean(en)}\t{clean(ko)}\n".encode("utf-8"))
            continue
        if args.bad_every and i % args.bad_every == args.bad_every - 1:
            kind = kinds % 3
            kinds += 1
            if kind == 0:
                out.write(f'{{"id": "{rid}", "en": not json\n'.encode("utf-8"))
            elif kind == 1:
                out.write((json.dumps({"id": rid, "en": en}, ensure_ascii=False) + "\n").encode("utf-8"))
            else:
                line = json.dumps({"id": rid, "en": en, "ko": "X"}, ensure_ascii=False)
                out.write(line.encode("utf-8").replace(b'"X"', b'"\xff\xfe"') + b"\n")
            continue
        rec = {"id": rid, "en": en, "ko": ko, "n": i}
        out.write((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
