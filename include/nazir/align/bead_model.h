// The bead model: from a candidate bead's features to the log-odds that it is a real counterpart, and
// from log-odds to a calibrated confidence.
//
// A logistic model. Its weights were fitted on the align-dev suites (scripts/fit_align_model.py over
// the candidate beads of the final pass, labelled by the gold alignment; see bead_model.cpp for the
// provenance of each default). The DP maximizes the sum of the log-odds of its pair beads (a sentence
// with no counterpart scores 0), so "no counterpart" wins exactly where every pairing is more likely
// wrong than right.
//
//   double lo = nazir::align::BeadLogOdds(features);            // default weights
//   double p = nazir::align::BeadConfidence(lo);                // 0..1
#ifndef NAZIR_ALIGN_BEAD_MODEL_H_
#define NAZIR_ALIGN_BEAD_MODEL_H_

#include <string>
#include <vector>

#include "nazir/align/features.h"

namespace nazir::align {

// The weights of the logistic bead model. The defaults are the fitted ones (bead_model.cpp).
struct BeadModelWeights {
  // Intercepts by shape.
  double bias_11;
  double bias_merge;  // 1-2 and 2-1
  double bias_22;
  double bias_13;     // 1-3 and 3-1
  // Coverage of each side and the smaller of the two.
  double ar_coverage;
  double en_coverage;
  double min_coverage;
  // Square of the length z-score (capped at kMaxLengthZ2).
  double length_z2;
  // Per number found / not found on the other side (capped at kMaxNumbers each).
  double numbers_matched;
  double numbers_unmatched;
  // log(1 + the smaller side's content weight): coverage of a two-word sentence says less.
  double log_min_weight;
  // 1 - BeadFeatures::min_part_coverage (0 for a 1-1 bead).
  double weak_part;
  // The bead touches a confident pair of the previous pass on one side / on both sides, times the
  // smaller coverage (of the sides and of a merge's parts): position makes lexical evidence count
  // more, it is no evidence by itself, and it does not carry a masthead merged into a real pair.
  double anchor_one;
  double anchor_both;
  // Added to every pair bead's log-odds in the search (not to the confidence): the price of a pair
  // against two sentences with no counterpart. Tuned on dev for strict F1 of the search.
  double search_offset;
  // Confidence = sigmoid(platt_scale * log-odds + platt_bias): Platt scaling of the pairs the search
  // chooses, fitted on dev.
  double platt_scale;
  double platt_bias;

  // The fitted defaults of the final pass.
  static BeadModelWeights Default();
  // The fitted defaults of the first pass (no previous pass: the anchor weights are 0).
  static BeadModelWeights FirstPassDefault();
  // Names and pointers of every weight, in declaration order (tuning tools set them by name).
  std::vector<std::pair<std::string, double*>> Named();
};

// The squared length z-score is capped here, so one absurd length cannot outweigh everything else.
inline constexpr double kMaxLengthZ2 = 25.0;
// Number counts are capped here (a table row of figures is not ten times the evidence).
inline constexpr int kMaxNumbers = 4;

// Log-odds that a bead with these features is a real counterpart (pair beads only), without the
// search offset.
double BeadLogOdds(const BeadFeatures& f, const BeadModelWeights& w = BeadModelWeights::Default());

// The probability that a pair bead the search chose, with these log-odds, is in the gold alignment.
double BeadConfidence(double log_odds, const BeadModelWeights& w = BeadModelWeights::Default());

}  // namespace nazir::align

#endif  // NAZIR_ALIGN_BEAD_MODEL_H_
