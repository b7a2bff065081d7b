// Internal: index terms numbered once, so that the word index writer buffers (term number, TU id) pairs
// instead of hashing and probing a string per pair.
//
// A store's PostingWriter owns one TermDictionary for its lifetime. The threads that prepare TUs for an
// import number their terms through it (Store::PrepareTu): each thread's chunk memo (tu_keys.cpp) keeps
// a chunk's term numbers next to its keys, so a term is looked up here once per distinct chunk, not
// once per occurrence. Bounded: once kMaxTerms are in, Intern() says kNone and the caller passes the
// term as a string instead (the writer numbers those itself, per flush).
#ifndef NAZIR_SRC_STORE_TERM_DICT_H_
#define NAZIR_SRC_STORE_TERM_DICT_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "huge_pages.h"

namespace nazir::store::internal {

class TermDictionary {
 public:
  static constexpr uint32_t kNone = 0xffffffffu;
  // Memory: a term's text, 24 bytes of directory entry and 16-32 of hash slots here, and about 40 more
  // in the writer (its byte-ordered list and counters): ~200 MB for 2M terms of ~10 bytes. A corpus
  // with more distinct terms is indexed all the same, its later new terms passed as text.
  static constexpr uint32_t kDefaultMaxTerms = 1u << 21;

  explicit TermDictionary(uint32_t max_terms = kDefaultMaxTerms);
  TermDictionary(const TermDictionary&) = delete;
  TermDictionary& operator=(const TermDictionary&) = delete;
  ~TermDictionary();

  // The number of `term` (numbers are dense from 0, in order of first Intern), or kNone when the
  // dictionary is full and does not hold it. Thread-safe. max_terms is kept below kNone.
  uint32_t Intern(std::string_view term);
  // Numbers every term of `terms` (separated by single spaces) into `ids`, appended; one lock for all.
  void InternAll(std::string_view terms, std::vector<uint32_t>* ids);

  // The text of term `id`. Safe without a lock for any id this thread got from Intern, directly or
  // handed over through a mutex (a queue), and for any id below a size() it read (the release/acquire
  // pair on the size publishes the entry): a term's text and entry never move once written.
  std::string_view Term(uint32_t id) const {
    const Entry& e = EntryOf(id);
    return std::string_view(e.text, e.length);
  }

  // Hints that Term(id) will be read soon: the directory entry (Entry), or the text (its entry read).
  void PrefetchEntry(uint32_t id) const { __builtin_prefetch(&EntryOf(id)); }
  void PrefetchText(uint32_t id) const { __builtin_prefetch(EntryOf(id).text); }

  // Terms numbered so far (every id below it is valid).
  uint32_t size() const { return size_.load(std::memory_order_acquire); }

  // Distinct for every dictionary the process makes and after every Clear() (never 0), so a memo can
  // tell whose numbers it holds.
  uint32_t serial() const { return serial_; }

  // Forgets every term and takes a new serial (the caller makes sure no other thread uses the dictionary
  // meanwhile).
  void Clear();

 private:
  static constexpr int kPageBits = 16;
  static constexpr uint32_t kPageSize = 1u << kPageBits;
  static constexpr size_t kTextBlock = 1u << 20;

  struct Entry {
    const char* text;
    uint32_t length;
    uint64_t hash;  // MemoHash(text), for growing the table without reading the text
  };

  const Entry& EntryOf(uint32_t id) const { return pages_[id >> kPageBits][id & (kPageSize - 1)]; }
  uint32_t InternLocked(std::string_view term, uint64_t hash);
  size_t Find(std::string_view term, uint64_t hash) const;
  void Grow();

  const uint32_t max_terms_;  // below kNone
  uint32_t serial_;
  std::mutex mu_;
  std::atomic<uint32_t> size_{0};
  std::unique_ptr<std::unique_ptr<Entry[]>[]> pages_;  // max_terms_ / kPageSize + 1 pages, made as needed
  std::vector<std::unique_ptr<char[]>> blocks_;       // the terms' text
  size_t block_used_ = kTextBlock;                    // bytes used in blocks_.back()
  // Open addressing: 0 = empty, else hash's top 32 bits << 32 | (id + 1); at most half full.
  BigVector<uint64_t> slots_;
};

}  // namespace nazir::store::internal

#endif  // NAZIR_SRC_STORE_TERM_DICT_H_
