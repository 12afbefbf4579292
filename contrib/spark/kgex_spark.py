#!/usr/bin/env python3
"""Runs kgex on Apache Spark: a JSON Lines corpus is split into partitions,
every partition is extracted by the kgex binary on an executor into a shard
graph, and `kgex merge` joins the shards, in partition order, into what one
`kgex extract CORPUS -f json` run would have written.

Usage (local, two cores):
    python3 contrib/spark/kgex_spark.py --master 'local[2]' --kgex target/release/kgex corpus.jsonl out/
On a cluster, ship the binary with the job and give OUT on storage every
executor can write to (the shards go there):
    spark-submit --files target/release/kgex contrib/spark/kgex_spark.py --kgex kgex corpus.jsonl /shared/out/

Each record gets a "source" field with the corpus path and line number, so
the documents keep the place they came from whichever executor reads them.
Records that are not JSON go through unchanged; kgex reports them and goes on.
"""
import argparse
import json
import os
import subprocess
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def with_source(corpus):
    def tag(pair):
        line, index = pair
        if not line.strip():
            return None
        try:
            record = json.loads(line)
        except ValueError:
            return line
        if isinstance(record, dict):
            record["source"] = f"{corpus}:{index + 1}"
            return json.dumps(record, ensure_ascii=False)
        return line
    return tag


def extract_partition(binary, shards, extra):
    def run(index, lines):
        lines = [line for line in lines if line is not None]
        if not lines:
            return
        path = binary if os.path.isfile(binary) else SparkFiles.get(os.path.basename(binary))
        shard = os.path.join(shards, f"shard-{index:05}.json")
        done = subprocess.run([path, "extract", "-", "-f", "json", "-o", shard, *extra],
                              input="\n".join(lines) + "\n", capture_output=True, text=True)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"kgex failed on partition {index}: {done.stderr}")
        yield index, shard, done.stderr
    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a JSON Lines corpus ({\"id\", \"text\", ...} per line)")
    parser.add_argument("output", help="folder for the shards and the merged graph")
    parser.add_argument("--kgex", default="kgex", help="the kgex binary (a path, or the name shipped with --files)")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (spark-submit sets it otherwise)")
    parser.add_argument("--partitions", type=int, default=None, help="how many partitions to cut the corpus into")
    parser.add_argument("-f", "--format", action="append", default=[], help="formats of the merged graph (default json)")
    parser.add_argument("--kgex-arg", action="append", default=[], help="an extra argument for kgex extract")
    args = parser.parse_args()

    builder = SparkSession.builder.appName("kgex")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        shards = os.path.join(os.path.abspath(args.output), "shards")
        os.makedirs(shards, exist_ok=True)
        lines = spark.sparkContext.textFile(args.corpus, minPartitions=args.partitions)
        tagged = lines.zipWithIndex().map(with_source(args.corpus))
        runs = tagged.mapPartitionsWithIndex(extract_partition(args.kgex, shards, args.kgex_arg)).collect()
    finally:
        spark.stop()
    for _, _, errors in sorted(runs):
        sys.stderr.write(errors)
    paths = [shard for _, shard, _ in sorted(runs)]
    formats = [option for name in (args.format or ["json"]) for option in ("-f", name)]
    merged = os.path.join(args.output, "graph.json") if formats == ["-f", "json"] else args.output
    binary = args.kgex if os.path.isfile(args.kgex) else "kgex"
    subprocess.run([binary, "merge", *paths, *formats, "-o", merged], check=True)
    print(f"kgex_spark: {len(paths)} shard(s) merged into {merged}", file=sys.stderr)


if __name__ == "__main__":
    main()
