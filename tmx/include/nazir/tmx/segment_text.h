// What nazir does to a segment's text before it goes into a translation memory (docs/TMX.md):
// trimmed, NFC, without bidi controls, and without characters XML 1.0 cannot carry.
//
//   size_t dropped = 0;
//   auto seg = nazir::tmx::CleanSegment(" \u200Fقال الرئيس\u0007 ", IllegalCharPolicy::kDrop, &dropped);
//   // *seg == "قال الرئيس", dropped == 1
#ifndef NAZIR_TMX_SEGMENT_TEXT_H_
#define NAZIR_TMX_SEGMENT_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "nazir/base/status.h"

namespace nazir::tmx {

// What to do with a character XML 1.0 forbids (U+0000-0008, U+000B, U+000C, U+000E-001F, U+FFFE,
// U+FFFF; unpaired surrogates cannot occur in valid UTF-8). Written even as &#x1; such a character makes
// the whole TMX unreadable for OmegaT, lxml and Xerces, so it is never written.
enum class IllegalCharPolicy {
  kDrop,    // remove it and count it (the CLI reports the count on stderr); the default
  kRefuse,  // fail the write with an error naming the TU
};

// True if `c` may appear in an XML 1.0 document (the Char production).
bool IsXmlChar(char32_t c);

// Removes the bidi controls that defeat exact matching in CAT tools (LRM, RLM, ALM, LRE..PDF,
// LRI..PDI), applies NFC and trims leading and trailing whitespace (Unicode White_Space); inner
// whitespace is kept as it is. Characters XML 1.0 forbids are handled per `policy`; `dropped` (may be
// null) is increased by the number removed.
// Fails on invalid UTF-8, or with kRefuse on a forbidden character (the message gives its code point).
StatusOr<std::string> CleanSegment(std::string_view text, IllegalCharPolicy policy, size_t* dropped);

// Collapses whitespace runs to one space and trims: the form in which two segments count as the
// same for deduplication (tmx merge --dedupe, tmx stats).
std::string NormalizeWhitespace(std::string_view text);

}  // namespace nazir::tmx

#endif  // NAZIR_TMX_SEGMENT_TEXT_H_
