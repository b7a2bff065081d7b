// Aligner: the sentences of an Arabic document against an English rendering of the same events.
//
// Two passes. The first scores candidate beads with the seed lexicon, names, numbers, calendar words,
// punctuation and length (features.h, bead_model.h) and searches the best monotone bead sequence
// (search.h). Its confident pairs then teach an IBM Model 1 lexicon (ibm1.h) and re-estimate the
// length ratio of this document pair; the second pass searches again with both, inside a band around
// the first path. Sentences with no counterpart (headlines, mastheads, an English background sentence)
// come out as beads with one empty side.
//
// One document pair:
//   auto aligner = nazir::align::Aligner::Create({});          // loads the FreeDict lexicon
//   if (!aligner.ok()) return aligner.status();
//   nazir::Alignment a = aligner->Align(ar_doc, en_doc);
//
// A corpus (the learned lexicon shared by all documents):
//   std::vector<nazir::Alignment> all = aligner->AlignCorpus(pairs);
// or by hand, for a corpus that does not fit in memory: FirstPass() every document into one
// Ibm1Trainer, Train() it, then SecondPass() every document with the table.
#ifndef NAZIR_ALIGN_ALIGNER_H_
#define NAZIR_ALIGN_ALIGNER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "nazir/align/bead_model.h"
#include "nazir/align/features.h"
#include "nazir/align/ibm1.h"
#include "nazir/align/lexicon.h"
#include "nazir/align/search.h"
#include "nazir/base/status.h"
#include "nazir/model/alignment.h"
#include "nazir/model/document.h"

namespace nazir::align {

struct AlignerOptions {
  // Pairs whose confidence is below this come out as sentences with no counterpart. On the align-dev
  // suites strict F1 is flat from 0 to 0.7 (the search itself rejects pairs below about 0.73) and falls
  // above 0.8; 0.5 keeps every pair more likely right than wrong.
  static constexpr double kDefaultMinConfidence = 0.5;

  Signals signals;
  // The bead model's weights in the final pass and in the first (the fitted defaults; tuning tools
  // change them).
  BeadModelWeights model = BeadModelWeights::Default();
  BeadModelWeights first_model = BeadModelWeights::FirstPassDefault();
  double min_confidence = kDefaultMinConfidence;
  // Where the FreeDict dictionaries are (Create only); "" = Lexicon::DefaultDictDir().
  std::string dict_dir;
  // Where the parsed lexicon is cached (Create only); "" = no cache.
  std::string cache_dir = Lexicon::DefaultCacheDir();
  // Called for every candidate bead the final pass scores (calibration and debugging tools).
  std::function<void(const BeadSpan&, const BeadFeatures&, double log_odds)> observer;
};

// What one pass leaves for the next.
struct PassResult {
  std::vector<BeadSpan> path;      // the bead sequence found
  std::vector<double> log_odds;    // per bead (0 for beads with an empty side)
  LengthModel length;              // the length model used by this pass
};

// A document pair for AlignCorpus.
struct DocumentPair {
  const Document* ar = nullptr;
  const Document* en = nullptr;
};

class Aligner {
 public:
  // Builds an aligner; loads the seed lexicon from options.dict_dir unless the lexicon signal is off.
  static StatusOr<Aligner> Create(AlignerOptions options);

  // An aligner over resources the caller loaded (tests, or a lexicon shared between aligners).
  Aligner(Resources resources, AlignerOptions options);

  // Aligns one document pair, learning from it alone. Thread-safe (const; no shared scratch).
  Alignment Align(const Document& ar, const Document& en) const;

  // Aligns a corpus: first pass on every pair, one learned lexicon from all their confident pairs,
  // second pass on every pair. Result i belongs to docs[i].
  std::vector<Alignment> AlignCorpus(const std::vector<DocumentPair>& docs) const;

  // The first pass of one document; adds its confident pairs to `trainer` (may be null).
  PassResult FirstPass(const Document& ar, const Document& en, Ibm1Trainer* trainer) const;

  // The second pass, with a learned table (may be null) and the first pass's result.
  Alignment SecondPass(const Document& ar, const Document& en, const TranslationTable* learned,
                       const PassResult& first) const;

  const AlignerOptions& options() const { return options_; }

 private:
  PassResult Search(PairFeatures& features, const PassResult* previous, bool observe) const;
  LengthModel EstimateLength(PairFeatures& features, const PassResult& pass) const;
  Alignment ToAlignment(const PassResult& pass) const;

  Resources resources_;
  AlignerOptions options_;
};

}  // namespace nazir::align

#endif  // NAZIR_ALIGN_ALIGNER_H_
