// Word forms for dictionary lookup: Arabic clitic analysis and a light English stemmer.
//
// Arabic: a token is tried whole and with its proclitics (و ف, ب ك ل, ال, لل) and pronoun or plural
// suffixes stripped, because a blind stemmer ruins names that begin with clitic letters (وليامز,
// بومبيو): the caller looks every analysis up and keeps the best, paying `cost` per stripped piece.
// English: lower case, possessive and inflection endings folded (news -> news, cities -> city,
// reported -> report, making -> mak), the same function for dictionary entries and text.
//
//   for (const auto& a : nazir::align::AnalyzeArabic("وبالحكومة")) Lookup(a.stem);  // ... "حكومه"
//   nazir::align::EnglishStem("ministers");   // "minister"
#ifndef NAZIR_ALIGN_WORD_FORMS_H_
#define NAZIR_ALIGN_WORD_FORMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace nazir::align {

// One reading of an Arabic token.
struct ArabicAnalysis {
  std::string stem;  // normalized key with the clitics of this reading removed
  int cost = 0;      // number of pieces stripped (0 = the token as it is)
};

// The readings of a normalized Arabic word key, the whole token first, then by increasing cost;
// stems shorter than two letters are not produced. No duplicates.
std::vector<ArabicAnalysis> AnalyzeArabic(std::string_view key);

// Strips a leading ال (or لل) from a normalized key if at least two letters remain; else returns it.
std::string StripArabicArticle(std::string_view key);

// Light English stem of a case-folded word (ASCII letters; anything else is returned unchanged).
std::string EnglishStem(std::string_view word);

}  // namespace nazir::align

#endif  // NAZIR_ALIGN_WORD_FORMS_H_
