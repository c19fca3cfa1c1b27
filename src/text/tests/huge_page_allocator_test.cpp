#include "lizheng/text/huge_page_allocator.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

namespace lizheng::text {
namespace {

std::uintptr_t Address(const void* p) {
  return reinterpret_cast<std::uintptr_t>(p);
}

TEST(HugePageAllocatorTest, LargeTablesAreHugePageAligned) {
  std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> table(std::size_t{1} << 19);
  EXPECT_EQ(Address(table.data()) % (std::size_t{2} << 20), 0u);
  std::iota(table.begin(), table.end(), 0u);
  EXPECT_EQ(table.back(), table.size() - 1);
}

TEST(HugePageAllocatorTest, SmallTablesAreCacheLineAligned) {
  std::vector<float, HugePageAllocator<float>> table(100, 1.5f);
  EXPECT_EQ(Address(table.data()) % 64, 0u);
  table.resize(1u << 20);  // grows past 2 MiB: the old block is freed
  EXPECT_EQ(table[99], 1.5f);
  EXPECT_EQ(Address(table.data()) % (std::size_t{2} << 20), 0u);
}

}  // namespace
}  // namespace lizheng::text
