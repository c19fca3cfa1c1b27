#include "lizheng/text/huge_page_allocator.hpp"

#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace lizheng::text {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kCacheLine = 64;

// Large blocks are rounded up to whole huge pages, so that the last one is
// not shared with another allocation.
std::size_t Rounded(std::size_t bytes) {
  return bytes >= kHugePage ? (bytes + kHugePage - 1) / kHugePage * kHugePage : bytes;
}

std::align_val_t Alignment(std::size_t rounded) {
  return std::align_val_t{rounded >= kHugePage ? kHugePage : kCacheLine};
}

}  // namespace

void* AllocateTableMemory(std::size_t bytes) {
  const std::size_t rounded = Rounded(bytes);
  void* p = ::operator new(rounded, Alignment(rounded));
#if defined(MADV_HUGEPAGE)
  // Only a hint: when refused the table still works with small pages.
  if (rounded >= kHugePage) (void)madvise(p, rounded, MADV_HUGEPAGE);
#endif
  return p;
}

void FreeTableMemory(void* p, std::size_t bytes) noexcept {
  // The unsized aligned form: the sized one is declared only with sized
  // deallocation, which clang before 19 leaves off by default.
  ::operator delete(p, Alignment(Rounded(bytes)));
}

}  // namespace lizheng::text
