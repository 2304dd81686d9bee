// The layers of the source tree include one way, bottom to top (docs/architecture.md):
//
//   include/pactgraph + util  <-  storage  <-  query  <-  engine  <-  tools, benchmarks
//
// Each folder may include its own headers and the folders to its left; tools/ may include
// nothing internal at all (only the public API, its own headers, and the benchmark driver
// behind `pactgraph bench`), and python/ (the binding) only the public API. This test reads
// every source file and fails, naming the file and the line, when a project include runs up a
// layer or sideways into another module.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

namespace pactgraph {
namespace {

namespace fs = std::filesystem;

// Top-level folder -> the include prefixes it may use (besides system headers).
const std::map<std::string, std::vector<std::string>>& Allowed() {
  static const std::map<std::string, std::vector<std::string>> kAllowed = {
      {"include", {"pactgraph/"}},
      {"util", {"pactgraph/", "util/"}},
      {"storage", {"pactgraph/", "util/", "storage/"}},
      {"query", {"pactgraph/", "util/", "query/"}},
      {"engine", {"pactgraph/", "util/", "storage/", "query/", "engine/"}},
      {"benchmarks", {"pactgraph/", "util/", "storage/", "query/", "engine/", "benchmarks/"}},
      {"tools", {"pactgraph/", "tools/", "benchmarks/driver/"}},
      // The Python binding is a client of libpactgraph.so like any embedder: public API only.
      {"python", {"pactgraph/", "python/"}},
  };
  return kAllowed;
}

struct Violation {
  std::string file;
  int line;
  std::string include;
};

std::vector<Violation> Scan(const fs::path& root) {
  static const std::regex kInclude(R"re(^\s*#\s*include\s+"([^"]+)")re");
  std::vector<Violation> out;
  for (const auto& [folder, allowed] : Allowed()) {
    const fs::path dir = root / folder;
    REQUIRE(fs::is_directory(dir));
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".h" && ext != ".cpp")) continue;
      std::ifstream in(entry.path());
      std::string line;
      for (int n = 1; std::getline(in, line); ++n) {
        std::smatch m;
        if (!std::regex_search(line, m, kInclude)) continue;
        const std::string inc = m[1];
        bool ok = false;
        for (const auto& prefix : allowed) ok = ok || inc.rfind(prefix, 0) == 0;
        if (!ok) out.push_back({fs::relative(entry.path(), root).string(), n, inc});
      }
    }
  }
  return out;
}

TEST_CASE("Layering: no include runs up a layer, tools use only the public API", "[layering]") {
  const std::vector<Violation> found = Scan(PACTGRAPH_SOURCE_DIR);
  for (const Violation& v : found) {
    UNSCOPED_INFO(v.file << ":" << v.line << ": includes \"" << v.include << "\"");
  }
  CHECK(found.empty());
}

TEST_CASE("Layering: the check sees a forbidden include", "[layering]") {
  // The scanner itself, on a tree written for the purpose: a tool reaching into storage/.
  const fs::path root = fs::temp_directory_path() / "pactgraph-layering-test";
  fs::remove_all(root);
  for (const auto& [folder, allowed] : Allowed()) fs::create_directories(root / folder);
  std::ofstream(root / "tools" / "cmd_x.cpp") << "#include \"pactgraph/session.h\"\n"
                                                 "#include \"storage/key_codec.h\"\n";
  std::ofstream(root / "query" / "q.h") << "#include \"engine/graph/paths.h\"\n";
  const std::vector<Violation> found = Scan(root);
  fs::remove_all(root);
  std::map<std::string, std::string> bad;  // file -> include
  for (const Violation& v : found) bad[v.file] = v.include;
  CHECK(bad == std::map<std::string, std::string>{{"query/q.h", "engine/graph/paths.h"},
                                                  {"tools/cmd_x.cpp", "storage/key_codec.h"}});
}

}  // namespace
}  // namespace pactgraph
