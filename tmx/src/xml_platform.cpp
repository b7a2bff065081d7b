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
  size_t old = out->size();
  // One UTF-16 unit never takes more than 3 UTF-8 bytes (a surrogate pair: 4 bytes for 2 units).
  out->resize(old + 3 * len);
  int32_t written = 0;
  UErrorCode ec = U_ZERO_ERROR;
  u_strToUTF8WithSub(out->data() + old, static_cast<int32_t>(3 * len), &written, s, static_cast<int32_t>(len),
                     0xFFFD, nullptr, &ec);
  out->resize(U_FAILURE(ec) ? old : old + static_cast<size_t>(written));
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
