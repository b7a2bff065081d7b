// Features of candidate beads: how much of each side finds a counterpart on the other, and how well the
// lengths agree. The aligner turns them into a score (aligner.cpp); tests and the calibration script
// read them directly.
//
// Each side's content words (function words dropped) get an IDF weight over the document's sentences.
// An Arabic word is linked to an English word by any enabled signal:
//   lexicon  - the seed dictionary, on every clitic analysis of the Arabic word (word_forms.h);
//   learned  - a TranslationTable (ibm1.h) from a first pass or a corpus;
//   names    - transliteration similarity (nazir::names::NameMatcher) of a capitalized English word and
//              an Arabic word, and CLDR exonyms (nazir::names::Gazetteer);
//   numbers  - equal digit strings after digit normalization (٦٣٥ = 635, 153,000 = 153000);
//   calendar - weekdays and months (word_lists.h); punctuation: quotes and parentheses on both sides.
// A bead's coverage on a side is the weighted share of its words whose best link into the other side's
// words is strong; the link strength (0..1) counts, so a fuzzy name match counts partly.
//
//   nazir::align::PairFeatures f(ar_doc, en_doc, resources, signals, nullptr);
//   f.AddNameLinks(nazir::align::Band::Full(f.num_ar(), f.num_en()));
//   nazir::align::BeadFeatures b = f.Compute({0, 1, 0, 1});
#ifndef NAZIR_ALIGN_FEATURES_H_
#define NAZIR_ALIGN_FEATURES_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "nazir/align/ibm1.h"
#include "nazir/align/lexicon.h"
#include "nazir/align/search.h"
#include "nazir/model/document.h"

namespace nazir::align {

// Which signals are on (all by default); switching one off is the ablation.
struct Signals {
  bool lexicon = true;
  bool learned = true;
  bool names = true;
  bool numbers = true;
  bool calendar = true;
  bool punctuation = true;
  bool length = true;
};

// What the features need besides the documents. The lexicon may be null (no seed dictionary).
struct Resources {
  std::shared_ptr<const Lexicon> lexicon;
};

// The length model: log(ar_chars / en_chars) of a real pair is normal with this mean and deviation.
struct LengthModel {
  double mean = 0.0;
  double stddev = 1.0;
};

struct BeadFeatures {
  double ar_coverage = 0.0;  // weighted share of the Arabic content words linked into the English side
  double en_coverage = 0.0;  // the same, English into Arabic
  double ar_weight = 0.0;    // total weight of the Arabic content words
  double en_weight = 0.0;
  double length_z = 0.0;     // (log length ratio - mean) / stddev; 0 when the length signal is off
  int numbers_matched = 0;   // numbers on either side found on the other
  int numbers_unmatched = 0; // numbers on either side not found on the other
  int name_links = 0;        // links made by the name matcher or the gazetteer
  // For a side with several sentences, the coverage of its least covered sentence (1 for a 1-1 bead):
  // a merge that swallows an unrelated headline has a part with nothing in common with the other side.
  double min_part_coverage = 1.0;
  // Context from a previous pass (set by the aligner, not by PairFeatures): the bead starts where a
  // confident pair of that pass ends (or at the start of both documents), and ends where one starts
  // (or at the end of both). A weakly worded pair sandwiched between two sure ones is likely real.
  bool after_anchor = false;
  bool before_anchor = false;
  Shape shape;
};

class PairFeatures {
 public:
  // Tokenizes both documents and links their vocabularies (everything but names: see AddNameLinks).
  // `learned` may be null; it is only read here.
  PairFeatures(const Document& ar, const Document& en, const Resources& resources, const Signals& signals,
               const TranslationTable* learned);

  // Runs the name matcher on the word pairs of sentences that meet inside `band` (capitalized English
  // words against Arabic words the lexicon does not know). Cached: a pair is scored once.
  void AddNameLinks(const Band& band);

  // Features of one candidate bead. Not thread-safe (uses scratch space).
  BeadFeatures Compute(const BeadSpan& span);

  void set_length_model(const LengthModel& m) { length_model_ = m; }
  const LengthModel& length_model() const { return length_model_; }

  // Estimates the length model from the whole documents (the ratio of total lengths, a default spread).
  LengthModel DocumentLengthModel() const;

  int num_ar() const { return static_cast<int>(ar_.size()); }
  int num_en() const { return static_cast<int>(en_.size()); }
  // Normalized characters of a sentence.
  double ar_length(int i) const { return ar_[i].length; }
  double en_length(int j) const { return en_[j].length; }

  // log((ar chars + s) / (en chars + s)) of a bead, s = kLengthSmoothing; the length signal's input.
  double LogLengthRatio(const BeadSpan& span) const;

  // Content-word keys of a run of sentences, for training the learned lexicon: Arabic LightStem()s,
  // English EnglishStem()s.
  std::vector<std::string> ArabicKeys(int begin, int len) const;
  std::vector<std::string> EnglishKeys(int begin, int len) const;

  // Spread of log(ar_chars / en_chars) assumed before any pair is known: the standard deviation measured
  // on the clean dev suite's gold 1-1 pairs (0.18, rounded up for unseen domains; tuned on dev).
  static constexpr double kDefaultLengthStddev = 0.25;
  // Characters added to both lengths before taking the log ratio, so that one-word headlines do not
  // dominate it. Set by hand.
  static constexpr double kLengthSmoothing = 10.0;

 private:
  struct Tok {
    int type = 0;
    float weight = 0.0f;
    bool is_number = false;
    bool is_punct = false;
  };
  struct Sent {
    std::vector<Tok> toks;
    double length = 0.0;
  };
  struct Link {
    int en_type;
    float strength;
    bool is_name;
  };
  struct ArType {
    std::string key;
    bool is_word = false;        // an Arabic-script word (not a number, Latin token or mark)
    bool lexicon_known = false;  // the whole word is a lexicon headword
    std::vector<Link> links;
  };
  struct EnType {
    std::string key;     // stem, "#digits" or a punctuation class
    std::string surface; // a capitalized occurrence, for the name matcher ("" if none)
  };

  void Prepare(const Document& doc, bool arabic);
  int EnTypeOf(const std::string& key) const;
  void AddLink(int a, int e, float strength, bool is_name);
  void LinkVocabularies(const TranslationTable* learned);

  Signals signals_;
  const Lexicon* lexicon_ = nullptr;  // null when the lexicon signal is off
  std::vector<Sent> ar_, en_;
  std::vector<ArType> ar_types_;
  std::vector<EnType> en_types_;
  std::unordered_map<std::string, int> ar_index_, en_index_;
  std::vector<std::vector<int>> ar_words_of_sentence_;  // name candidates per Arabic sentence
  std::vector<std::vector<int>> en_caps_of_sentence_;   // capitalized English types per sentence
  std::unordered_map<uint64_t, bool> names_tried_;
  LengthModel length_model_;
  // Scratch for Compute().
  std::vector<int> en_stamp_;
  std::vector<float> en_best_;
  int stamp_ = 0;
};

}  // namespace nazir::align

#endif  // NAZIR_ALIGN_FEATURES_H_
