// Fuzz target: decoding stored keys and values (storage/key_codec.h, storage/value_codec.h).
// Arbitrary bytes must decode to an error, never crash; whatever decodes must re-encode and
// decode to the same thing.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "storage/key_codec.h"
#include "storage/value_codec.h"

using namespace pactgraph;
using namespace pactgraph::storage;

namespace {

void Require(bool ok) {
  if (!ok) std::abort();
}

template <typename K>
void KeyRoundTrip(std::string_view in) {
  if (auto k = K::Decode(in)) {
    auto again = K::Decode(k->Encode());
    Require(again.has_value());
    Require(again->Encode() == k->Encode());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  {
    std::string_view rest = in;
    Value v;
    if (DecodeValue(&rest, &v).ok()) {
      std::string enc;
      Require(EncodeValue(v, &enc).ok());
      std::string_view again_in = enc;
      Value again;
      Require(DecodeValue(&again_in, &again).ok());
      Require(again_in.empty());
      std::string enc2;
      Require(EncodeValue(again, &enc2).ok());
      Require(enc == enc2);
    }
  }
  {
    std::string_view rest = in;
    ValueMap m;
    if (DecodePropertyMap(&rest, &m).ok()) {
      std::string enc;
      Require(EncodePropertyMap(m, &enc).ok());
    }
  }
  NodeRecord node;
  if (DecodeNodeRecord(in, &node).ok()) {
    std::string enc;
    Require(EncodeNodeRecord(node, &enc).ok());
    NodeRecord again;
    Require(DecodeNodeRecord(enc, &again).ok());
    Require(again.labels == node.labels);
  }
  std::vector<uint32_t> labels;
  (void)DecodeNodeLabels(in, &labels);
  RelRecord rel;
  if (DecodeRelRecord(in, &rel).ok()) {
    std::string enc;
    Require(EncodeRelRecord(rel, &enc).ok());
  }
  (void)DecodeRelHeader(in, &rel);
  Article a;
  if (DecodeArticle(in, &a).ok()) {
    std::string enc;
    EncodeArticle(a, &enc);
    Article again;
    Require(DecodeArticle(enc, &again).ok());
    Require(again.text == a.text && again.content_hash == a.content_hash);
  }
  Evidence e;
  if (DecodeEvidence(in, &e).ok()) {
    std::string enc;
    EncodeEvidence(e, &enc);
    Evidence again;
    Require(DecodeEvidence(enc, &again).ok());
    Require(again.sentence == e.sentence && again.article == e.article);
  }
  KeyRoundTrip<IdKey>(in);
  KeyRoundTrip<AdjKey>(in);
  KeyRoundTrip<LabelKey>(in);
  KeyRoundTrip<NameKey>(in);
  KeyRoundTrip<DictKey>(in);
  KeyRoundTrip<EvidenceKey>(in);
  (void)DecodeCountKey(in, 'l');
  (void)DecodeCountKey(in, 't');
  return 0;
}
