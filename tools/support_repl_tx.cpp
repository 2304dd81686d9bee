// The shell's write lock and explicit transactions (see support_repl_shell.h).
//
// Reading goes through `db_`, a read-only instance that never blocks another process. A
// statement that writes opens the writer (`writer_db_`) and the shell lets it go again before
// it waits for input; `:begin` keeps the writer and one write transaction (`tx_`) until
// `:commit` (one atomic batch) or `:rollback`.
#include <iostream>

#include "tools/support_repl_shell.h"

namespace pactgraph::tools {

Status Shell::EnsureWriter() {
  if (writer_db_) return Status::OK();
  if (global_.read_only) {
    return Status::InvalidArgument("the shell was opened with --read-only: it cannot write");
  }
  Options options;
  options.sync = global_.sync;
  options.recover = global_.recover;
  options.create_if_missing = true;
  auto db = Database::Open(ResolveDbPath(global_), options);
  if (!db.ok()) return ExplainOpenError(db.status());
  writer_db_ = std::move(db).value();
  return Status::OK();
}

void Shell::ReleaseWriter() {
  if (tx_ || !writer_db_) return;
  writer_db_.reset();
}

Status Shell::CatchUp() {
  if (!db_) return Status::IOError("the database is not open");
  return db_->read_only() ? db_->CatchUp() : Status::OK();
}

Result<QueryResult> Shell::Execute(const std::string& text) {
  if (tx_) {
    // A statement that does not parse or bind never ran: the transaction stays open.
    PG_RETURN_IF_ERROR(Session::QueryWrites(text, params_).status());
    Session session(writer_db_.get(), session_options_);
    auto r = session.ExecuteIn(tx_.get(), text, params_);
    if (r.ok()) {
      ++tx_statements_;
    } else {
      // Part of the failed statement may be in the batch: the transaction cannot go on.
      RollbackTransaction("a statement in it failed");
    }
    return r;
  }
  if (db_ && !db_->read_only()) return session_->Execute(text, params_);
  PG_ASSIGN_OR_RETURN(bool writes, Session::QueryWrites(text, params_));
  if (!writes || global_.read_only) {
    PG_RETURN_IF_ERROR(CatchUp());
    return session_->Execute(text, params_);
  }
  PG_RETURN_IF_ERROR(EnsureWriter());
  Session session(writer_db_.get(), session_options_);
  return session.Execute(text, params_);
}

int Shell::BeginTransaction() {
  if (tx_) {
    return ReportError(
        Status::InvalidArgument("a transaction is already open (:commit or :rollback ends it)"),
        "");
  }
  if (Status s = EnsureWriter(); !s.ok()) return ReportError(s, "");
  auto w = writer_db_->BeginWrite();
  if (!w.ok()) return ReportError(w.status(), "");
  tx_ = std::move(w).value();
  tx_statements_ = 0;
  warned_open_tx_ = false;
  if (!global_.quiet && interactive_) {
    std::cout << "transaction open: statements run in it until :commit (or :rollback)\n";
  }
  return kExitOk;
}

int Shell::CommitTransaction() {
  if (!tx_)
    return ReportError(Status::InvalidArgument("no transaction is open (:begin opens one)"), "");
  std::unique_ptr<GraphWriter> tx = std::move(tx_);
  Status s = tx->Commit();
  tx.reset();
  ReleaseWriter();
  if (!s.ok()) return ReportError(s.WithContext("commit failed, nothing was written"), "");
  if (!global_.quiet) {
    std::cerr << "committed " << tx_statements_
              << (tx_statements_ == 1 ? " statement" : " statements") << "\n";
  }
  return kExitOk;
}

int Shell::RollbackTransaction(const char* why) {
  if (!tx_)
    return ReportError(Status::InvalidArgument("no transaction is open (:begin opens one)"), "");
  tx_.reset();
  ReleaseWriter();
  if (!global_.quiet || why != nullptr) {
    std::cerr << (why ? "warning: " : "") << "transaction rolled back"
              << (why ? std::string(" (") + why + ")" : "") << ": nothing it wrote was kept\n";
  }
  return kExitOk;
}

bool Shell::MayLeave() {
  if (!tx_) return true;
  if (!warned_open_tx_ && interactive_) {
    warned_open_tx_ = true;
    std::cerr << "warning: a transaction is open (" << tx_statements_
              << (tx_statements_ == 1 ? " statement" : " statements")
              << "): :commit keeps it, :rollback drops it; leave again to roll it back\n";
    return false;
  }
  RollbackTransaction("the shell ended with the transaction open");
  return true;
}

}  // namespace pactgraph::tools
