// The staff password policy: each rule refuses with its own reason, and the
// demo password passes every rule for every role.
#include "lizheng/app/password_policy.hpp"

#include <gtest/gtest.h>

namespace lizheng::app {
namespace {

std::string Refusal(const std::string& password, const std::string& username = "zhangsan",
                    Role role = Role::kOperator) {
  const Status st = CheckPassword(password, username, role);
  if (st.ok()) return "ok";
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument) << password;
  EXPECT_EQ(st.error().field, "password") << password;
  EXPECT_FALSE(st.error().message_zh.empty()) << password;
  return st.error().reason;
}

TEST(PasswordPolicyTest, TheDemoPasswordPassesForEveryRole) {
  for (Role r : {Role::kAdmin, Role::kOperator, Role::kDispatcher, Role::kReviewer, Role::kLeader,
                 Role::kUnitManager, Role::kUnitHandler})
    EXPECT_EQ(Refusal("lizheng-demo", "admin", r), "ok");
  EXPECT_EQ(Refusal("Jiangchuan-12345!"), "ok");
  EXPECT_EQ(Refusal("河道清淤2026年春"), "ok");
}

TEST(PasswordPolicyTest, TenCharactersAndTwelveForAdministrators) {
  EXPECT_EQ(Refusal("Xr7#kq9!z"), "password_too_short");
  EXPECT_EQ(Refusal("Xr7#kq9!zw"), "ok");
  EXPECT_EQ(Refusal("Xr7#kq9!zw", "zhangsan", Role::kAdmin), "password_too_short");
  EXPECT_EQ(Refusal("Xr7#kq9!zwp4", "zhangsan", Role::kAdmin), "ok");
  // Characters, not bytes: five Chinese characters are 15 bytes.
  EXPECT_EQ(Refusal("河道清淤了"), "password_too_short");
  const Status st = CheckPassword("Xr7#kq9!z", "zhangsan", Role::kOperator);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().message.find("at least 10 characters"), std::string::npos)
      << st.error().message;
  EXPECT_NE(st.error().message_zh.find("至少 10 个字符"), std::string::npos);
}

TEST(PasswordPolicyTest, OneCharacterClassAloneIsRefused) {
  EXPECT_EQ(Refusal("8264019375"), "password_one_class");
  EXPECT_EQ(Refusal("bluewaterlily"), "password_one_class");
  EXPECT_EQ(Refusal("BLUEWATERLILY"), "password_one_class");
  EXPECT_EQ(Refusal("!@#$%^&*()_+"), "password_one_class");
  EXPECT_EQ(Refusal("bluewater-lily"), "ok");
}

TEST(PasswordPolicyTest, CommonPasswordsAreRefusedAsTheyAreAndPadded) {
  for (const char* p : {"12345678", "password123", "qwerty123456", "admin12345", "lizheng2026",
                        "woaini1314", "5201314", "a123456", "qq123456", "1qaz2wsx"})
    EXPECT_NE(Refusal(p, "zhangsan", Role::kAdmin), "ok") << p;
  EXPECT_EQ(Refusal("password123"), "password_common");
  EXPECT_EQ(Refusal("qwerty123456"), "password_common");
  EXPECT_EQ(Refusal("admin12345"), "password_common");
  EXPECT_EQ(Refusal("lizheng2026"), "password_common");
  EXPECT_EQ(Refusal("woaini1314"), "password_common");
  EXPECT_EQ(Refusal("PassWord!2026"), "password_common");
  EXPECT_EQ(Refusal("1qaz2wsx3edc"), "password_common");
  EXPECT_EQ(Refusal("Woaini!!520~"), "password_common");  // padded with symbols too
}

TEST(PasswordPolicyTest, ThePasswordMustNotContainTheUsername) {
  EXPECT_EQ(Refusal("Zhangsan-2026", "zhangsan"), "password_contains_username");
  EXPECT_EQ(Refusal("my.dh01_handler!", "dh01_handler"), "password_contains_username");
  EXPECT_EQ(Refusal("Lisi-river-2026", "lisi"), "password_contains_username");
  // A two-letter username would rule out too much.
  EXPECT_EQ(Refusal("Lisi-river-2026", "li"), "ok");
}

}  // namespace
}  // namespace lizheng::app
