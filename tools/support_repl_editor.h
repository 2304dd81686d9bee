// tools/support_repl_editor.h — the REPL's line editor: libedit (BSD licence) with history.
//
// Emacs key bindings, Ctrl-R incremental reverse search through the history, Tab completion
// through a callback, a prompt that may carry colour, and a history file (loaded at start,
// saved after every entry, so a killed shell loses nothing; one entry per line, readable with
// cat, in the format libedit loads). ~/.editrc is honoured.
// ReadLine reports Ctrl-C (SIGINT while editing) as kInterrupted and Ctrl-D on an empty line
// as kEof.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/support_repl_complete.h"

struct editline;
struct history;

namespace pactgraph::tools {

class LineEditor {
 public:
  enum class ReadStatus { kLine, kEof, kInterrupted };
  using Completer = std::function<Completion(std::string_view before_cursor)>;

  // `history_file` empty: no persistent history.
  LineEditor(const char* program, std::string history_file);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  ReadStatus ReadLine(const std::string& prompt, std::string* line);
  void AddHistory(const std::string& entry);
  std::vector<std::string> History() const;
  void set_completer(Completer completer) { completer_ = std::move(completer); }

 private:
  static unsigned char CompleteKey(editline* el, int ch);
  static char* PromptFn(editline* el);
  unsigned char DoComplete();
  void SaveHistory() const;

  editline* el_ = nullptr;
  history* hist_ = nullptr;
  std::string history_file_;
  std::string prompt_;
  Completer completer_;
};

}  // namespace pactgraph::tools
