// Internal: the identity of a TU for duplicate detection (tmx stats, tmx merge --dedupe).
#ifndef NAZIR_TMX_SRC_TU_KEY_H_
#define NAZIR_TMX_SRC_TU_KEY_H_

#include <cstdint>
#include <string_view>

#include "nazir/model/tu.h"

namespace nazir::tmx::internal {

// A 64-bit hash of the TU's (canonical language tag, NormalizeWhitespace(text)) pairs, sorted, so that
// two TUs with the same segments in the same languages get the same key whatever their tuv order.
// Collisions: about n^2 / 2^65, 1e-8 for a million TUs.
uint64_t TuKey(const TranslationUnit& tu);

// 64-bit FNV-1a of `s` (e.g. the identity of a tuid already written).
uint64_t HashString(std::string_view s);

// A TMX date as a sortable number (YYYYMMDDhhmmss), 0 when empty or not a valid TMX date.
uint64_t DateNumber(std::string_view tmx_date);

// The TU's most recent date: changedate if valid, else creationdate, else 0.
uint64_t NewestDate(const TranslationUnit& tu);

}  // namespace nazir::tmx::internal

#endif  // NAZIR_TMX_SRC_TU_KEY_H_
