// The language of refusals: Accept-Language parsing and the error body.
#include "error_status.hpp"

#include <gtest/gtest.h>

namespace lizheng::api {
namespace {

TEST(PreferredLanguageTest, ChineseUnlessEnglishIsRankedHigher) {
  EXPECT_EQ(PreferredLanguage(std::string_view("")), Language::kZh);
  EXPECT_EQ(PreferredLanguage(std::string_view("zh-CN")), Language::kZh);
  EXPECT_EQ(PreferredLanguage(std::string_view("en")), Language::kEn);
  EXPECT_EQ(PreferredLanguage(std::string_view("EN-gb")), Language::kEn);
  EXPECT_EQ(PreferredLanguage(std::string_view("en-US,en;q=0.9,zh;q=0.8")), Language::kEn);
  EXPECT_EQ(PreferredLanguage(std::string_view("zh-CN,en;q=0.5")), Language::kZh);
  EXPECT_EQ(PreferredLanguage(std::string_view("zh;q=0.4, en;q=0.6")), Language::kEn);
}

TEST(PreferredLanguageTest, TiesGoToTheEarlierAndOthersAreIgnored) {
  EXPECT_EQ(PreferredLanguage(std::string_view("en, zh")), Language::kEn);
  EXPECT_EQ(PreferredLanguage(std::string_view("zh, en")), Language::kZh);
  EXPECT_EQ(PreferredLanguage(std::string_view("fr-FR, de")), Language::kZh);
  EXPECT_EQ(PreferredLanguage(std::string_view("fr, en;q=0.1")), Language::kEn);
  // "english" is not the tag "en"; q=0 means "not acceptable".
  EXPECT_EQ(PreferredLanguage(std::string_view("english")), Language::kZh);
  EXPECT_EQ(PreferredLanguage(std::string_view("en;q=0")), Language::kZh);
  EXPECT_EQ(PreferredLanguage(std::string_view("en;q=abc")), Language::kZh);
}

TEST(ErrorJsonTest, CarriesReasonAndTheMessageInTheAskedLanguage) {
  const Error e = MakeError(ErrorCode::kIllegalTransition, "contact_required",
                            Text{"答复前请先登记首次联系群众的情况",
                                 "record the first contact with the citizen before replying"});
  const nlohmann::json zh = ErrorJson(e, Language::kZh);
  EXPECT_EQ(zh["error"]["code"], "illegal_transition");
  EXPECT_EQ(zh["error"]["reason"], "contact_required");
  EXPECT_EQ(zh["error"]["message"], "答复前请先登记首次联系群众的情况");
  EXPECT_FALSE(zh["error"].contains("field"));
  EXPECT_EQ(ErrorJson(e, Language::kEn)["error"]["message"],
            "record the first contact with the citizen before replying");
  // A terminal-only error has no Chinese text: English either way.
  const Error plain = MakeError(ErrorCode::kInternal, "disk on fire");
  EXPECT_EQ(ErrorJson(plain, Language::kZh)["error"]["message"], "disk on fire");
  EXPECT_FALSE(ErrorJson(plain, Language::kZh)["error"].contains("reason"));
}

}  // namespace
}  // namespace lizheng::api
