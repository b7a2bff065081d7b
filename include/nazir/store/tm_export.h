// ExportTmx: streams the TUs of a Store into a TMX 1.4b file (TmxWriter: temporary file, then rename).
//
// Each stored TU is written as it was first added: languages, text, inline markup, notes, props, tuid
// and dates, so a TMX imported with ImportTmx comes back unchanged (only the header is nazir's). TUs go
// out in insertion order; memory does not grow with the store.
//
//   nazir::store::ExportOptions opt;
//   opt.filter.min_confidence = 0.7;
//   auto r = nazir::store::ExportTmx(*store, "out.tmx", opt);
//   if (!r.ok()) return r.status();
//   printf("%lld TUs\n", r->tus);
#ifndef NAZIR_STORE_TM_EXPORT_H_
#define NAZIR_STORE_TM_EXPORT_H_

#include <cstdint>
#include <string>

#include "nazir/base/status.h"
#include "nazir/store/store.h"

namespace nazir::store {

struct ExportOptions {
  TuFilter filter;  // --min-confidence, --doc
  // The header's srclang (its tuv is written first in each TU). Empty: the srclang of the exported
  // documents when they agree (TMX imports record theirs; aligned pairs are "ar"), else "*all*", which
  // keeps every TU's tuv order as stored.
  std::string srclang;
  // Clean segments on the way out (TmxWriter's CleanSegment: trim, NFC, no bidi controls). Off by
  // default: the store holds what was imported or aligned, and a round trip must not change it.
  bool clean_segments = false;
  bool pretty = true;  // one element per line
};

struct ExportResult {
  int64_t tus = 0;          // TUs written
  int64_t bytes = 0;        // size of the file written
  std::string srclang;      // the header's srclang
};

// Writes the TUs passing options.filter to `path` ("-" = stdout). The file appears only when complete.
StatusOr<ExportResult> ExportTmx(Store& store, const std::string& path, const ExportOptions& options = {});

}  // namespace nazir::store

#endif  // NAZIR_STORE_TM_EXPORT_H_
