// Across the states of the closed loop (DESIGN.md §3): emergencies and the
// fast lane, supervision and escalation, leaders' instructions, the watch
// list, assisting units, publication with consent, and idempotent intake.
#include <algorithm>
#include <string>
#include <vector>

#include "server_suite.hpp"
#include "work_order_views.hpp"

namespace lizheng::e2e {
namespace {

class OversightTest : public ServerSuite {};

TEST_F(OversightTest, EmergencyCallIsDispatchedDirectly) {
  ClosedLoop& l = loop();
  const json receipt = l.RecordReceipt({{"type", "help"},
                                        {"urgency", "emergency"},
                                        {"channel", "hotline"},
                                        {"title", "幸福路燃气管道泄漏"},
                                        {"detail", "幸福路8号楼下闻到浓烈燃气味，疑似管道泄漏。"}});
  const std::int64_t id = receipt["work_order_id"].get<std::int64_t>();
  json v = l.View(id);
  EXPECT_EQ(v["urgency"]["code"], "emergency");
  EXPECT_EQ(v["channel"]["code"], "hotline");
  EXPECT_EQ(v["fast_lane"], true);
  EXPECT_TRUE(InQueue("leader", "fast_lane", id));

  v = l.Do("operator", id, "direct_dispatch",
           {{"unit_id", l.UnitId("dh-01")}, {"category_code", l.category()}});
  EXPECT_EQ(StateOf(v), "dispatched");
  EXPECT_EQ(v["lead_unit"]["id"], l.UnitId("dh-01"));
  EXPECT_EQ(TimelineActions(v), (std::vector<std::string>{"submit", "direct_dispatch"}));
  EXPECT_EQ(StateOf(l.Do("dh01_handler", id, "sign_for")), "in_progress");

  // Only emergencies skip acceptance.
  const std::int64_t normal = l.Record();
  ApiResponse refused = l.Act("operator", normal, "direct_dispatch",
                              {{"unit_id", l.UnitId("dh-01")}, {"category_code", l.category()}});
  EXPECT_EQ(refused.status, 400) << refused.Describe();
  EXPECT_EQ(refused.ErrorField(), "urgency");
  EXPECT_EQ(l.View(normal)["version"], 1);
  // A citizen cannot declare an emergency.
  ApiResponse citizen =
      api().Post("/api/v1/requests", ClosedLoop::RequestBody({{"urgency", "emergency"}}));
  EXPECT_EQ(citizen.status, 400) << citizen.Describe();
  EXPECT_EQ(citizen.ErrorField(), "urgency");
}

TEST_F(OversightTest, SupervisionAndEscalationFromStreetToDistrict) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.InProgress("dh-01");
  json v = l.Do("dispatcher", id, "supervise",
                {{"note", "群众反映强烈，请加快办理"}, {"working_days", 2}});
  EXPECT_EQ(v["supervised"], true);
  EXPECT_EQ(v["supervision"]["open"], true);
  EXPECT_TRUE(HasRunningClock(v, "supervision"));
  EXPECT_TRUE(InQueue("dispatcher", "supervised", id));
  ApiResponse again = l.Act("leader", id, "supervise", {{"note", "再督办"}});
  EXPECT_EQ(again.status, 409) << again.Describe();

  v = l.Do("dispatcher", id, "escalate",
           {{"unit_id", l.UnitId("dh")}, {"reason", "街道无力协调，提级区政府办理"}});
  EXPECT_EQ(StateOf(v), "dispatched");
  EXPECT_EQ(v["lead_unit"]["id"], l.UnitId("dh"));
  EXPECT_EQ(v["handling_unit"]["id"], l.UnitId("dh"));
  EXPECT_EQ(v["escalated"], true);
  EXPECT_EQ(v["fast_lane"], true);
  // The street no longer handles it; the district does.
  EXPECT_EQ(l.Act("dh01_handler", id, "sign_for").status, 403);
  EXPECT_EQ(StateOf(l.Do("dh_handler", id, "sign_for")), "in_progress");
  // Escalation goes up only.
  ApiResponse down =
      l.Act("dispatcher", id, "escalate", {{"unit_id", l.UnitId("dh-01")}, {"reason", "下放"}});
  EXPECT_EQ(down.status, 400) << down.Describe();
  EXPECT_EQ(down.ErrorField(), "unit_id");
}

TEST_F(OversightTest, LeaderInstructionIsAcknowledgedByTheUnit) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.InProgress("dh-01");
  json v = l.Do("leader", id, "instruct", {{"text", "请东湖区高度重视，三日内办结并报告。"}});
  ASSERT_EQ(v["instructions"].size(), 1u);
  EXPECT_TRUE(v["instructions"][0]["acknowledged_at"].is_null());
  EXPECT_EQ(v["instructions"][0]["leader"], UserId("leader"));
  EXPECT_TRUE(InQueue("dh01_handler", "instructed", id));

  v = l.Do("dh01_handler", id, "acknowledge_instruction", {{"note", "已收到，马上落实"}});
  EXPECT_TRUE(v["instructions"][0]["acknowledged_at"].is_string());
  EXPECT_FALSE(InQueue("dh01_handler", "instructed", id));
  ApiResponse again = l.Act("dh01_handler", id, "acknowledge_instruction");
  EXPECT_EQ(again.status, 409) << again.Describe();
  EXPECT_EQ(again.ErrorCode(), "illegal_transition");
}

TEST_F(OversightTest, WatchAndUnwatch) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.Dispatched("dh-01");
  const std::int64_t leader = UserId("leader");
  json v = l.Do("leader", id, "watch");
  EXPECT_NE(std::find(v["watchers"].begin(), v["watchers"].end(), leader), v["watchers"].end());
  EXPECT_TRUE(InQueue("leader", "watched", id));
  EXPECT_FALSE(InQueue("dispatcher", "watched", id));
  ApiResponse twice = l.Act("leader", id, "watch");
  EXPECT_EQ(twice.status, 409) << twice.Describe();
  EXPECT_EQ(twice.ErrorCode(), "conflict");

  v = l.Do("leader", id, "unwatch");
  EXPECT_TRUE(v["watchers"].empty());
  EXPECT_FALSE(InQueue("leader", "watched", id));
  ApiResponse not_watching = l.Act("leader", id, "unwatch");
  EXPECT_EQ(not_watching.status, 409) << not_watching.Describe();
}

TEST_F(OversightTest, PublicationNeedsTheCitizensConsent) {
  ClosedLoop& l = loop();
  const std::int64_t private_id = l.Answered("dh-01", {{"consent_public", false}});
  const json before = l.View(private_id);
  ApiResponse refused = l.Act("reviewer", private_id, "publish");
  EXPECT_EQ(refused.status, 409) << refused.Describe();
  EXPECT_EQ(refused.ErrorCode(), "illegal_transition");
  EXPECT_EQ(refused.ErrorReason(), "no_consent") << refused.Describe();
  const json after = l.View(private_id);
  EXPECT_EQ(after["published"], false);
  EXPECT_EQ(after["version"], before["version"]);

  const std::int64_t id = l.Answered("dh-01", {{"consent_public", true}});
  json v = l.Do("reviewer", id, "publish");
  EXPECT_EQ(v["published"], true);
  EXPECT_EQ(l.Act("dispatcher", id, "publish").status, 409);
  v = l.Do("dispatcher", id, "unpublish", {{"reason", "含有未遮盖的个人信息"}});
  EXPECT_EQ(v["published"], false);
}

TEST_F(OversightTest, IdempotentSubmissionReturnsTheFirstReceipt) {
  const std::int64_t total = TotalWorkOrders();
  json body = ClosedLoop::RequestBody(
      {{"title", "公交站台顶棚破损漏雨"}, {"idempotency_key", "e2e-idem-1"}});
  ApiResponse first = api().Post("/api/v1/requests", body);
  ASSERT_EQ(first.status, 201) << first.Describe();
  EXPECT_EQ(first["replayed"], false);
  ApiResponse second = api().Post("/api/v1/requests", body);
  ASSERT_EQ(second.status, 200) << second.Describe();
  EXPECT_EQ(second["replayed"], true);
  EXPECT_EQ(second["tracking_no"], first["tracking_no"]);
  EXPECT_EQ(second["query_code"], first["query_code"]);
  EXPECT_EQ(TotalWorkOrders(), total + 1);

  // The key may come as a header as well.
  body.erase("idempotency_key");
  ApiResponse header =
      api().Post("/api/v1/requests", body, "", {{"Idempotency-Key", "e2e-idem-1"}});
  EXPECT_EQ(header.status, 200) << header.Describe();
  EXPECT_EQ(header["tracking_no"], first["tracking_no"]);

  // The same key for different content is a conflict and creates nothing.
  json changed = ClosedLoop::RequestBody(
      {{"title", "公交站台顶棚破损漏雨（补充）"}, {"idempotency_key", "e2e-idem-1"}});
  ApiResponse conflict = api().Post("/api/v1/requests", changed);
  EXPECT_EQ(conflict.status, 409) << conflict.Describe();
  EXPECT_EQ(conflict.ErrorCode(), "conflict");
  EXPECT_EQ(conflict.ErrorField(), "idempotency_key");
  EXPECT_EQ(TotalWorkOrders(), total + 1);
}

TEST_F(OversightTest, AssistingUnitsSeeButDoNotHandle) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.Accepted();
  json v = l.Do("dispatcher", id, "dispatch",
                {{"unit_id", l.UnitId("dh-01")},
                 {"assisting_unit_ids", {l.UnitId("zjj"), l.UnitId("sthj")}}});
  ASSERT_EQ(v["assisting_units"].size(), 2u);
  EXPECT_EQ(v["assisting_units"][0]["id"], l.UnitId("zjj"));
  // Both assisting units appear in the dispatch event.
  const json& dispatch = v["timeline"].back();
  EXPECT_EQ(dispatch["action"], "dispatch");
  EXPECT_TRUE(dispatch["data"]["assisting_unit_id"].is_array()) << dispatch.dump();
  // The assisting unit sees the work order, the lead unit handles it.
  EXPECT_EQ(api().Get(WorkOrderPath(id), Token("zjj_handler")).status, 200);
  EXPECT_EQ(api().Get(WorkOrderPath(id), Token("rsj_handler")).status, 404);
  EXPECT_EQ(l.Act("zjj_handler", id, "sign_for").status, 403);
  EXPECT_EQ(StateOf(l.Do("dh01_handler", id, "sign_for")), "in_progress");
  // The lead unit may not be its own assistant.
  const std::int64_t other = l.Accepted();
  ApiResponse r =
      l.Act("dispatcher", other, "dispatch",
            {{"unit_id", l.UnitId("dh-01")}, {"assisting_unit_ids", {l.UnitId("dh-01")}}});
  EXPECT_EQ(r.status, 400) << r.Describe();
  EXPECT_EQ(r.ErrorField(), "assisting_unit_ids");
}

// A unit that returned a work order said it is not theirs: it (and the
// units above it) no longer see it, in its queues or by id, until the
// centre's arbitration sends it back; the act of returning answers with the
// id and state only.
TEST_F(OversightTest, AUnitThatReturnedAWorkOrderNoLongerSeesIt) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.Dispatched("dh-01");
  EXPECT_TRUE(InQueue("dh01_handler", "to_sign_for", id));
  ApiResponse returned = l.Act("dh01_manager", id, "return",
                               {{"reason", "不属于本街道辖区"}, {"legal_basis", "三定方案"}});
  ASSERT_EQ(returned.status, 200) << returned.Describe();
  EXPECT_EQ(returned["state"], "returned") << returned.Describe();
  EXPECT_FALSE(returned.json_body.contains("timeline")) << returned.Describe();
  for (const std::string user : {"dh01_handler", "dh01_manager", "dh_manager"}) {
    EXPECT_EQ(api().Get(WorkOrderPath(id), Token(user)).status, 404) << user;
    EXPECT_FALSE(InQueue(user, "all", id)) << user;
    EXPECT_FALSE(InQueue(user, "returned", id)) << user;
  }
  EXPECT_TRUE(InQueue("dispatcher", "returned", id));
  // Arbitration refuses the return: the unit has it again.
  l.Do("dispatcher", id, "reject_return", {{"reason", "经核实属于该街道辖区"}});
  EXPECT_EQ(api().Get(WorkOrderPath(id), Token("dh01_handler")).status, 200);
  EXPECT_TRUE(InQueue("dh01_handler", "to_sign_for", id));
}

// An assisting unit that returns nothing keeps seeing the work order even
// when it is returned by the lead unit.
TEST_F(OversightTest, AssistingUnitsStillSeeAReturnedWorkOrder) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.Accepted();
  l.Do("dispatcher", id, "dispatch",
       {{"unit_id", l.UnitId("dh-01")}, {"assisting_unit_ids", {l.UnitId("zjj")}}});
  l.Do("dh01_manager", id, "return", {{"reason", "不属于本街道辖区"}, {"legal_basis", "三定方案"}});
  EXPECT_EQ(api().Get(WorkOrderPath(id), Token("zjj_handler")).status, 200);
  EXPECT_TRUE(InQueue("zjj_handler", "returned", id));
  EXPECT_EQ(api().Get(WorkOrderPath(id), Token("dh01_handler")).status, 404);
}

// 协办 is given to a unit and done by its sections: a section below the
// assisting unit sees the work order, by id and in its queues, as the
// sections below the lead unit do once it is passed down to them. It does
// not see what its parent leads and keeps.
TEST_F(OversightTest, SectionsOfAnAssistingUnitSeeWhatItAssists) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.Accepted();
  l.Do("dispatcher", id, "dispatch",
       {{"unit_id", l.UnitId("dh-01")}, {"assisting_unit_ids", {l.UnitId("zjj")}}});
  ApiResponse seen = api().Get(WorkOrderPath(id), Token("zjjwy_handler"));
  EXPECT_EQ(seen.status, 200) << seen.Describe();
  EXPECT_TRUE(InQueue("zjjwy_handler", "all", id));
  EXPECT_TRUE(InQueue("zjjwy_handler", "to_sign_for", id));
  // Assisting is not handling: the section may not sign for it either.
  EXPECT_EQ(l.Act("zjjwy_handler", id, "sign_for").status, 403);
  // A work order zjj leads itself stays with zjj until passed down.
  const std::int64_t led = l.Dispatched("zjj");
  EXPECT_EQ(api().Get(WorkOrderPath(led), Token("zjjwy_handler")).status, 404);
  EXPECT_FALSE(InQueue("zjjwy_handler", "all", led));
}

TEST_F(OversightTest, SupervisionEndsWhenTheCitizenHasTheAnswer) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.Contacted("dh-01");
  l.Do("leader", id, "supervise", {{"note", "市长督办"}});
  EXPECT_TRUE(InQueue("dh01_handler", "supervised", id));
  l.Reply(id, "dh-01");
  json v = l.View(id);
  EXPECT_EQ(v["supervised"], true) << "a reply under review is no answer yet";
  v = l.Do("reviewer", id, "approve_reply");
  EXPECT_EQ(v["supervised"], false);
  EXPECT_EQ(v["supervision"]["open"], false);
  EXPECT_FALSE(HasRunningClock(v, "supervision"));
  EXPECT_FALSE(InQueue("dispatcher", "supervised", id));
}

// The leader's lists and every badge are of work that needs attention now:
// a closed work order leaves the fast lane, the watch list and the
// instructions awaiting acknowledgement, and is found there again only by
// asking for it (state=closed).
TEST_F(OversightTest, AttentionQueuesHoldOpenWorkOrdersClosedOnesOnRequest) {
  ClosedLoop& l = loop();
  auto count = [](const std::string& user, const std::string& queue) -> std::int64_t {
    ApiResponse r = api().Get("/api/v1/work-orders/counts", Token(user));
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r["counts"][queue].is_number_integer() ? r["counts"][queue].get<std::int64_t>() : -1;
  };
  auto in_closed = [](const std::string& user, const std::string& queue, std::int64_t id) {
    ApiResponse r =
        api().Get("/api/v1/work-orders?limit=200&state=closed&queue=" + queue, Token(user));
    EXPECT_EQ(r.status, 200) << r.Describe();
    for (const json& item : r["items"]) {
      EXPECT_EQ(item["state"]["code"], "closed") << queue << ": " << item;
      if (item["id"] == id) return true;
    }
    return false;
  };

  const std::int64_t id =
      l.Record({{"type", "help"}, {"urgency", "emergency"}, {"title", "滨江路积水倒灌地下车库"}});
  l.Do("operator", id, "direct_dispatch",
       {{"unit_id", l.UnitId("dh-01")}, {"category_code", l.category()}});
  l.SignFor(id, "dh-01");
  l.Do("leader", id, "watch");
  l.Do("leader", id, "instruct", {{"text", "请立即组织排水，确保群众安全。"}});
  const std::int64_t fast_open = count("leader", "fast_lane");
  const std::int64_t watched_open = count("leader", "watched");
  const std::int64_t instructed_open = count("leader", "instructed");
  const std::int64_t operator_fast = count("operator", "fast_lane");
  for (const char* queue : {"fast_lane", "watched", "instructed"}) {
    EXPECT_TRUE(InQueue("leader", queue, id)) << queue;
    EXPECT_FALSE(in_closed("leader", queue, id)) << queue;
  }

  l.ContactCitizen(id, "dh-01");
  l.Reply(id, "dh-01");
  l.Approve(id);
  json v = l.Do("operator", id, "callback", {{"resolved", true}, {"satisfaction", "satisfied"}});
  ASSERT_EQ(StateOf(v), "closed");
  ASSERT_EQ(v["fast_lane"], true) << "the flag stays; the queue leaves it out";

  for (const char* queue : {"fast_lane", "watched", "instructed"}) {
    EXPECT_FALSE(InQueue("leader", queue, id)) << queue << " lists a closed work order";
    EXPECT_TRUE(in_closed("leader", queue, id)) << queue << " hides it even when asked for";
  }
  EXPECT_EQ(count("leader", "fast_lane"), fast_open - 1);
  EXPECT_EQ(count("leader", "watched"), watched_open - 1);
  EXPECT_EQ(count("leader", "instructed"), instructed_open - 1);
  EXPECT_EQ(count("operator", "fast_lane"), operator_fast - 1) << "the operator's badge";
  // A rejected request leaves the fast lane too.
  const std::int64_t rejected = l.Record({{"urgency", "emergency"}, {"title", "重复来电测试"}});
  EXPECT_TRUE(InQueue("operator", "fast_lane", rejected));
  l.Do("operator", rejected, "reject", {{"reason", "与已受理诉求重复，无需再办"}});
  EXPECT_FALSE(InQueue("operator", "fast_lane", rejected));
}

}  // namespace
}  // namespace lizheng::e2e
