// ComputeTmxStats: what is in a TMX file (nazir tmx stats).
//
//   auto st = nazir::tmx::ComputeTmxStats("memory.tmx");
//   if (st.ok()) std::cout << st->tus << " TUs, " << st->duplicate_tus << " duplicates\n";
#ifndef NAZIR_TMX_STATS_H_
#define NAZIR_TMX_STATS_H_

#include <cstdint>
#include <map>
#include <string>

#include "nazir/base/status.h"
#include "nazir/tmx/header.h"
#include "nazir/tmx/tmx_reader.h"

namespace nazir::tmx {

struct TmxLangStats {
  uint64_t tuvs = 0;
  uint64_t chars = 0;  // code points in Tuv::text
  uint64_t words = 0;  // whitespace-separated tokens in Tuv::text
  double avg_chars() const { return tuvs ? static_cast<double>(chars) / tuvs : 0.0; }
  double avg_words() const { return tuvs ? static_cast<double>(words) / tuvs : 0.0; }
};

struct TmxStats {
  TmxHeader header;
  uint64_t bytes = 0;           // file size
  uint64_t tus = 0;
  uint64_t tuvs = 0;
  uint64_t tus_with_markup = 0;  // TUs with inline elements in some segment
  // Duplicates: TUs whose segments (all languages, NormalizeWhitespace) equal an earlier TU's;
  // the number `tmx merge --dedupe` would remove.
  uint64_t duplicate_tus = 0;
  std::map<std::string, TmxLangStats> langs;  // by CanonicalLangTag
  std::map<std::string, uint64_t> prop_types;  // prop type -> TUs carrying it
};

// Reads `path` once, streaming. Memory: 8 bytes per TU (a hash for duplicate counting) on top of the
// reader's constant footprint.
StatusOr<TmxStats> ComputeTmxStats(const std::string& path, const TmxReadOptions& options = {});

}  // namespace nazir::tmx

#endif  // NAZIR_TMX_STATS_H_
