#include "nazir/text/script.h"

#include <cstdio>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace nazir::text {

namespace {

// Enough letters of the unexpected script that the verdict is not about a stray name or caption.
constexpr int64_t kMinForeignLetters = 20;
// Arabic expected: at most this share of Arabic letters means the file is not Arabic.
constexpr double kMaxArabicShareOfNonArabic = 0.10;
// English expected: more than this share of Arabic letters means the file is Arabic.
constexpr double kMinArabicShareOfArabic = 0.50;

std::string Percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%.0f%%", share * 100.0);
  return buf;
}

}  // namespace

ScriptCounts CountScripts(std::string_view text) {
  ScriptCounts c;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 cp;
    U8_NEXT(text.data(), i, n, cp);
    if (cp < 0 || !u_isalpha(cp)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(cp, &status);
    if (U_FAILURE(status)) continue;
    if (script == USCRIPT_ARABIC) {
      ++c.arabic;
    } else if (script == USCRIPT_LATIN) {
      ++c.latin;
    }
  }
  return c;
}

Status CheckLanguage(std::string_view text, Lang lang, const std::string& name) {
  const ScriptCounts c = CountScripts(text);
  const int64_t letters = c.arabic + c.latin;
  if (letters == 0) return Status::Ok();
  const double arabic_share = static_cast<double>(c.arabic) / static_cast<double>(letters);
  if (lang == Lang::kAr && c.latin >= kMinForeignLetters && arabic_share <= kMaxArabicShareOfNonArabic) {
    return InvalidInputError(name + ": expected Arabic text, but only " + Percent(arabic_share) +
                             " of its letters are Arabic (it looks like English: are the Arabic and English "
                             "files swapped?)");
  }
  if (lang == Lang::kEn && c.arabic >= kMinForeignLetters && arabic_share > kMinArabicShareOfArabic) {
    return InvalidInputError(name + ": expected English text, but " + Percent(arabic_share) +
                             " of its letters are Arabic (are the Arabic and English files swapped?)");
  }
  return Status::Ok();
}

}  // namespace nazir::text
