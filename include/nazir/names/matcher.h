// NameMatcher: Arabic <-> English transliteration similarity, shared by the aligner and the glossary.
//
// Consonant-class keys on both sides (translit.h), a weighted edit distance over the keys plus a
// character-level term that separates near neighbours (ماكجورك McGurk vs ماكرون Macron), and clitic
// analysis that scores the token whole and with each proclitic stripped (و ف ب ل ك ال لل وال بال ...),
// keeping the best with a small penalty per stripped clitic.
//
//   const auto& m = nazir::names::NameMatcher::Get();
//   auto r = m.MatchWord("لستولتنبرغ", "Stoltenberg");  // r.score ~0.9, r.stem == "ستولتنبرغ"
#ifndef NAZIR_NAMES_MATCHER_H_
#define NAZIR_NAMES_MATCHER_H_

#include <string>
#include <string_view>

namespace nazir::names {

struct WordMatch {
  double score = 0.0;   // 0..1, 1 = same name
  std::string stem;     // the Arabic analysis that matched best (clitics removed), original letters
  int clitic_bytes = 0; // bytes of proclitic stripped from the Arabic token
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

  // Similarity of two Arabic spellings of one name (ستولتنبرغ ~ ستلولتنبرج), for folding variants.
  double MatchArabic(std::string_view a, std::string_view b) const;

  // Similarity of an Arabic token as written in text (may carry proclitics: والسراج) and a stored
  // spelling of a name (a stem: only its article may be stripped). Unlike MatchArabic, never strips
  // و/ب/ل/ك/ف from `stem` (لارشر is not ل + ارشر).
  double MatchArabicStem(std::string_view token, std::string_view stem) const;

  // Similarity of two English spellings of one name (Gaddafi ~ Qadhafi), same scale.
  double MatchEnglish(std::string_view a, std::string_view b) const;

 private:
  double ArabicSimilarity(std::string_view a, std::string_view b, bool strip_b) const;
};

}  // namespace nazir::names

#endif  // NAZIR_NAMES_MATCHER_H_
