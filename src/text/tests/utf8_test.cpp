#include "lizheng/text/utf8.hpp"

#include <gtest/gtest.h>

namespace lizheng::text {
namespace {

TEST(Utf8Test, DecodesAsciiChineseAndAstralPlanes) {
  EXPECT_EQ(DecodeUtf8("a市\xF0\x9F\x98\x80"), (std::u32string{U'a', U'市', 0x1F600}));
  EXPECT_EQ(DecodeUtf8(""), std::u32string());
}

TEST(Utf8Test, EncodeIsTheInverseOfDecode) {
  const std::string s = "小区物业公司乱收停车费, ok! \xF0\x9F\x98\x80 é";
  EXPECT_EQ(EncodeUtf8(DecodeUtf8(s)), s);
  EXPECT_TRUE(IsValidUtf8(s));
}

TEST(Utf8Test, InvalidBytesBecomeOneReplacementEach) {
  // A stray continuation byte, and a byte that can never start a sequence.
  EXPECT_EQ(DecodeUtf8("a\x80" "b\xFF"), (std::u32string{U'a', kReplacementChar, U'b',
                                                          kReplacementChar}));
  // A sequence cut short at the end of the input: both bytes are bad.
  EXPECT_EQ(DecodeUtf8("\xE5\xB8"), (std::u32string{kReplacementChar, kReplacementChar}));
  // A lead byte followed by ASCII resynchronises on the ASCII.
  EXPECT_EQ(DecodeUtf8("\xE5x"), (std::u32string{kReplacementChar, U'x'}));
  EXPECT_FALSE(IsValidUtf8("\xE5x"));
}

TEST(Utf8Test, RejectsOverlongSurrogatesAndOutOfRange) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // U+D800, a surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));   // U+10FFFF
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80").size(), 3u);
}

TEST(Utf8Test, DecodeOneReportsLength) {
  const DecodedCodePoint d = DecodeOne("市x", 0);
  EXPECT_TRUE(d.valid);
  EXPECT_EQ(d.code_point, U'市');
  EXPECT_EQ(d.length, 3u);
}

TEST(Utf8Test, EncodingUnencodableValuesWritesReplacement) {
  std::string out;
  AppendUtf8(0xD800, out);
  AppendUtf8(0x110000, out);
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8Test, CharacterClasses) {
  EXPECT_TRUE(IsHan(U'市'));
  EXPECT_FALSE(IsHan(U'，'));
  EXPECT_TRUE(IsAsciiAlnum(U'Z'));
  EXPECT_FALSE(IsAsciiAlnum(U'Ｚ'));
  EXPECT_TRUE(IsSpace(0x3000));
  EXPECT_FALSE(IsSpace(U'x'));
}

}  // namespace
}  // namespace lizheng::text
