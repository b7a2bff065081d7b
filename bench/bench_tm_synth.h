// Synthetic Arabic-English translation memories for the TM benchmarks (scripts/bench_tm.sh).
//
// Sentences are drawn from a vocabulary of "concepts", each with an English and an Arabic word: a few
// hundred real news words at the head and generated pseudo-words for the long tail, sampled with a
// Zipf law (rank r has weight 1 / r^s), so postings lists are as skewed as in real text. Arabic words get
// proclitics (و ب ل ال...) as news text does; a share of the sentences repeat an earlier one exactly
// (duplicate folding) or with a word or two changed (fuzzy matches to find).
//
//   nazir::bench::SynthOptions o;
//   o.tus = 400000;
//   nazir::bench::SynthTm tm(o);
//   for (int64_t i = 0; i < o.tus; ++i) writer->Write(tm.Next());
#ifndef NAZIR_BENCH_BENCH_TM_SYNTH_H_
#define NAZIR_BENCH_BENCH_TM_SYNTH_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "nazir/base/status.h"
#include "nazir/model/tu.h"

namespace nazir::bench {

struct SynthOptions {
  int64_t tus = 400000;
  uint64_t seed = 20261123;
  // Vocabulary size and Zipf exponent: about what a year of one agency's news has (tens of thousands of
  // word types; s close to 1, Zipf's own estimate for English).
  int vocabulary = 60000;
  double zipf_s = 1.05;
  // Share of TUs that repeat an earlier TU exactly, and that repeat one with 1-3 words changed.
  double exact_repeats = 0.03;
  double near_repeats = 0.08;
};

// A generator of TUs (deterministic for a seed).
class SynthTm {
 public:
  explicit SynthTm(const SynthOptions& options);

  // The next TU: tuvs "ar" then "en", an x-confidence prop, a fixed creationdate.
  TranslationUnit Next();

  // A random sentence (not necessarily in the TM) in `lang` ("ar" or "en").
  std::string Sentence(const std::string& lang);
  // A sentence of the TM generated so far with 0-3 words replaced: a lookup query with a fuzzy match.
  std::string NearQuery(const std::string& lang);
  // 1-3 adjacent words of a generated sentence: a concordance query.
  std::string Phrase(const std::string& lang);

 private:
  std::vector<int> DrawConcepts();
  std::string Render(const std::vector<int>& ids, bool arabic);
  int DrawConcept();

  SynthOptions options_;
  std::mt19937_64 rng_;
  std::vector<std::string> en_;
  std::vector<std::string> ar_;
  std::vector<double> cdf_;
  std::vector<std::vector<int>> recent_;  // a window of recent sentences, for repeats and queries
};

// Writes `options.tus` TUs to a TMX file at `path` through TmxWriter.
Status WriteSynthTmx(const std::string& path, const SynthOptions& options);

}  // namespace nazir::bench

#endif  // NAZIR_BENCH_BENCH_TM_SYNTH_H_
