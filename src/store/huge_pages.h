// Internal: transparent huge pages for the big tables an import reads at random.
//
// The chunk memos, the term dictionary's hash table and the word index writer's counters and term lists
// run to tens of megabytes and are read at random: with 4 KB pages most reads miss the TLB, and every
// fresh page is a page fault. Backed by 2 MB pages (Linux THP, which Debian leaves to madvise; ~100 MB
// of them during the 400k-TU benchmark import), that import used 8% less CPU (median 11.8 against
// 12.8 s, 6 interleaved rounds; scripts/bench_import_ab.py). Best effort: elsewhere, or when the kernel
// says no, the memory is ordinary memory.
#ifndef NAZIR_SRC_STORE_HUGE_PAGES_H_
#define NAZIR_SRC_STORE_HUGE_PAGES_H_

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

namespace nazir::store::internal {

inline constexpr size_t kHugePage = size_t{2} << 20;

// Asks for huge pages over the whole 2 MB pages inside [p, p + n).
void AdviseHugePages(const void* p, size_t n);

// Allocates blocks of 2 MB and more 2 MB-aligned and advised for huge pages; smaller ones as usual.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT(google-explicit-constructor): allocator rebind

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return std::allocator<T>().allocate(n);
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
    AdviseHugePages(p, rounded);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHugePage) {
      std::allocator<T>().deallocate(p, n);
    } else {
      std::free(p);
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
  template <typename U>
  bool operator!=(const HugePageAllocator<U>&) const { return false; }
};

// A vector whose big buffers get huge pages.
template <typename T>
using BigVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace nazir::store::internal

#endif  // NAZIR_SRC_STORE_HUGE_PAGES_H_
