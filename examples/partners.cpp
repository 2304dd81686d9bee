// An embedder's tour of the public API (include/pactgraph), linked against libpactgraph.so:
//   1. ingest two news articles (read -> extract -> store, one transaction each);
//   2. ask who signed what with whom, in Cypher, through a Session;
//   3. find how two actors are connected, with the sentence behind every hop.
// Nothing throws: every call returns a Status or a Result.
#include <pactgraph/database.h>
#include <pactgraph/ingest.h>
#include <pactgraph/paths.h>
#include <pactgraph/session.h>

#include <cstdio>
#include <filesystem>

namespace {

int Fail(const pactgraph::Status& s) {
  std::fprintf(stderr, "error: %s\n", s.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "partners-example.db";
  std::filesystem::remove_all(path);
  auto db = pactgraph::Database::Open(path, {});
  if (!db.ok()) return Fail(db.status());

  // 1. Two short articles, as a feed reader or a binding would hand them over.
  std::vector<pactgraph::Article> articles(2);
  articles[0].file = "solar.txt";
  articles[0].title = "Solar research pact";
  articles[0].date = "2025-03-04";
  articles[0].text = "Ghana and Chile signed a memorandum of understanding on solar research.";
  articles[1].file = "ports.txt";
  articles[1].title = "Port logistics deal";
  articles[1].text = "Chile and Japan signed an agreement on port logistics.";
  pactgraph::IngestSummary summary;
  if (auto s = pactgraph::IngestArticles(db->get(), articles, {}, &summary); !s.ok()) {
    return Fail(s);
  }
  std::printf("stored %llu articles, %llu relationships\n",
              static_cast<unsigned long long>(summary.stats.articles_added),
              static_cast<unsigned long long>(summary.stats.relationships_added));

  // 2. A query through a Session.
  pactgraph::Session session(db->get());
  auto result = session.Execute(
      "MATCH (a:Nation)-[r]-(b:Nation {name: $name}) RETURN a.name AS partner, type(r) AS how "
      "ORDER BY partner",
      {{"name", pactgraph::Value("Chile")}});
  if (!result.ok()) return Fail(result.status());
  while (result->Next()) {
    std::printf("Chile -[%s]- %s\n", result->Get(1).as_string().c_str(),
                result->Get(0).as_string().c_str());
  }

  // 3. A path with its evidence.
  auto reader = (*db)->NewReader();
  auto from = pactgraph::ResolveNode(*reader, "Ghana");
  auto to = pactgraph::ResolveNode(*reader, "Japan");
  if (!from.ok()) return Fail(from.status());
  if (!to.ok()) return Fail(to.status());
  pactgraph::PathOptions options;
  options.with_evidence = true;
  pactgraph::PathAnswer answer;
  if (auto s = pactgraph::FindPaths(*reader, *from, *to, options, &answer); !s.ok()) {
    return Fail(s);
  }
  if (answer.paths.empty()) return Fail(pactgraph::Status::NotFound("no path Ghana -> Japan"));
  const pactgraph::PathResult& p = answer.paths[0];
  for (size_t i = 0; i < p.path.relationships.size(); ++i) {
    std::printf("%s -[%s]- %s: \"%s\"\n", pactgraph::NodeName(p.path.nodes[i]).c_str(),
                p.path.relationships[i].type.c_str(),
                pactgraph::NodeName(p.path.nodes[i + 1]).c_str(),
                p.evidence[i].empty() ? "" : p.evidence[i][0].sentence.c_str());
  }
  reader.reset();  // readers and writers go before their Database
  db->reset();
  std::filesystem::remove_all(path);
  return result->size() == 2 && p.path.relationships.size() == 2 ? 0 : 1;
}
