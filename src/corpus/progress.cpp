#include "nazir/corpus/progress.h"

#include <unistd.h>

#include <cstdio>

namespace nazir::corpus {

namespace {
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
}  // namespace

StatusLine::StatusLine() : StatusLine(isatty(STDERR_FILENO) != 0) {}

StatusLine::StatusLine(bool enabled) : enabled_(enabled) {}

void StatusLine::Show(const std::string& text) {
  if (!enabled_) return;
  std::fprintf(stderr, "\r%s\033[K", text.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void StatusLine::Clear() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

Progress::Progress(std::string label, int64_t total)
    : Progress(std::move(label), total, isatty(STDERR_FILENO) != 0) {}

Progress::Progress(std::string label, int64_t total, bool enabled)
    : label_(std::move(label)), total_(total), line_(enabled),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void Progress::Advance(int64_t done, int64_t items) {
  std::lock_guard<std::mutex> lock(mu_);
  done_ += done;
  items_ += items;
  if (!line_.enabled()) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawInterval && done_ < total_) return;
  last_draw_ = now;
  line_.Show(RenderLocked());
}

void Progress::Finish() {
  std::lock_guard<std::mutex> lock(mu_);
  line_.Clear();
}

std::string Progress::Render() const {
  std::lock_guard<std::mutex> lock(mu_);
  return RenderLocked();
}

std::string Progress::RenderLocked() const {
  constexpr int kWidth = 24;
  double frac = total_ > 0 ? static_cast<double>(done_) / static_cast<double>(total_) : 1.0;
  int filled = static_cast<int>(frac * kWidth);
  std::string bar(static_cast<size_t>(filled), '#');
  bar.append(static_cast<size_t>(kWidth - filled), '.');
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = secs > 0 ? static_cast<double>(done_) / secs : 0.0;
  char buf[256];
  if (rate > 0 && done_ < total_) {
    double eta = static_cast<double>(total_ - done_) / rate;
    std::snprintf(buf, sizeof buf, "%s [%s] %lld/%lld docs, %lld pairs, %.1f docs/s, ETA %.0fs", label_.c_str(),
                  bar.c_str(), static_cast<long long>(done_), static_cast<long long>(total_),
                  static_cast<long long>(items_), rate, eta);
  } else {
    std::snprintf(buf, sizeof buf, "%s [%s] %lld/%lld docs, %lld pairs, %.1f docs/s", label_.c_str(), bar.c_str(),
                  static_cast<long long>(done_), static_cast<long long>(total_), static_cast<long long>(items_),
                  rate);
  }
  return buf;
}

}  // namespace nazir::corpus
