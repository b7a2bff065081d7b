// Internal: reading a small text file whole (glossaries), as validated UTF-8 without BOM.
#ifndef NAZIR_TMX_SRC_TEXT_FILE_H_
#define NAZIR_TMX_SRC_TEXT_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "nazir/base/status.h"

namespace nazir::tmx::internal {

// Reads `path` ("-" = stdin), drops a UTF-8 BOM, checks UTF-8 (the error names the line).
StatusOr<std::string> ReadUtf8File(const std::string& path);

// Splits on LF, dropping a CR before it.
std::vector<std::string_view> SplitLines(std::string_view text);

// Replaces tabs and line breaks with spaces and trims spaces: a value safe for one TSV field.
std::string OneLineField(std::string_view s);

// Trims ASCII whitespace.
std::string_view TrimAscii(std::string_view s);

}  // namespace nazir::tmx::internal

#endif  // NAZIR_TMX_SRC_TEXT_FILE_H_
