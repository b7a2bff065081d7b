// Reading input text strictly: UTF-8 by default, legacy Arabic code pages on request.
//
//   auto text = nazir::text::ReadTextFile("article.txt", nazir::text::Encoding::kUtf8);
//   if (!text.ok()) { /* "article.txt:12: invalid UTF-8 at byte 3301 (0xC3 0x28)" */ }
#ifndef NAZIR_TEXT_UTF8_H_
#define NAZIR_TEXT_UTF8_H_

#include <optional>
#include <string>
#include <string_view>

#include "nazir/base/status.h"

namespace nazir::text {

enum class Encoding { kUtf8, kWindows1256, kIso8859_6 };

// "utf-8", "windows-1256" (also "cp1256"), "iso-8859-6"; case-insensitive.
std::optional<Encoding> ParseEncoding(std::string_view name);

// Checks that `bytes` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
// On failure the Status names `source_name`, the 1-based line and the 0-based byte offset.
Status ValidateUtf8(std::string_view bytes, std::string_view source_name);

// Decodes `bytes` in `encoding` to UTF-8, drops a leading UTF-8 BOM, and rejects empty input
// (only whitespace counts as empty), binary input (NUL bytes) and invalid UTF-8, each with its own
// message naming `source_name`. Line ends (LF, CRLF, CR) are kept as they are.
StatusOr<std::string> DecodeText(std::string_view bytes, Encoding encoding, std::string_view source_name);

// Number of code points in valid UTF-8 `s` (a letter count: Arabic letters are 2 bytes each).
int CountCodePoints(std::string_view s);

// Reads a whole file ("-" = stdin) and calls DecodeText.
StatusOr<std::string> ReadTextFile(const std::string& path, Encoding encoding = Encoding::kUtf8);

}  // namespace nazir::text

#endif  // NAZIR_TEXT_UTF8_H_
