// Progress: a one-line progress bar on stderr for long work (documents done/total, pairs, rate, ETA).
// Quiet when stderr is not a terminal (logs and CI stay clean). Thread-safe.
//
//   nazir::corpus::Progress p("align", total_docs);
//   p.Advance(1, pairs_found);   // from any thread
//   p.Finish();
#ifndef NAZIR_CORPUS_PROGRESS_H_
#define NAZIR_CORPUS_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace nazir::corpus {

// One line of stderr redrawn in place ("\r" + text + erase to end of line), for any progress display.
// Does nothing when stderr is not a terminal. Not thread-safe: one owner draws.
class StatusLine {
 public:
  StatusLine();                      // enabled when stderr is a terminal
  explicit StatusLine(bool enabled);
  ~StatusLine() { Clear(); }
  StatusLine(const StatusLine&) = delete;
  StatusLine& operator=(const StatusLine&) = delete;

  bool enabled() const { return enabled_; }
  // Replaces the line with `text`.
  void Show(const std::string& text);
  // Erases the line (if anything was shown).
  void Clear();

 private:
  bool enabled_;
  bool drawn_ = false;
};

class Progress {
 public:
  // `enabled` defaults to whether stderr is a terminal.
  Progress(std::string label, int64_t total);
  Progress(std::string label, int64_t total, bool enabled);

  // Records `done` more units and `items` more secondary items (e.g. sentence pairs); redraws at most
  // every 100 ms.
  void Advance(int64_t done, int64_t items = 0);

  // Clears the bar line.
  void Finish();

  // The bar as it would be drawn now (for tests).
  std::string Render() const;

 private:
  std::string RenderLocked() const;

  std::string label_;
  int64_t total_;
  StatusLine line_;
  int64_t done_ = 0;
  int64_t items_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  mutable std::mutex mu_;
};

}  // namespace nazir::corpus

#endif  // NAZIR_CORPUS_PROGRESS_H_
