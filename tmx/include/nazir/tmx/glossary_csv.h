// Glossary as CSV for spreadsheets (RFC 4180: UTF-8, a header row, CRLF, quotes where needed).
//
//   NAZIR_RETURN_IF_ERROR(nazir::tmx::WriteGlossaryCsv("names.csv", entries));
//
// One row per entry, columns:
//   id,type,english,english_variants,arabic,arabic_counts,count,note
// Multiple values are joined with " | " (Trados MultiTerm splits synonyms on "|"): arabic holds every
// spelling, most frequent first, and arabic_counts their counts in the same order. A UTF-8 BOM is
// written first (Excel needs it to read UTF-8; MultiTerm Convert wants a UTF-8 header row).
// Reading accepts the same columns in any order (matched by header name, case-insensitive; only
// "english" or "arabic" is required), with or without BOM, CRLF or LF.
#ifndef NAZIR_TMX_GLOSSARY_CSV_H_
#define NAZIR_TMX_GLOSSARY_CSV_H_

#include <string>
#include <vector>

#include "nazir/base/status.h"
#include "nazir/model/glossary.h"
#include "nazir/tmx/tbx.h"  // GlossaryEntryCallback

namespace nazir::tmx {

// Writes `entries` to `path` atomically.
Status WriteGlossaryCsv(const std::string& path, const std::vector<GlossaryEntry>& entries);

// Reads `path`, calling `on_entry` per row. Errors name the line ("path:7: unterminated quoted field").
Status ReadGlossaryCsv(const std::string& path, const GlossaryEntryCallback& on_entry);

}  // namespace nazir::tmx

#endif  // NAZIR_TMX_GLOSSARY_CSV_H_
