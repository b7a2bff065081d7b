// OmegaT's tab-separated glossary: one line per Arabic spelling, "arabic<TAB>english<TAB>comment".
//
//   NAZIR_RETURN_IF_ERROR(nazir::tmx::WriteOmegatTsv("glossary/names.utf8", entries));
//
// Written: a "#" comment line naming nazir, then for each entry one line per Arabic spelling (so OmegaT
// finds the entry from any of them) with the English headword and the comment
// "PER; 5 occurrences" (type, the spelling's count) plus "; note" when the entry has one. Use the
// ".utf8" extension: it makes OmegaT read UTF-8 whatever the platform. Tabs and line breaks inside a
// field become spaces (the format cannot quote them).
// Read: OmegaT/TSV files from any tool (2 or 3 columns, "#" comments, a UTF-8 BOM, CRLF). Lines with the
// same English term and type, in a row or not, fold into one entry, Arabic spellings in file order;
// english_variants, examples and sources are not carried by this format.
#ifndef NAZIR_TMX_GLOSSARY_TSV_H_
#define NAZIR_TMX_GLOSSARY_TSV_H_

#include <string>
#include <vector>

#include "nazir/base/status.h"
#include "nazir/model/glossary.h"
#include "nazir/tmx/tbx.h"  // GlossaryEntryCallback

namespace nazir::tmx {

// Writes `entries` to `path` atomically.
Status WriteOmegatTsv(const std::string& path, const std::vector<GlossaryEntry>& entries);

// Reads `path` and calls `on_entry` per folded entry (after the whole file is read: folding needs it).
// Errors name the line: "path:12: expected at least 2 tab-separated columns".
Status ReadOmegatTsv(const std::string& path, const GlossaryEntryCallback& on_entry);

}  // namespace nazir::tmx

#endif  // NAZIR_TMX_GLOSSARY_TSV_H_
