#!/usr/bin/env bash
# Plots time per operation from `pactgraph bench run --format json` reports (one per dataset
# size) as an SVG bar chart with gnuplot (Debian: gnuplot-nox). Only this plot needs gnuplot;
# the build and the tests do not.
#   benchmarks/plot.sh OUT.svg S.json M.json [L.json]
set -euo pipefail
out=$1; shift
command -v gnuplot >/dev/null || { echo "plot.sh: needs gnuplot (apt-get install gnuplot-nox)" >&2; exit 1; }
data=$(mktemp); trap 'rm -f "$data"' EXIT
/usr/bin/python3 - "$@" > "$data" <<'PY'
import json, sys
reports = [json.load(open(p)) for p in sys.argv[1:]]
ops = ["lookup_store", "lookup", "hop1_store", "hop1", "hop2_store", "hop2", "sp", "wsp", "wcc",
       "pagerank"]
print("op " + " ".join('"%d nodes / %d rels"' % (r["nodes"], r["relationships"]) for r in reports))
for op in ops:
    row = []
    for r in reports:
        lat = r["latency"].get(op)
        if lat:  # per query: total CPU time / queries, in microseconds
            v = r["metrics"].get(op + "_cpu_s", r["metrics"].get(op + "_s")) / lat["queries"] * 1e6
        elif op + "_s" in r["metrics"]:
            v = r["metrics"].get(op + "_cpu_s", r["metrics"][op + "_s"]) * 1e6
        else:
            v = float("nan")
        row.append("%g" % v)
    print(op + " " + " ".join(row))
PY
n=$#
gnuplot <<GP
set terminal svg size 760,420 dynamic font "sans,11"
set output "$out"
set title "pactgraph bench: CPU time per operation (per query; per run for wcc, pagerank)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y
set ylabel "microseconds (log scale)"
set grid ytics
set key top left
set yrange [0.5:*]
plot for [i=2:$((n + 1))] "$data" using i:xtic(1) title columnheader(i)
GP
echo "wrote $out" >&2
