// Internal: the text clean-up behind CleanSegment, with its parts selectable (segment text inside inline
// markup must not be trimmed; prop values and attributes only lose forbidden characters).
#ifndef NAZIR_TMX_SRC_CLEAN_TEXT_H_
#define NAZIR_TMX_SRC_CLEAN_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "nazir/base/status.h"
#include "nazir/tmx/segment_text.h"

namespace nazir::tmx::internal {

struct CleanSteps {
  bool trim_start = false;     // drop leading White_Space
  bool trim_end = false;       // drop trailing White_Space
  bool strip_format = false;   // drop bidi controls and U+FEFF
  bool nfc = false;            // NFC
};

inline constexpr CleanSteps kSegmentSteps{true, true, true, true};
inline constexpr CleanSteps kVerbatimSteps{false, false, false, false};

// Validates UTF-8, applies `policy` to characters XML 1.0 forbids (always), CR LF / CR -> LF (always),
// then the selected steps.
StatusOr<std::string> CleanText(std::string_view text, const CleanSteps& steps, IllegalCharPolicy policy,
                                size_t* dropped);

// True if `tag` can stand in xml:lang / srclang as written: ASCII letters, digits, '-', '_' (what
// BCP 47 tags and the TMX value "*all*" are made of). Validation proper is `nazir tmx validate`'s.
bool IsLangTagText(std::string_view tag);

}  // namespace nazir::tmx::internal

#endif  // NAZIR_TMX_SRC_CLEAN_TEXT_H_
