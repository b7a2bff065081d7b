#include "xml_platform.h"

#include <mutex>

#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <xercesc/util/PlatformUtils.hpp>
#include <xercesc/util/XMLException.hpp>

namespace nazir::tmx::internal {

Status InitXerces() {
  static std::once_flag once;
  static Status status;
  std::call_once(once, [] {
    try {
      xercesc::XMLPlatformUtils::Initialize();
    } catch (const xercesc::XMLException& e) {
      status = InternalError("cannot initialize the Xerces-C XML library: " + XmlToUtf8(e.getMessage()));
    }
  });
  return status;
}

bool AppendUtf8ToXml(std::string_view utf8, std::u16string* out) {
  if (utf8.empty()) return true;
  size_t old = out->size();
  // UTF-16 never needs more units than UTF-8 has bytes.
  out->resize(old + utf8.size());
  int32_t len = 0;
  UErrorCode ec = U_ZERO_ERROR;
  u_strFromUTF8(out->data() + old, static_cast<int32_t>(utf8.size()), &len, utf8.data(),
                static_cast<int32_t>(utf8.size()), &ec);
  if (U_FAILURE(ec)) {
    out->resize(old);
    return false;
  }
  out->resize(old + static_cast<size_t>(len));
  return true;
}

std::u16string Utf8ToXml(std::string_view utf8) {
  std::u16string out;
  AppendUtf8ToXml(utf8, &out);
  return out;
}

void AppendXmlToUtf8(const XMLCh* s, size_t len, std::string* out) {
  if (len == 0) return;
  // Two passes, the exact size first: the string grows once, by what it needs (a reader that refills the
  // same strings then stops allocating), and nothing is zero-filled beyond it. A lone surrogate becomes
  // U+FFFD, as ICU's u_strToUTF8WithSub would make it.
  size_t bytes = 0;
  for (size_t i = 0; i < len; ++i) {
    const char16_t c = s[i];
    if (c < 0x80) {
      bytes += 1;
    } else if (c < 0x800) {
      bytes += 2;
    } else if (U16_IS_LEAD(c) && i + 1 < len && U16_IS_TRAIL(s[i + 1])) {
      bytes += 4;
      ++i;
    } else {
      bytes += 3;  // a BMP character, or U+FFFD for a lone surrogate
    }
  }
  const size_t old = out->size();
  // Half as much again when the string must grow: a reader refilling the same strings with texts of
  // varying length then rarely grows one a second time.
  if (out->capacity() < old + bytes) out->reserve(old + bytes + (old + bytes) / 2);
  out->resize(old + bytes);
  auto* p = reinterpret_cast<unsigned char*>(out->data() + old);
  for (size_t i = 0; i < len; ++i) {
    uint32_t c = s[i];
    if (c < 0x80) {
      *p++ = static_cast<unsigned char>(c);
    } else if (c < 0x800) {
      *p++ = static_cast<unsigned char>(0xC0 | (c >> 6));
      *p++ = static_cast<unsigned char>(0x80 | (c & 0x3F));
    } else if (U16_IS_LEAD(c) && i + 1 < len && U16_IS_TRAIL(s[i + 1])) {
      c = U16_GET_SUPPLEMENTARY(c, s[i + 1]);
      ++i;
      *p++ = static_cast<unsigned char>(0xF0 | (c >> 18));
      *p++ = static_cast<unsigned char>(0x80 | ((c >> 12) & 0x3F));
      *p++ = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F));
      *p++ = static_cast<unsigned char>(0x80 | (c & 0x3F));
    } else {
      if (U16_IS_SURROGATE(c)) c = 0xFFFD;
      *p++ = static_cast<unsigned char>(0xE0 | (c >> 12));
      *p++ = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F));
      *p++ = static_cast<unsigned char>(0x80 | (c & 0x3F));
    }
  }
}

std::string XmlToUtf8(const XMLCh* s, size_t len) {
  std::string out;
  AppendXmlToUtf8(s, len, &out);
  return out;
}

std::string XmlToUtf8(const XMLCh* s) {
  if (s == nullptr) return std::string();
  size_t len = 0;
  while (s[len] != 0) ++len;
  return XmlToUtf8(s, len);
}

}  // namespace nazir::tmx::internal
