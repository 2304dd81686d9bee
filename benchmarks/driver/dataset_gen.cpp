// benchmarks/driver/dataset_gen.cpp — the synthetic partnership graph generator (see dataset.h).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "benchmarks/driver/dataset.h"

namespace pactgraph::bench {

Rng::Rng(uint64_t seed) {
  for (auto& s : s_) {  // splitmix64
    seed += 0x9e3779b97f4a7c15ULL;
    uint64_t z = seed;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    s = z ^ (z >> 31);
  }
}

uint64_t Rng::Next() {
  auto rotl = [](uint64_t x, int k) { return (x << k) | (x >> (64 - k)); };
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

uint64_t Rng::Below(uint64_t n) {
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t x;
  do x = Next();
  while (x >= limit);
  return x % n;
}

Result<DatasetSize> SizeByName(const std::string& name) {
  if (name == "S") return DatasetSize{"S", 10'000, 50'000, 1'000, 1'000, 100, 100};
  if (name == "M") return DatasetSize{"M", 100'000, 1'000'000, 10'000, 10'000, 100, 100};
  if (name == "L") return DatasetSize{"L", 1'000'000, 10'000'000, 10'000, 10'000, 100, 100};
  if (name == "XL") {
    return DatasetSize{"XL", 10'000'000, 100'000'000, 10'000, 10'000, 100, 100};
  }
  return Status::InvalidArgument("unknown dataset size '" + name + "' (expected S, M, L or XL)");
}

namespace {

constexpr double kGamma = 2.5;
constexpr const char* kKinds[] = {"nation", "organization", "program", "person", "place"};
enum Kind { kNation, kOrganization, kProgram, kPerson, kPlace };
// Kind mix in per mille: nation 2%, organization 48%, program 15%, person 25%, place 10%.
constexpr int kKindCut[] = {20, 500, 650, 900, 1000};

// Generic relationship types and their mix in per mille (cooperation is the most common).
constexpr const char* kTypes[] = {"cooperation", "mou",   "fund",   "launch",
                                  "visit",       "train", "support"};
constexpr int kTypeCut[] = {350, 500, 620, 720, 820, 900, 1000};

constexpr const char* kConsonants = "bdfgklmnprstvzhj";  // 16
constexpr const char* kVowels = "aeiou";                 // 5: 80 syllables
constexpr uint64_t kSyllables = 80;
constexpr uint64_t kScramble = 1'000'003;  // prime, coprime to 80

const char* kOrgSuffix[] = {"Agency",   "Institute", "Foundation", "Bank",
                            "Ministry", "Council",   "University", "Corporation"};
const char* kProgramSuffix[] = {"Programme", "Initiative", "Fund", "Project"};
const char* kPlaceSuffix[] = {"City", "Province", "Port", "Valley"};

int SyllableCount(uint64_t nodes) {
  int k = 3;
  uint64_t space = kSyllables * kSyllables * kSyllables;
  while (space < 2 * nodes) space *= kSyllables, ++k;  // ids [N, 2N) name absent nodes
  return k;
}

// The name of node `id`: a unique syllable core (a scrambled base-80 encoding) dressed by kind.
std::string NodeName(uint64_t id, Kind kind, int k) {
  uint64_t space = 1;
  for (int i = 0; i < k; ++i) space *= kSyllables;
  uint64_t x = static_cast<uint64_t>((static_cast<unsigned __int128>(id) * kScramble) % space);
  std::string core;
  for (int i = 0; i < k; ++i, x /= kSyllables) {
    core += kConsonants[(x % kSyllables) / 5];
    core += kVowels[x % 5];
  }
  core[0] = static_cast<char>(core[0] - 'a' + 'A');
  switch (kind) {
    case kNation:
      return core;
    case kOrganization:
      return core + " " + kOrgSuffix[id % 8];
    case kProgram:
      return core + " " + kProgramSuffix[id % 4];
    case kPerson: {
      std::string last = core.substr(4);
      last[0] = static_cast<char>(last[0] - 'a' + 'A');
      return core.substr(0, 4) + " " + last;
    }
    case kPlace:
      return core + " " + kPlaceSuffix[id % 4];
  }
  return core;
}

Kind KindOf(uint64_t id, uint64_t seed) {
  Rng r(seed ^ (id * 0x9e3779b97f4a7c15ULL));
  const int p = static_cast<int>(r.Below(1000));
  int k = 0;
  while (p >= kKindCut[k]) ++k;
  return static_cast<Kind>(k);
}

// ISO date of `days` since 1970-01-01 (Hinnant's civil_from_days).
void AppendDate(std::string* out, int64_t days) {
  days += 719468;
  const int64_t era = days / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m),
                static_cast<int>(d));
  *out += buf;
}

void AppendUint(std::string* out, uint64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

// Draws node ids in proportion to their Chung–Lu weight.
class WeightedSampler {
 public:
  WeightedSampler(uint64_t n, Rng* rng) : cumulative_(n), id_of_(n) {
    double sum = 0;
    for (uint64_t i = 0; i < n; ++i) {
      sum += std::pow(static_cast<double>(i + 1), -1.0 / (kGamma - 1));
      cumulative_[i] = sum;
    }
    for (uint64_t i = 0; i < n; ++i) id_of_[i] = i;
    for (uint64_t i = n; i > 1; --i) std::swap(id_of_[i - 1], id_of_[rng->Below(i)]);
  }
  uint64_t Draw(Rng* rng) const {
    const double u = rng->Uniform() * cumulative_.back();
    auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
    if (it == cumulative_.end()) --it;
    return id_of_[it - cumulative_.begin()];
  }

 private:
  std::vector<double> cumulative_;
  std::vector<uint64_t> id_of_;  // weight rank -> node id
};

struct FileCloser {
  void operator()(FILE* f) const {
    if (f) std::fclose(f);
  }
};
using File = std::unique_ptr<FILE, FileCloser>;

Status OpenOut(const std::string& path, File* out) {
  out->reset(std::fopen(path.c_str(), "wb"));
  if (!*out) return Status::IOError("cannot write " + path);
  return Status::OK();
}

Status Flush(FILE* f, std::string* buf, const std::string& path) {
  if (!buf->empty() && std::fwrite(buf->data(), 1, buf->size(), f) != buf->size()) {
    return Status::IOError("write failed: " + path);
  }
  buf->clear();
  return Status::OK();
}

}  // namespace

Status GenerateDataset(const DatasetSize& size, uint64_t seed, const std::string& out_dir,
                       const std::function<void(uint64_t, uint64_t)>& progress) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) return Status::IOError("cannot create " + out_dir + ": " + ec.message());
  const uint64_t n = size.nodes;
  const int k = SyllableCount(n);
  std::vector<Kind> kinds(n);
  for (uint64_t i = 0; i < n; ++i) kinds[i] = KindOf(i, seed);

  std::string buf;
  const std::string nodes_path = out_dir + "/nodes.csv";
  File f;
  PG_RETURN_IF_ERROR(OpenOut(nodes_path, &f));
  buf = "id,name,kind\n";
  // Ids 1..N: the file's ids are the node ids an import keeps (node id i is CSV id i).
  for (uint64_t i = 0; i < n; ++i) {
    AppendUint(&buf, i + 1);
    buf += ',';
    buf += NodeName(i, kinds[i], k);
    buf += ',';
    buf += kKinds[kinds[i]];
    buf += '\n';
    if (buf.size() > (1 << 20)) PG_RETURN_IF_ERROR(Flush(f.get(), &buf, nodes_path));
  }
  PG_RETURN_IF_ERROR(Flush(f.get(), &buf, nodes_path));
  if (std::fclose(f.release()) != 0) return Status::IOError("write failed: " + nodes_path);

  Rng rng(seed);
  WeightedSampler sampler(n, &rng);
  const std::string edges_path = out_dir + "/edges.csv";
  PG_RETURN_IF_ERROR(OpenOut(edges_path, &f));
  buf = "src,dst,type,date,weight\n";
  constexpr int64_t kFirstDay = 10957;          // 2000-01-01
  constexpr int64_t kDays = 20453 - 10957 + 1;  // through 2025-12-31
  for (uint64_t e = 0; e < size.edges; ++e) {
    uint64_t src = sampler.Draw(&rng), dst = sampler.Draw(&rng);
    while (dst == src) dst = sampler.Draw(&rng);
    const char* type = nullptr;
    const int p = static_cast<int>(rng.Below(1000));
    if (kinds[dst] == kPlace && p < 700) {
      type = "located_in";
    } else if (kinds[src] == kPerson && kinds[dst] == kOrganization && p < 600) {
      type = "member_of";
    } else {
      const int q = static_cast<int>(rng.Below(1000));
      int t = 0;
      while (q >= kTypeCut[t]) ++t;
      type = kTypes[t];
    }
    AppendUint(&buf, src + 1);
    buf += ',';
    AppendUint(&buf, dst + 1);
    buf += ',';
    buf += type;
    buf += ',';
    AppendDate(&buf, kFirstDay + static_cast<int64_t>(rng.Below(kDays)));
    // Weight in (0, 1] with four decimals: 0.0001 .. 1.0000.
    const uint64_t w = 1 + rng.Below(10000);
    char wbuf[48];
    std::snprintf(wbuf, sizeof wbuf, ",%llu.%04llu\n", static_cast<unsigned long long>(w / 10000),
                  static_cast<unsigned long long>(w % 10000));
    buf += wbuf;
    if (buf.size() > (1 << 20)) {
      PG_RETURN_IF_ERROR(Flush(f.get(), &buf, edges_path));
      if (progress) progress(e + 1, size.edges);
    }
  }
  PG_RETURN_IF_ERROR(Flush(f.get(), &buf, edges_path));
  if (std::fclose(f.release()) != 0) return Status::IOError("write failed: " + edges_path);
  if (progress) progress(size.edges, size.edges);

  // Queries: present and absent names, hop ids half uniform and half degree-weighted (people
  // ask about prominent actors), uniform path pairs.
  nlohmann::json q;
  q["lookup_names"] = nlohmann::json::array();
  for (uint32_t i = 0; i < size.lookups; ++i) {
    if (rng.Below(10) == 0) {
      const uint64_t absent = n + rng.Below(n);
      q["lookup_names"].push_back(NodeName(absent, KindOf(absent, seed), k));
    } else {
      const uint64_t id = rng.Below(n);
      q["lookup_names"].push_back(NodeName(id, kinds[id], k));
    }
  }
  q["hop_ids"] = nlohmann::json::array();
  for (uint32_t i = 0; i < size.hop_ids; ++i) {
    q["hop_ids"].push_back(1 + (i % 2 == 0 ? sampler.Draw(&rng) : rng.Below(n)));
  }
  q["hop2_count"] = std::min(size.hop2_count, size.hop_ids);
  q["sp_pairs"] = nlohmann::json::array();
  for (uint32_t i = 0; i < size.sp_pairs; ++i) {
    const uint64_t a = 1 + rng.Below(n);
    q["sp_pairs"].push_back({a, 1 + rng.Below(n)});
  }
  const std::string queries_path = out_dir + "/queries.json";
  PG_RETURN_IF_ERROR(OpenOut(queries_path, &f));
  buf = q.dump(1) + "\n";
  PG_RETURN_IF_ERROR(Flush(f.get(), &buf, queries_path));
  if (std::fclose(f.release()) != 0) return Status::IOError("write failed: " + queries_path);
  return Status::OK();
}

}  // namespace pactgraph::bench
