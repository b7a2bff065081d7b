// Transliteration keys: consonant-class skeletons that Arabic and English spellings of a name share.
//
//   ArabicKey("ستولتنبرغ") == EnglishKey("Stoltenberg")   // both "STLTNBRK"-like skeletons
#ifndef NAZIR_NAMES_TRANSLIT_H_
#define NAZIR_NAMES_TRANSLIT_H_

#include <string>
#include <string_view>

namespace nazir::names {

// Consonant-class key of an Arabic word (normalized or not).
std::string ArabicKey(std::string_view arabic);

// Consonant-class key of an English word.
std::string EnglishKey(std::string_view english);

// Romanization of an Arabic word with ICU's Arabic-Latin + Latin-ASCII (for display and a
// character-level similarity term). Thread-safe.
std::string Romanize(std::string_view arabic);

}  // namespace nazir::names

#endif  // NAZIR_NAMES_TRANSLIT_H_
