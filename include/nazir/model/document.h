// Document and Sentence: the value types that flow from the text layer to the aligner.
//
// A Document owns the original text (valid UTF-8, BOM dropped, otherwise byte-identical to the input
// after any --encoding conversion). Each Sentence keeps its original bytes (trimmed) and its byte
// offsets into Document::text; normalization only ever makes keys, never changes these.
#ifndef NAZIR_MODEL_DOCUMENT_H_
#define NAZIR_MODEL_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "nazir/base/lang.h"

namespace nazir {

struct Sentence {
  std::string text;    // original bytes, trimmed of surrounding whitespace
  size_t begin = 0;    // byte offset of text[0] in Document::text
  size_t end = 0;      // one past the last byte
  int paragraph = 0;   // 0-based paragraph number (blank line or newline-separated block)
};

struct Document {
  std::string id;      // caller's name for it (usually the file path)
  Lang lang = Lang::kAr;
  std::string text;    // the whole original text
  std::vector<Sentence> sentences;
};

}  // namespace nazir

#endif  // NAZIR_MODEL_DOCUMENT_H_
