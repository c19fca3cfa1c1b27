// `lizheng user add` through the real binary: a password the policy refuses
// names the rule, exits 2 and creates no account; a sound one is accepted.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "test_server.hpp"

namespace lizheng::e2e {
namespace {

namespace fs = std::filesystem;

class PasswordPolicyCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/lz-password-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
    db_ = dir_ + "/db";
    std::string out;
    ASSERT_EQ(TestServer::RunCli({"setup", "--db", db_, "--code", "jc", "--name", "江川市"}, &out),
              0)
        << out;
  }
  void TearDown() override { fs::remove_all(dir_); }

  int AddUser(const std::string& username, const std::string& role, const std::string& password,
              std::string* out) const {
    out->clear();
    return TestServer::RunCli({"user", "add", "--db", db_, "--username", username, "--role", role,
                               "--password", password},
                              out);
  }

  std::string dir_;
  std::string db_;
};

TEST_F(PasswordPolicyCliTest, WeakPasswordsAreRefusedByRuleAndCreateNothing) {
  struct Case {
    std::string username, role, password, rule;
  };
  const Case cases[] = {
      {"zhangsan", "operator", "12345678", "at least 10 characters"},
      {"zhangsan", "admin", "Xr7#kq9!zw1", "at least 12 characters"},
      {"zhangsan", "operator", "8264019375", "one character class"},
      {"zhangsan", "operator", "password123", "too common"},
      {"zhangsan", "admin", "qwerty123456", "too common"},
      {"zhangsan", "operator", "woaini1314", "too common"},
      {"zhangsan", "operator", "Zhangsan-2026", "must not contain the username"},
  };
  for (const Case& c : cases) {
    std::string out;
    EXPECT_EQ(AddUser(c.username, c.role, c.password, &out), 2) << c.password << ": " << out;
    EXPECT_NE(out.find("password"), std::string::npos) << c.password << ": " << out;
    EXPECT_NE(out.find(c.rule), std::string::npos) << c.password << ": " << out;
    EXPECT_EQ(out.find("added user"), std::string::npos) << c.password << ": " << out;
  }
  // None of the refusals created the account: the name is still free.
  std::string out;
  EXPECT_EQ(AddUser("zhangsan", "admin", "lizheng-demo", &out), 0) << out;
  EXPECT_NE(out.find("added user zhangsan (admin)"), std::string::npos) << out;
  EXPECT_NE(AddUser("zhangsan", "operator", "Another-good-one", &out), 0) << out;
}

}  // namespace
}  // namespace lizheng::e2e
