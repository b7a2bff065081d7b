#include "tu_keys.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "nazir/text/tokenize.h"
#include "nazir/text/utf8.h"

namespace nazir::store::internal {
namespace {

// Arabic proclitics as normalized keys spell them, after docs/ARABIC.md (Larkey's light10 prefixes
// ال وال بال كال فال لل و, and Farasa's single-letter ف ب ك ل): a conjunction, then a preposition, then
// the article; لل is ل + ال with the alef dropped.
constexpr std::string_view kConjunctions[] = {"\u0648", "\u0641"};               // و ف
constexpr std::string_view kPrepositions[] = {"\u0628", "\u0643", "\u0644"};     // ب ك ل
constexpr std::string_view kArticle = "\u0627\u0644";                            // ال
constexpr std::string_view kLamArticle = "\u0644\u0644";                         // لل

// A stem shorter than this is not indexed: "every proclitic + stem of >= 3 letters" (docs/ARABIC.md).
constexpr int kMinStemLetters = 3;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// ASCII white space: where WordKeys cuts a text into independently tokenized chunks.
bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Chunks remembered per thread and language: about 20 MB at most for news words, more distinct words than
// a year of one agency's news holds, so the cache is rarely emptied.
constexpr size_t kMaxCachedChunks = 200000;

void AddStem(std::string_view stem, std::vector<std::string>* out) {
  if (text::CountCodePoints(stem) < kMinStemLetters) return;
  std::string s(stem);
  if (std::find(out->begin(), out->end(), s) == out->end()) out->push_back(std::move(s));
}

// Strips the article (ال) or, after a preposition ل, the لل form.
void StripArticle(std::string_view rest, std::vector<std::string>* out) {
  if (StartsWith(rest, kArticle)) AddStem(rest.substr(kArticle.size()), out);
}

void StripPreposition(std::string_view rest, std::vector<std::string>* out) {
  StripArticle(rest, out);
  for (std::string_view p : kPrepositions) {
    if (!StartsWith(rest, p)) continue;
    const std::string_view after = rest.substr(p.size());
    AddStem(after, out);
    StripArticle(after, out);
  }
  if (StartsWith(rest, kLamArticle)) AddStem(rest.substr(kLamArticle.size()), out);
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  int32_t i = 0;
  const auto len = static_cast<int32_t>(text.size());
  while (i < len) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(text.data(), i, len, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out.append(text.data() + at, static_cast<size_t>(i - at));
  }
  return out;
}

uint64_t Fnv1a64(std::string_view bytes, uint64_t seed) {
  // FNV-1a 64-bit prime (Fowler/Noll/Vo).
  constexpr uint64_t kPrime = 0x100000001b3ULL;
  uint64_t h = seed;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kPrime;
  }
  return h;
}

std::vector<std::string> WordKeysUncached(std::string_view text, Lang lang) {
  std::vector<std::string> keys;
  for (text::Token& t : text::Tokenize(text, lang)) {
    if (t.kind == text::TokenKind::kPunct || t.key.empty()) continue;
    keys.push_back(std::move(t.key));
  }
  return keys;
}

std::vector<std::string> WordKeys(std::string_view text, Lang lang) {
  // Tokenizing (ICU word breaks, then a normalization transliterator per token) is the bulk of an
  // import's CPU time, and news text repeats its words (Zipf): so the keys of each chunk between ASCII
  // white space are computed once per thread and remembered. Exact, because no token spans ASCII white
  // space (UAX #29 breaks on both sides of it; Tokenize drops it) and Tokenize keys a token from its own
  // characters only. A thread's table stops growing at kMaxCachedChunks: the words seen first are, by
  // Zipf's law, mostly the frequent ones.
  struct Cache {
    std::unordered_map<std::string, std::vector<std::string>> chunks[2];  // by language
  };
  thread_local Cache cache;
  auto& chunks = cache.chunks[lang == Lang::kAr ? 0 : 1];
  std::vector<std::string> keys;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsAsciiSpace(text[i])) ++i;
    size_t e = i;
    while (e < text.size() && !IsAsciiSpace(text[e])) ++e;
    if (e == i) break;
    const std::string chunk(text.substr(i, e - i));
    auto it = chunks.find(chunk);
    if (it != chunks.end()) {
      keys.insert(keys.end(), it->second.begin(), it->second.end());
    } else {
      std::vector<std::string> fresh = WordKeysUncached(chunk, lang);
      keys.insert(keys.end(), fresh.begin(), fresh.end());
      if (chunks.size() < kMaxCachedChunks) chunks.emplace(chunk, std::move(fresh));
    }
    i = e;
  }
  return keys;
}

std::string JoinKeys(const std::vector<std::string>& keys) {
  std::string out;
  for (const std::string& k : keys) {
    if (!out.empty()) out += ' ';
    for (char c : k) out += (c == ' ') ? '_' : c;
  }
  return out;
}

std::vector<std::string_view> SplitKeys(std::string_view joined) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (b < joined.size()) {
    size_t e = joined.find(' ', b);
    if (e == std::string_view::npos) e = joined.size();
    if (e > b) out.push_back(joined.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

std::string FtsTerm(std::string_view key) {
  std::string out(key);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) continue;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_') continue;
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      continue;
    }
    c = '_';
  }
  return out;
}

std::vector<std::string> ProcliticStems(std::string_view key, Lang lang) {
  std::vector<std::string> out;
  if (lang != Lang::kAr) return out;
  StripPreposition(key, &out);
  for (std::string_view c : kConjunctions) {
    if (!StartsWith(key, c)) continue;
    const std::string_view after = key.substr(c.size());
    AddStem(after, &out);
    StripPreposition(after, &out);
  }
  return out;
}

std::string IndexTerms(std::string_view joined_words, Lang lang) {
  std::string out;
  std::unordered_set<std::string> seen;
  auto add = [&](std::string term) {
    if (term.empty() || !seen.insert(term).second) return;
    if (!out.empty()) out += ' ';
    out += term;
  };
  for (std::string_view key : SplitKeys(joined_words)) {
    add(FtsTerm(key));
    for (const std::string& stem : ProcliticStems(key, lang)) add(FtsTerm(stem));
  }
  return out;
}

int TokenEditDistance(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  // One row of the classic dynamic programme, O(|a|*|b|) time, O(|b|) memory.
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace nazir::store::internal
