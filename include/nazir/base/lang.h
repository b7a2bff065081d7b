// Languages nazir works with. A language is data, never part of an identifier.
#ifndef NAZIR_BASE_LANG_H_
#define NAZIR_BASE_LANG_H_

#include <optional>
#include <string_view>

namespace nazir {

enum class Lang { kAr, kEn };

// "ar" or "en".
std::string_view LangCode(Lang lang);

// Parses "ar", "AR", "ar-SA", "ara", "arabic", "en", "en-US", "eng", "english" (case-insensitive).
std::optional<Lang> ParseLang(std::string_view tag);

}  // namespace nazir

#endif  // NAZIR_BASE_LANG_H_
