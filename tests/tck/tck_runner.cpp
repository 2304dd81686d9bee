// tck_runner — runs the openCypher TCK scenarios vendored in tests/tck/features against
// pactgraph, in process, one fresh database per scenario (tests/tck/README.md).
//
//   tck_runner --features DIR [--area clauses/match] [--ratchet passing.txt]
//              [--write-ratchet FILE] [--filter TEXT] [--report] [--verbose]
//
// With --ratchet, every scenario of the area that the file lists must pass (a failure is
// printed with its reason and makes the exit status 1); scenarios that pass without being
// listed are printed as "newly passing" so the list can grow (exit status stays 0).
// --write-ratchet writes the ids of every passing scenario run. --report prints the per-area
// table (scenarios, passed, percentage). @ignore scenarios are skipped, as the TCK's own
// tooling does, and not counted.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/tck/gherkin.h"
#include "tests/tck/scenario_runner.h"

namespace {

namespace fs = std::filesystem;
using pactgraph::tck::Scenario;

struct Args {
  std::string features, area, ratchet, write_ratchet, filter;
  bool report = false, verbose = false;
};

bool ParseArgs(int argc, char** argv, Args* a) {
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    bool ok = true;
    if (k == "--features")
      ok = value(&a->features);
    else if (k == "--area")
      ok = value(&a->area);
    else if (k == "--ratchet")
      ok = value(&a->ratchet);
    else if (k == "--write-ratchet")
      ok = value(&a->write_ratchet);
    else if (k == "--filter")
      ok = value(&a->filter);
    else if (k == "--report")
      a->report = true;
    else if (k == "--verbose")
      a->verbose = true;
    else
      ok = false;
    if (!ok) return false;
  }
  return !a->features.empty();
}

// The area of a feature: its first two directories ("clauses/match").
std::string AreaOf(const std::string& feature_path) {
  size_t a = feature_path.find('/');
  size_t b = a == std::string::npos ? a : feature_path.find('/', a + 1);
  return b == std::string::npos ? feature_path : feature_path.substr(0, b);
}

std::set<std::string> ReadList(const std::string& path, bool* ok) {
  std::set<std::string> out;
  std::ifstream in(path);
  *ok = static_cast<bool>(in);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l[0] != '#') out.insert(l);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    std::cerr << "usage: tck_runner --features DIR [--area AREA] [--ratchet FILE] "
                 "[--write-ratchet FILE] [--filter TEXT] [--report] [--verbose]\n";
    return 2;
  }
  std::vector<Scenario> scenarios;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(args.features)) {
    if (e.is_regular_file() && e.path().extension() == ".feature") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const std::string rel = fs::relative(f, args.features).generic_string();
    if (!args.area.empty() && AreaOf(rel) != args.area) continue;
    std::ifstream in(f);
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    if (!pactgraph::tck::ParseFeature(text.str(), rel, &scenarios, &error)) {
      std::cerr << "error: " << error << "\n";
      return 2;
    }
  }
  if (scenarios.empty()) {
    std::cerr << "error: no scenarios under " << args.features << " " << args.area << "\n";
    return 2;
  }
  std::set<std::string> listed;
  if (!args.ratchet.empty()) {
    bool ok;
    listed = ReadList(args.ratchet, &ok);
    if (!ok) {
      std::cerr << "error: cannot read the ratchet list " << args.ratchet << "\n";
      return 2;
    }
  }

  // tmpfs when there is one: the database's fsyncs then cost nothing.
  std::string tmpl = fs::is_directory("/dev/shm")
                         ? "/dev/shm/pactgraph-tck-XXXXXX"
                         : (fs::temp_directory_path() / "pactgraph-tck-XXXXXX").string();
  const char* scratch = mkdtemp(tmpl.data());
  if (!scratch) {
    std::cerr << "error: cannot create a scratch directory " << tmpl << "\n";
    return 2;
  }
  auto fixture = std::make_unique<pactgraph::tck::Fixture>(std::string(scratch) + "/db");
  const auto t0 = std::chrono::steady_clock::now();
  std::map<std::string, std::pair<int, int>> per_area;  // area -> (scenarios, passed)
  std::vector<std::string> passing, regressions, newly;
  std::set<std::string> seen;
  int ignored = 0;
  for (const Scenario& s : scenarios) {
    const std::string id = s.Id();
    if (!seen.insert(id).second) {
      std::cerr << "error: two scenarios with the id '" << id << "'\n";
      return 2;
    }
    if (!args.filter.empty() && id.find(args.filter) == std::string::npos) continue;
    auto& counts = per_area[AreaOf(s.feature_path)];
    if (s.HasTag("@ignore")) {
      ++ignored;
      if (args.verbose) std::cout << "ignored " << id << "\n";
      continue;
    }
    ++counts.first;
    const auto s0 = std::chrono::steady_clock::now();
    pactgraph::tck::Outcome o = pactgraph::tck::RunScenario(s, fixture.get());
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s0).count();
    if (ms > 1000) std::printf("slow (%.0f ms): %s\n", ms, id.c_str());
    if (o.passed) {
      ++counts.second;
      passing.push_back(id);
      if (!args.ratchet.empty() && !listed.count(id)) newly.push_back(id);
      if (args.verbose) std::cout << "pass    " << id << "\n";
    } else {
      if (listed.count(id)) regressions.push_back(id + "\n    " + o.why);
      if (args.verbose) std::cout << "FAIL    " << id << "\n    " << o.why << "\n";
    }
  }
  fixture.reset();
  std::error_code ec;
  fs::remove_all(scratch, ec);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  int total = 0, passed = 0;
  for (const auto& [area, c] : per_area) {
    total += c.first;
    passed += c.second;
  }
  if (args.report) {
    std::printf("| area | scenarios | passed | %% |\n|---|---:|---:|---:|\n");
    for (const auto& [area, c] : per_area) {
      std::printf("| %s | %d | %d | %.1f |\n", area.c_str(), c.first, c.second,
                  c.first ? 100.0 * c.second / c.first : 0.0);
    }
    std::printf("| **all** | %d | %d | %.1f |\n", total, passed,
                total ? 100.0 * passed / total : 0);
  }
  std::printf("tck %s: %d of %d scenarios pass (%.1f%%), %d ignored, %.1f s\n",
              args.area.empty() ? "(all)" : args.area.c_str(), passed, total,
              total ? 100.0 * passed / total : 0.0, ignored, secs);
  for (const auto& n : newly) std::printf("newly passing (add it to the list): %s\n", n.c_str());
  for (const auto& r : regressions) std::printf("REGRESSION (listed, now fails): %s\n", r.c_str());
  if (!args.write_ratchet.empty()) {
    std::ofstream out(args.write_ratchet);
    out << "# TCK scenarios that pass (tests/tck/README.md); a listed scenario that fails breaks "
           "the build.\n";
    std::sort(passing.begin(), passing.end());
    for (const auto& p : passing) out << p << "\n";
    if (!out) {
      std::cerr << "error: cannot write " << args.write_ratchet << "\n";
      return 2;
    }
  }
  return regressions.empty() ? 0 : 1;
}
