// An allocator for large read-mostly lookup tables that are probed at
// random: the segmenter's dictionary trie, and the classifier's feature
// index and weights in insight. Blocks of 2 MiB and more are 2 MiB-aligned
// and marked for transparent huge pages, so that a probe over tens of
// megabytes does not also miss the TLB (on a virtual machine a page walk
// costs about as much as the cache miss itself). Smaller blocks come from
// the ordinary operator new, cache-line aligned. Where the kernel refuses
// huge pages the tables work as before, only slower. Stateless; any thread.
//
// In text's public headers because text owns the largest such table and
// insight, which has the others, depends on text.
#pragma once

#include <cstddef>

namespace lizheng::text {

// The memory behind HugePageAllocator: `bytes` aligned as described above;
// throws std::bad_alloc when out of memory. Free with the same size.
void* AllocateTableMemory(std::size_t bytes);
void FreeTableMemory(void* p, std::size_t bytes) noexcept;

template <class T>
class HugePageAllocator {
 public:
  static_assert(alignof(T) <= 64, "blocks are only cache-line aligned");
  using value_type = T;

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}  // NOLINT: rebinding

  T* allocate(std::size_t n) { return static_cast<T*>(AllocateTableMemory(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { FreeTableMemory(p, n * sizeof(T)); }

  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

}  // namespace lizheng::text
