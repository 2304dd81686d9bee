// Every TEST_CASE must be runnable by its ctest entry. Catch2 v2's catch_discover_tests splits
// the list of test names on ';' (a CMake list separator), so a name with a ';' became two ctest
// tests whose filters matched nothing: 14 test cases passed in ctest without ever running.
// This test reads every test source and names any TEST_CASE whose name would be split again.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace pactgraph {
namespace {

namespace fs = std::filesystem;

TEST_CASE("Test names: no TEST_CASE name has a character ctest discovery splits on", "[layering]") {
  const fs::path root = fs::path(PACTGRAPH_SOURCE_DIR) / "tests";
  const std::regex name(R"re(TEST_CASE\(\s*"([^"]*)")re");
  size_t seen = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (std::sregex_iterator it(s.begin(), s.end(), name), end; it != end; ++it) {
      ++seen;
      const std::string n = (*it)[1];
      INFO(entry.path().string() << ": TEST_CASE(\"" << n << "\")");
      CHECK(n.find(';') == std::string::npos);
      CHECK(n.find('[') == std::string::npos);  // Catch reads '[' in a filter as a tag
    }
  }
  CHECK(seen > 300);  // the scan found the suite
}

}  // namespace
}  // namespace pactgraph
