#include "nazir/align/aligner.h"

#include <algorithm>
#include <cmath>

#include "nazir/align/bead_model.h"

namespace nazir::align {
namespace {

// Documents up to this many DP cells (Arabic x English sentences) get the exact search; a 500 x 500
// pair takes well under a second. Longer ones start in a band around the length diagonal.
constexpr long long kFullSearchCells = 250000;
// Half-width (English sentences) of the first band around the length diagonal, and of the second
// pass's band around the first path. Set by hand: wider than the longest run of insertions seen in
// the noisy dev suite (which never needs a band: its documents are small).
constexpr int kInitialBandWidth = 40;
constexpr int kRefineBandWidth = 8;
// If the path comes this close to a band edge, the band was too narrow: double it, up to kMaxWidening
// times.
constexpr int kBandEdgeMargin = 2;
constexpr int kMaxWidening = 4;
// Pairs of the first pass this confident train the learned lexicon and the length model. Set by hand.
constexpr double kLearnMinConfidence = 0.8;
// Pairs of the previous pass this confident are anchors for the next (BeadFeatures::after_anchor).
// Set by hand.
constexpr double kAnchorMinConfidence = 0.8;
// The length model of the second pass: the document's own pairs' median log ratio and spread, shrunk
// toward the document-wide ratio and the default spread as if it had this many pairs more. Set by hand.
constexpr double kLengthPriorPairs = 5.0;
constexpr double kMinLengthStddev = 0.1;

}  // namespace

StatusOr<Aligner> Aligner::Create(AlignerOptions options) {
  Resources res;
  if (options.signals.lexicon) {
    std::string dir = options.dict_dir.empty() ? Lexicon::DefaultDictDir() : options.dict_dir;
    auto lex = Lexicon::LoadFreeDict(dir, options.cache_dir);
    if (!lex.ok()) return lex.status();
    res.lexicon = std::make_shared<const Lexicon>(std::move(*lex));
  }
  return Aligner(std::move(res), std::move(options));
}

Aligner::Aligner(Resources resources, AlignerOptions options)
    : resources_(std::move(resources)), options_(std::move(options)) {}

PassResult Aligner::Search(PairFeatures& features, const PassResult* previous, bool observe) const {
  const int n = features.num_ar(), m = features.num_en();
  const bool full = static_cast<long long>(n + 1) * (m + 1) <= kFullSearchCells;
  int width = previous != nullptr ? kRefineBandWidth : kInitialBandWidth;
  auto make_band = [&]() {
    if (full) return Band::Full(n, m);
    if (previous != nullptr) return Band::AroundPath(previous->path, n, m, width);
    std::vector<double> al(n), el(m);
    for (int i = 0; i < n; ++i) al[i] = features.ar_length(i);
    for (int j = 0; j < m; ++j) el[j] = features.en_length(j);
    return Band::AroundDiagonal(al, el, width);
  };
  // Corners of the previous pass's confident pairs: where one ends (per Arabic row, the English
  // position; -1 = none) and where one starts. The documents' corners count as both.
  std::vector<int> anchor_end(n + 1, -1), anchor_start(n + 1, -1);
  if (previous != nullptr) {
    anchor_end[0] = 0;
    anchor_start[n] = m;
    for (size_t k = 0; k < previous->path.size(); ++k) {
      const BeadSpan& s = previous->path[k];
      if (s.ar_len == 0 || s.en_len == 0 ||
          BeadConfidence(previous->log_odds[k], options_.first_model) < kAnchorMinConfidence) {
        continue;
      }
      anchor_start[s.ar_begin] = s.en_begin;
      anchor_end[s.ar_begin + s.ar_len] = s.en_begin + s.en_len;
    }
  }
  const BeadModelWeights& model = previous != nullptr ? options_.model : options_.first_model;
  auto features_of = [&](const BeadSpan& span) {
    BeadFeatures f = features.Compute(span);
    f.after_anchor = anchor_end[span.ar_begin] == span.en_begin;
    f.before_anchor = anchor_start[span.ar_begin + span.ar_len] == span.en_begin + span.en_len;
    return f;
  };
  auto score = [&](const BeadSpan& span) -> double {
    if (span.ar_len == 0 || span.en_len == 0) return 0.0;
    BeadFeatures f = features_of(span);
    double lo = BeadLogOdds(f, model);
    if (observe && options_.observer) options_.observer(span, f, lo);
    return lo + model.search_offset;
  };
  PassResult result;
  for (int attempt = 0;; ++attempt) {
    Band band = make_band();
    features.AddNameLinks(band);
    result.path = SearchBeads(n, m, DefaultShapes(), band, score);
    if (full || attempt >= kMaxWidening || !band.Touches(result.path, n, m, kBandEdgeMargin)) break;
    width *= 2;
  }
  result.log_odds.clear();
  for (const BeadSpan& s : result.path) {
    result.log_odds.push_back(s.ar_len > 0 && s.en_len > 0 ? BeadLogOdds(features_of(s), model) : 0.0);
  }
  result.length = features.length_model();
  return result;
}

LengthModel Aligner::EstimateLength(PairFeatures& features, const PassResult& pass) const {
  const LengthModel prior = features.DocumentLengthModel();
  std::vector<double> r;
  for (size_t k = 0; k < pass.path.size(); ++k) {
    const BeadSpan& s = pass.path[k];
    if (s.ar_len == 1 && s.en_len == 1 && BeadConfidence(pass.log_odds[k], options_.first_model) >= kLearnMinConfidence) {
      r.push_back(features.LogLengthRatio(s));
    }
  }
  if (r.empty()) return prior;
  std::vector<double> sorted = r;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const double median = sorted[sorted.size() / 2];
  const double k = kLengthPriorPairs, cnt = static_cast<double>(r.size());
  LengthModel m;
  m.mean = (k * prior.mean + cnt * median) / (k + cnt);
  double ss = k * prior.stddev * prior.stddev;
  for (double x : r) ss += (x - m.mean) * (x - m.mean);
  m.stddev = std::max(kMinLengthStddev, std::sqrt(ss / (k + cnt)));
  return m;
}

PassResult Aligner::FirstPass(const Document& ar, const Document& en, Ibm1Trainer* trainer) const {
  PairFeatures features(ar, en, resources_, options_.signals, nullptr);
  PassResult pass = Search(features, nullptr, false);
  if (trainer != nullptr) {
    for (size_t k = 0; k < pass.path.size(); ++k) {
      const BeadSpan& s = pass.path[k];
      if (s.ar_len > 0 && s.en_len > 0 &&
          BeadConfidence(pass.log_odds[k], options_.first_model) >= kLearnMinConfidence) {
        trainer->AddPair(features.ArabicKeys(s.ar_begin, s.ar_len), features.EnglishKeys(s.en_begin, s.en_len));
      }
    }
  }
  if (options_.signals.length) pass.length = EstimateLength(features, pass);
  return pass;
}

Alignment Aligner::SecondPass(const Document& ar, const Document& en, const TranslationTable* learned,
                              const PassResult& first) const {
  PairFeatures features(ar, en, resources_, options_.signals, learned);
  if (options_.signals.length) features.set_length_model(first.length);
  return ToAlignment(Search(features, &first, /*observe=*/true));
}

Alignment Aligner::Align(const Document& ar, const Document& en) const {
  Ibm1Trainer trainer;
  const bool learn = options_.signals.learned;
  PassResult first = FirstPass(ar, en, learn ? &trainer : nullptr);
  TranslationTable table;
  if (learn && trainer.num_pairs() > 0) table = trainer.Train();
  return SecondPass(ar, en, learn ? &table : nullptr, first);
}

std::vector<Alignment> Aligner::AlignCorpus(const std::vector<DocumentPair>& docs) const {
  Ibm1Trainer trainer;
  const bool learn = options_.signals.learned;
  std::vector<PassResult> firsts;
  firsts.reserve(docs.size());
  for (const DocumentPair& d : docs) firsts.push_back(FirstPass(*d.ar, *d.en, learn ? &trainer : nullptr));
  TranslationTable table;
  if (learn && trainer.num_pairs() > 0) table = trainer.Train();
  std::vector<Alignment> out;
  out.reserve(docs.size());
  for (size_t k = 0; k < docs.size(); ++k) {
    out.push_back(SecondPass(*docs[k].ar, *docs[k].en, learn ? &table : nullptr, firsts[k]));
  }
  return out;
}

Alignment Aligner::ToAlignment(const PassResult& pass) const {
  Alignment out;
  for (size_t k = 0; k < pass.path.size(); ++k) {
    const BeadSpan& s = pass.path[k];
    const bool pair = s.ar_len > 0 && s.en_len > 0;
    const double conf = pair ? BeadConfidence(pass.log_odds[k], options_.model) : 0.0;
    if (pair && conf >= options_.min_confidence) {
      Bead b;
      for (int i = 0; i < s.ar_len; ++i) b.ar.push_back(s.ar_begin + i);
      for (int j = 0; j < s.en_len; ++j) b.en.push_back(s.en_begin + j);
      b.confidence = conf;
      out.beads.push_back(std::move(b));
      continue;
    }
    // No counterpart (or a pair too unsure to keep): every sentence on its own.
    for (int i = 0; i < s.ar_len; ++i) out.beads.push_back(Bead{{s.ar_begin + i}, {}, 0.0});
    for (int j = 0; j < s.en_len; ++j) out.beads.push_back(Bead{{}, {s.en_begin + j}, 0.0});
  }
  return out;
}

}  // namespace nazir::align
