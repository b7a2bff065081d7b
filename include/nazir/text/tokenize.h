// Word tokens with matching keys, for the aligner and the name miner.
//
//   auto toks = nazir::text::Tokenize("قال بومبيو، الخميس", nazir::Lang::kAr);
//   // toks[1].key == "بومبيو", toks[1].kind == TokenKind::kWord, toks[1].begin/end: bytes in the input
#ifndef NAZIR_TEXT_TOKENIZE_H_
#define NAZIR_TEXT_TOKENIZE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nazir/base/lang.h"

namespace nazir::text {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  std::string key;   // normalized (Normalizer::Key); numbers as ASCII digits without separators
  size_t begin = 0;  // byte offsets of the original token in the tokenized text
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
};

// Splits `text` into words, numbers and punctuation (whitespace dropped). Thread-safe.
std::vector<Token> Tokenize(std::string_view text, Lang lang);

// The same tokens by ICU's word break iterator alone. Tokenize() cuts text made of letters with
// punctuation at the edges of words (most news text) without it, and must agree with this on every text
// (tests compare the two).
std::vector<Token> TokenizeWithIcu(std::string_view text, Lang lang);

}  // namespace nazir::text

#endif  // NAZIR_TEXT_TOKENIZE_H_
