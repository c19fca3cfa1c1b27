// Merging (并单) end to end: merges stay one level deep so the primary's
// reply and closure reach every repeat, a primary with repeats cannot be
// rejected out from under them, the centre can take a repeat back out, and a
// merged request's citizen may dispute the shared answer.
#include <string>

#include "server_suite.hpp"
#include "work_order_views.hpp"

namespace lizheng::e2e {
namespace {

// A request filed by a citizen, with what the citizen holds to follow it.
struct Filed {
  std::int64_t id = 0;
  std::string tracking_no;
  std::string query_code;
};

std::string ErrorReason(const ApiResponse& r) {
  const json& b = r.json_body;
  if (!b.is_object() || !b.contains("error") || !b["error"].contains("reason")) return "";
  return b["error"]["reason"].get<std::string>();
}

class MergeTest : public ServerSuite {
 protected:
  Filed File(const std::string& title) {
    const json receipt = loop().RecordReceipt({{"title", title}});
    return Filed{receipt["work_order_id"].get<std::int64_t>(),
                 receipt["tracking_no"].get<std::string>(),
                 receipt["query_code"].get<std::string>()};
  }
  json Track(const Filed& f) { return loop().CitizenView(f.tracking_no, f.query_code); }
  ApiResponse Dispute(const Filed& f, const std::string& reason) {
    return api().Post("/api/v1/requests/" + f.tracking_no + "/dispute", {{"reason", reason}}, "",
                      {{"X-Query-Code", f.query_code}});
  }
  // Carries an accepted work order through to closed at dh-01.
  void CarryToClosed(std::int64_t id) {
    ClosedLoop& l = loop();
    l.Dispatch(id, "dh-01");
    l.SignFor(id, "dh-01");
    l.ContactCitizen(id, "dh-01");
    l.Reply(id, "dh-01", "已清理完毕，并安排每日巡查。");
    l.Approve(id);
    l.Do("operator", id, "callback", {{"resolved", true}, {"satisfaction", "satisfied"}});
  }
};

// Merge A into B, then try B into C: refused, because A would be left
// following B for ever. C goes into B instead, and closing B reaches both.
TEST_F(MergeTest, ChainsAreRefusedSoEveryRepeatGetsTheAnswer) {
  ClosedLoop& l = loop();
  const Filed a = File("东湖路垃圾桶满溢（一）");
  const Filed b = File("东湖路垃圾桶满溢（二）");
  const Filed c = File("东湖路垃圾桶满溢（三）");
  l.Accept(b.id);
  l.Accept(c.id);
  l.Do("operator", a.id, "merge", {{"primary_id", b.id}});

  // B has a repeat of its own: it may not become a repeat.
  const std::int64_t b_version = l.View(b.id)["version"].get<std::int64_t>();
  ApiResponse chained = l.Act("operator", b.id, "merge", {{"primary_id", c.id}});
  EXPECT_EQ(chained.status, 409) << chained.Describe();
  EXPECT_EQ(chained.ErrorCode(), "illegal_transition");
  EXPECT_EQ(ErrorReason(chained), "merge_has_repeats");
  EXPECT_NE(chained.ErrorMessage().find("#" + std::to_string(a.id)), std::string::npos)
      << chained.Describe();
  EXPECT_EQ(l.View(b.id)["version"], b_version);
  EXPECT_EQ(StateOf(l.View(b.id)), "accepted");

  // Nor may anything be merged into A, which is a repeat: the error names B.
  ApiResponse into_repeat = l.Act("operator", c.id, "merge", {{"primary_id", a.id}});
  EXPECT_EQ(into_repeat.status, 400) << into_repeat.Describe();
  EXPECT_EQ(into_repeat.ErrorField(), "primary_id");
  EXPECT_EQ(ErrorReason(into_repeat), "primary_merged");
  EXPECT_NE(into_repeat.ErrorMessage().find("#" + std::to_string(b.id)), std::string::npos)
      << into_repeat.Describe();

  // The way that works: C into B. Closing B reaches A and C alike.
  l.Do("operator", c.id, "merge", {{"primary_id", b.id}});
  EXPECT_EQ(l.View(b.id)["merged"].size(), 2u);
  CarryToClosed(b.id);
  for (const Filed* f : {&a, &c}) {
    const json t = Track(*f);
    EXPECT_EQ(t["state"]["code"], "merged");
    EXPECT_EQ(t["reply"]["text"], "已清理完毕，并安排每日巡查。") << t.dump();
    EXPECT_TRUE(t["closed_at"].is_string()) << t.dump();
  }
}

// Rejecting a primary would strand its repeats: refused until the centre
// un-merges them, with a reason the repeat's citizen can read.
TEST_F(MergeTest, APrimaryWithRepeatsIsNotRejectedUntilTheyAreUnmerged) {
  ClosedLoop& l = loop();
  const Filed a = File("西山路灯不亮（一）");
  const Filed b = File("西山路灯不亮（二）");
  l.Accept(b.id);
  l.Do("operator", a.id, "merge", {{"primary_id", b.id}});

  const std::int64_t b_version = l.View(b.id)["version"].get<std::int64_t>();
  ApiResponse rejected = l.Act("dispatcher", b.id, "reject", {{"reason", "信息不全"}});
  EXPECT_EQ(rejected.status, 409) << rejected.Describe();
  EXPECT_EQ(ErrorReason(rejected), "reject_has_repeats");
  EXPECT_NE(rejected.ErrorMessage().find("#" + std::to_string(a.id)), std::string::npos)
      << rejected.Describe();
  EXPECT_EQ(l.View(b.id)["version"], b_version);

  // The centre un-merges A; a reason is required.
  json va = l.View(a.id);
  EXPECT_TRUE(Allows(va, "unmerge"));
  ApiResponse no_reason = l.Act("dispatcher", a.id, "unmerge");
  EXPECT_EQ(no_reason.status, 400) << no_reason.Describe();
  EXPECT_EQ(no_reason.ErrorField(), "reason");
  va = l.Do("dispatcher", a.id, "unmerge", {{"reason", "两件诉求的地点不同，分别办理"}});
  EXPECT_EQ(StateOf(va), "accepted");
  EXPECT_TRUE(va["merged_into"].is_null());
  EXPECT_EQ(va["timeline"].back()["action"], "unmerge");
  const json vb = l.View(b.id);
  EXPECT_TRUE(vb["merged"].empty()) << vb.dump();
  EXPECT_EQ(vb["timeline"].back()["data"]["unmerged_id"], std::to_string(a.id));

  // A's citizen reads why; the request is theirs again, waiting for dispatch.
  const json t = Track(a);
  EXPECT_EQ(t["state"]["code"], "accepted");
  EXPECT_FALSE(t.contains("merged_into"));
  EXPECT_EQ(t["timeline"].back()["action"], "unmerge");
  EXPECT_EQ(t["timeline"].back()["reason"], "两件诉求的地点不同，分别办理");

  // Now B may be rejected, and A goes on by itself.
  EXPECT_EQ(StateOf(l.Do("dispatcher", b.id, "reject", {{"reason", "信息不全"}})), "rejected");
  EXPECT_EQ(StateOf(l.Do("dispatcher", a.id, "dispatch", {{"unit_id", l.UnitId("xs")}})),
            "dispatched");
}

// Once the primary's answer reached a repeat it stays merged; its citizen
// disputes instead, once, after the closure.
TEST_F(MergeTest, AMergedCitizenMayDisputeTheClosureOnce) {
  ClosedLoop& l = loop();
  const Filed a = File("东湖小区噪音扰民（一）");
  const Filed b = File("东湖小区噪音扰民（二）");
  l.Accept(b.id);
  l.Do("operator", a.id, "merge", {{"primary_id", b.id}});

  // Before the closure there is nothing to dispute.
  const json before_closure = Track(a);  // kept: a range-for over a temporary's member dangles
  for (const json& act : before_closure["allowed_actions"]) EXPECT_NE(act["code"], "dispute");
  ApiResponse early = Dispute(a, "还没处理");
  EXPECT_EQ(early.status, 409) << early.Describe();
  EXPECT_EQ(ErrorReason(early), "dispute_before_closure");

  CarryToClosed(b.id);
  ApiResponse late_unmerge = l.Act("dispatcher", a.id, "unmerge", {{"reason", "另行办理"}});
  EXPECT_EQ(late_unmerge.status, 409) << late_unmerge.Describe();
  EXPECT_EQ(ErrorReason(late_unmerge), "unmerge_after_answer");

  json t = Track(a);
  bool offered = false;
  for (const json& act : t["allowed_actions"]) offered = offered || act["code"] == "dispute";
  EXPECT_TRUE(offered) << t.dump();
  ApiResponse disputed = Dispute(a, "我家楼下的噪音并未解决");
  ASSERT_EQ(disputed.status, 200) << disputed.Describe();
  EXPECT_EQ(disputed["state"]["code"], "answered");
  EXPECT_EQ(disputed["disputed"], true);

  // The request left the merge and waits for its own callback; B is untouched.
  const json va = l.View(a.id);
  EXPECT_TRUE(va["merged_into"].is_null());
  EXPECT_TRUE(HasRunningClock(va, "callback"));
  EXPECT_TRUE(InQueue("operator", "to_call_back", a.id));
  const json vb = l.View(b.id);
  EXPECT_EQ(StateOf(vb), "closed");
  EXPECT_TRUE(vb["merged"].empty());

  // Once only.
  l.Do("dispatcher", a.id, "close", {{"reason", "复核后确认已解决"}});
  ApiResponse again = Dispute(a, "还是不满意");
  EXPECT_EQ(again.status, 409) << again.Describe();
}

}  // namespace
}  // namespace lizheng::e2e
