// `pactgraph evidence A B` — the sentences behind the relationships between two actors:
// identical sentences (a syndicated story printed by many outlets) are shown once with the
// articles that carry them; `--limit N` sentences per relationship (10 on a terminal, all
// otherwise); `--format json` for scripts. Articles are named by title, source and date when
// the article gave them, else by file.
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "pactgraph/paths.h"
#include "tools/command.h"

namespace pactgraph::tools {
namespace {

constexpr size_t kTerminalLimit = 10;
constexpr size_t kArticlesNamed = 3;  // per grouped sentence in the table

struct EvidenceArgs {
  std::string a, b, format = "table";
  int64_t limit = -1;  // -1: kTerminalLimit on a terminal, else all; 0: all
};

// One distinct sentence of a relationship and every piece of evidence that states it.
struct SentenceGroup {
  std::string sentence;
  std::string modality;
  std::string date;  // the earliest
  std::vector<const Evidence*> items;
};

std::vector<SentenceGroup> GroupSentences(const std::vector<Evidence>& evidence) {
  std::vector<SentenceGroup> groups;
  std::map<std::string, size_t> index;
  for (const Evidence& e : evidence) {
    auto [it, fresh] = index.emplace(e.sentence, groups.size());
    if (fresh) groups.push_back({e.sentence, e.modality, e.date, {}});
    SentenceGroup& g = groups[it->second];
    if (!e.date.empty() && (g.date.empty() || e.date < g.date)) g.date = e.date;
    g.items.push_back(&e);
  }
  // Most repeated first; ties keep the stored order.
  std::stable_sort(groups.begin(), groups.end(),
                   [](const auto& x, const auto& y) { return x.items.size() > y.items.size(); });
  return groups;
}

std::string ArticleLabel(const Article& art) {
  std::string s = !art.title.empty() ? art.title : !art.file.empty() ? art.file : "article";
  std::string extra;
  if (!art.source.empty()) extra = art.source;
  if (!art.date.empty()) extra += (extra.empty() ? "" : ", ") + art.date;
  return extra.empty() ? s : s + " (" + extra + ")";
}

nlohmann::json ArticleJson(const Article& art, const Evidence& e) {
  return {{"title", art.title}, {"source", art.source}, {"date", art.date},
          {"file", art.file},   {"begin", e.begin},     {"end", e.end}};
}

Result<NodeId> Resolve(const GraphReader& r, const std::string& name, int* exit_code) {
  auto id = ResolveNode(r, name);
  if (!id.ok()) {
    // Not found exits 1 (no result); an ambiguous name lists the candidates and exits 2.
    *exit_code = ReportError(id.status().message(), id.status().code() == Status::Code::kNotFound
                                                        ? kExitNoResult
                                                        : id.status().ExitCode());
  }
  return id;
}

int RunEvidence(GlobalOptions& g, const EvidenceArgs& args) {
  if (args.format != "table" && args.format != "json") {
    return ReportError("unknown format '" + args.format + "' (expected table or json)",
                       kExitBadInput);
  }
  if (args.limit < -1) return ReportError("--limit must be 0 (all) or more", kExitBadInput);
  const size_t limit = args.limit >= 0      ? static_cast<size_t>(args.limit)
                       : IsTerminal(stdout) ? kTerminalLimit
                                            : 0;
  auto db = OpenDatabase(g, false);
  if (!db) return g.exit_code;
  auto r = db->NewReader();
  int code = kExitOk;
  auto a = Resolve(*r, args.a, &code);
  if (!a.ok()) return code;
  auto b = Resolve(*r, args.b, &code);
  if (!b.ok()) return code;
  EvidenceAnswer answer;
  if (Status s = EvidenceBetween(*r, *a, *b, &answer); !s.ok()) return ReportError(s);
  const bool table = args.format == "table";
  nlohmann::json out = nlohmann::json::array();
  size_t left_out = 0;
  for (const RelationshipEvidence& item : answer.relationships) {
    const Relationship& rel = item.relationship;
    const bool forward = rel.start == answer.a.id;
    const std::string from = NodeName(forward ? answer.a : answer.b);
    const std::string to = NodeName(forward ? answer.b : answer.a);
    std::vector<SentenceGroup> groups = GroupSentences(item.evidence);
    const size_t shown = limit == 0 ? groups.size() : std::min(limit, groups.size());
    left_out += groups.size() - shown;
    nlohmann::json j = {{"source", from},
                        {"type", rel.type},
                        {"target", to},
                        {"sentence_count", groups.size()},
                        {"evidence_count", item.evidence.size()},
                        {"sentences", nlohmann::json::array()}};
    if (table) {
      std::cout << from << " -[" << rel.type << "]-> " << to << "  (" << item.evidence.size()
                << (item.evidence.size() == 1 ? " sentence" : " sentences");
      if (groups.size() != item.evidence.size()) std::cout << ", " << groups.size() << " distinct";
      std::cout << ")\n";
    }
    for (size_t i = 0; i < shown; ++i) {
      const SentenceGroup& grp = groups[i];
      nlohmann::json arts = nlohmann::json::array();
      for (const Evidence* e : grp.items)
        arts.push_back(ArticleJson(answer.articles.at(e->article), *e));
      j["sentences"].push_back({{"sentence", grp.sentence},
                                {"modality", grp.modality},
                                {"date", grp.date},
                                {"article_count", grp.items.size()},
                                {"articles", std::move(arts)}});
      if (!table) continue;
      std::cout << "  [" << (grp.date.empty() ? "undated" : grp.date) << ", " << grp.modality
                << "] " << grp.sentence << "\n";
      if (grp.items.size() == 1) {
        const Evidence& e = *grp.items[0];
        std::cout << "    — " << ArticleLabel(answer.articles.at(e.article)) << " (bytes "
                  << e.begin << "-" << e.end << ")\n";
        continue;
      }
      std::cout << "    — in " << grp.items.size() << " articles: ";
      for (size_t k = 0; k < std::min(kArticlesNamed, grp.items.size()); ++k) {
        std::cout << (k ? "; " : "") << ArticleLabel(answer.articles.at(grp.items[k]->article));
      }
      if (grp.items.size() > kArticlesNamed) {
        std::cout << "; … " << grp.items.size() - kArticlesNamed << " more";
      }
      std::cout << "\n";
    }
    if (table && shown < groups.size()) {
      std::cout << "  … " << groups.size() - shown << " more distinct sentences\n";
    }
    out.push_back(std::move(j));
  }
  if (!table)
    std::cout << out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  if (left_out > 0 && !g.quiet) {
    std::cerr << "pactgraph: showing at most " << limit << " distinct sentences per relationship ("
              << left_out << " left out); --limit 0 shows all\n";
  }
  if (answer.relationships.empty()) {
    if (table) {
      std::cout << "no relationships between " << NodeName(answer.a) << " and "
                << NodeName(answer.b) << "\n";
    }
    return kExitNoResult;
  }
  return kExitOk;
}

CommandRegistration evidence_cmd(62, [](CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<EvidenceArgs>();
  auto* sub =
      app.add_subcommand("evidence", "Sentences behind the relationships between two actors");
  sub->add_option("a", a->a, "Name or alias of the first actor")->required();
  sub->add_option("b", a->b, "Name or alias of the second actor")->required();
  sub->add_option("--format", a->format, "table | json")->capture_default_str();
  sub->add_option("--limit", a->limit,
                  "Distinct sentences shown per relationship (default: 10 on a terminal, all "
                  "otherwise; 0: all)")
      ->type_name("N");
  sub->footer(
      "Identical sentences (one story in several articles) are shown once, with the articles.\n"
      "Examples:\n"
      "  pactgraph evidence Kenya Rwanda\n"
      "  pactgraph evidence Kenya Rwanda --limit 0 --format json\n"
      "Exit 0 found, 1 no relationship or unknown name, 2 ambiguous name or bad option.");
  sub->callback([&g, a] { g.exit_code = RunEvidence(g, *a); });
});

}  // namespace
}  // namespace pactgraph::tools
