#include "nazir/align/bead_model.h"

#include <algorithm>
#include <cmath>

namespace nazir::align {
namespace {

// Platt scaling of the log-odds for confidence.
constexpr double kPlattScale = 1.0;
constexpr double kPlattBias = 0.0;

double Sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

BeadModelWeights BeadModelWeights::Default() {
  BeadModelWeights w;
  w.bias_11 = -3.0;
  w.bias_merge = -4.0;
  w.bias_22 = -5.5;
  w.bias_13 = -5.5;
  w.ar_coverage = 6.0;
  w.en_coverage = 6.0;
  w.min_coverage = 4.0;
  w.length_z2 = -0.5;
  w.numbers_matched = 0.5;
  w.numbers_unmatched = -0.7;
  w.log_min_weight = 0.0;
  w.anchor_one = 0.0;
  w.anchor_both = 0.0;
  w.search_offset = 0.0;
  return w;
}

std::vector<std::pair<std::string, double*>> BeadModelWeights::Named() {
  return {{"bias_11", &bias_11},
          {"bias_merge", &bias_merge},
          {"bias_22", &bias_22},
          {"bias_13", &bias_13},
          {"ar_coverage", &ar_coverage},
          {"en_coverage", &en_coverage},
          {"min_coverage", &min_coverage},
          {"length_z2", &length_z2},
          {"numbers_matched", &numbers_matched},
          {"numbers_unmatched", &numbers_unmatched},
          {"log_min_weight", &log_min_weight},
          {"anchor_one", &anchor_one},
          {"anchor_both", &anchor_both},
          {"search_offset", &search_offset}};
}

double BeadLogOdds(const BeadFeatures& f, const BeadModelWeights& w) {
  const int a = f.shape.ar, e = f.shape.en;
  double bias;
  if (a == 1 && e == 1) {
    bias = w.bias_11;
  } else if (a + e == 3) {
    bias = w.bias_merge;
  } else if (a == 2 && e == 2) {
    bias = w.bias_22;
  } else {
    bias = w.bias_13;
  }
  const double z2 = std::min(f.length_z * f.length_z, kMaxLengthZ2);
  const int anchors = (f.after_anchor ? 1 : 0) + (f.before_anchor ? 1 : 0);
  return bias + w.ar_coverage * f.ar_coverage + w.en_coverage * f.en_coverage +
         w.min_coverage * std::min(f.ar_coverage, f.en_coverage) + w.length_z2 * z2 +
         w.numbers_matched * std::min(f.numbers_matched, kMaxNumbers) +
         w.numbers_unmatched * std::min(f.numbers_unmatched, kMaxNumbers) +
         w.log_min_weight * std::log1p(std::min(f.ar_weight, f.en_weight)) +
         (anchors == 1 ? w.anchor_one : 0.0) + (anchors == 2 ? w.anchor_both : 0.0);
}

double BeadConfidence(double log_odds) { return Sigmoid(kPlattScale * log_odds + kPlattBias); }

}  // namespace nazir::align
