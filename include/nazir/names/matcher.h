// NameMatcher: Arabic <-> English transliteration similarity, shared by the aligner and the glossary.
//
// Consonant-class keys on both sides (translit.h), a weighted edit distance over the keys plus a
// character-level term that separates near neighbours (ماكجورك McGurk vs ماكرون Macron), and clitic
// analysis that scores the token whole and with each proclitic stripped (و ف ب ل ك ال لل وال بال ...),
// keeping the best with a small penalty per stripped clitic.
//
//   const auto& m = nazir::names::NameMatcher::Get();
//   auto r = m.MatchWord("لستولتنبرغ", "Stoltenberg");  // r.score ~0.9, r.stem == "ستولتنبرغ"
//
// A name matched against many others (a lookup query against candidate entries) is analysed once:
//
//   const nazir::names::PreparedArabic q("لستولتنبرج");
//   double s = m.MatchArabicStem(q, "ستولتنبرغ");   // the same score as m.MatchArabicStem("لستولتنبرج", ...)
#ifndef NAZIR_NAMES_MATCHER_H_
#define NAZIR_NAMES_MATCHER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nazir::names {

struct WordMatch {
  double score = 0.0;   // 0..1, 1 = same name
  std::string stem;     // the Arabic analysis that matched best (clitics removed), original letters
  int clitic_bytes = 0; // bytes of proclitic stripped from the Arabic token
};

// An Arabic name (one or more words, proclitics allowed) analysed once: the clitic analyses of its
// words with their phonetic symbols and keys. Matching it gives the same scores as matching its text;
// it only saves the repeated analysis. Immutable once built, so it may be shared between threads.
class PreparedArabic {
 public:
  explicit PreparedArabic(std::string_view arabic);

  // The name as given.
  const std::string& text() const { return text_; }
  // Its whitespace-separated words.
  const std::vector<std::string>& words() const { return words_; }

 private:
  friend class NameMatcher;
  // One clitic analysis of a word (or of the whole token for Arabic-Arabic matching).
  struct Form {
    std::string symbols;     // phonetic symbols of the stem (phonetic.h)
    std::string key;         // their consonant-class key
    int clitics = 0;         // proclitic morphemes stripped
    size_t prefix_bytes = 0; // bytes of the token they took
    bool article_only = false;  // the stripped prefix is exactly the article ال
    bool article = false;       // the stripped prefix ends with the article (ال, وال, بال, لل ...)
  };
  using Forms = std::vector<Form>;
  // Every clitic analysis of `token`, each followed by `rest`; Arabic-Arabic symbols (for two spellings)
  // or Arabic-English ones.
  static Forms Analyse(std::string_view token, std::string_view rest, bool arabic_arabic);

  std::string text_;
  std::vector<std::string> words_;
  std::vector<Forms> word_forms_;  // per word, Arabic-English symbols (MatchWord, MatchName)
  std::vector<Forms> pair_forms_;  // words i and i+1 written together (عبد الله ~ Abdullah)
  Forms token_forms_;              // first word's analyses + the other words, Arabic-Arabic symbols
};

class NameMatcher {
 public:
  // Process-wide instance (tables built once). Thread-safe.
  static const NameMatcher& Get();

  // Similarity of one Arabic word (may carry proclitics; original or normalized spelling) and one
  // English word ("Stoltenberg", "al-Sarraj").
  WordMatch MatchWord(std::string_view arabic, std::string_view english) const;

  // Similarity of a multi-word Arabic span and a multi-word English name (word-aligned, monotone;
  // unmatched words cost). "ينس ستولتنبرغ" ~ "Jens Stoltenberg".
  double MatchName(std::string_view arabic, std::string_view english) const;
  double MatchName(const PreparedArabic& arabic, std::string_view english) const;

  // Similarity of two Arabic spellings of one name (ستولتنبرغ ~ ستلولتنبرج), for folding variants.
  double MatchArabic(std::string_view a, std::string_view b) const;

  // Similarity of an Arabic token as written in text (may carry proclitics: والسراج) and a stored
  // spelling of a name (a stem: only its article may be stripped). Unlike MatchArabic, never strips
  // و/ب/ل/ك/ف from `stem` (لارشر is not ل + ارشر).
  double MatchArabicStem(std::string_view token, std::string_view stem) const;
  double MatchArabicStem(const PreparedArabic& token, std::string_view stem) const;

  // Similarity of two English spellings of one name (Gaddafi ~ Qadhafi), same scale.
  double MatchEnglish(std::string_view a, std::string_view b) const;

  // Evidence, as a log-likelihood ratio in nats (> 0: more likely one name than two unrelated strings),
  // that an Arabic token (proclitics allowed, as in MatchArabicStem) and a stored Arabic spelling write
  // one name, under the pair model learned from names-dev spelling pairs (src/names/pair_model.inc). Not
  // normalized by length, unlike the similarities: a long name agreeing on most letters is strong
  // evidence, a two-letter one never is. The whole names are compared, words run together; an article
  // both carry is no evidence (القطان / القحطاني are compared as قطان / قحطاني).
  double ArabicLogOdds(const PreparedArabic& token, std::string_view stem) const;

  // The same for an Arabic name and an English one (the pair model learned from Wikidata's Arabic and
  // English labels of person-name tokens).
  double ArabicEnglishLogOdds(const PreparedArabic& arabic, std::string_view english) const;

 private:
  double ArabicSimilarity(const PreparedArabic& a, std::string_view b, bool strip_b) const;
  // The readings of a stored Arabic spelling `b` (its first word analysed, the rest kept); unless
  // `strip_b`, only those that keep every letter but an article (a stored stem).
  static PreparedArabic::Forms StoredForms(std::string_view b, bool strip_b);
};

}  // namespace nazir::names

#endif  // NAZIR_NAMES_MATCHER_H_
