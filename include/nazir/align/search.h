// Bead search: monotone dynamic programming over the shapes of a sentence alignment.
//
// The caller scores candidate beads (a run of Arabic sentences with a run of English sentences, either
// run possibly empty); SearchBeads finds the sequence of beads that covers both sides exactly once, in
// order, with the highest total score. The DP runs inside a Band (per Arabic position, the allowed
// English positions), so that long documents cost O(n * width), not O(n * m).
//
//   auto spans = nazir::align::SearchBeads(n_ar, n_en, nazir::align::DefaultShapes(),
//                                          nazir::align::Band::Full(n_ar, n_en),
//                                          [&](const BeadSpan& b) { return MyScore(b); });
#ifndef NAZIR_ALIGN_SEARCH_H_
#define NAZIR_ALIGN_SEARCH_H_

#include <functional>
#include <vector>

namespace nazir::align {

// Numbers of Arabic and English sentences in a bead: {1,1}, {2,1}, {1,0}...
struct Shape {
  int ar = 0;
  int en = 0;
};

// 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0, 0-1.
const std::vector<Shape>& DefaultShapes();

// A candidate bead: Arabic sentences [ar_begin, ar_begin + ar_len), English [en_begin, en_begin + en_len).
struct BeadSpan {
  int ar_begin = 0;
  int ar_len = 0;
  int en_begin = 0;
  int en_len = 0;

  bool operator==(const BeadSpan& o) const {
    return ar_begin == o.ar_begin && ar_len == o.ar_len && en_begin == o.en_begin && en_len == o.en_len;
  }
};

// The DP cells allowed: for Arabic position i (0..n, the number of Arabic sentences consumed), English
// positions lo[i]..hi[i] inclusive. Both bounds are non-decreasing, lo[0] = 0 and hi[n] = m.
struct Band {
  std::vector<int> lo;
  std::vector<int> hi;

  // Every cell: the exact search.
  static Band Full(int n, int m);
  // Cells within `width` English positions of the diagonal scaled by sentence length: Arabic position
  // i maps to the English position whose cumulative length share matches (lengths > 0, any units).
  static Band AroundDiagonal(const std::vector<double>& ar_lengths, const std::vector<double>& en_lengths,
                             int width);
  // Cells within `width` of a previous path (the corners between its beads), made monotone.
  static Band AroundPath(const std::vector<BeadSpan>& path, int n, int m, int width);

  // Number of cells.
  long long Cells() const;
  // True when `path` passes within `margin` cells of the band's inner edge somewhere, not counting
  // the edges the matrix itself imposes (a sign that the band was too narrow).
  bool Touches(const std::vector<BeadSpan>& path, int n, int m, int margin) const;
};

// Returns the best-scoring bead sequence from (0,0) to (n_ar,n_en) using `shapes`, inside `band`.
// `score` is called once per candidate bead. If the band does not connect the corners, the missing
// cells are added (the result always covers both sides).
std::vector<BeadSpan> SearchBeads(int n_ar, int n_en, const std::vector<Shape>& shapes, Band band,
                                  const std::function<double(const BeadSpan&)>& score);

}  // namespace nazir::align

#endif  // NAZIR_ALIGN_SEARCH_H_
