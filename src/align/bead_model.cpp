#include "nazir/align/bead_model.h"

#include <algorithm>
#include <cmath>

namespace nazir::align {
namespace {

// Logistic weights (placeholders until fitted on dev with scripts/fit_align_model.py).
constexpr double kBias11 = -3.0;
constexpr double kBiasMerge = -4.0;    // 1-2, 2-1
constexpr double kBias22 = -5.5;       // 2-2
constexpr double kBias13 = -5.5;       // 1-3, 3-1
constexpr double kWeightArCoverage = 6.0;
constexpr double kWeightEnCoverage = 6.0;
constexpr double kWeightMinCoverage = 4.0;
constexpr double kWeightLengthZ2 = -0.5;
constexpr double kWeightNumbersMatched = 0.5;
constexpr double kWeightNumbersUnmatched = -0.7;
// Platt scaling of the log-odds for confidence.
constexpr double kPlattScale = 1.0;
constexpr double kPlattBias = 0.0;

double Sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

double BeadLogOdds(const BeadFeatures& f) {
  const int a = f.shape.ar, e = f.shape.en;
  double bias;
  if (a == 1 && e == 1) {
    bias = kBias11;
  } else if (a + e == 3) {
    bias = kBiasMerge;
  } else if (a == 2 && e == 2) {
    bias = kBias22;
  } else {
    bias = kBias13;
  }
  double z2 = std::min(f.length_z * f.length_z, 25.0);
  return bias + kWeightArCoverage * f.ar_coverage + kWeightEnCoverage * f.en_coverage +
         kWeightMinCoverage * std::min(f.ar_coverage, f.en_coverage) + kWeightLengthZ2 * z2 +
         kWeightNumbersMatched * f.numbers_matched + kWeightNumbersUnmatched * f.numbers_unmatched;
}

double BeadConfidence(double log_odds) { return Sigmoid(kPlattScale * log_odds + kPlattBias); }

}  // namespace nazir::align
