#include "nazir/tmx/segment_text.h"

#include "clean_text.h"

#include <cstdio>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace nazir::tmx {

namespace {

// Invisible format characters that make two visually equal segments differ: the bidi controls of
// Unicode UAX #9 (LRM, RLM, ALM, embeddings/overrides, isolates) and the BOM / zero-width no-break
// space that copy-paste from files leaves behind. docs/TMX.md: a stray RLM defeats the 100% match.
bool IsStrippedFormatChar(UChar32 c) {
  return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

std::string CodePointName(UChar32 c) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "U+%04X", static_cast<unsigned>(c));
  return buf;
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* nfc = [] {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(ec);
    return U_SUCCESS(ec) ? n : nullptr;
  }();
  return nfc;
}

}  // namespace

bool IsXmlChar(char32_t c) {
  // XML 1.0 (Fifth Edition) production [2] Char.
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

StatusOr<std::string> CleanSegment(std::string_view text, IllegalCharPolicy policy, size_t* dropped) {
  return internal::CleanText(text, internal::kSegmentSteps, policy, dropped);
}

namespace internal {

StatusOr<std::string> CleanText(std::string_view text, const CleanSteps& steps, IllegalCharPolicy policy,
                                size_t* dropped) {
  std::string out;
  out.reserve(text.size());
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  if (text.size() > static_cast<size_t>(INT32_MAX)) return InvalidInputError("segment larger than 2 GB");
  // Characters are copied in runs: a run ends at a character that is dropped or rewritten.
  int32_t i = 0;
  int32_t run = 0;  // start of the pending run
  auto flush = [&](int32_t upto) {
    if (upto > run) out.append(s + run, static_cast<size_t>(upto - run));
  };
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      return InvalidInputError("invalid UTF-8 at byte " + std::to_string(start) + " of a segment");
    }
    if (!IsXmlChar(static_cast<char32_t>(c))) {
      if (policy == IllegalCharPolicy::kRefuse) {
        return InvalidInputError("character " + CodePointName(c) +
                                 " cannot be written in XML 1.0 (remove it, or let nazir drop it)");
      }
      if (dropped != nullptr) ++*dropped;
      flush(start);
      run = i;
      continue;
    }
    if (steps.strip_format && IsStrippedFormatChar(c)) {
      flush(start);
      run = i;
      continue;
    }
    // Leading whitespace: only looked up while nothing is kept yet (the property lookup is the cost).
    if (steps.trim_start && out.empty() && run == start && u_isUWhiteSpace(c)) {
      run = i;
      continue;
    }
    if (c == '\r') {  // CR LF and lone CR read back as LF from any XML parser: write them so.
      flush(start);
      if (i < n && s[i] == '\n') ++i;
      out.push_back('\n');
      run = i;
    }
  }
  flush(n);
  if (steps.trim_end) {  // trailing whitespace, scanning back from the end
    while (!out.empty()) {
      int32_t end = static_cast<int32_t>(out.size());
      UChar32 c;
      U8_PREV(out.data(), 0, end, c);
      if (c < 0 || !u_isUWhiteSpace(c)) break;
      out.resize(static_cast<size_t>(end));
    }
  }
  if (!steps.nfc) return out;
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return InternalError("ICU NFC normalizer unavailable (libicu data missing?)");
  UErrorCode ec = U_ZERO_ERROR;
  if (nfc->isNormalizedUTF8(out, ec) && U_SUCCESS(ec)) return out;
  ec = U_ZERO_ERROR;
  std::string normalized;
  normalized.reserve(out.size());
  icu::StringByteSink<std::string> sink(&normalized);
  nfc->normalizeUTF8(0, out, sink, nullptr, ec);
  if (U_FAILURE(ec)) return InternalError(std::string("NFC normalization failed: ") + u_errorName(ec));
  return normalized;
}

bool IsLangTagText(std::string_view tag) {
  if (tag.empty()) return false;
  for (char c : tag) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '*';
    if (!ok) return false;
  }
  return true;
}

}  // namespace internal

std::string NormalizeWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool pending_space = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(s + start, static_cast<size_t>(i - start));  // invalid bytes kept as they are
  }
  return out;
}

}  // namespace nazir::tmx
