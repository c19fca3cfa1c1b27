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

TEST(NormalizeTest, MalformedThreeByteSequencesBecomeReplacements) {
  // Truncated, overlong and surrogate forms: one U+FFFD per bad byte, as
  // DecodeUtf8 gives, around well-formed characters.
  EXPECT_EQ(NormalizeToCodePoints("市\xE5\xB8"), (std::u32string{U'市', 0xFFFD, 0xFFFD}));
  EXPECT_EQ(NormalizeToCodePoints("\xE0\x80\xAF市"),
            (std::u32string{0xFFFD, 0xFFFD, 0xFFFD, U'市'}));
  EXPECT_EQ(NormalizeToCodePoints("\xED\xA0\x80"), (std::u32string{0xFFFD, 0xFFFD, 0xFFFD}));
  // Three-byte characters outside the ideographs still get every step.
  EXPECT_EQ(NormalizeText("ａ\u3000\u3000ｂ\u200B"), "a b");
}

TEST(NormalizeTest, NormalizeIntoReusesItsBuffer) {
  std::u32string buffer;
  const std::string long_text = "市民反映：Ａ区 \\n 某小区停水三天了";
  const std::string short_text = "停电";
  EXPECT_EQ(NormalizeInto(long_text, buffer), NormalizeToCodePoints(long_text));
  const std::size_t capacity = buffer.capacity();
  EXPECT_EQ(NormalizeInto(short_text, buffer), U"停电");
  EXPECT_EQ(NormalizeInto(long_text, buffer), NormalizeToCodePoints(long_text));
  EXPECT_EQ(buffer.capacity(), capacity);  // no new allocation
  EXPECT_TRUE(NormalizeInto("  \n ", buffer).empty());
}

}  // namespace
}  // namespace lizheng::text
