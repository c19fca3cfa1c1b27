// What the workbench offers is what the engine accepts: an action whose step
// is missing on the work order (a reply before the first contact) is not in
// allowed_actions but in blocked_actions with the missing step, before anyone
// writes the reply; once the step is done, it is offered.
#include <string>

#include "server_suite.hpp"
#include "work_order_views.hpp"

namespace lizheng::e2e {
namespace {

class OfferedActionsTest : public ServerSuite {};

// The entry of blocked_actions for `action`, or null.
json BlockedEntry(const json& view, const std::string& action) {
  for (const json& b : view["blocked_actions"])
    if (b["action"]["code"] == action) return b;
  return nullptr;
}

TEST_F(OfferedActionsTest, ReplyWaitsForTheFirstContactAndSaysSo) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.InProgress("dh-01");
  const std::string handler = ClosedLoop::HandlerOf("dh-01");

  json v = l.View(id, handler);
  EXPECT_TRUE(Allows(v, "contact")) << v["allowed_actions"];
  EXPECT_FALSE(Allows(v, "reply")) << "the engine would refuse the reply: " << v["allowed_actions"];
  const json blocked = BlockedEntry(v, "reply");
  ASSERT_TRUE(blocked.is_object()) << v["blocked_actions"];
  EXPECT_EQ(blocked["reason"], "contact_required");
  EXPECT_EQ(blocked["action"]["label"], "答复");
  EXPECT_NE(blocked["message"].get<std::string>().find("联系群众"), std::string::npos) << blocked;

  // The engine says the same thing, and nothing changes.
  ApiResponse refused = l.Act(handler, id, "reply", {{"text", "已处理。"}});
  EXPECT_EQ(refused.status, 409) << refused.Describe();
  EXPECT_EQ(refused.ErrorCode(), "illegal_transition");
  EXPECT_EQ(refused.json_body["error"]["reason"], "contact_required") << refused.Describe();
  EXPECT_EQ(refused.ErrorMessage(), blocked["message"]);
  EXPECT_EQ(l.View(id, handler)["version"], v["version"]);

  l.ContactCitizen(id, "dh-01");
  v = l.View(id, handler);
  EXPECT_TRUE(Allows(v, "reply")) << v["allowed_actions"];
  EXPECT_TRUE(BlockedEntry(v, "reply").is_null()) << v["blocked_actions"];
  EXPECT_TRUE(v["blocked_actions"].empty()) << v["blocked_actions"];
}

TEST_F(OfferedActionsTest, WithoutAPhoneNumberTheReplyIsTheContact) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.InProgress("dh-01", {{"citizen", {{"name", "匿名来信"}}}});
  const json v = l.View(id, ClosedLoop::HandlerOf("dh-01"));
  EXPECT_TRUE(Allows(v, "reply")) << v["allowed_actions"];
  EXPECT_TRUE(v["blocked_actions"].empty()) << v["blocked_actions"];
}

TEST_F(OfferedActionsTest, OnlyWhatTheRoleMayDoIsListedAsBlocked) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.InProgress("dh-01");
  // The reviewer may not reply at all: neither offered nor waiting for a step.
  const json v = l.View(id, "reviewer");
  EXPECT_FALSE(Allows(v, "reply"));
  EXPECT_TRUE(BlockedEntry(v, "reply").is_null()) << v["blocked_actions"];
}

}  // namespace
}  // namespace lizheng::e2e
