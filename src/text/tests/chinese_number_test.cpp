#include "lizheng/text/chinese_number.hpp"

#include <gtest/gtest.h>

#include <string>

#include "lizheng/text/utf8.hpp"

namespace lizheng::text {
namespace {

struct Expect {
  const char* text;
  double value;
  std::size_t length;  // code points
  bool approximate;
};

TEST(ChineseNumberTest, ParsesDigitsNumeralsAndApproximateForms) {
  const Expect cases[] = {
      {"200名工人", 200, 3, false},   {"１２０户", 120, 3, false},   {"1,200户", 1200, 5, false},
      {"1.2万人", 12000, 4, false},   {"3千多名", 3000, 3, true},    {"300多名", 300, 4, true},
      {"两百名", 200, 2, false},      {"二百五十人", 250, 4, false}, {"两百五", 250, 3, false},
      {"三千五百户", 3500, 4, false}, {"一万二", 12000, 3, false},   {"十五个", 15, 2, false},
      {"十几户", 12, 2, true},        {"二十几名", 22, 3, true},     {"三四百人", 300, 3, true},
      {"几十名", 20, 2, true},        {"几千名业主", 2000, 2, true}, {"好几百", 200, 3, true},
      {"数十名", 20, 2, true},        {"数百户", 200, 2, true},      {"上百户", 100, 2, true},
      {"上千人", 1000, 2, true},      {"上百万", 1e6, 3, true},      {"近百名", 90, 2, true},
      {"近200名", 180, 4, true},      {"百余名", 100, 2, true},      {"千余户", 1000, 2, true},
      {"成百上千的", 100, 4, true},   {"数以万计", 1e4, 4, true},    {"一百零八", 108, 4, false},
  };
  for (const Expect& e : cases) {
    SCOPED_TRACE(e.text);
    const std::u32string s = DecodeUtf8(e.text);
    const auto n = ParseChineseNumber(s, 0);
    ASSERT_TRUE(n.has_value());
    EXPECT_DOUBLE_EQ(n->value, e.value);
    EXPECT_EQ(n->length, e.length);
    EXPECT_EQ(n->approximate, e.approximate);
  }
}

TEST(ChineseNumberTest, WordsThatOnlyLookLikeNumbersAreNot) {
  for (const char* text :
       {"百姓", "千万不要", "万一", "几点", "上面", "数量", "近期", "好的", "", "A栋"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(ParseChineseNumber(DecodeUtf8(text), 0).has_value());
  }
}

TEST(ChineseNumberTest, ParsesAtAnOffsetAndStopsAtTheEnd) {
  const std::u32string s = DecodeUtf8("拖欠200");
  const auto n = ParseChineseNumber(s, 2);
  ASSERT_TRUE(n.has_value());
  EXPECT_DOUBLE_EQ(n->value, 200);
  EXPECT_EQ(n->length, 3u);
  EXPECT_FALSE(ParseChineseNumber(s, s.size()).has_value());
}

}  // namespace
}  // namespace lizheng::text
