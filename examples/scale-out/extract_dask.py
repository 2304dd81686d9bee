#!/usr/bin/env python3
"""examples/scale-out/extract_dask.py — run pactgraph's extraction on a Dask cluster
(docs/scale-out.md). Each task runs `pactgraph extract --format jsonl` over one batch of input
files and writes one part file of extraction records; a single writer then stores them all
with `pactgraph --db graph.db ingest --extracted OUT/part-*.jsonl`.

  python3 extract_dask.py --pactgraph /usr/local/bin/pactgraph --out parts/ \
      [--scheduler tcp://head:8786] [--batch 200] news/...

Every worker needs the pactgraph binary and its rule data (PACTGRAPH_DATA_DIR or an installed
share/pactgraph) and must see the input and output paths (a shared file system; with object
storage, copy the batch in and the part out inside `extract_batch`). Without --scheduler the
local process pool is used. Exits 1 if any batch reported a bad input (its part file still
holds the good articles of the batch)."""
import argparse
import os
import pathlib
import subprocess
import sys

import dask.bag


def extract_batch(job):
    index, files, pactgraph, out_dir = job
    out = pathlib.Path(out_dir) / f"part-{index:05d}.jsonl"
    tmp = out.with_suffix(".tmp")
    with tmp.open("wb") as f:
        r = subprocess.run([pactgraph, "-q", "extract", "--format", "jsonl", *files],
                           stdout=f, stderr=subprocess.PIPE, check=False)
    if r.returncode not in (0, 2):  # 2: some inputs were bad, the rest extracted
        raise RuntimeError(f"batch {index}: exit {r.returncode}: {r.stderr.decode()}")
    os.replace(tmp, out)  # a part file appears whole or not at all
    return str(out), r.returncode, r.stderr.decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--pactgraph", default="pactgraph")
    ap.add_argument("--out", required=True)
    ap.add_argument("--batch", type=int, default=200, help="input files per task")
    ap.add_argument("--scheduler", help="address of a dask.distributed scheduler")
    a = ap.parse_args()
    files = []
    for p in a.inputs:
        path = pathlib.Path(p)
        files += sorted(str(f) for f in path.rglob("*") if f.is_file()) if path.is_dir() else [p]
    pathlib.Path(a.out).mkdir(parents=True, exist_ok=True)
    jobs = [(i, files[s:s + a.batch], a.pactgraph, a.out)
            for i, s in enumerate(range(0, len(files), a.batch))]
    bag = dask.bag.from_sequence(jobs, npartitions=max(1, len(jobs))).map(extract_batch)
    if a.scheduler:
        from dask.distributed import Client
        results = bag.compute(scheduler=Client(a.scheduler).get)
    else:
        results = bag.compute(scheduler="processes")
    bad = [r for r in results if r[1] != 0]
    for _, _, err in bad:
        sys.stderr.write(err)
    print(f"{len(results)} part files in {a.out}; {len(bad)} with bad inputs")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
