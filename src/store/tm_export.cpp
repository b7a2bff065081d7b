#include "nazir/store/tm_export.h"

#include <memory>
#include <set>

#include "nazir/tmx/tmx_writer.h"

namespace nazir::store {
namespace {

// The srclang of aligned pairs (nazir aligns Arabic sources with English renderings).
constexpr char kPairSrcLang[] = "ar";

// The srclang the exported documents agree on, or *all*.
StatusOr<std::string> CommonSrcLang(Store& store, const TuFilter& filter) {
  std::set<std::string> langs;
  if (filter.document_id) {
    StatusOr<std::optional<DocumentRecord>> d = store.GetDocument(*filter.document_id);
    if (!d.ok()) return d.status();
    if (!*d) return NotFoundError(store.path() + ": no document with id " + std::to_string(*filter.document_id));
    langs.insert((*d)->srclang.empty() ? kPairSrcLang : (*d)->srclang);
  } else {
    StatusOr<std::vector<DocumentRecord>> docs = store.ListDocuments();
    if (!docs.ok()) return docs.status();
    for (const DocumentRecord& d : *docs) langs.insert(d.srclang.empty() ? kPairSrcLang : d.srclang);
  }
  if (langs.empty()) return std::string(kPairSrcLang);
  if (langs.size() == 1) return *langs.begin();
  return std::string(tmx::kSrcLangAll);
}

}  // namespace

StatusOr<ExportResult> ExportTmx(Store& store, const std::string& path, const ExportOptions& options) {
  ExportResult result;
  if (!options.srclang.empty()) {
    result.srclang = options.srclang;
  } else {
    StatusOr<std::string> lang = CommonSrcLang(store, options.filter);
    if (!lang.ok()) return lang.status();
    result.srclang = *lang;
  }
  tmx::TmxWriterOptions wo;
  wo.header.srclang = result.srclang;
  wo.clean_segments = options.clean_segments;
  wo.pretty = options.pretty;
  StatusOr<std::unique_ptr<tmx::TmxWriter>> w = tmx::TmxWriter::Open(path, wo);
  if (!w.ok()) return w.status();
  NAZIR_RETURN_IF_ERROR(store.ForEachTu(options.filter, [&](const StoredTu& t) {
    Status s = (*w)->Write(t.tu);
    if (!s.ok()) return s.WithContext(store.path() + ": TU " + std::to_string(t.id));
    return s;
  }));
  NAZIR_RETURN_IF_ERROR((*w)->Close());
  result.tus = static_cast<int64_t>((*w)->tus_written());
  result.bytes = static_cast<int64_t>((*w)->bytes_written());
  return result;
}

}  // namespace nazir::store
