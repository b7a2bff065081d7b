#include "nazir/text/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include <boost/locale/encoding.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace nazir::text {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// At most this many bytes of a bad sequence are quoted in an error (a UTF-8 sequence is at most 4).
constexpr int kMaxQuotedBytes = 4;
constexpr int kMinQuotedBytes = 2;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// 1-based line number of byte `offset`: LF, CRLF and CR each end a line.
size_t LineOf(std::string_view bytes, size_t offset) {
  size_t line = 1;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
    } else if (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')) {
      ++line;
    }
  }
  return line;
}

std::string HexBytes(std::string_view bytes) {
  std::string out;
  char buf[8];
  for (unsigned char c : bytes) {
    std::snprintf(buf, sizeof buf, "%s0x%02X", out.empty() ? "" : " ", c);
    out += buf;
  }
  return out;
}

// "name:line: " prefix of every decoding error.
std::string Where(std::string_view source_name, std::string_view bytes, size_t offset) {
  return std::string(source_name) + ":" + std::to_string(LineOf(bytes, offset)) + ": ";
}

bool IsBlank(std::string_view utf8) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, n, c);
    if (c < 0 || !(u_isUWhiteSpace(c) || c == 0xFEFF)) return false;
  }
  return true;
}

const char* CharsetName(Encoding e) {
  switch (e) {
    case Encoding::kWindows1256:
      return "windows-1256";
    case Encoding::kIso8859_6:
      return "ISO-8859-6";
    case Encoding::kUtf8:
      break;
  }
  return "UTF-8";
}

}  // namespace

std::optional<Encoding> ParseEncoding(std::string_view name) {
  const std::string n = Lower(name);
  if (n == "utf-8" || n == "utf8") return Encoding::kUtf8;
  if (n == "windows-1256" || n == "cp1256" || n == "cp-1256") return Encoding::kWindows1256;
  if (n == "iso-8859-6" || n == "iso8859-6" || n == "iso_8859-6") return Encoding::kIso8859_6;
  return std::nullopt;
}

Status ValidateUtf8(std::string_view bytes, std::string_view source_name) {
  const int32_t n = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < n) {
    // ASCII fast path: most of a news file's markup, digits and spaces.
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes.data(), i, n, c);  // ICU's strict decoder: rejects overlongs, surrogates, > U+10FFFF
    if (c < 0) {
      // Quote the bad sequence and at least the byte after it, as a hex editor would show them.
      const size_t len = std::max<int32_t>(i - start + 1, kMinQuotedBytes);
      return InvalidInputError(Where(source_name, bytes, start) + "invalid UTF-8 at byte " +
                               std::to_string(start) + " (" +
                               HexBytes(bytes.substr(start, std::min<size_t>(len, kMaxQuotedBytes))) +
                               "); if the file is in a legacy Arabic code page, pass "
                               "--encoding windows-1256 or --encoding iso-8859-6");
    }
  }
  return Status::Ok();
}

StatusOr<std::string> DecodeText(std::string_view bytes, Encoding encoding, std::string_view source_name) {
  if (bytes.empty()) {
    return InvalidInputError(std::string(source_name) + ": the input is empty");
  }
  if (const size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return InvalidInputError(Where(source_name, bytes, nul) + "binary data (NUL byte at byte " +
                             std::to_string(nul) + "); expected a text file");
  }
  std::string text;
  if (encoding == Encoding::kUtf8) {
    NAZIR_RETURN_IF_ERROR(ValidateUtf8(bytes, source_name));
    if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) bytes.remove_prefix(kUtf8Bom.size());
    text.assign(bytes);
  } else {
    try {
      text = boost::locale::conv::to_utf<char>(bytes.data(), bytes.data() + bytes.size(),
                                               CharsetName(encoding), boost::locale::conv::stop);
    } catch (const boost::locale::conv::conversion_error&) {
      return InvalidInputError(std::string(source_name) + ": not valid " + CharsetName(encoding) +
                               " text (a byte has no character in that code page)");
    } catch (const boost::locale::conv::invalid_charset_error&) {
      return InternalError(std::string("this build cannot convert from ") + CharsetName(encoding));
    }
  }
  if (IsBlank(text)) {
    return InvalidInputError(std::string(source_name) + ": the input holds only whitespace");
  }
  return text;
}

StatusOr<std::string> ReadTextFile(const std::string& path, Encoding encoding) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (std::cin.bad()) return IoError("cannot read standard input");
    return DecodeText(bytes, encoding, "<stdin>");
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return InvalidInputError(path + ": is a directory, not a text file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open (does the file exist and is it readable?)");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return IoError(path + ": read error");
  bytes = std::move(buf).str();
  return DecodeText(bytes, encoding, path);
}

int CountCodePoints(std::string_view s) {
  int n = 0;
  int32_t i = 0;
  const auto len = static_cast<int32_t>(s.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT(s.data(), i, len, c);
    ++n;
  }
  return n;
}

}  // namespace nazir::text
