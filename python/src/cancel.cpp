// python/src/cancel.cpp — cancelling a running call: Ctrl-C, Database.interrupt(), close().
//
// Python runs its signal handlers only between bytecodes of the main thread, so while a call
// runs in C++ with the GIL released, Ctrl-C would wait for the call to finish. While a call of
// the main thread is in progress, this file puts a SIGINT handler of its own in front of
// Python's (sigaction; restored when the call ends): it sets the cancel flag of every such
// call (the pactgraph query, ingestion loop, … polls it and stops with Cancelled), then calls
// the handler it replaced, so Python records the signal as it would have. When the call
// returns, RaiseIfSignalled asks Python to run its handlers (PyErr_CheckSignals), which raises
// the KeyboardInterrupt the user expects.
//
// The handler is async-signal-safe: it reads a fixed array of atomic pointers and stores into
// atomics, nothing else. Only the main thread arms and disarms it (and changes the array), so
// nested calls from a callback share one installation. A handler the user chose to ignore
// SIGINT with (SIG_IGN) or the default action (SIG_DFL) is left alone.
//
// Cost: three or four sigaction system calls per main-thread call (well under a microsecond
// each).
#include <signal.h>

#include <array>

#include "python/src/native.h"

namespace pactgraph::python {
namespace {

constexpr size_t kSlots = 16;  // nesting depth of main-thread calls that Ctrl-C can cancel
std::array<std::atomic<CancelToken*>, kSlots> g_slots{};
struct sigaction g_previous;  // written by the main thread before arming, read by the handler
int g_depth = 0;              // main thread only
bool g_installed = false;     // main thread only

extern "C" void OnSigint(int sig, siginfo_t* info, void* context) {
  for (auto& slot : g_slots) {
    CancelToken* token = slot.load(std::memory_order_acquire);
    if (token != nullptr) {
      token->by_signal.store(true, std::memory_order_relaxed);
      token->cancel.store(true, std::memory_order_release);
    }
  }
  if (g_previous.sa_flags & SA_SIGINFO) {
    if (g_previous.sa_sigaction != nullptr) g_previous.sa_sigaction(sig, info, context);
  } else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN &&
             g_previous.sa_handler != nullptr) {
    g_previous.sa_handler(sig);
  }
}

bool IsMainThread() {
  static const unsigned long main_ident = [] {
    py::object t = py::module_::import("threading").attr("main_thread")();
    return t.attr("ident").cast<unsigned long>();
  }();
  return PyThread_get_thread_ident() == main_ident;
}

// Installs OnSigint in front of the current handler; false when SIGINT is ignored or has its
// default action (then there is no Python handler to honour and nothing is installed).
bool Install() {
  struct sigaction previous {};
  if (sigaction(SIGINT, nullptr, &previous) != 0) return false;
  if (!(previous.sa_flags & SA_SIGINFO) &&
      (previous.sa_handler == SIG_IGN || previous.sa_handler == SIG_DFL)) {
    return false;
  }
  // Complete before OnSigint can run: it chains to g_previous. Only the main thread changes
  // SIGINT's disposition in a Python process, and it is here.
  g_previous = previous;
  struct sigaction ours {};
  ours.sa_sigaction = OnSigint;
  ours.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&ours.sa_mask);
  return sigaction(SIGINT, &ours, nullptr) == 0;
}

void Uninstall() {
  struct sigaction current {};
  sigaction(SIGINT, &g_previous, &current);
  // Python code run during the call (a progress callback) may have set a handler of its own;
  // keep that one rather than resurrect the older.
  if (!((current.sa_flags & SA_SIGINFO) && current.sa_sigaction == OnSigint)) {
    sigaction(SIGINT, &current, nullptr);
  }
}

}  // namespace

CancelScope::CancelScope(NativeDb* db) : db_(db) {
  if (db_ != nullptr) {
    std::lock_guard<std::mutex> lock(db_->mu_);
    db_->tokens_.push_back(&token_);
  }
  if (!IsMainThread() || g_depth >= static_cast<int>(kSlots)) return;
  if (g_depth == 0) g_installed = Install();
  if (!g_installed) return;
  g_slots[static_cast<size_t>(g_depth)].store(&token_, std::memory_order_release);
  ++g_depth;
  armed_ = true;
}

CancelScope::~CancelScope() {
  if (armed_) {
    --g_depth;
    g_slots[static_cast<size_t>(g_depth)].store(nullptr, std::memory_order_release);
    if (g_depth == 0) {
      Uninstall();
      g_installed = false;
    }
  }
  if (db_ != nullptr) {
    std::lock_guard<std::mutex> lock(db_->mu_);
    auto& tokens = db_->tokens_;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i] == &token_) {
        tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    }
  }
}

void CancelScope::RaiseIfSignalled(const Status& status) {
  if (status.code() != Status::Code::kCancelled) return;
  if (!token_.by_signal.load(std::memory_order_acquire)) return;
  if (PyErr_CheckSignals() != 0) throw py::error_already_set();
  // The user's own SIGINT handler ran and raised nothing: say what happened to the call.
  ThrowStatus(Status::Cancelled(status.message() + " (by SIGINT)"), ErrorSite::kCall);
}

}  // namespace pactgraph::python
