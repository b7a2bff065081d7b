// The bead model: from a candidate bead's features to the log-odds that it is a real counterpart, and
// from log-odds to a calibrated confidence.
//
// A logistic model. Its weights were fitted on the align-dev suites (scripts/fit_align_model.py:
// candidate beads near the gold path, labelled by the gold alignment); bead_model.cpp lists them with
// their provenance. The DP maximizes the sum of the log-odds of its pair beads (a sentence with no
// counterpart scores 0), so "no counterpart" wins exactly where every pairing is more likely wrong than
// right: the decision is calibrated, not a threshold on an arbitrary score.
//
//   double lo = nazir::align::BeadLogOdds(features);
//   double p = nazir::align::BeadConfidence(lo);   // 0..1
#ifndef NAZIR_ALIGN_BEAD_MODEL_H_
#define NAZIR_ALIGN_BEAD_MODEL_H_

#include "nazir/align/features.h"

namespace nazir::align {

// Log-odds that a bead with these features is a real counterpart (pair beads only).
double BeadLogOdds(const BeadFeatures& f);

// The probability that a bead the aligner chose is in the gold alignment, from its log-odds (Platt
// scaling of the DP's output on dev).
double BeadConfidence(double log_odds);

}  // namespace nazir::align

#endif  // NAZIR_ALIGN_BEAD_MODEL_H_
