#include "lizheng/text/phone_number.hpp"

#include <gtest/gtest.h>

namespace lizheng::text {
namespace {

TEST(NormalizePhoneTest, FullWidthDigitsSignsAndSpacesBecomeAscii) {
  EXPECT_EQ(NormalizePhone("１３８００１３８０００"), "13800138000");
  EXPECT_EQ(NormalizePhone("＋８６　１３８－００１３－８０００"), "+86 138-0013-8000");
  EXPECT_EQ(NormalizePhone("0731—84567890"), "0731-84567890");
}

TEST(NormalizePhoneTest, SpacesAreCollapsedAndTrimmed) {
  EXPECT_EQ(NormalizePhone("　 138 \t 0013 8000　"), "138 0013 8000");
  EXPECT_EQ(NormalizePhone(""), "");
}

TEST(NormalizePhoneTest, KeepsWhatItCannotReadForTheValidationToName) {
  EXPECT_EQ(NormalizePhone("138abc"), "138abc");
  EXPECT_EQ(NormalizePhone("电话１２３"), "电话123");
}

}  // namespace
}  // namespace lizheng::text
