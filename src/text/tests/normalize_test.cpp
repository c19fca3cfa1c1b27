#include "lizheng/text/normalize.hpp"

#include <gtest/gtest.h>

namespace lizheng::text {
namespace {

TEST(NormalizeTest, FoldsFullWidthAsciiAndLowerCases) {
  EXPECT_EQ(NormalizeText("ＡＢＣ１２３！"), "abc123!");
  EXPECT_EQ(NormalizeText("iPhone12 手机"), "iphone12 手机");
  // Chinese punctuation outside the full-width ASCII block is kept.
  EXPECT_EQ(NormalizeText("你好，世界。"), "你好,世界。");
}

TEST(NormalizeTest, CollapsesWhiteSpace) {
  EXPECT_EQ(NormalizeText("  a \t\t b\u3000\u3000c  "), "a b c");
  EXPECT_EQ(NormalizeText("第一行 \r\n\r\n  第二行"), "第一行\n第二行");
  EXPECT_EQ(NormalizeText(" \n\t "), "");
}

TEST(NormalizeTest, LiteralBackslashNIsALineBreak) {
  EXPECT_EQ(NormalizeText("尊敬的领导：\\n您好"), "尊敬的领导:\n您好");
  EXPECT_EQ(NormalizeText("a\\n\\n b"), "a\nb");
  // A backslash before anything else stays.
  EXPECT_EQ(NormalizeText("c:\\temp"), "c:\\temp");
  NormalizeOptions keep;
  keep.literal_backslash_n = false;
  EXPECT_EQ(NormalizeText("a\\nb", keep), "a\\nb");
}

TEST(NormalizeTest, OptionsSwitchStepsOff) {
  NormalizeOptions options;
  options.fold_full_width = false;
  options.lower_ascii = false;
  EXPECT_EQ(NormalizeText("ＡB", options), "ＡB");
}

TEST(NormalizeTest, RemovesZeroWidthAndReplacesInvalidBytes) {
  EXPECT_EQ(NormalizeText("\xEF\xBB\xBF" "a\u200Bb"), "ab");
  EXPECT_EQ(NormalizeText("a\xFF"), "a\xEF\xBF\xBD");
}

TEST(NormalizeTest, CodePointFormMatchesStringForm) {
  EXPECT_EQ(NormalizeToCodePoints("Ａ 市"), (std::u32string{U'a', U' ', U'市'}));
}

}  // namespace
}  // namespace lizheng::text
