// ValidateTmx: is this TMX file valid TMX 1.4b, and safe to load into a CAT tool?
//
//   auto report = nazir::tmx::ValidateTmx("memory.tmx");
//   if (!report.ok()) return report.status();          // could not even open it
//   for (const auto& p : report->problems) std::cerr << p.ToString() << "\n";
//
// Two layers: DTD validation by Xerces against the TMX 1.4b DTD bundled in nazir (tmx/dtd/tmx14.dtd,
// compiled in: no file lookup, nothing fetched), whatever the file's DOCTYPE names; then the checks a DTD
// cannot express: every TU has a tuv in the source language (header srclang or the TU's own, unless
// *all*), dates are real TMX dates (YYYYMMDDThhmmssZ), tuids are unique, language tags are well-formed
// (no "ar_SA"), no TU has two tuvs in one language... Each problem names the file, line, column and tuid.
// Memory grows with the number of TUs (unlike ReadTmx): Xerces keeps the children of <body> to check its
// content model, and duplicate tuids need a hash per TU: about 45 MB for 400k TUs.
#ifndef NAZIR_TMX_VALIDATE_H_
#define NAZIR_TMX_VALIDATE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "nazir/base/status.h"

namespace nazir::tmx {

struct TmxProblem {
  std::string file;
  uint64_t line = 0;    // 1-based; 0 = not tied to a place
  uint64_t column = 0;  // 1-based
  std::string tuid;     // the TU concerned, if any
  std::string message;
  bool fatal = false;   // the XML is not well-formed: nothing after this point was checked

  // "file:line:column: [tu tuid] message"
  std::string ToString() const;
};

struct TmxValidationReport {
  uint64_t tus = 0;                  // TUs seen
  std::vector<TmxProblem> problems;  // in file order, at most ValidateOptions::max_problems
  uint64_t problems_total = 0;       // including those not kept

  bool valid() const { return problems_total == 0; }
};

struct ValidateOptions {
  size_t max_problems = 1000;  // keep at most this many problems (the count goes on)
  // Bytes read so far, now and then (see TmxReadOptions::on_progress). Empty = not called.
  std::function<void(uint64_t bytes_read)> on_progress;
};

// Validates `path`. A non-OK Status only when the file cannot be read (not found, I/O); everything wrong
// with its content is a problem in the report.
StatusOr<TmxValidationReport> ValidateTmx(const std::string& path, const ValidateOptions& options = {});

// The bundled TMX 1.4b DTD text (tmx/dtd/tmx14.dtd), e.g. to hand to another validator.
std::string_view BundledTmx14Dtd();

}  // namespace nazir::tmx

#endif  // NAZIR_TMX_VALIDATE_H_
