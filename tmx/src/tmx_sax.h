// Internal: the SAX2 handler that turns TMX events into TmxHeader and TranslationUnit values. Shared by
// ReadTmx (plain reading) and ValidateTmx (the same events plus DTD validity errors).
#ifndef NAZIR_TMX_SRC_TMX_SAX_H_
#define NAZIR_TMX_SRC_TMX_SAX_H_

#include <functional>
#include <string>

#include "nazir/base/status.h"
#include "nazir/model/tu.h"
#include "nazir/tmx/tmx_reader.h"
#include "xml_parser.h"

namespace nazir::tmx::internal {

struct TmxEvents {
  TmxHeaderCallback on_header;
  // Each TU with the position of its <tu> start tag.
  std::function<Status(TranslationUnit&& tu, const SourcePos& pos)> on_tu;
  // DTD validity errors (validation only).
  std::function<void(const SourcePos& pos, const std::string& message)> on_validity_error;
};

// Parses TMX from `input`. With settings.validate the bundled DTD applies (input.doctype_root should be
// "tmx"). `fatal_pos` (may be null) receives the position of a fatal error.
Status ParseTmx(const XmlInput& input, const ParserSettings& settings, const TmxReadOptions& options,
                const TmxEvents& events, SourcePos* fatal_pos);

}  // namespace nazir::tmx::internal

#endif  // NAZIR_TMX_SRC_TMX_SAX_H_
