// libedit line editing for the REPL (see support_repl_editor.h).
#include "tools/support_repl_editor.h"

#include <histedit.h>
#include <langinfo.h>

#include <algorithm>
#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstring>

#include "tools/support_format.h"

namespace pactgraph::tools {
namespace {

std::string CommonPrefix(const std::vector<std::string>& v) {
  if (v.empty()) return "";
  std::string p = v[0];
  for (const auto& s : v) {
    size_t n = 0;
    while (n < p.size() && n < s.size() && p[n] == s[n]) ++n;
    p.resize(n);
  }
  return p;
}

}  // namespace

LineEditor::LineEditor(const char* program, std::string history_file)
    : history_file_(std::move(history_file)) {
  // libedit reads multibyte input by the locale; pactgraph text is UTF-8 whatever LANG says.
  if (std::setlocale(LC_CTYPE, "") == nullptr || std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
    std::setlocale(LC_CTYPE, "C.UTF-8");
  }
  HistEvent ev;
  hist_ = history_init();
  history(hist_, &ev, H_SETSIZE, 2000);
  history(hist_, &ev, H_SETUNIQUE, 1);
  if (!history_file_.empty()) history(hist_, &ev, H_LOAD, history_file_.c_str());
  el_ = el_init(program, stdin, stdout, stderr);
  el_set(el_, EL_CLIENTDATA, this);
  el_set(el_, EL_EDITOR, "emacs");
  el_set(el_, EL_HIST, history, hist_);
  el_set(el_, EL_PROMPT_ESC, &LineEditor::PromptFn, '\1');
  // The wide form: libedit's narrow EL_ADDFN copies both strings and never frees them (a leak
  // LeakSanitizer reports in `make test-asan`).
  el_wset(el_, EL_ADDFN, L"pactgraph-complete", L"Complete a word", &LineEditor::CompleteKey);
  el_set(el_, EL_BIND, "^I", "pactgraph-complete", nullptr);
  el_set(el_, EL_BIND, "^R", "em-inc-search-prev", nullptr);
  el_source(el_, nullptr);  // ~/.editrc
}

LineEditor::~LineEditor() {
  el_end(el_);
  history_end(hist_);
}

char* LineEditor::PromptFn(editline* el) {
  void* data = nullptr;
  el_get(el, EL_CLIENTDATA, &data);
  return const_cast<char*>(static_cast<LineEditor*>(data)->prompt_.c_str());
}

LineEditor::ReadStatus LineEditor::ReadLine(const std::string& prompt, std::string* line) {
  prompt_ = prompt;
  int count = 0;
  errno = 0;
  const char* text = el_gets(el_, &count);
  if (text == nullptr || count < 0) {
    if (errno == EINTR || count < 0) {
      el_reset(el_);
      std::fputs("^C\n", stdout);
      std::fflush(stdout);
      return ReadStatus::kInterrupted;
    }
    return ReadStatus::kEof;
  }
  line->assign(text, count);
  while (!line->empty() && (line->back() == '\n' || line->back() == '\r')) line->pop_back();
  return ReadStatus::kLine;
}

void LineEditor::AddHistory(const std::string& entry) {
  HistEvent ev;
  history(hist_, &ev, H_ENTER, entry.c_str());
  if (!history_file_.empty()) SaveHistory();
}

// libedit's own H_SAVE escapes every blank (`MATCH\040(a)`); this writes each entry as it
// reads, one per line, escaping only what strunvis(3) — libedit's H_LOAD — must decode: a
// backslash and a line break. A cat of the file shows the statements; H_LOAD still reads it.
void LineEditor::SaveHistory() const {
  const std::string tmp = history_file_ + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "w");
  if (f == nullptr) return;  // an unwritable history costs the history, not the session
  std::fputs("_HiStOrY_V2_\n", f);
  for (const std::string& entry : History()) {
    std::string line;
    for (char c : entry) {
      if (c == '\\') {
        line += "\\\\";
      } else if (c == '\n') {
        line += "\\012";
      } else if (c == '\r') {
        line += "\\015";
      } else {
        line += c;
      }
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), f);
  }
  if (std::fclose(f) == 0) std::rename(tmp.c_str(), history_file_.c_str());
}

std::vector<std::string> LineEditor::History() const {
  std::vector<std::string> out;
  HistEvent ev;
  for (int rc = history(hist_, &ev, H_LAST); rc != -1; rc = history(hist_, &ev, H_PREV)) {
    out.push_back(ev.str);
  }
  return out;
}

unsigned char LineEditor::CompleteKey(editline* el, int /*ch*/) {
  void* data = nullptr;
  el_get(el, EL_CLIENTDATA, &data);
  return static_cast<LineEditor*>(data)->DoComplete();
}

unsigned char LineEditor::DoComplete() {
  if (!completer_) return CC_ERROR;
  const LineInfo* li = el_line(el_);
  std::string before(li->buffer, li->cursor);
  Completion c = completer_(before);
  if (c.candidates.empty()) return CC_REFRESH_BEEP;
  std::string word = before.substr(c.start);
  std::string replacement = c.candidates.size() == 1 ? c.candidates[0] + (c.append_space ? " " : "")
                                                     : CommonPrefix(c.candidates);
  if (replacement.size() > word.size() || (c.candidates.size() == 1 && replacement != word)) {
    el_deletestr(el_, static_cast<int>(word.size()));
    el_insertstr(el_, replacement.c_str());
    return CC_REFRESH;
  }
  // Ambiguous: list the candidates under the line, then redraw it.
  const std::vector<std::string>& listed = c.labels.empty() ? c.candidates : c.labels;
  size_t width = 0;
  for (const auto& s : listed) width = std::max(width, DisplayWidth(s));
  const size_t per_line = std::max<size_t>(1, 80 / (width + 2));
  std::fputs("\n", stdout);
  size_t shown = std::min<size_t>(c.candidates.size(), 100);
  for (size_t i = 0; i < shown; ++i) {
    std::fprintf(stdout, "%s%s%s", listed[i].c_str(),
                 std::string(width + 2 - DisplayWidth(listed[i]), ' ').c_str(),
                 (i + 1) % per_line == 0 || i + 1 == shown ? "\n" : "");
  }
  if (shown < c.candidates.size()) {
    std::fprintf(stdout, "… and %zu more\n", c.candidates.size() - shown);
  }
  std::fflush(stdout);
  return CC_REDISPLAY;
}

}  // namespace pactgraph::tools
