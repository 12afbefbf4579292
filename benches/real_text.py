#!/usr/bin/env python3
"""Extraction speed on real news and encyclopedia text.

Builds (once) a JSON Lines corpus from the annotated texts in ../shared/data, each text
once, never repeated: the SpkAtt-2023 Wikinews articles and GePaDe speeches (German,
tokens joined with spaces), the SmartData dev/test documents (German news, tweets and
RSS items as written) and the Re-DocRED dev/test documents (English Wikipedia, tokens
joined). Then runs `kgex extract` on it with --jobs 1 and --jobs 2 and prints seconds,
MB/s, MB/s per core, documents/s and peak memory.

    python3 benches/real_text.py [--binary target/release/kgex] [--runs 3]
"""
import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def spkatt(folder):
    for path in sorted(folder.glob("*/*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        sentences = [" ".join(s["Tokens"]) for s in document["Sentences"]]
        yield f"spkatt-{path.parent.parent.name}-{path.parent.name}-{path.stem}", "\n".join(sentences), "de"


def smartdata(folder):
    # Concatenated pretty-printed JSON objects, not one per line.
    decoder = json.JSONDecoder()
    for name in ("dev.json.gz", "test.json.gz"):
        source, at, n = gzip.open(folder / name, "rt", encoding="utf-8").read(), 0, 0
        while (at := len(source) - len(source[at:].lstrip())) < len(source):
            document, at = decoder.raw_decode(source, at)
            yield f"smartdata-{name.split('.')[0]}-{n}", document["text"]["string"], "de"
            n += 1


def redocred(folder):
    for name in ("dev_revised.json", "test_revised.json"):
        for n, document in enumerate(json.loads((folder / name).read_text(encoding="utf-8"))):
            text = "\n".join(" ".join(sentence) for sentence in document["sents"])
            yield f"redocred-{name.split('_')[0]}-{n}", f"{document['title']}\n{text}", "en"


def build(path: Path):
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    sources = [
        spkatt(DATA / "spkatt2023-news-wikinews"),
        spkatt(DATA / "spkatt2023-gepade"),
        smartdata(DATA / "smartdata-de"),
        redocred(DATA / "re-docred"),
    ]
    with open(path.with_suffix(".tmp"), "w", encoding="utf-8") as out:
        for source in sources:
            for name, text, lang in source:
                out.write(json.dumps({"id": name, "text": text, "lang": lang}, ensure_ascii=False) + "\n")
    path.with_suffix(".tmp").rename(path)


def run(binary: str, corpus: str, jobs: int):
    # Into a file of its own, not /dev/null: builds older than the device
    # check wrote their output beside its target and renamed it over
    # /dev/null, and --binary is there to time such builds.
    with tempfile.TemporaryDirectory() as folder:
        output = str(Path(folder) / "graph.json")
        start = time.perf_counter()
        subprocess.run([binary, "extract", corpus, "-f", "json", "-o", output, "--jobs", str(jobs)],
                       check=True, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=str(ROOT / "target" / "release" / "kgex"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    corpus = ROOT / "target" / "bench-real" / "real.jsonl"
    build(corpus)
    size = corpus.stat().st_size
    docs = sum(1 for _ in open(corpus, encoding="utf-8"))
    print(f"corpus: {size / 1e6:.2f} MB, {docs} documents; binary: {args.binary}")
    print(f"{'jobs':>4} {'seconds':>8} {'MB/s':>7} {'MB/s/core':>9} {'docs/s':>8} {'peak RSS':>9}")
    for jobs in (1, 2):
        results = []
        for _ in range(args.runs):
            # ru_maxrss of children is the largest so far, so each run gets its own process.
            code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import real_text as r; "
                    f"print(*r.run({args.binary!r}, {str(corpus)!r}, {jobs}))")
            results.append(tuple(map(float, subprocess.check_output([sys.executable, "-c", code], text=True).split())))
        seconds, peak = sorted(results)[len(results) // 2]
        mbs = size / 1e6 / seconds
        print(f"{jobs:>4} {seconds:>8.2f} {mbs:>7.2f} {mbs / jobs:>9.2f} {docs / seconds:>8.0f} {peak:>7.0f} MiB")


if __name__ == "__main__":
    main()
