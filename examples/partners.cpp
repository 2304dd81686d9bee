// Builds a three-node partnership graph in a fresh database and walks it.
// Shows: opening a database, one atomic write transaction, name lookup, neighbour scans, and
// the Status/Result error model (nothing throws).
#include <pactgraph/database.h>

#include <cstdio>
#include <filesystem>

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "partners-example.db";
  std::filesystem::remove_all(path);
  auto db = pactgraph::Database::Open(path, {});
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().ToString().c_str());
    return 1;
  }
  {
    auto w = (*db)->BeginWrite();
    if (!w.ok()) return 1;
    auto& tx = **w;
    using pactgraph::Value;
    auto rwanda = tx.CreateNode({"Nation"}, {{"name", Value("Rwanda")}});
    auto anthropic = tx.CreateNode({"Organization"}, {{"name", Value("Anthropic")}});
    auto japan = tx.CreateNode({"Nation"}, {{"name", Value("Japan")}});
    if (!rwanda.ok() || !anthropic.ok() || !japan.ok()) return 1;
    if (!tx.CreateRelationship(*rwanda, *anthropic, "MOU",
                               {{"date", Value(*pactgraph::Date::Parse("2025-10-01"))}})
             .ok() ||
        !tx.CreateRelationship(*rwanda, *japan, "COOPERATION", {}).ok()) {
      return 1;
    }
    if (pactgraph::Status s = tx.Commit(); !s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 1;
    }
  }
  auto reader = (*db)->NewReader();
  std::vector<pactgraph::NodeId> ids;
  if (!reader->FindNodesByName("rwanda", &ids).ok() || ids.size() != 1) return 1;
  int partners = 0;
  pactgraph::Status s = reader->Neighbors(
      ids[0], pactgraph::Direction::kBoth, {}, [&](const pactgraph::NeighborEntry& e) {
        pactgraph::Node n;
        if (reader->GetNode(e.other, &n).ok()) {
          std::printf("Rwanda -[%s]- %s\n", reader->TypeName(e.type).c_str(),
                      n.properties.at("name").as_string().c_str());
          ++partners;
        }
        return true;
      });
  std::filesystem::remove_all(path);
  return s.ok() && partners == 2 ? 0 : 1;
}
