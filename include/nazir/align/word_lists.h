// Word lists the aligner needs, in one place: stop words, proclitics and suffixes, calendar words.
//
// Every list is data with its source named in word_lists.cpp. Arabic entries are returned as written
// there; callers compare them after nazir::text::Normalizer::Key (the *Keys() functions do that once).
//
//   const auto& stop = nazir::align::ArabicStopKeys();
//   bool is_stop = stop.count(key) > 0;
#ifndef NAZIR_ALIGN_WORD_LISTS_H_
#define NAZIR_ALIGN_WORD_LISTS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace nazir::align {

// Arabic function words (prepositions, conjunctions, pronouns, particles), normalized keys.
const std::unordered_set<std::string>& ArabicStopKeys();

// English function words, lower case.
const std::unordered_set<std::string>& EnglishStopWords();

// Arabic proclitics in the order they attach (conjunction, preposition, article), normalized:
// {"و", "ف"}, {"ب", "ك", "ل"}, {"ال"}; "لل" (ل + ال with the alef dropped) is handled by the analyzer.
struct ArabicClitics {
  std::vector<std::string> conjunctions;
  std::vector<std::string> prepositions;
  std::string article;
  std::vector<std::string> suffixes;        // pronoun suffixes: ه ها هم هما هن ك كم كن ي نا
  std::vector<std::string> plural_endings;  // ات ون ين ان: tried with and without ه (ta marbuta)
};
const ArabicClitics& ArabicCliticKeys();

// Weekday and month names: normalized Arabic key (without ال) -> lower-case English names. Both month
// systems (يناير and كانون الثاني); an ambiguous word (كانون, تشرين) maps to both months.
const std::unordered_map<std::string, std::vector<std::string>>& CalendarWords();

}  // namespace nazir::align

#endif  // NAZIR_ALIGN_WORD_LISTS_H_
