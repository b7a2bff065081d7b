#include "tu_keys.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_set>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include "nazir/text/tokenize.h"
#include "nazir/text/utf8.h"
#include "huge_pages.h"
#include "term_dict.h"

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

// ASCII white space: where WordKeys cuts a text into independently tokenized chunks (SpaceMask64 tests
// 16 bytes at a time where SSE2 is there).
[[maybe_unused]] bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Whether a UTF-8 sequence with this lead byte can encode White_Space: the non-ASCII White_Space code
// points (U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 in PropList.txt)
// all lie in U+0080-U+00BF and U+1000-U+3FFF, so ICU is only asked about those (a test checks this
// against ICU over every code point). Arabic letters (lead bytes D8-DB) never reach ICU.
constexpr bool MayBeWhiteSpace(unsigned char lead) { return lead == 0xC2 || (lead >= 0xE1 && lead <= 0xE3); }

#if defined(__SSE2__)
// 0xFF in each byte of `v` within [lo, lo + n): (c - lo) < n unsigned, compared signed with the top bit
// flipped (SSE2 compares bytes signed only).
__m128i BytesInRange(__m128i v, unsigned char lo, unsigned char n) {
  const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80));
  return _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo))), flip),
                        _mm_set1_epi8(static_cast<char>(n ^ 0x80)));
}
#endif

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
  AppendCollapsedWhitespace(text, &out);
  return out;
}

namespace {

// Bytes that may start a white space character: ASCII white space, and the UTF-8 lead bytes of the
// non-ASCII ones (MayBeWhiteSpace). Continuation bytes (80-BF) are never among them, so a text can be
// scanned byte by byte, decoding only at these.
struct SpaceStarts {
  bool at[256] = {};
  constexpr SpaceStarts() {
    for (int c : {' ', '\t', '\n', '\v', '\f', '\r'}) at[c] = true;
    for (int b = 0x80; b < 0x100; ++b) at[b] = MayBeWhiteSpace(static_cast<unsigned char>(b));
  }
};
constexpr SpaceStarts kSpaceStarts;

// Calls piece(p) for the pieces of `text` with each run of Unicode white space made one space and the ends
// trimmed: runs of other characters and the single spaces between them, in order.
template <typename Fn>
void ForEachCollapsedPiece(std::string_view text, Fn&& piece) {
  bool pending_space = false;
  bool any = false;
  int32_t i = 0;
  int32_t run = 0;  // start of the current run of non-space characters
  const auto len = static_cast<int32_t>(text.size());
  auto flush = [&](int32_t end) {
    if (end == run) return;
    if (pending_space && any) piece(std::string_view(" ", 1));
    pending_space = false;
    any = true;
    piece(text.substr(static_cast<size_t>(run), static_cast<size_t>(end - run)));
  };
  while (i < len) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (!kSpaceStarts.at[lead]) {
      ++i;
      continue;
    }
    const int32_t at = i;
    bool space = true;
    if (lead >= 0x80) {
      UChar32 c;
      U8_NEXT(text.data(), i, len, c);
      space = c >= 0 && u_isUWhiteSpace(c);
    } else {
      ++i;
    }
    if (space) {
      flush(at);
      pending_space = true;
      run = i;
    }
  }
  flush(len);
}

}  // namespace

// True when collapsing the white space of `text` leaves it as it is: no byte that may start white space
// but single ASCII spaces between other characters (most text, checked far faster than collapsed).
bool IsCollapsed(std::string_view text) {
  if (text.empty()) return true;
  if (text.front() == ' ' || text.back() == ' ') return false;
  bool after_space = false;
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: no \t-\r, no lead byte of non-ASCII white space (C2, E1-E3), no two spaces
  // in a row (within the block, or across from the last one).
  const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2));
  const __m128i space = _mm_set1_epi8(' ');
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i ctl = BytesInRange(v, '\t', 5);  // \t \n \v \f \r
    const __m128i lead = _mm_or_si128(_mm_cmpeq_epi8(v, c2), BytesInRange(v, 0xE1, 3));  // MayBeWhiteSpace
    if (_mm_movemask_epi8(_mm_or_si128(ctl, lead)) != 0) return false;
    const auto sp = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, space)));
    if ((sp & (sp >> 1)) != 0 || (after_space && (sp & 1u) != 0)) return false;
    after_space = (sp >> 15) != 0;
  }
#endif
  for (const char ch : text.substr(i)) {
    const auto c = static_cast<unsigned char>(ch);
    if (!kSpaceStarts.at[c]) {
      after_space = false;
      continue;
    }
    if (c != ' ' || after_space) return false;
    after_space = true;
  }
  return true;
}

void AppendCollapsedWhitespace(std::string_view text, std::string* out) {
  if (IsCollapsed(text)) {
    out->append(text.data(), text.size());
    return;
  }
  out->reserve(out->size() + text.size());
  ForEachCollapsedPiece(text, [&](std::string_view p) { out->append(p.data(), p.size()); });
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

// The finalizer constants of MurmurHash3.
uint64_t MemoHash(std::string_view s) {
  constexpr uint64_t kMul1 = 0xff51afd7ed558ccdULL;
  constexpr uint64_t kMul2 = 0xc4ceb9fe1a85ec53ULL;
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * kMul1;
    h ^= h >> 32;
  }
  uint64_t w = 0;
  if (i < s.size()) std::memcpy(&w, s.data() + i, s.size() - i);
  h = (h ^ w) * kMul2;
  h ^= h >> 29;
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

namespace {

// Each thread's memo of one language: chunk (text between ASCII white space) -> its keys joined by
// spaces, their number, its index terms, and (for the TermDictionary last used with it) their numbers.
// Tokenizing (ICU word breaks, then a normalization transliterator per token) is the bulk of an
// import's CPU time, and news text repeats its words (Zipf), so most chunks are hits. Exact, because no
// token spans ASCII white space (UAX #29 breaks on both sides of it; Tokenize drops it) and Tokenize keys
// a token from its own characters only.
//
// The memo is far bigger than the CPU caches, so a lookup's cost is its cache misses. Each entry is one
// record in an arena (header, chunk, words, terms, term numbers: read together), found through an
// open-addressing table of (hash tag, record offset); and a segment's chunks are looked up together,
// prefetching every slot, then every record, before reading any, so that the misses overlap instead of
// adding up.
class ChunkMemo {
 public:
  // One chunk's keys (views valid until the next lookup).
  struct Item {
    std::string_view words;
    std::string_view terms;
    const char* term_ids = nullptr;  // `n_terms` unaligned uint32_t: the terms' numbers (when asked for)
    int n_terms = 0;
    int count = 0;
    bool exact = true;  // no key held a space, so `words` splits back into the keys
    uint32_t TermId(int k) const {
      uint32_t v;
      std::memcpy(&v, term_ids + 4 * k, 4);
      return v;
    }
  };

  explicit ChunkMemo(Lang lang) : lang_(lang) {}

  // Calls fn(item) for each of `chunks`, in order; with `dict`, the items carry its term numbers.
  template <typename Fn>
  void ForEach(const std::vector<std::string_view>& chunks, TermDictionary* dict, Fn&& fn) {
    const size_t n = chunks.size();
    hashes_.resize(n);
    found_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      hashes_[i] = MemoHash(chunks[i]);
      if (!slots_.empty()) __builtin_prefetch(&slots_[hashes_[i] & (slots_.size() - 1)]);
    }
    for (size_t i = 0; i < n; ++i) {
      found_[i] = 0;
      if (slots_.empty()) continue;
      const uint64_t h = hashes_[i];
      const auto tag = static_cast<uint32_t>(h >> 32);
      for (size_t j = h & (slots_.size() - 1);; j = (j + 1) & (slots_.size() - 1)) {
        const uint64_t slot = slots_[j];
        if (slot == 0) break;
        if (static_cast<uint32_t>(slot >> 32) == tag) {
          found_[i] = static_cast<uint32_t>(slot);
          __builtin_prefetch(arena_.data() + found_[i] - 1);
          break;
        }
      }
    }
    for (size_t i = 0; i < n; ++i) {
      const uint32_t at = found_[i];
      if (at != 0 && RecordChunk(arena_, at - 1) == chunks[i]) {
        fn(Numbered(arena_, at - 1, dict));
      } else {
        fn(Slow(chunks[i], hashes_[i], dict));
      }
    }
  }

 private:
  // Memo size limits per thread and language: 48 MB of records, about 580k Arabic news chunks (83 bytes
  // a record on the 400k-TU synthetic benchmark, which has 430k distinct Arabic chunks), more than a
  // year of one agency's news holds, so it rarely stops growing; once full, new chunks are computed
  // without being kept (the words seen first are, by Zipf's law, mostly the frequent ones).
  static constexpr size_t kMaxArenaBytes = 48u << 20;
  // The arena's capacity: the limit and one record past it (at most 16 + 3 * 64K + 4 * 64K bytes).
  static constexpr size_t kArenaCapacity = kMaxArenaBytes + (512u << 10);
  static constexpr size_t kMinSlots = 1024;
  // Record header: chunk, words and terms lengths, key count (top bit: not exact), term count, 16 bits
  // each; then the serial of the dictionary the term numbers are from (0: none yet). A chunk whose parts
  // are longer than 16 bits say (a giant URL) is computed every time instead.
  static constexpr size_t kHeader = 16;
  static constexpr size_t kSerialAt = 12;  // the serial's offset in the header, after six 16-bit fields
  static constexpr uint32_t kMaxPart = 0xffff;
  static constexpr uint16_t kInexact = 0x8000;

  static uint16_t Field(const std::string& arena, size_t off, int k) {
    uint16_t v;
    std::memcpy(&v, arena.data() + off + 2 * k, 2);
    return v;
  }
  static uint32_t Serial(const std::string& arena, size_t off) {
    uint32_t v;
    std::memcpy(&v, arena.data() + off + kSerialAt, 4);
    return v;
  }
  static size_t RecordBytes(const std::string& arena, size_t off) {
    return kHeader + Field(arena, off, 0) + Field(arena, off, 1) + Field(arena, off, 2) + 4 * Field(arena, off, 4);
  }
  static std::string_view RecordChunk(const std::string& arena, size_t off) {
    return std::string_view(arena.data() + off + kHeader, Field(arena, off, 0));
  }
  static Item ItemAt(const std::string& arena, size_t off) {
    const uint16_t chunk_len = Field(arena, off, 0), words_len = Field(arena, off, 1);
    const uint16_t terms_len = Field(arena, off, 2), count = Field(arena, off, 3);
    const char* p = arena.data() + off + kHeader + chunk_len;
    Item item;
    item.words = std::string_view(p, words_len);
    item.terms = std::string_view(p + words_len, terms_len);
    item.term_ids = p + words_len + terms_len;
    item.n_terms = Field(arena, off, 4);
    item.count = count & ~kInexact;
    item.exact = (count & kInexact) == 0;
    return item;
  }

  // The record at `off`, its term numbers made `dict`'s first if they are another's.
  Item Numbered(std::string& arena, size_t off, TermDictionary* dict) {
    Item item = ItemAt(arena, off);
    if (dict == nullptr || Serial(arena, off) == dict->serial()) return item;
    ids_.clear();
    dict->InternAll(item.terms, &ids_);
    const uint32_t serial = dict->serial();
    char* p = arena.data() + off;
    std::memcpy(p + kSerialAt, &serial, 4);
    if (!ids_.empty()) std::memcpy(const_cast<char*>(item.term_ids), ids_.data(), 4 * ids_.size());
    return item;
  }

  // A chunk the prefetched probe did not settle: a full probe, else computed (and kept if there is room).
  Item Slow(std::string_view chunk, uint64_t h, TermDictionary* dict) {
    if (!slots_.empty()) {
      const auto tag = static_cast<uint32_t>(h >> 32);
      for (size_t j = h & (slots_.size() - 1);; j = (j + 1) & (slots_.size() - 1)) {
        const uint64_t slot = slots_[j];
        if (slot == 0) break;
        const uint32_t off = static_cast<uint32_t>(slot) - 1;
        if (static_cast<uint32_t>(slot >> 32) == tag && RecordChunk(arena_, off) == chunk) {
          return Numbered(arena_, off, dict);
        }
      }
    }
    const std::vector<std::string> keys = WordKeysUncached(chunk, lang_);
    const std::string words = JoinKeys(keys);
    const std::string terms = IndexTerms(words, lang_);
    bool exact = true;
    for (const std::string& k : keys) exact = exact && k.find(' ') == std::string::npos;
    const size_t n_terms = terms.empty() ? 0 : static_cast<size_t>(std::count(terms.begin(), terms.end(), ' ')) + 1;
    const bool fits = chunk.size() <= kMaxPart && words.size() <= kMaxPart && terms.size() <= kMaxPart &&
                      keys.size() < kInexact;
    const bool keep = fits && arena_.size() < kMaxArenaBytes;
    // All the room at once (address space only until used): growing by doubling would copy the records
    // into fresh memory again and again, and fresh pages are what costs.
    if (keep && arena_.capacity() < kArenaCapacity) {
      arena_.reserve(kArenaCapacity);
      AdviseHugePages(arena_.data(), arena_.capacity());
    }
    std::string& out = keep ? arena_ : scratch_;
    if (!keep) out.clear();
    const size_t off = out.size();
    const uint16_t header[6] = {static_cast<uint16_t>(chunk.size()), static_cast<uint16_t>(words.size()),
                                static_cast<uint16_t>(terms.size()),
                                static_cast<uint16_t>(keys.size() | (exact ? 0 : kInexact)),
                                static_cast<uint16_t>(n_terms), 0};
    const uint32_t no_serial = 0;
    out.append(reinterpret_cast<const char*>(header), sizeof header);
    out.append(reinterpret_cast<const char*>(&no_serial), sizeof no_serial);
    out.append(chunk.data(), chunk.size());
    out += words;
    out += terms;
    out.append(4 * n_terms, '\0');
    if (!fits) {
      // Lengths do not fit the header: hand out views of the computed strings' copy in scratch_.
      Item item;
      item.words = std::string_view(out.data() + off + kHeader + chunk.size(), words.size());
      item.terms = std::string_view(out.data() + off + kHeader + chunk.size() + words.size(), terms.size());
      item.count = static_cast<int>(keys.size());
      item.exact = exact;
      if (dict != nullptr) {
        ids_.clear();
        dict->InternAll(item.terms, &ids_);
        item.term_ids = reinterpret_cast<const char*>(ids_.data());
        item.n_terms = static_cast<int>(ids_.size());
      }
      return item;
    }
    if (keep) {
      ++records_;
      if (records_ * 2 > slots_.size()) {
        Rehash();
      } else {
        Place(h, off);
      }
    }
    return Numbered(out, off, dict);
  }

  void Place(uint64_t h, size_t off) {
    size_t j = h & (slots_.size() - 1);
    while (slots_[j] != 0) j = (j + 1) & (slots_.size() - 1);
    slots_[j] = (h >> 32 << 32) | static_cast<uint32_t>(off + 1);
  }

  void Rehash() {
    slots_.assign(std::max(kMinSlots, slots_.size() * 2), 0);
    for (size_t off = 0; off < arena_.size(); off += RecordBytes(arena_, off)) {
      Place(MemoHash(RecordChunk(arena_, off)), off);
    }
  }

  Lang lang_;
  BigVector<uint64_t> slots_;  // (hash >> 32) << 32 | (record offset + 1); 0 = empty
  size_t records_ = 0;
  std::string arena_;            // the records, back to back
  std::string scratch_;          // a record computed once the memo is full
  std::vector<uint64_t> hashes_;  // per lookup: each chunk's hash and tentative record
  std::vector<uint32_t> found_;
  std::vector<uint32_t> ids_;     // term numbers being made
};

ChunkMemo& MemoOf(Lang lang) {
  thread_local ChunkMemo ar(Lang::kAr);
  thread_local ChunkMemo en(Lang::kEn);
  return lang == Lang::kAr ? ar : en;
}

// The distinct terms appended to a string so far (open addressing over their offsets), for deduplicating
// a segment's index terms without a std::string per term.
class TermSet {
 public:
  // Forgets every term (for the next segment).
  void Reset() {
    ++generation_;
    size_ = 0;
  }
  // Adds `term` = out[off, off + len) unless an equal term is in; true if it was new.
  bool Insert(const std::string& out, uint32_t off, uint32_t len) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const std::string_view term(out.data() + off, len);
    const uint64_t h = MemoHash(term);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& s = slots_[i];
      if (s.generation != generation_) {
        s = {generation_, off, len, h};
        ++size_;
        return true;
      }
      if (s.hash == h && std::string_view(out.data() + s.off, s.len) == term) return false;
    }
  }

 private:
  struct Slot {
    uint64_t generation = 0;
    uint32_t off = 0, len = 0;
    uint64_t hash = 0;
  };
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), Slot());
    for (const Slot& s : old) {
      if (s.generation != generation_) continue;
      size_t i = s.hash & (slots_.size() - 1);
      while (slots_[i].generation == generation_) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  uint64_t generation_ = 1;
  size_t size_ = 0;
};

// Bit k set when byte k of the 64 at `p` is ASCII white space (IsAsciiSpace); bytes past `n` count as
// white space.
uint64_t SpaceMask64(const char* p, size_t n) {
  char block[64];
  if (n < 64) {
    std::memset(block, ' ', sizeof block);
    std::memcpy(block, p, n);
    p = block;
  }
#if defined(__SSE2__)
  // ' ', or \t \n \v \f \r (9-13).
  const __m128i space = _mm_set1_epi8(' ');
  uint64_t mask = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i is = _mm_or_si128(_mm_cmpeq_epi8(v, space), BytesInRange(v, '\t', 5));
    mask |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(is))) << (16 * k);
  }
  return mask;
#else
  uint64_t mask = 0;
  for (int k = 0; k < 64; ++k) mask |= static_cast<uint64_t>(IsAsciiSpace(p[k])) << k;
  return mask;
#endif
}

}  // namespace

// Sixty-four bytes at a time: every segment imported is scanned.
void SplitChunks(std::string_view text, std::vector<std::string_view>* out) {
  out->clear();
  const char* p = text.data();
  const size_t n = text.size();
  bool in_chunk = false;
  size_t start = 0;
  for (size_t base = 0; base < n; base += 64) {
    const uint64_t space = SpaceMask64(p + base, std::min<size_t>(64, n - base));
    // Look for the next chunk byte, or inside a chunk for the next white space, from bit `pos` on.
    unsigned pos = 0;
    while (pos < 64) {
      const uint64_t look = (in_chunk ? space : ~space) >> pos;
      if (look == 0) break;
      pos += static_cast<unsigned>(__builtin_ctzll(look));
      if (in_chunk) {
        out->emplace_back(p + start, base + pos - start);
      } else {
        start = base + pos;
      }
      in_chunk = !in_chunk;
    }
  }
  if (in_chunk) out->emplace_back(p + start, n - start);
}

std::vector<std::string> WordKeys(std::string_view text, Lang lang) {
  std::vector<std::string_view> chunks;
  SplitChunks(text, &chunks);
  std::vector<std::string> keys;
  size_t i = 0;
  MemoOf(lang).ForEach(chunks, nullptr, [&](const ChunkMemo::Item& item) {
    if (item.exact) {
      ForEachKey(item.words, [&](std::string_view k) { keys.emplace_back(k); });
    } else {
      for (std::string& k : WordKeysUncached(chunks[i], lang)) keys.push_back(std::move(k));
    }
    ++i;
  });
  return keys;
}

namespace {

// Term numbers already taken for one segment: open addressing over (stamp, number) slots, so that a new
// segment starts with one increment. A segment holds tens of terms, so the table stays in the L1 cache
// (an array indexed by term number, as big as the dictionary, missed the cache for most terms: a quarter
// of ComputeSegmentKeys' own time on the 400k-TU benchmark).
class IdSet {
 public:
  void Reset() {
    count_ = 0;
    if (++stamp_ == 0) {
      std::fill(slots_.begin(), slots_.end(), 0);
      stamp_ = 1;
    }
  }
  // True when `id` was not in the set yet (it is now).
  bool Insert(uint32_t id) {
    if (2 * (count_ + 1) > slots_.size()) Grow();
    const uint64_t want = uint64_t{stamp_} << 32 | id;
    const size_t mask = slots_.size() - 1;
    for (size_t j = Home(id); ; j = (j + 1) & mask) {
      const uint64_t slot = slots_[j];
      if (slot == want) return false;
      if ((slot >> 32) != stamp_) {
        slots_[j] = want;
        ++count_;
        return true;
      }
    }
  }

 private:
  size_t Home(uint32_t id) const {
    return static_cast<size_t>((uint64_t{id} * 0x9e3779b97f4a7c15ULL) >> (64 - bits_));
  }
  void Grow() {
    std::vector<uint64_t> old;
    old.swap(slots_);
    bits_ = old.empty() ? 8 : bits_ + 1;
    slots_.assign(size_t{1} << bits_, 0);
    count_ = 0;
    for (uint64_t slot : old) {
      if ((slot >> 32) == stamp_) Insert(static_cast<uint32_t>(slot));
    }
  }

  std::vector<uint64_t> slots_;
  int bits_ = 0;
  uint32_t stamp_ = 0;
  size_t count_ = 0;
};

}  // namespace

void ComputeSegmentKeys(std::string_view text, Lang lang, TermDictionary* dict, SegmentKeys* out) {
  thread_local TermSet seen;
  thread_local IdSet seen_ids;  // numbered terms already in this segment
  thread_local std::vector<std::string_view> chunks;
  SplitChunks(text, &chunks);
  out->words.clear();
  out->terms.clear();
  out->term_ids.clear();
  out->count = 0;
  // Keys are about as long as the text; terms (with Arabic stems) up to about twice that.
  out->words.reserve(text.size() + 1);
  if (dict == nullptr) out->terms.reserve(2 * text.size() + 1);
  seen.Reset();
  seen_ids.Reset();
  // Appends `term` to out->terms unless it is in already.
  auto add_text = [&](std::string_view term) {
    // Append tentatively (with its separator), keep it only if it is new.
    const size_t mark = out->terms.size();
    if (mark > 0) out->terms += ' ';
    const auto off = static_cast<uint32_t>(out->terms.size());
    out->terms.append(term.data(), term.size());
    if (!seen.Insert(out->terms, off, static_cast<uint32_t>(term.size()))) out->terms.resize(mark);
  };
  MemoOf(lang).ForEach(chunks, dict, [&](const ChunkMemo::Item& item) {
    if (!item.words.empty()) {
      if (!out->words.empty()) out->words += ' ';
      out->words += item.words;
    }
    out->count += item.count;
    if (dict == nullptr) {
      ForEachKey(item.terms, add_text);
      return;
    }
    for (int k = 0; k < item.n_terms; ++k) {
      const uint32_t id = item.TermId(k);
      if (id == TermDictionary::kNone) {
        // The dictionary is full: this term goes as text.
        add_text(SplitKeys(item.terms)[static_cast<size_t>(k)]);
        continue;
      }
      if (seen_ids.Insert(id)) out->term_ids.push_back(id);
    }
  });
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
  ForEachKey(joined, [&](std::string_view key) { out.push_back(key); });
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
  // Terms already out: looked for in a short list (a chunk of the import's memo has a term or a few;
  // a hash set allocated per call was most of this function's time), a hash set for long texts.
  constexpr size_t kFewTerms = 16;
  std::vector<std::string> few;
  std::unordered_set<std::string> many;
  auto add = [&](std::string term) {
    if (term.empty()) return;
    if (many.empty() && few.size() < kFewTerms) {
      if (std::find(few.begin(), few.end(), term) != few.end()) return;
      few.push_back(term);
    } else {
      if (many.empty()) many.insert(few.begin(), few.end());
      if (!many.insert(term).second) return;
    }
    if (!out.empty()) out += ' ';
    out += term;
  };
  for (std::string_view key : SplitKeys(joined_words)) {
    add(FtsTerm(key));
    for (const std::string& stem : ProcliticStems(key, lang)) add(FtsTerm(stem));
  }
  return out;
}

namespace {

// A tuv's part of the duplicate key up to its text: the language tag in ASCII lower case, then the unit
// separator.
void AssignTagPart(std::string_view lang, std::string* out) {
  out->assign(lang);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  *out += '\x1f';
}

}  // namespace

void DupKeyOf(const TranslationUnit& tu, std::string* out) {
  thread_local std::vector<std::string> parts;
  thread_local std::vector<const std::string*> order;
  if (parts.size() < tu.tuvs.size()) parts.resize(tu.tuvs.size());
  order.clear();
  for (size_t i = 0; i < tu.tuvs.size(); ++i) {
    const Tuv& v = tu.tuvs[i];
    std::string& part = parts[i];
    AssignTagPart(v.lang, &part);
    AppendCollapsedWhitespace(v.text, &part);
    order.push_back(&part);
  }
  std::sort(order.begin(), order.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  out->clear();
  for (const std::string* p : order) {
    *out += *p;
    *out += '\x1e';
  }
}

uint64_t DupHashOf(const TranslationUnit& tu) {
  thread_local std::string key;
  DupKeyOf(tu, &key);
  return XXH3_64bits(key.data(), key.size());
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
