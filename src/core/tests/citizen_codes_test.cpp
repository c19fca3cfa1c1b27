#include "lizheng/core/citizen_codes.hpp"

#include <gtest/gtest.h>

namespace lizheng {
namespace {

TEST(CitizenCodesTest, GroupedInputBecomesTheStoredForm) {
  EXPECT_EQ(CanonicalCitizenCode("1234 5678 9012"), "123456789012");
  EXPECT_EQ(CanonicalCitizenCode("1234-5678-9012"), "123456789012");
  EXPECT_EQ(CanonicalCitizenCode(" 1234.5678.9012 "), "123456789012");
  EXPECT_EQ(CanonicalCitizenCode("20261207-000123"), "20261207000123");
}

TEST(CitizenCodesTest, FullWidthFormsOfAnInputMethodAreFolded) {
  // Full-width digits, the ideographic space and the full-width hyphen.
  EXPECT_EQ(CanonicalCitizenCode("１２３４\u3000５６７８－９０１２"), "123456789012");
  EXPECT_EQ(CanonicalCitizenCode("１２３４\u2014５６７８"), "12345678");
}

TEST(CitizenCodesTest, EverythingElseIsKeptSoAWrongCodeStaysWrong) {
  EXPECT_EQ(CanonicalCitizenCode("12345678"), "12345678");
  EXPECT_EQ(CanonicalCitizenCode("1234'5678"), "1234'5678");
  EXPECT_EQ(CanonicalCitizenCode("编号123"), "编号123");
  EXPECT_EQ(CanonicalCitizenCode(""), "");
  EXPECT_EQ(CanonicalCitizenCode("\xff"
                                 "12"),
            "\xff"
            "12");
}

}  // namespace
}  // namespace lizheng
