#!/usr/bin/env bash
# `make demo`: build the partnership graph in the default database and show what it holds.
# Uses whatever the built tool offers: article ingestion when present (otherwise the sample
# graph in data/sample), then stats, one node's neighbourhood, and — when the path and query
# commands exist — a path between two actors and a query.
set -euo pipefail
BIN=${1:-build/tools/pactgraph}
DB=${2:-pactgraph.db}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
has() { "$BIN" "$1" --help >/dev/null 2>&1; }
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

say "database: $DB"
if has ingest && [ -d "$ROOT/data/articles" ]; then
  say "pactgraph ingest data/articles"
  "$BIN" --db "$DB" ingest "$ROOT/data/articles"
else
  nodes=$("$BIN" --db "$DB" stats --format json 2>/dev/null | sed -n 's/.*"nodes":\([0-9]*\).*/\1/p' || true)
  if [ "${nodes:-0}" = "0" ]; then
    say "pactgraph import --nodes data/sample/nodes.csv --edges data/sample/edges.csv"
    "$BIN" --db "$DB" import --nodes "$ROOT/data/sample/nodes.csv" --edges "$ROOT/data/sample/edges.csv"
  fi
fi
say "pactgraph stats"
"$BIN" --db "$DB" stats
say "pactgraph node Rwanda"
"$BIN" --db "$DB" node Rwanda
if has path; then
  say "pactgraph path Kenya Japan --explain"
  "$BIN" --db "$DB" path Kenya Japan --explain || true
fi
if has query; then
  say "pactgraph query: who has partnered with Rwanda?"
  "$BIN" --db "$DB" query \
    "MATCH (a)-[r]-(n:Nation {name: \$name}) RETURN a.name AS actor, type(r) AS relation ORDER BY actor" \
    --param name=Rwanda || true
fi
if has serve; then
  say "explore it in a browser"
  # An absolute path, so the command works from any folder.
  case "$DB" in /*) abs_db=$DB ;; *) abs_db=$(pwd)/$DB ;; esac
  case "$BIN" in /*) abs_bin=$BIN ;; *) abs_bin=$(pwd)/$BIN ;; esac
  echo "Open the explorer on this database (http://127.0.0.1:7480/; Ctrl-C stops it):"
  echo "  $abs_bin --db $abs_db serve --open"
fi
