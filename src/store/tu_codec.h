// Internal: the compact binary form of a TranslationUnit kept in tu.data.
//
// Everything of the TU is in the blob except the plain text of the (at most two) tuvs that the tu table
// also keeps in its ar_text / en_text columns: those are left out of the blob and restored from the
// columns, so the text is stored once. Layout: a format byte, then fields in declaration order; strings
// as a LEB128 length and the bytes; lists as a LEB128 count and their items.
#ifndef NAZIR_SRC_STORE_TU_CODEC_H_
#define NAZIR_SRC_STORE_TU_CODEC_H_

#include <string>
#include <string_view>

#include "nazir/base/status.h"
#include "nazir/model/tu.h"

namespace nazir::store::internal {

// Encodes `tu` into `out` (replacing its content, reusing its capacity); the text of tuvs[ar_index] and
// tuvs[en_index] (each -1 for none) is left out.
void EncodeTu(const TranslationUnit& tu, int ar_index, int en_index, std::string* out);

// Decodes a blob from EncodeTu, putting `ar_text` / `en_text` back into the tuvs they came from.
// A damaged blob gives kInvalidInput.
StatusOr<TranslationUnit> DecodeTu(std::string_view blob, std::string_view ar_text, std::string_view en_text);

}  // namespace nazir::store::internal

#endif  // NAZIR_SRC_STORE_TU_CODEC_H_
