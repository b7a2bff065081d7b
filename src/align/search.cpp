#include "nazir/align/search.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace nazir::align {

const std::vector<Shape>& DefaultShapes() {
  static const auto* shapes = new std::vector<Shape>{{1, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3},
                                                     {3, 1}, {1, 0}, {0, 1}};
  return *shapes;
}

Band Band::Full(int n, int m) {
  Band b;
  b.lo.assign(n + 1, 0);
  b.hi.assign(n + 1, m);
  return b;
}

Band Band::AroundDiagonal(const std::vector<double>& ar_lengths, const std::vector<double>& en_lengths,
                          int width) {
  const int n = static_cast<int>(ar_lengths.size());
  const int m = static_cast<int>(en_lengths.size());
  std::vector<double> en_cum(m + 1, 0.0);
  for (int j = 0; j < m; ++j) en_cum[j + 1] = en_cum[j] + std::max(en_lengths[j], 1e-9);
  double ar_total = 0;
  for (double l : ar_lengths) ar_total += std::max(l, 1e-9);
  Band b;
  b.lo.resize(n + 1);
  b.hi.resize(n + 1);
  double ar_cum = 0;
  int j = 0;
  for (int i = 0; i <= n; ++i) {
    if (i > 0) ar_cum += std::max(ar_lengths[i - 1], 1e-9);
    double target = ar_total > 0 ? ar_cum / ar_total * en_cum[m] : 0.0;
    while (j < m && en_cum[j + 1] <= target) ++j;
    b.lo[i] = std::max(0, j - width);
    b.hi[i] = std::min(m, j + width);
  }
  return b;
}

Band Band::AroundPath(const std::vector<BeadSpan>& path, int n, int m, int width) {
  Band b;
  b.lo.assign(n + 1, m);
  b.hi.assign(n + 1, 0);
  auto touch = [&](int i, int j) {
    b.lo[i] = std::min(b.lo[i], j);
    b.hi[i] = std::max(b.hi[i], j);
  };
  touch(0, 0);
  for (const auto& s : path) {
    // Every cell the bead passes through (its corner and the cells it spans).
    for (int i = s.ar_begin; i <= s.ar_begin + s.ar_len; ++i) {
      touch(i, s.en_begin);
      touch(i, s.en_begin + s.en_len);
    }
  }
  touch(n, m);
  for (int i = 0; i <= n; ++i) {
    if (b.lo[i] > b.hi[i]) {  // a row the path skipped: inherit from the row before
      b.lo[i] = i > 0 ? b.lo[i - 1] : 0;
      b.hi[i] = i > 0 ? b.hi[i - 1] : 0;
    }
  }
  for (int i = 0; i <= n; ++i) {
    b.lo[i] = std::max(0, b.lo[i] - width);
    b.hi[i] = std::min(m, b.hi[i] + width);
  }
  // Widen along the Arabic axis too: row i may use the cells of rows i-width..i+width.
  Band wide = b;
  for (int i = 0; i <= n; ++i) {
    int a = std::max(0, i - width), z = std::min(n, i + width);
    wide.lo[i] = b.lo[a];
    wide.hi[i] = b.hi[z];
  }
  return wide;
}

long long Band::Cells() const {
  long long c = 0;
  for (size_t i = 0; i < lo.size(); ++i) c += std::max(0, hi[i] - lo[i] + 1);
  return c;
}

bool Band::Touches(const std::vector<BeadSpan>& path, int n, int m, int margin) const {
  for (const auto& s : path) {
    int i = s.ar_begin, j = s.en_begin;
    if (i < 0 || i > n) continue;
    if (lo[i] > 0 && j - lo[i] < margin) return true;
    if (hi[i] < m && hi[i] - j < margin) return true;
  }
  return false;
}

namespace {

// Makes a band usable: sizes right, bounds clamped and monotone, corners included, and consecutive rows
// overlapping so that every row is reachable with 1-0 and 0-1 beads.
void Repair(Band& b, int n, int m) {
  b.lo.resize(n + 1, 0);
  b.hi.resize(n + 1, m);
  b.lo[0] = 0;
  b.hi[n] = m;
  for (int i = 0; i <= n; ++i) {
    b.lo[i] = std::clamp(b.lo[i], 0, m);
    b.hi[i] = std::clamp(b.hi[i], 0, m);
    if (i > 0) {
      b.lo[i] = std::max(b.lo[i], b.lo[i - 1]);
      b.hi[i] = std::max(b.hi[i], b.hi[i - 1]);
    }
    if (b.hi[i] < b.lo[i]) b.hi[i] = b.lo[i];
  }
  for (int i = n; i >= 1; --i) {
    if (b.lo[i] > b.hi[i - 1]) b.lo[i] = b.hi[i - 1];
    if (i < n && b.lo[i] > b.lo[i + 1]) b.lo[i] = b.lo[i + 1];
  }
}

}  // namespace

std::vector<BeadSpan> SearchBeads(int n_ar, int n_en, const std::vector<Shape>& shapes, Band band,
                                  const std::function<double(const BeadSpan&)>& score) {
  Repair(band, n_ar, n_en);
  const int n = n_ar;
  std::vector<long long> row_start(n + 2, 0);
  for (int i = 0; i <= n; ++i) row_start[i + 1] = row_start[i] + (band.hi[i] - band.lo[i] + 1);
  const double kUnreached = -std::numeric_limits<double>::infinity();
  std::vector<double> best(row_start[n + 1], kUnreached);
  std::vector<int8_t> back(row_start[n + 1], -1);
  auto cell = [&](int i, int j) -> long long {
    if (i < 0 || i > n || j < band.lo[i] || j > band.hi[i]) return -1;
    return row_start[i] + (j - band.lo[i]);
  };
  best[cell(0, 0)] = 0.0;
  for (int i = 0; i <= n; ++i) {
    for (int j = band.lo[i]; j <= band.hi[i]; ++j) {
      long long c = cell(i, j);
      for (size_t k = 0; k < shapes.size(); ++k) {
        const Shape& s = shapes[k];
        long long p = cell(i - s.ar, j - s.en);
        if (p < 0 || (s.ar == 0 && s.en == 0) || best[p] == kUnreached) continue;
        double v = best[p] + score(BeadSpan{i - s.ar, s.ar, j - s.en, s.en});
        if (v > best[c]) {
          best[c] = v;
          back[c] = static_cast<int8_t>(k);
        }
      }
    }
  }
  std::vector<BeadSpan> path;
  int i = n, j = n_en;
  while (i > 0 || j > 0) {
    long long c = cell(i, j);
    int k = c >= 0 ? back[c] : -1;
    if (k < 0) break;  // cannot happen after Repair with 1-0/0-1 shapes
    const Shape& s = shapes[k];
    path.push_back(BeadSpan{i - s.ar, s.ar, j - s.en, s.en});
    i -= s.ar;
    j -= s.en;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace nazir::align
