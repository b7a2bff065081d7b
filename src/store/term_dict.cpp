#include "term_dict.h"

#include <algorithm>
#include <cstring>

#include "tu_keys.h"

namespace nazir::store::internal {
namespace {

std::atomic<uint32_t> next_serial{1};

// A serial no dictionary had (0 means "no numbers" to the memos; it is skipped when the count wraps).
uint32_t NewSerial() {
  uint32_t s = next_serial.fetch_add(1, std::memory_order_relaxed);
  while (s == 0) s = next_serial.fetch_add(1, std::memory_order_relaxed);
  return s;
}

}  // namespace

TermDictionary::TermDictionary(uint32_t max_terms)
    : max_terms_(std::min(max_terms, kNone - 1)),
      serial_(NewSerial()),
      pages_(new std::unique_ptr<Entry[]>[max_terms_ / kPageSize + 1]) {}

TermDictionary::~TermDictionary() = default;

void TermDictionary::Grow() {
  BigVector<uint64_t> bigger(slots_.empty() ? size_t{1} << 16 : slots_.size() * 2, 0);
  const size_t mask = bigger.size() - 1;
  const uint32_t n = size_.load(std::memory_order_relaxed);
  for (uint32_t id = 0; id < n; ++id) {
    const uint64_t h = EntryOf(id).hash;
    size_t at = h & mask;
    while (bigger[at] != 0) at = (at + 1) & mask;
    bigger[at] = (h >> 32 << 32) | (static_cast<uint64_t>(id) + 1);
  }
  slots_.swap(bigger);
}

// The slot of `term`: holding it, or the empty one where it would go.
size_t TermDictionary::Find(std::string_view term, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const uint64_t tag = hash >> 32;
  size_t at = hash & mask;
  for (;; at = (at + 1) & mask) {
    const uint64_t slot = slots_[at];
    if (slot == 0) return at;
    if (slot >> 32 == tag && Term(static_cast<uint32_t>(slot - 1)) == term) return at;
  }
}

uint32_t TermDictionary::InternLocked(std::string_view term, uint64_t hash) {
  const uint32_t n = size_.load(std::memory_order_relaxed);
  if (slots_.empty()) Grow();
  size_t at = Find(term, hash);
  if (slots_[at] != 0) return static_cast<uint32_t>(slots_[at] - 1);
  if (n >= max_terms_) return kNone;
  // A new term: grow first if the table would be more than half full (only then: a full dictionary
  // keeps its table).
  if ((static_cast<size_t>(n) + 1) * 2 > slots_.size()) {
    Grow();
    at = Find(term, hash);
  }
  const uint64_t tag = hash >> 32;
  // The text: in the current block, or a new one (a term longer than a block gets one of its own).
  if (blocks_.empty() || block_used_ + term.size() > kTextBlock) {
    blocks_.emplace_back(new char[std::max(kTextBlock, term.size())]);
    block_used_ = 0;
  }
  char* text = blocks_.back().get() + block_used_;
  if (!term.empty()) std::memcpy(text, term.data(), term.size());
  block_used_ += term.size();
  if (term.size() > kTextBlock) block_used_ = kTextBlock;  // that block is full
  std::unique_ptr<Entry[]>& page = pages_[n >> kPageBits];
  if (!page) page.reset(new Entry[kPageSize]);
  page[n & (kPageSize - 1)] = Entry{text, static_cast<uint32_t>(term.size()), hash};
  slots_[at] = (tag << 32) | (static_cast<uint64_t>(n) + 1);
  size_.store(n + 1, std::memory_order_release);
  return n;
}

uint32_t TermDictionary::Intern(std::string_view term) {
  const uint64_t hash = MemoHash(term);
  std::lock_guard<std::mutex> lock(mu_);
  return InternLocked(term, hash);
}

void TermDictionary::InternAll(std::string_view terms, std::vector<uint32_t>* ids) {
  // Hashed before the lock; then every slot, and every entry a tag points at, is fetched before any is
  // read, so that a chunk's cache misses overlap (most of its terms are in already).
  thread_local std::vector<std::pair<std::string_view, uint64_t>> probes;
  probes.clear();
  ForEachKey(terms, [&](std::string_view term) { probes.emplace_back(term, MemoHash(term)); });
  std::lock_guard<std::mutex> lock(mu_);
  if (!slots_.empty()) {
    const size_t mask = slots_.size() - 1;
    for (const auto& p : probes) __builtin_prefetch(&slots_[p.second & mask]);
    for (const auto& p : probes) {
      const uint64_t slot = slots_[p.second & mask];
      if (slot != 0 && slot >> 32 == p.second >> 32) {
        const auto id = static_cast<uint32_t>(slot - 1);
        __builtin_prefetch(&EntryOf(id));
      }
    }
  }
  for (const auto& p : probes) ids->push_back(InternLocked(p.first, p.second));
}

void TermDictionary::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  // The directory's pages stay (entries are rewritten before they are read again). A new serial: numbers
  // a memo kept from before mean nothing now.
  blocks_.clear();
  block_used_ = kTextBlock;
  std::fill(slots_.begin(), slots_.end(), 0);
  serial_ = NewSerial();
  size_.store(0, std::memory_order_release);
}

}  // namespace nazir::store::internal
