// Internal: the TM's word index, an inverted index of our own kept in SQLite tables.
//
// For each side (Arabic, English) it maps an index term (IndexTerms(), tu_keys.h) to the ascending ids of
// the TUs holding it. Writes are buffered in memory (Add) and written by Flush() as one immutable
// segment: the segment's terms in byte order, cut into blocks of about kBlockBytes, one row per block
// keyed by (side, segment, first term) -- so a flush appends a few hundred rows, never touches older
// pages, and a term is found with one B-tree probe per segment. Segments are merged in tiers (kFanout of
// one level make one of the next), which keeps their number logarithmic in the index size.
//
// Tables: tu_index_seg(seg, level), tu_index_block(side, seg, first_term, data) and
// tu_index_long(side, seg, term, ids), made by the store's schema migration 2 (store.cpp).
//
// Block format: entries in term order, each
//   varint term length, term bytes, varint n (ids), varint byte length of the ids, ids
// where ids are varints: the first id, then the gaps to the next ones. Ids longer than ~1 KB (a frequent
// word's) are in tu_index_long instead and the entry has 0 bytes of ids: a block stays a few KB, and a
// document frequency is read without the ids. A term's ids in a newer segment
// are all larger than in an older one (TU ids only grow; a deleted TU's ids are taken out of the index),
// so a term's postings across segments in segment order are ascending.
//
// Why not FTS5 (schema 1): its in-memory hash took two thirds of the import's single writer thread even
// with detail=none, and its segment merges grow with the index. Here the pairs come with their terms
// already numbered (term_dict.h), a flush orders the distinct terms once and writes a few hundred blocks;
// on the 400k-TU benchmark the import used a quarter to a third less CPU than with FTS5, and lookups were
// no slower (scripts/bench_tm.sh; figures in README).
#ifndef NAZIR_SRC_STORE_POSTING_INDEX_H_
#define NAZIR_SRC_STORE_POSTING_INDEX_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nazir/base/status.h"
#include "nazir/store/sqlite.h"
#include "huge_pages.h"
#include "term_dict.h"

namespace nazir::store::internal {

// The side of a TU a term was indexed from.
enum class IndexSide : int { kAr = 0, kEn = 1 };

// Buffers (term, TU id) pairs and writes them as segments. One per store connection; not thread-safe,
// except terms(), which the threads preparing TUs number their terms with (Store::PrepareTu).
class PostingWriter {
 public:
  // max_terms: the dictionary's bound (tests make it small to exercise terms passed as text).
  explicit PostingWriter(uint32_t max_terms = TermDictionary::kDefaultMaxTerms)
      : terms_(std::min(max_terms, kOverflow - 1)) {}

  // The dictionary AddNumbered's term numbers are from; lives as long as the writer.
  TermDictionary& terms() { return terms_; }

  // Adds every term of `terms` (terms separated by single spaces, each at most once) for TU `id`. Ids
  // must be added in increasing order and be larger than every id already in the index.
  void Add(int64_t id, IndexSide side, std::string_view terms);
  // The same for terms numbered by terms() (each at most once), and `other_terms` as in Add (the ones
  // the dictionary could not number once full).
  void AddNumbered(int64_t id, IndexSide side, const std::vector<uint32_t>& term_ids, std::string_view other_terms);

  // Pairs buffered since the last Flush.
  size_t pending() const { return ids_[0].size() + ids_[1].size(); }

  // Writes the buffered pairs as a new segment (nothing when none are buffered), then merges segments
  // when a level is full. Call inside the transaction that added the TUs.
  Status Flush(Database& db);

  // Forgets the buffered pairs (after a rollback).
  void Discard();

 private:
  // A buffered pair's term: a number in terms_, or with this bit, in overflow_.
  static constexpr uint32_t kOverflow = 0x80000000u;
  static_assert(TermDictionary::kDefaultMaxTerms < kOverflow, "term numbers must leave the overflow bit free");

  std::string_view Text(uint32_t ref) const {
    return (ref & kOverflow) ? overflow_.Term(ref & ~kOverflow) : terms_.Term(ref);
  }
  uint32_t& Count(int side, uint32_t ref) {
    return (ref & kOverflow) ? overflow_count_[side][ref & ~kOverflow] : count_[side][ref];
  }
  // Zeroes the counters if a flush failed half-way.
  void ZeroCounts();
  // Puts order_ (each side's distinct terms, counted) in byte order; n: terms_.size() when they were counted.
  void OrderTerms(uint32_t n);
  Status FlushSide(Database& db, int side, int64_t seg);

  TermDictionary terms_;
  // Terms that did not fit terms_, numbered for one flush.
  TermDictionary overflow_{kOverflow - 1};
  BigVector<uint32_t> refs_[2];  // per side and buffered pair: its term
  BigVector<int64_t> ids_[2];    // per side and buffered pair: its TU id (ascending)
  // Flush's work space, kept between flushes (fresh pages cost more than the work).
  BigVector<uint32_t> count_[2];  // per side and term number: its pairs, then where its ids go
  std::vector<uint32_t> overflow_count_[2];
  bool counts_dirty_ = false;        // a flush failed half-way: the counters are not all zero
  struct Keyed {
    // The term's first 12 bytes, big-endian, zero-padded (8 in prefix, 4 in prefix2): they order most
    // pairs of terms alone, without reading either text (12 bytes fill the struct's padding: 16 bytes).
    // Neighbours in byte order share prefixes: with 8 bytes, merging a flush's new terms into known_ read
    // two texts from anywhere in the dictionary for most comparisons; 12 halved that merge's time
    // (0.23 -> 0.12 s over the 400k-TU benchmark import).
    uint64_t prefix;
    uint32_t prefix2;
    uint32_t ref;
  };
  static Keyed KeyOf(std::string_view text, uint32_t ref);
  BigVector<Keyed> order_[2];
  BigVector<int64_t> sorted_;
  // Every term of terms_ numbered below known_upto_, in byte order (brought up to date when needed).
  BigVector<Keyed> known_;
  uint32_t known_upto_ = 0;
  BigVector<Keyed> fresh_, merged_;
};

// Reads postings. Cheap to create; caches the segment list and statements for its lifetime (one lookup).
class PostingReader {
 public:
  explicit PostingReader(Database& db) : db_(db) {}

  // TUs holding `term` (document frequency).
  StatusOr<int64_t> DocFreq(IndexSide side, std::string_view term);
  // Appends the ids of the TUs holding `term`, ascending.
  Status Postings(IndexSide side, std::string_view term, std::vector<int64_t>* ids);
  // Appends the ids of the TUs holding a term that starts with `prefix` (unsorted, may repeat).
  Status PrefixPostings(IndexSide side, std::string_view prefix, std::vector<int64_t>* ids);

  // The SQL of the statements the reader runs (for query plans).
  static std::vector<std::string> Sql();

 private:
  Status LoadSegments();

  Database& db_;
  bool loaded_ = false;
  std::vector<int64_t> segments_;
  std::string block_;
};

// Takes TU `id` out of the postings of every term of `terms` (as given to Add for it).
Status RemoveFromIndex(Database& db, int64_t id, IndexSide side, std::string_view terms);

// A digest of a set of (side, term, TU id) pairs: their number and the sum of their hashes, so that two
// sets can be compared in one pass over each without holding either.
struct IndexDigest {
  int64_t pairs = 0;
  uint64_t sum = 0;
  void Add(IndexSide side, std::string_view term, int64_t id);
  bool operator==(const IndexDigest& o) const { return pairs == o.pairs && sum == o.sum; }
};

// The digest of every pair the index holds; fails when a block is damaged, a segment's terms are out of
// order or a term's ids are not ascending.
StatusOr<IndexDigest> DigestIndex(Database& db);

// Empties the index (every segment).
Status ClearIndex(Database& db);

// Merges every segment into one (after a rebuild, or to make lookups touch one segment).
Status OptimizeIndex(Database& db);

}  // namespace nazir::store::internal

#endif  // NAZIR_SRC_STORE_POSTING_INDEX_H_
