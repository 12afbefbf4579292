#!/usr/bin/env python3
"""Extraction speed over a generated corpus of news-like text.

Generates (deterministically, once) a corpus of at least --megabytes MB: the seed
article plus German and English articles synthesised from templates with invented
names and the relation cues the rules read. Then runs `kgex extract` on it with
--jobs 1 and --jobs 2 and prints MB/s, documents/s and peak memory per run.

    python3 benches/extract.py [--megabytes 100] [--runs 1]
"""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARD_BYTES = 8 << 20

SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "to", "vel", "dor", "an", "ber", "ti", "nu", "pe", "ra", "zan", "mo"]
FIRST = ["Anna", "Peter", "Maria", "Thomas", "Laura", "David", "Sarah", "Michael", "Julia", "Daniel", "Emma", "Paul"]
CITIES = ["Hamburg", "Leipzig", "Boston", "Denver", "Lyon", "Osaka", "Chicago", "Dresden", "Seattle", "Austin"]
STATES = ["Ohio", "Texas", "Oregon", "Virginia", "Kansas", "Nevada"]

GERMAN = [
    "Das Startup {org} aus {city} hat mit der Veröffentlichung seines Modells {prod} die Branche überrascht.",
    "{org}-Gründer {per} sagte: \"Wir haben lange auf diesen Moment hingearbeitet.\"",
    "{per}, leitende Forscherin im {org2} Lab, erklärt, das Modell sei effizient.",
    "Wie die {paper} Post berichtet, traf sich {per} am 12. März mit Ministerin {per2}, um über die Regulierung zu sprechen.",
    "Laut {per2}, einem ehemaligen {org}-Mitarbeiter, arbeitet das Team an neuen {prod}-Chips.",
    "Die {org2} University im US-Bundesstaat {state} gründete 2019 ein eigenes Institut.",
    "\"Das ist ein wichtiger Schritt\", sagt {per}.",
    "Der Konzern {org2} veröffentlichte im Juli 2023 das Sprachmodell {prod}.",
]
ENGLISH = [
    "The startup {org}, based in {city}, released its model {prod} on January 20, 2025.",
    "{per}, a researcher at {org2} University, said the results were promising.",
    "\"We did not expect this,\" said {per2}, chief scientist of {org}.",
    "According to the {paper} Times, {per} met with {per2} to discuss export rules.",
    "{org} was founded in 2015 by {per}.",
    "{org2} University in the state of {state} reported strong demand for the {prod} chip.",
]


def name(rng, parts=2):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def article(rng, templates, n_sentences):
    values = lambda: {
        "org": name(rng, 3) + "ix", "org2": name(rng, 2), "per": f"{rng.choice(FIRST)} {name(rng)}",
        "per2": f"{rng.choice(FIRST)} {name(rng, 3)}", "city": rng.choice(CITIES), "state": rng.choice(STATES),
        "prod": f"{rng.choice('XQZ')}{rng.randint(1, 900)}", "paper": name(rng),
    }
    return " ".join(rng.choice(templates).format(**values()) for _ in range(n_sentences))


def generate(folder: Path, megabytes: int):
    marker = folder / f"complete-{megabytes}"
    if marker.exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    # A corpus of another size replaces this one: its marker goes too.
    for old in [*folder.glob("*.jsonl"), *folder.glob("complete-*")]:
        old.unlink()
    rng = random.Random(20261129)
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    written, shard, n = 0, None, 0
    while written < megabytes << 20:
        if shard is None or shard.tell() > SHARD_BYTES:
            shard = open(folder / f"shard-{n // 1000:05d}.jsonl", "w", encoding="utf-8")
        if n % 50 == 0:
            text, lang = seed, "de"
        elif n % 2:
            text, lang = article(rng, GERMAN, rng.randint(20, 40)), "de"
        else:
            text, lang = article(rng, ENGLISH, rng.randint(20, 40)), "en"
        line = json.dumps({"id": f"doc-{n:07d}", "text": text, "lang": lang}, ensure_ascii=False) + "\n"
        shard.write(line)
        written += len(line.encode("utf-8"))
        n += 1
    shard.close()
    marker.write_text(f"{n} documents, {written} bytes\n")


def corpus_stats(folder: Path):
    files = sorted(folder.glob("*.jsonl"))
    size = sum(f.stat().st_size for f in files)
    docs = sum(1 for f in files for _ in open(f, encoding="utf-8"))
    return size, docs


def run(binary: Path, folder: Path, jobs: int, out: Path, stream: bool = False):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    mode = ["-f", "nquads", "--stream"] if stream else ["-f", "json"]
    subprocess.run([str(binary), "extract", str(folder), *mode, "-o", str(out), "--jobs", str(jobs)],
                   check=True, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--stream", action="store_true", help="time --stream -f nquads (a graph per document)")
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = ROOT / "target" / "release" / "kgex"
    folder = ROOT / "target" / "bench-corpus"
    generate(folder, args.megabytes)
    size, docs = corpus_stats(folder)
    print(f"corpus: {size / 1e6:.1f} MB, {docs} documents")
    print(f"{'jobs':>4} {'seconds':>8} {'MB/s':>7} {'MB/s/core':>9} {'docs/s':>8} {'peak RSS':>9}")
    for jobs in (1, 2):
        for _ in range(args.runs):
            # ru_maxrss of children is the largest so far, so each run gets its own process tree.
            code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import extract as e; " \
                   f"from pathlib import Path; print(*e.run(Path({str(binary)!r}), Path({str(folder)!r}), {jobs}, Path('/dev/null'), {args.stream!r}))"
            seconds, peak = map(float, subprocess.check_output([sys.executable, "-c", code], text=True).split())
            mbs = size / 1e6 / seconds
            print(f"{jobs:>4} {seconds:>8.2f} {mbs:>7.1f} {mbs / jobs:>9.1f} {docs / seconds:>8.0f} {peak:>7.0f} MiB")


if __name__ == "__main__":
    main()
