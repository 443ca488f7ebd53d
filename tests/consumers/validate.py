#!/usr/bin/env python3
"""Feed bitext's outputs to the tools their consumers use, and fail on the
first output one of them rejects.

- SARIF: the official SARIF 2.1.0 JSON schema (jsonschema, draft 4).
- JUnit: the JUnit XSD of Jenkins' xunit plugin (xmllint --schema); the
  JUnit of `--fail-on never` must have no failures, and failures list one
  finding per line.
- TMX: the TMX 1.4b DTD (xmllint --dtdvalid).
- Markdown: a CommonMark renderer (markdown-it-py, with GFM tables): corpus
  text must come out as text, never as emphasis, links, images or HTML.

Usage: validate.py BITEXT_BINARY   (run from the repository root)
Needs: python3 with jsonschema and markdown-it-py; xmllint (libxml2-utils).
"""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = sys.argv[1] if len(sys.argv) > 1 else "target/debug/bitext"
checked = 0
failed = 0


def bitext(*args, ok=(0, 1)):
    p = subprocess.run([BIN, *args], capture_output=True)
    if p.returncode not in ok:
        sys.exit(f"bitext {' '.join(args)} exited {p.returncode}: {p.stderr.decode()}")
    return p.stdout


def check(name, good, why=""):
    global checked, failed
    checked += 1
    if good:
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}: {why}")


def sarif():
    import jsonschema

    with open(os.path.join(HERE, "sarif-schema-2.1.0.json")) as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    cases = {
        "lint corpora": ["lint", "corpora", "--format", "sarif"],
        "lint fixtures": ["lint", "tests/fixtures/lint", "--format", "sarif"],
        "audit pairs": ["audit", "--pairs", "tests/fixtures/audit/pairs.tsv", "--format", "sarif"],
        "audit articles": ["audit", "corpora/en", "corpora/ko", "--format", "sarif"],
    }
    for name, args in cases.items():
        log = json.loads(bitext(*args))
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        check(f"SARIF schema: {name}", not errors, "; ".join(e.message for e in errors[:3]))
        results = log["runs"][0]["results"]
        check(
            f"SARIF fingerprints: {name}",
            results and all(r.get("partialFingerprints") for r in results),
            "a result without partialFingerprints",
        )


def xmllint(*args):
    p = subprocess.run(["xmllint", "--noout", "--nonet", *args], capture_output=True)
    return p.returncode == 0, p.stderr.decode()[-500:]


def junit(tmp):
    xsd = os.path.join(HERE, "junit-10.xsd")
    cases = {
        "lint": ["lint", "corpora", "tests/fixtures/lint", "--format", "junit"],
        "audit pairs": ["audit", "--pairs", "tests/fixtures/audit/pairs.tsv", "--format", "junit", "--fail-on", "warning"],
        "audit articles": ["audit", "corpora/en", "corpora/ko", "--format", "junit"],
        "audit never": ["audit", "--pairs", "tests/fixtures/audit/pairs.tsv", "--format", "junit", "--fail-on", "never"],
        "lint never": ["lint", "corpora", "--format", "junit", "--fail-on", "never"],
    }
    for name, args in cases.items():
        out = bitext(*args)
        path = os.path.join(tmp, name.replace(" ", "-") + ".xml")
        with open(path, "wb") as f:
            f.write(out)
        good, why = xmllint("--schema", xsd, path)
        check(f"JUnit XSD: {name}", good, why)
        text = out.decode()
        if name.endswith("never"):
            check(f"JUnit no failures with --fail-on never: {name}", "<failure" not in text, "a failure")
        elif "<failure" in text:
            check(f"JUnit real line breaks: {name}", "U+000A" not in text, "escaped line breaks")


def tmx(tmp):
    dtd = os.path.join(HERE, "tmx14b.dtd")
    first = lambda d: os.path.join(d, sorted(f for f in os.listdir(d) if f.endswith(".txt"))[0])
    for name, args in {
        "collections": ["align", "corpora/en", "corpora/ko", "--format", "tmx"],
        "one pair": ["align", first("corpora/en"), first("corpora/ko"), "--format", "tmx"],
    }.items():
        path = os.path.join(tmp, name.replace(" ", "-") + ".tmx")
        with open(path, "wb") as f:
            f.write(bitext(*args))
        good, why = xmllint("--dtdvalid", dtd, path)
        check(f"TMX 1.4b DTD: {name}", good, why)


def markdown(tmp):
    from markdown_it import MarkdownIt

    hostile = "**bold** _em_ [link](https://example.com) ![img](x.png) @kim <b>tag</b> `code` :smile: ~~s~~ a|b"
    pairs = os.path.join(tmp, "hostile.tsv")
    with open(pairs, "w") as f:
        f.write("id\ten\tko\n")
        f.write(f"x\t{hostile}\t{hostile}\n")
        f.write("y\tHe went home.\t그는 집에 갔다.\n")
    md = MarkdownIt("commonmark").enable("table")
    for name, args in {
        "hostile pairs": ["audit", "--pairs", pairs, "--format", "markdown"],
        "fixture pairs": ["audit", "--pairs", "tests/fixtures/audit/pairs.tsv", "--format", "markdown"],
        "articles": ["audit", "corpora/en", "corpora/ko", "--format", "markdown"],
    }.items():
        html = md.render(bitext(*args).decode())
        bad = [
            t
            for t in ("<strong>bold", "<em>em", '<a href="https://example.com', "<img", "<b>tag", "<code>code", "<del>")
            if t in html
        ]
        check(f"Markdown renders corpus text as text: {name}", not bad, f"rendered {bad}")
        check(f"Markdown tables render: {name}", "<table>" in html or "No findings" in html, "no table")
        if name == "hostile pairs":
            import html as h

            check("Markdown shows the text as written", h.escape(hostile, quote=False) in html, html[-600:])


def main():
    with tempfile.TemporaryDirectory() as tmp:
        sarif()
        junit(tmp)
        tmx(tmp)
        markdown(tmp)
    print(f"{checked - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
