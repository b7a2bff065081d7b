// Language tags as TMX files carry them (ar, ar-LY, AR-SA, en_US): comparison and matching.
//
//   nazir::tmx::SameLangTag("AR-SA", "ar-sa");  // true: tags are case-insensitive (BCP 47)
//   nazir::tmx::LangTagMatches("ar-LY", "ar");   // true: "ar" covers every regional Arabic
//   nazir::tmx::LangTagMatches("ar", "ar-LY");   // false: a regional request wants that region
#ifndef NAZIR_TMX_LANG_TAG_H_
#define NAZIR_TMX_LANG_TAG_H_

#include <string>
#include <string_view>

#include "nazir/model/tu.h"

namespace nazir::tmx {

// True if `a` and `b` are the same tag, ignoring ASCII case and treating '_' as '-'.
bool SameLangTag(std::string_view a, std::string_view b);

// True if `tag` equals `wanted` or `wanted` is a prefix of it at a subtag boundary (RFC 4647 basic
// filtering): "ar-LY" matches "ar"; "arz" does not match "ar". Case-insensitive; "*all*" / "*" match all.
bool LangTagMatches(std::string_view tag, std::string_view wanted);

// The tag in canonical case: language lowercase, 2-letter region uppercase, 4-letter script titlecase,
// '_' -> '-' ("AR_sa" -> "ar-SA", "zh-hant-tw" -> "zh-Hant-TW").
std::string CanonicalLangTag(std::string_view tag);

// The first tuv of `tu` whose language matches `wanted` (LangTagMatches), or nullptr.
const Tuv* FindTuv(const TranslationUnit& tu, std::string_view wanted);

}  // namespace nazir::tmx

#endif  // NAZIR_TMX_LANG_TAG_H_
