// End to end: `--read-only check` beside a writer that ingests in a loop always sees one
// consistent state (issue 14, item 5: counters or relationships one ingest run ahead of the
// articles or nodes).
#include <catch2/catch.hpp>

#include "tests/test_util.h"

using pactgraph::testing::RunProgram;
using pactgraph::testing::TempDir;

TEST_CASE("read-only view (CLI): check beside an ingesting writer always passes",
          "[e2e][readonly]") {
  TempDir dir;
  // The writer ingests fresh copies of the sample articles (a line appended makes each copy
  // new) until the flag file goes; 20 read-only checks run meanwhile.
  const std::string script = R"sh(
    set -u; P="$1"; D="$2"; SRC="$3"; cd "$D"
    "$P" --db db -q query "CREATE (:Seed)" || exit 90
    touch run
    ( n=0; while [ -e run ]; do n=$((n+1)); mkdir -p a$n
        for f in "$SRC"/*.txt; do { cat "$f"; echo; echo "Copy $n."; } > a$n/$(basename "$f"); done
        "$P" --db db -q ingest a$n >/dev/null 2>&1; done; echo $n > batches ) &
    sleep 1; fails=0
    for i in $(seq 20); do
      "$P" --db db --read-only check > c.txt 2>&1 || { fails=$((fails+1)); cat c.txt; }
    done
    rm run; wait
    echo "batches $(cat batches) fails $fails"
    exit $fails)sh";
  auto r = RunProgram({"bash", "-c", script, "view-test", PACTGRAPH_BIN, dir.path(),
                       std::string(PACTGRAPH_SOURCE_DIR) + "/data/articles"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("fails 0"));
}
