#include "text_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <unicode/utf8.h>

namespace nazir::tmx::internal {

StatusOr<std::string> ReadUtf8File(const std::string& path) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    if (err == ENOENT) return NotFoundError(path + ": no such file");
    return IoError("cannot open " + path + ": " + std::strerror(err));
  }
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) data.append(buf, n);
  bool failed = std::ferror(f) != 0;
  int err = errno;
  if (f != stdin) std::fclose(f);
  if (failed) return IoError("cannot read " + path + ": " + std::strerror(err));
  if (data.compare(0, 3, "\xEF\xBB\xBF") == 0) data.erase(0, 3);
  const char* s = data.data();
  const int32_t len = static_cast<int32_t>(data.size());
  int32_t i = 0;
  size_t line = 1;
  while (i < len) {
    UChar32 c;
    int32_t start = i;
    U8_NEXT(s, i, len, c);
    if (c < 0) {
      return InvalidInputError(path + ":" + std::to_string(line) + ": invalid UTF-8 at byte " +
                               std::to_string(start) + " (save the file as UTF-8)");
    }
    if (c == '\n') ++line;
  }
  return data;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string OneLineField(std::string_view s) {
  std::string out(TrimAscii(s));
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace nazir::tmx::internal
