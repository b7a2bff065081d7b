// Internal: a map from 64-bit hashes to 64-bit values in one flat array (open addressing, linear
// probing): 16 bytes per entry at worst load 1/2, i.e. 32 bytes per entry, against ~60 for a
// std::unordered_map node. For the per-TU bookkeeping that must scale to millions of TUs (generated tuids
// kept unique, duplicate tuids found by `tmx validate`).
#ifndef NAZIR_TMX_SRC_U64_MAP_H_
#define NAZIR_TMX_SRC_U64_MAP_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace nazir::tmx::internal {

class U64Map {
 public:
  // Inserts key -> value unless `key` is there; returns the value stored for `key` and whether it was
  // inserted now.
  std::pair<uint64_t, bool> Insert(uint64_t key, uint64_t value) {
    if (key == kEmpty) key = 1;  // kEmpty marks a free slot; 0 and 1 share a slot (a 2^-64 event)
    if (2 * (size_ + 1) > slots_.size()) Grow();
    const size_t mask = slots_.size() - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
      if (slots_[i].first == key) return {slots_[i].second, false};
      if (slots_[i].first == kEmpty) {
        slots_[i] = {key, value};
        ++size_;
        return {value, true};
      }
    }
  }
  size_t size() const { return size_; }

 private:
  static constexpr uint64_t kEmpty = 0;
  static constexpr size_t kInitialSlots = 1024;

  void Grow() {
    std::vector<std::pair<uint64_t, uint64_t>> old = std::move(slots_);
    slots_.assign(old.empty() ? kInitialSlots : 2 * old.size(), {kEmpty, 0});
    size_ = 0;
    for (const auto& [k, v] : old) {
      if (k != kEmpty) Insert(k, v);
    }
  }

  std::vector<std::pair<uint64_t, uint64_t>> slots_;
  size_t size_ = 0;
};

}  // namespace nazir::tmx::internal

#endif  // NAZIR_TMX_SRC_U64_MAP_H_
