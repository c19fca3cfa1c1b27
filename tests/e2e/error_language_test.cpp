// Refusals people read come in Chinese by default and in English for a
// client that ranks English first (Accept-Language), always with the same
// stable reason for programs.
#include <gtest/gtest.h>

#include <string>

#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

class ErrorLanguageTest : public ServerSuite {
 protected:
  // A reply to a work order whose citizen left a phone number and was never
  // contacted: refused with reason contact_required.
  static ApiResponse ReplyBeforeContact(std::int64_t id, const httplib::Headers& headers) {
    return api().Post("/api/v1/work-orders/" + std::to_string(id) + "/reply", {{"text", "已处理"}},
                      Token("dh01_handler"), headers);
  }
  static std::string ContentLanguage(const ApiResponse& r) {
    auto it = r.headers.find("Content-Language");
    return it == r.headers.end() ? "" : it->second;
  }
};

constexpr const char* kContactZh = "答复前请先联系群众，并记录首次联系";
constexpr const char* kContactEn = "record the first contact with the citizen before replying";

TEST_F(ErrorLanguageTest, ReplyBeforeContactIsRefusedInChineseByDefault) {
  const std::int64_t id = loop().InProgress("dh-01");
  const ApiResponse r = ReplyBeforeContact(id, {});
  EXPECT_EQ(r.status, 409) << r.Describe();
  EXPECT_EQ(r.ErrorCode(), "illegal_transition");
  EXPECT_EQ(r.ErrorReason(), "contact_required");
  EXPECT_EQ(r.ErrorMessage(), kContactZh);
  EXPECT_EQ(ContentLanguage(r), "zh-CN");
}

TEST_F(ErrorLanguageTest, EnglishWhenTheClientRanksEnglishFirst) {
  const std::int64_t id = loop().InProgress("dh-01");
  struct Case {
    const char* accept_language;
    const char* message;
    const char* content_language;
  };
  for (const Case& c :
       {Case{"en", kContactEn, "en"}, Case{"en-US,en;q=0.9,zh;q=0.8", kContactEn, "en"},
        Case{"zh-CN,en;q=0.5", kContactZh, "zh-CN"}, Case{"fr-FR", kContactZh, "zh-CN"}}) {
    SCOPED_TRACE(c.accept_language);
    const ApiResponse r = ReplyBeforeContact(id, {{"Accept-Language", c.accept_language}});
    EXPECT_EQ(r.status, 409) << r.Describe();
    EXPECT_EQ(r.ErrorReason(), "contact_required") << r.Describe();
    EXPECT_EQ(r.ErrorMessage(), c.message) << r.Describe();
    EXPECT_EQ(ContentLanguage(r), c.content_language);
  }
  EXPECT_EQ(loop().View(id)["state"]["code"], "in_progress");
}

TEST_F(ErrorLanguageTest, FieldRefusalsNameTheFieldInBothLanguages) {
  const json body = ClosedLoop::RequestBody({{"citizen", {{"phone", "call me maybe"}}}});
  const ApiResponse zh = api().Post("/api/v1/requests", body);
  EXPECT_EQ(zh.status, 400) << zh.Describe();
  EXPECT_EQ(zh.ErrorReason(), "phone_invalid");
  EXPECT_EQ(zh.ErrorField(), "citizen.phone");
  EXPECT_EQ(zh.ErrorMessage().rfind("字段 citizen.phone：", 0), 0u) << zh.Describe();

  const ApiResponse en = api().Post("/api/v1/requests", body, "", {{"Accept-Language", "en"}});
  EXPECT_EQ(en.ErrorReason(), "phone_invalid");
  EXPECT_EQ(en.ErrorMessage().rfind("citizen.phone: expected 5 to 20 digits", 0), 0u)
      << en.Describe();
}

TEST_F(ErrorLanguageTest, WrongQueryCodeHasAStableReason) {
  const ApiResponse r =
      api().Get("/api/v1/requests/JC20990101-0001", "", {{"X-Query-Code", "12345678"}});
  EXPECT_EQ(r.status, 404) << r.Describe();
  EXPECT_EQ(r.ErrorReason(), "query_code_wrong");
  EXPECT_EQ(r.ErrorField(), "query_code");
}

}  // namespace
}  // namespace lizheng::e2e
