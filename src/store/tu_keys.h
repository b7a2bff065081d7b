// Internal: the keys the store derives from a segment (for duplicate folding, lookup and concordance).
#ifndef NAZIR_SRC_STORE_TU_KEYS_H_
#define NAZIR_SRC_STORE_TU_KEYS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nazir/base/lang.h"
#include "nazir/model/tu.h"

namespace nazir::store::internal {

// Runs of Unicode white space -> one U+0020, trimmed (the duplicate-folding normalization).
std::string CollapseWhitespace(std::string_view text);
// The same, appended to `out`.
void AppendCollapsedWhitespace(std::string_view text, std::string* out);

// 64-bit FNV-1a.
uint64_t Fnv1a64(std::string_view bytes, uint64_t seed = 0xcbf29ce484222325ULL);

// A hash for in-memory tables (never stored): 8 bytes at a time, mixed with multiply/xor-shift steps.
uint64_t MemoHash(std::string_view s);

// The chunks of `text`: its runs of bytes other than ASCII white space (' ', \t \n \v \f \r), in order.
void SplitChunks(std::string_view text, std::vector<std::string_view>* out);

// The keys of the word and number tokens of `text` (nazir::text::Tokenize), in order. Memoized per
// thread by chunk between ASCII white space (same result as WordKeysUncached, several times faster).
std::vector<std::string> WordKeys(std::string_view text, Lang lang);
std::vector<std::string> WordKeysUncached(std::string_view text, Lang lang);

class TermDictionary;

// What the store derives from one segment's text.
struct SegmentKeys {
  std::string words;  // JoinKeys(WordKeys(text, lang))
  int count = 0;      // WordKeys(text, lang).size()
  // IndexTerms(words, lang): without a dictionary, all of them in `terms`; with one, the numbers of those
  // it holds in `term_ids` and the others (once it is full) in `terms`.
  std::string terms;
  std::vector<uint32_t> term_ids;
};

// Fills `out` (reusing its buffers) from the same per-thread memo as WordKeys, which also keeps each
// chunk's index terms and their numbers in `dict` (may be null): equal to computing the fields one by
// one, without a std::string per key.
void ComputeSegmentKeys(std::string_view text, Lang lang, TermDictionary* dict, SegmentKeys* out);

// Keys joined by single spaces (a key never holds a space: any is replaced by '_'), and back.
std::string JoinKeys(const std::vector<std::string>& keys);
std::vector<std::string_view> SplitKeys(std::string_view joined);
// Calls fn(key) for each key of `joined`, as SplitKeys returns them, without making a vector.
template <typename Fn>
void ForEachKey(std::string_view joined, Fn&& fn) {
  size_t b = 0;
  while (b < joined.size()) {
    size_t e = joined.find(' ', b);
    if (e == std::string_view::npos) e = joined.size();
    if (e > b) fn(joined.substr(b, e - b));
    b = e + 1;
  }
}

// A key as a term of the word index: ASCII other than [0-9a-z_] -> '_' (A-Z too: keys are already
// case-folded). The form of FTS5's `ascii` tokenizer, which the first word index used; kept so the keys'
// fingerprint, and so existing stores, did not change.
std::string FtsTerm(std::string_view key);

// The stems left when Arabic proclitics are taken off `key` (every analysis with a stem of at least
// kMinStemLetters letters), e.g. وبالعراق -> بالعراق, العراق, عراق. Empty for other languages and
// for keys without a proclitic.
std::vector<std::string> ProcliticStems(std::string_view key, Lang lang);

// The text indexed for one side of a TU: every distinct key as an FTS term, and (Arabic) the distinct
// proclitic stems too. A pure function of the words, so an entry can always be deleted exactly.
std::string IndexTerms(std::string_view joined_words, Lang lang);

// The duplicate-folding key into `out`: every tuv's (language tag lower-cased, text whitespace-collapsed),
// sorted, with ASCII unit/record separators (which XML 1.0 text cannot contain) between them.
void DupKeyOf(const TranslationUnit& tu, std::string* out);
// The hash the tu table keeps (schema 3 on): XXH3-64 of DupKeyOf(tu). Schemas 1 and 2 kept FNV-1a of
// it, which reads a byte at a time (4% of an import's CPU); the upgrade rehashes (store.cpp).
uint64_t DupHashOf(const TranslationUnit& tu);

// Levenshtein distance between two token sequences (unit costs).
int TokenEditDistance(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b);

}  // namespace nazir::store::internal

#endif  // NAZIR_SRC_STORE_TU_KEYS_H_
