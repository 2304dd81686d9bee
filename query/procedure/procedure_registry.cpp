// The procedure registry: signatures and bodies by qualified name.
#include "query/procedure/procedure_registry.h"

namespace pactgraph::query {

Status ProcedureRegistry::Register(ProcedureSignature signature, ProcedureFn body) {
  if (signature.name.empty() || !body) {
    return Status::InvalidArgument("procedure registration needs a name and a body");
  }
  bool seen_optional = false;
  for (const auto& p : signature.params) {
    if (seen_optional && !p.optional) {
      return Status::InvalidArgument("procedure " + signature.name +
                                     ": required parameter after an optional one");
    }
    seen_optional = seen_optional || p.optional;
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (procedures_.count(signature.name)) {
    return Status::InvalidArgument("procedure " + signature.name + " is already registered");
  }
  std::string name = signature.name;
  procedures_[name] = std::make_unique<Procedure>(Procedure{std::move(signature), std::move(body)});
  return Status::OK();
}

void ProcedureRegistry::Replace(ProcedureSignature signature, ProcedureFn body) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string name = signature.name;
  procedures_[name] = std::make_unique<Procedure>(Procedure{std::move(signature), std::move(body)});
}

const Procedure* ProcedureRegistry::Find(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = procedures_.find(name);
  return it == procedures_.end() ? nullptr : it->second.get();
}

std::vector<const Procedure*> ProcedureRegistry::List() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<const Procedure*> out;
  for (const auto& [name, p] : procedures_) out.push_back(p.get());
  return out;
}

}  // namespace pactgraph::query
