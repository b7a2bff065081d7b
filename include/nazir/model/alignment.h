// Alignment and Bead: the aligner's output.
//
// A bead links a run of Arabic sentences to a run of English sentences (indices into the two
// Documents' sentence vectors). An alignment covers every sentence of both sides exactly once, in order;
// a bead with one side empty is a sentence with no counterpart.
#ifndef NAZIR_MODEL_ALIGNMENT_H_
#define NAZIR_MODEL_ALIGNMENT_H_

#include <string>
#include <vector>

namespace nazir {

struct Bead {
  std::vector<int> ar;      // Arabic sentence indices, ascending and contiguous (may be empty)
  std::vector<int> en;      // English sentence indices, ascending and contiguous (may be empty)
  double confidence = 0.0;  // 0..1: the aligner's estimate that this pair is a real counterpart

  bool IsPair() const { return !ar.empty() && !en.empty(); }
  // "2-1": Arabic sentences - English sentences (the TMX prop x-bead).
  std::string Shape() const { return std::to_string(ar.size()) + "-" + std::to_string(en.size()); }
};

struct Alignment {
  std::vector<Bead> beads;
};

}  // namespace nazir

#endif  // NAZIR_MODEL_ALIGNMENT_H_
