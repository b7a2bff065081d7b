// A lexicon learned from the input: IBM Model 1 (Brown et al. 1993) over aligned sentence pairs.
//
// The aligner feeds the confident pairs of a first pass to an Ibm1Trainer and uses the resulting
// TranslationTable in a second pass. A corpus shares one trainer: add the pairs of every document's
// first pass, Train() once, and give the table to every document's second pass.
//
// Words are keys: Arabic LightStem()s (article and conjunction stripped) and English EnglishStem()s.
//
//   nazir::align::Ibm1Trainer trainer;
//   trainer.AddPair({"حكومه", "ليبي"}, {"govern", "libyan"});
//   nazir::align::TranslationTable table = trainer.Train();
//   for (const auto& link : table.Links("حكومه")) Use(link.english, link.prob);
#ifndef NAZIR_ALIGN_IBM1_H_
#define NAZIR_ALIGN_IBM1_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nazir::align {

// The key the learned lexicon uses for an Arabic word: its normalized key with the article and a
// leading conjunction stripped (Larkey's light10 prefixes), at least two letters kept.
std::string LightStem(std::string_view ar_key);

// A learned word link.
struct LearnedLink {
  std::string english;  // English stem
  double prob = 0.0;    // sqrt(t(e|a) * t(a|e)): both directions of Model 1 agree
  int count = 0;        // sentence pairs in which the two words co-occur
};

// The product of training: for each Arabic key, English stems that it translates to.
class TranslationTable {
 public:
  // Links of `ar_key` (a LightStem) with prob >= min_prob and count >= min_count, best first.
  std::vector<LearnedLink> Links(std::string_view ar_key, double min_prob = 0.0, int min_count = 1) const;

  size_t size() const { return links_.size(); }
  bool empty() const { return links_.empty(); }

 private:
  friend class Ibm1Trainer;
  std::unordered_map<std::string, std::vector<LearnedLink>> links_;
};

// Collects sentence pairs and trains Model 1 in both directions.
class Ibm1Trainer {
 public:
  // Default EM iterations: Model 1's likelihood is convex, and 5 iterations is the customary
  // setting (GIZA++'s default for Model 1).
  static constexpr int kDefaultIterations = 5;

  // Adds one pair of sentences (or beads) given as word keys; empty sides are ignored.
  void AddPair(const std::vector<std::string>& arabic, const std::vector<std::string>& english);

  size_t num_pairs() const { return pairs_.size(); }

  // Adds every pair of `other` (the per-thread trainers of a corpus run are merged before Train()).
  void Merge(const Ibm1Trainer& other);

  // Runs EM and returns the table. The trainer keeps its pairs (more can be added and Train called
  // again).
  TranslationTable Train(int iterations = kDefaultIterations) const;

 private:
  int Intern(std::unordered_map<std::string, int>& index, std::vector<std::string>& vocab,
             const std::string& w);

  std::unordered_map<std::string, int> ar_index_, en_index_;
  std::vector<std::string> ar_vocab_, en_vocab_;
  std::vector<std::pair<std::vector<int>, std::vector<int>>> pairs_;
};

}  // namespace nazir::align

#endif  // NAZIR_ALIGN_IBM1_H_
