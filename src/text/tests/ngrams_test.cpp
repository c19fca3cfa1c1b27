#include "lizheng/text/ngrams.hpp"

#include <gtest/gtest.h>

namespace lizheng::text {
namespace {

using Strings = std::vector<std::string>;

TEST(NgramsTest, UnigramsToTrigrams) {
  EXPECT_EQ(CharNgrams("停车费", 1, 3), (Strings{"停", "停车", "停车费", "车", "车费", "费"}));
  EXPECT_EQ(CharNgrams("停车费", 2, 2), (Strings{"停车", "车费"}));
}

TEST(NgramsTest, NeverCrossWhiteSpace) {
  EXPECT_EQ(CharNgrams("ab c", 2, 3), (Strings{"ab"}));
  EXPECT_EQ(CharNgrams("  ", 1, 2), Strings{});
  EXPECT_EQ(CharNgrams("", 1, 3), Strings{});
}

TEST(NgramsTest, ShortTextGivesOnlyWhatFits) {
  EXPECT_EQ(CharNgrams("市", 1, 3), (Strings{"市"}));
  EXPECT_EQ(CharNgrams("市", 2, 3), Strings{});
}

TEST(NgramsTest, CallbackReportsOffsets) {
  std::vector<std::pair<std::size_t, std::size_t>> seen;
  ForEachCharNgram(U"ab", 1, 2, [&](std::size_t b, std::size_t n) { seen.emplace_back(b, n); });
  EXPECT_EQ(seen, (std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}, {0, 2}, {1, 1}}));
}

}  // namespace
}  // namespace lizheng::text
