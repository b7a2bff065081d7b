// Normalization for matching: makes keys, never changes the original text.
//
// Arabic: NFKC (presentation forms, ligatures); removes tatweel, harakat, Quranic marks, bidi and
// zero-width controls; folds alef variants (آ أ إ ٱ -> ا), alef maqsura -> ya, ta marbuta -> ha, hamza
// carriers (ؤ ئ -> ء), Persian letters (ی ک), Arabic-Indic and Persian digits -> ASCII.
// English: NFKC + case folding. Both: whitespace runs -> one space, trimmed.
// The tables live in one ICU rule set in normalize.cpp, with their sources named (../docs/ARABIC.md).
//
//   const auto& n = nazir::text::Normalizer::Get();
//   n.Key("أعلنَ الرئيسُ", nazir::Lang::kAr);   // "اعلن الرئيس"
#ifndef NAZIR_TEXT_NORMALIZE_H_
#define NAZIR_TEXT_NORMALIZE_H_

#include <memory>
#include <string>
#include <string_view>

#include "nazir/base/lang.h"

namespace nazir::text {

class Normalizer {
 public:
  // A process-wide instance built once (the ICU transliterator is expensive to build). Thread-safe:
  // Key() may be called from many threads at once.
  static const Normalizer& Get();

  // The matching key of `text` (valid UTF-8) in `lang`.
  std::string Key(std::string_view text, Lang lang) const;

  // The same key computed by the ICU rules alone: Key() takes shortcuts for ASCII and for the common
  // Arabic characters, and must agree with this on every text (tests compare the two).
  std::string RuleKey(std::string_view text, Lang lang) const;

  ~Normalizer();

 private:
  Normalizer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nazir::text

#endif  // NAZIR_TEXT_NORMALIZE_H_
