#include "nazir/base/lang.h"

#include <string>

namespace nazir {

std::string_view LangCode(Lang lang) { return lang == Lang::kAr ? "ar" : "en"; }

std::optional<Lang> ParseLang(std::string_view tag) {
  std::string t;
  for (char c : tag) {
    if (c == '-' || c == '_') break;  // primary subtag only: ar-SA -> ar
    t += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (t == "ar" || t == "ara" || t == "arabic") return Lang::kAr;
  if (t == "en" || t == "eng" || t == "english") return Lang::kEn;
  return std::nullopt;
}

}  // namespace nazir
