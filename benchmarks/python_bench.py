#!/usr/bin/env python3
"""The Python binding's cost over C++: per-call overhead of ``db.query`` and the speed of
turning a 100k-row result into dicts, tuples and a pandas DataFrame.

Runs the same queries through ``db.query`` here and through ``Session::Execute`` in
``session_bench`` (the C++ baseline, linked against the same libpactgraph.so), and prints CPU
times per call and the ratios. Not a test: the numbers depend on the machine (name it when you
quote them).

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/python_bench.py \\
        --cpp build/benchmarks/session_bench [--rows 100000] [--calls 20000]
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

import pactgraph

ROWS_QUERY = "UNWIND range(1, $n) AS x RETURN x, x * 0.5 AS f, 'actor ' + toString(x) AS s"


def cpu_per_call(fn, calls):
    fn()  # warm up
    start = time.process_time()
    for _ in range(calls):
        fn()
    return (time.process_time() - start) / calls


def best_of(fn, repeat):
    """The smallest CPU time of `repeat` runs (the noise on a shared machine only adds)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def cpp_baseline(binary, rows):
    out = subprocess.run([binary, "--benchmark_format=json", "--benchmark_min_time=0.5",
                          f"--benchmark_filter=BM_OneRow|BM_Rows.*/{rows}$"],
                         check=True, capture_output=True, text=True).stdout
    times = {}
    for b in json.loads(out)["benchmarks"]:
        unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
        times[b["name"].split("/")[0]] = b["cpu_time"] * unit
    return times


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cpp", default=os.path.join(here, "..", "build", "benchmarks",
                                                  "session_bench"))
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--calls", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if args.rows != 100_000:
        sys.exit("session_bench measures 100000 rows; keep --rows 100000 for the ratios")

    cpp = cpp_baseline(args.cpp, args.rows)
    values = args.rows * 3
    with tempfile.TemporaryDirectory() as tmp, pactgraph.open(os.path.join(tmp, "b.db")) as db:
        one = cpu_per_call(lambda: db.query("RETURN 1 AS x"), args.calls)
        one_read = cpu_per_call(lambda: db.query("RETURN 1 AS x").to_list(), args.calls)
        params = {"n": args.rows}
        query = best_of(lambda: db.query(ROWS_QUERY, params), args.repeat)
        result = db.query(ROWS_QUERY, params)
        import pandas  # noqa: F401 - imported once, outside the timings
        dicts = best_of(result.to_list, args.repeat)
        tuples = best_of(result.to_tuples, args.repeat)
        frame = best_of(result.to_df, args.repeat)
        iterate = best_of(lambda: [row for row in result], args.repeat)

    print(f"machine: {platform.node()} ({platform.machine()}, {os.cpu_count()} cores), "
          f"Python {platform.python_version()}, CPU time, best of {args.repeat}")
    print(f"{'':40} {'python':>12} {'C++':>12} {'ratio':>7}")

    def line(what, py, base, unit="us", scale=1e6):
        ratio = f"{py / base:7.2f}" if base else ""
        base_text = f"{base * scale:10.1f} {unit}" if base else ""
        print(f"{what:40} {py * scale:10.1f} {unit} {base_text:>12} {ratio}")

    line("RETURN 1 AS x: db.query per call", one, cpp["BM_OneRow"])
    line("  ... and .to_list()", one_read, cpp["BM_OneRow"])
    print(f"{'  overhead per call':40} {(one - cpp['BM_OneRow']) * 1e6:10.1f} us")
    line(f"{args.rows} rows: db.query", query, cpp["BM_Rows"], "ms", 1e3)
    line("  query + .to_list() (dicts)", query + dicts, cpp["BM_RowsRead"], "ms", 1e3)
    line("  query + .to_tuples()", query + tuples, cpp["BM_RowsRead"], "ms", 1e3)
    line("  query + .to_df()", query + frame, cpp["BM_RowsRead"], "ms", 1e3)
    line("  query + iterating dicts", query + iterate, cpp["BM_RowsRead"], "ms", 1e3)
    print(f"conversion alone, values/s: dicts {values / dicts / 1e6:.2f}M, tuples "
          f"{values / tuples / 1e6:.2f}M, DataFrame {values / frame / 1e6:.2f}M; end to end "
          f"(query + DataFrame) {values / (query + frame) / 1e6:.2f}M, C++ "
          f"{values / cpp['BM_RowsRead'] / 1e6:.2f}M")


if __name__ == "__main__":
    main()
