// Sentence segmentation for Arabic and English news text, on ICU's BreakIterator plus news rules.
//
// A paragraph break (blank line, or a single newline in scraped text) always ends a sentence; a line
// without final punctuation (headline, masthead, caption) is its own sentence. Every Sentence keeps its
// original bytes (trimmed), its byte offsets into the input and its paragraph number.
//
//   auto seg = nazir::text::Segmenter::Create(nazir::Lang::kAr);
//   std::vector<nazir::Sentence> s = (*seg)->Segment(text);
#ifndef NAZIR_TEXT_SEGMENT_H_
#define NAZIR_TEXT_SEGMENT_H_

#include <memory>
#include <string_view>
#include <vector>

#include "nazir/base/lang.h"
#include "nazir/base/status.h"
#include "nazir/model/document.h"

namespace nazir::text {

class Segmenter {
 public:
  // Builds the ICU break iterator for `lang` once. A Segmenter is not thread-safe: one per thread.
  static StatusOr<std::unique_ptr<Segmenter>> Create(Lang lang);
  virtual ~Segmenter() = default;

  // Splits valid UTF-8 `text` into sentences.
  virtual std::vector<Sentence> Segment(std::string_view text) const = 0;
};

// Pre-segmented input: every line is one sentence (line i -> sentence i, empty lines included, so
// indices match line numbers). CRLF/CR accepted; text is trimmed; offsets and paragraph = line number.
std::vector<Sentence> SplitLines(std::string_view text);

}  // namespace nazir::text

#endif  // NAZIR_TEXT_SEGMENT_H_
