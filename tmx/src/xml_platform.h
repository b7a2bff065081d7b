// Internal: Xerces-C start-up and UTF-8 <-> XMLCh conversion for the tmx component.
#ifndef NAZIR_TMX_SRC_XML_PLATFORM_H_
#define NAZIR_TMX_SRC_XML_PLATFORM_H_

#include <string>
#include <string_view>

#include <xercesc/util/XercesDefs.hpp>

#include "nazir/base/status.h"

namespace nazir::tmx::internal {

// Initializes Xerces-C once per process (thread-safe). Xerces is never terminated: static objects
// of other threads may still use it at exit, and the OS reclaims its memory.
Status InitXerces();

// Appends `utf8` (valid UTF-8, checked by the caller) to `out` as UTF-16. Conversion is ICU's
// (u_strFromUTF8): XMLCh is char16_t, so no locale code page is involved anywhere.
// Returns false on invalid UTF-8.
bool AppendUtf8ToXml(std::string_view utf8, std::u16string* out);
std::u16string Utf8ToXml(std::string_view utf8);

// Appends `len` UTF-16 units to `out` as UTF-8; an unpaired surrogate becomes U+FFFD.
void AppendXmlToUtf8(const XMLCh* s, size_t len, std::string* out);
std::string XmlToUtf8(const XMLCh* s, size_t len);
// The same for a NUL-terminated Xerces string (nullptr gives "").
std::string XmlToUtf8(const XMLCh* s);
// Sets *out to that, reusing its buffer.
void AssignXmlToUtf8(const XMLCh* s, std::string* out);

}  // namespace nazir::tmx::internal

#endif  // NAZIR_TMX_SRC_XML_PLATFORM_H_
