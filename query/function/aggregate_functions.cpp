// count, sum, avg, min, max, collect.
#include <map>
#include <set>

#include "query/function/functions.h"
#include "query/function/value_ops.h"

namespace pactgraph::query {
namespace {

class CountState : public AggregateState {
 public:
  Status Add(const Value&) override {
    ++n_;
    return Status::OK();
  }
  Value Finish() override { return Value(n_); }

 private:
  int64_t n_ = 0;
};

class SumState : public AggregateState {
 public:
  explicit SumState(bool avg) : avg_(avg) {}
  Status Add(const Value& v) override {
    if (!v.is_number()) return TypeMismatch(avg_ ? "avg" : "sum", "a number", v);
    ++n_;
    if (v.is_int() && !is_float_) {
      if (__builtin_add_overflow(isum_, v.as_int(), &isum_)) {
        return Status::InvalidArgument("integer overflow in sum()");
      }
    } else {
      if (!is_float_) fsum_ = static_cast<double>(isum_);
      is_float_ = true;
      fsum_ += v.as_number();
    }
    return Status::OK();
  }
  Value Finish() override {
    if (avg_) {
      if (n_ == 0) return Value();
      return Value((is_float_ ? fsum_ : static_cast<double>(isum_)) / static_cast<double>(n_));
    }
    return is_float_ ? Value(fsum_) : Value(isum_);
  }

 private:
  bool avg_;
  bool is_float_ = false;
  int64_t isum_ = 0;
  double fsum_ = 0;
  int64_t n_ = 0;
};

class MinMaxState : public AggregateState {
 public:
  explicit MinMaxState(bool max) : max_(max) {}
  Status Add(const Value& v) override {
    if (best_.is_null()) {
      best_ = v;
    } else {
      int c = OrderCompare(v, best_);
      if (max_ ? c > 0 : c < 0) best_ = v;
    }
    return Status::OK();
  }
  Value Finish() override { return best_; }

 private:
  bool max_;
  Value best_;
};

class CollectState : public AggregateState {
 public:
  Status Add(const Value& v) override {
    items_.push_back(v);
    return Status::OK();
  }
  Value Finish() override { return Value(std::move(items_)); }

 private:
  ValueList items_;
};

const std::map<std::string, AggregateFunction>& Aggregates() {
  static const auto* table = new std::map<std::string, AggregateFunction>{
      {"count", {"count", [] { return std::make_unique<CountState>(); }}},
      {"sum", {"sum", [] { return std::make_unique<SumState>(false); }}},
      {"avg", {"avg", [] { return std::make_unique<SumState>(true); }}},
      {"min", {"min", [] { return std::make_unique<MinMaxState>(false); }}},
      {"max", {"max", [] { return std::make_unique<MinMaxState>(true); }}},
      {"collect", {"collect", [] { return std::make_unique<CollectState>(); }}},
  };
  return *table;
}

}  // namespace

const AggregateFunction* FindAggregateFunction(const std::string& name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = Aggregates().find(lower);
  return it == Aggregates().end() ? nullptr : &it->second;
}

Status TypeMismatch(const std::string& function, const std::string& expected, const Value& got) {
  // The TCK's categories: conversions and element accessors reject a value of the wrong kind
  // (InvalidArgumentValue); range() rejects its argument types as an ArgumentError.
  static const std::set<std::string> kValueFunctions = {"toString",  "toInteger", "toFloat",
                                                        "toBoolean", "type",      "labels"};
  const char* category = function == "range"               ? "ArgumentError (InvalidArgumentType)"
                         : kValueFunctions.count(function) ? "TypeError (InvalidArgumentValue)"
                                                           : "TypeError (InvalidArgumentType)";
  return Status::InvalidArgument(std::string(category) + ": Type mismatch: " + function +
                                 "() expects " + expected + ", got " + Value::TypeName(got.type()) +
                                 " " + got.ToString());
}

}  // namespace pactgraph::query
