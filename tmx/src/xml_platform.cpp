#include "xml_platform.h"

#include <cstdint>
#include <mutex>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

namespace {

// UTF-8 length of the unit at s[*i] (a surrogate pair counts once, 4 bytes; a lone surrogate is U+FFFD,
// 3), advancing *i past it.
size_t Utf8Length(const XMLCh* s, size_t len, size_t* i) {
  const char16_t c = s[*i];
  ++*i;
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (U16_IS_LEAD(c) && *i < len && U16_IS_TRAIL(s[*i])) {
    ++*i;
    return 4;
  }
  return 3;
}

// Writes the unit at s[*i] as UTF-8 at *p (as Utf8Length measures it), advancing both.
void PutUtf8(const XMLCh* s, size_t len, size_t* i, unsigned char** p) {
  uint32_t c = s[*i];
  ++*i;
  unsigned char* q = *p;
  if (c < 0x80) {
    *q++ = static_cast<unsigned char>(c);
  } else if (c < 0x800) {
    *q++ = static_cast<unsigned char>(0xC0 | (c >> 6));
    *q++ = static_cast<unsigned char>(0x80 | (c & 0x3F));
  } else if (U16_IS_LEAD(c) && *i < len && U16_IS_TRAIL(s[*i])) {
    c = U16_GET_SUPPLEMENTARY(c, s[*i]);
    ++*i;
    *q++ = static_cast<unsigned char>(0xF0 | (c >> 18));
    *q++ = static_cast<unsigned char>(0x80 | ((c >> 12) & 0x3F));
    *q++ = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F));
    *q++ = static_cast<unsigned char>(0x80 | (c & 0x3F));
  } else {
    if (U16_IS_SURROGATE(c)) c = 0xFFFD;
    *q++ = static_cast<unsigned char>(0xE0 | (c >> 12));
    *q++ = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F));
    *q++ = static_cast<unsigned char>(0x80 | (c & 0x3F));
  }
  *p = q;
}

}  // namespace

void AppendXmlToUtf8(const XMLCh* s, size_t len, std::string* out) {
  if (len == 0) return;
  // Two passes, the exact size first: the string grows once, by what it needs (a reader that refills the
  // same strings then stops allocating), and nothing is zero-filled beyond it. A lone surrogate becomes
  // U+FFFD, as ICU's u_strToUTF8WithSub would make it. Eight units at a time where SSE2 is there: the
  // size of a block without surrogates from two comparisons, and a block of ASCII (English text, mostly)
  // written by one pack; other blocks a unit at a time.
  size_t bytes = 0;
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i flip = _mm_set1_epi16(static_cast<short>(0x8000));  // unsigned order as signed
  const __m128i above_7f = _mm_set1_epi16(static_cast<short>(0x007F ^ 0x8000));
  const __m128i above_7ff = _mm_set1_epi16(static_cast<short>(0x07FF ^ 0x8000));
  const __m128i f800 = _mm_set1_epi16(static_cast<short>(0xF800));
  const __m128i d800 = _mm_set1_epi16(static_cast<short>(0xD800));
  while (i + 8 <= len) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(v, f800), d800)) == 0) {
      const __m128i x = _mm_xor_si128(v, flip);
      const auto two = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi16(x, above_7f)));
      const auto three = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi16(x, above_7ff)));
      bytes += 8 + static_cast<size_t>(__builtin_popcount(two) + __builtin_popcount(three)) / 2;
      i += 8;
    } else {
      for (const size_t end = i + 8; i < end && i < len;) bytes += Utf8Length(s, len, &i);
    }
  }
#endif
  while (i < len) bytes += Utf8Length(s, len, &i);

  const size_t old = out->size();
  // Half as much again when the string must grow: a reader refilling the same strings with texts of
  // varying length then rarely grows one a second time.
  if (out->capacity() < old + bytes) out->reserve(old + bytes + (old + bytes) / 2);
  out->resize(old + bytes);
  auto* p = reinterpret_cast<unsigned char*>(out->data() + old);
  i = 0;
#if defined(__SSE2__)
  const __m128i ff80 = _mm_set1_epi16(static_cast<short>(0xFF80));
  while (i + 8 <= len) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(v, ff80), _mm_setzero_si128())) == 0xFFFF) {
      _mm_storel_epi64(reinterpret_cast<__m128i*>(p), _mm_packus_epi16(v, v));
      p += 8;
      i += 8;
    } else {
      for (const size_t end = i + 8; i < end && i < len;) PutUtf8(s, len, &i, &p);
    }
  }
#endif
  while (i < len) PutUtf8(s, len, &i, &p);
}

std::string XmlToUtf8(const XMLCh* s, size_t len) {
  std::string out;
  AppendXmlToUtf8(s, len, &out);
  return out;
}

void AssignXmlToUtf8(const XMLCh* s, std::string* out) {
  out->clear();
  if (s != nullptr) AppendXmlToUtf8(s, std::char_traits<char16_t>::length(s), out);
}

std::string XmlToUtf8(const XMLCh* s) {
  std::string out;
  AssignXmlToUtf8(s, &out);
  return out;
}

}  // namespace nazir::tmx::internal
