// Whole cases of the closed loop (DESIGN.md §3), from the citizen's
// submission to the rating, each through the real server and the demo users.
#include <string>
#include <vector>

#include "server_suite.hpp"
#include "work_order_views.hpp"

namespace lizheng::e2e {
namespace {

class WorkflowTest : public ServerSuite {};

TEST_F(WorkflowTest, OrdinaryPathFromSubmissionToRating) {
  ClosedLoop& l = loop();
  // The citizen files without an account.
  json body = ClosedLoop::RequestBody({{"title", "幸福路路灯连续一周不亮"}});
  ApiResponse filed = api().Post("/api/v1/requests", body);
  ASSERT_EQ(filed.status, 201) << filed.Describe();
  EXPECT_EQ(filed["state"]["code"], "submitted");
  EXPECT_EQ(filed["replayed"], false);
  EXPECT_FALSE(filed.json_body.contains("work_order_id")) << "citizens are not shown internal ids";
  const std::string tracking = filed["tracking_no"].get<std::string>();
  const std::string code = filed["query_code"].get<std::string>();
  const std::int64_t id = l.IdOf(tracking);
  ASSERT_GT(id, 0);
  EXPECT_TRUE(InQueue("operator", "to_accept", id));

  json v =
      l.Do("operator", id, "accept", {{"category_code", l.category()}, {"note", "市民来电核实"}});
  EXPECT_EQ(StateOf(v), "accepted");
  EXPECT_EQ(v["category"]["code"], l.category());

  v = l.Do("dispatcher", id, "dispatch", {{"unit_id", l.UnitId("dh-01")}});
  EXPECT_EQ(StateOf(v), "dispatched");
  EXPECT_EQ(v["lead_unit"]["id"], l.UnitId("dh-01"));
  EXPECT_TRUE(HasRunningClock(v, "sign_for"));
  EXPECT_TRUE(InQueue("dh01_handler", "to_sign_for", id));

  v = l.Do("dh01_handler", id, "sign_for");
  EXPECT_EQ(StateOf(v), "in_progress");
  EXPECT_FALSE(HasRunningClock(v, "sign_for"));
  EXPECT_TRUE(HasRunningClock(v, "contact"));
  EXPECT_TRUE(HasRunningClock(v, "reply"));
  // The citizen sees when to expect the answer: the reply clock's due time.
  json signed_for = l.CitizenView(tracking, code);
  ASSERT_TRUE(signed_for["reply_due"].is_string()) << signed_for;
  int running_reply_clocks = 0;
  for (const json& clock : v["clocks"]) {
    if (clock["kind"] != "reply" || !clock["stopped_at"].is_null()) continue;
    ++running_reply_clocks;
    EXPECT_EQ(signed_for["reply_due"], clock["due_at"]);
  }
  EXPECT_EQ(running_reply_clocks, 1) << v["clocks"];

  v = l.Do("dh01_handler", id, "contact", {{"method", "phone"}, {"note", "已与市民通话"}});
  EXPECT_TRUE(v["contacted_at"].is_string());
  EXPECT_FALSE(HasRunningClock(v, "contact"));

  const std::string reply = "已安排维修人员更换路灯，今晚恢复照明。";
  v = l.Do("dh01_handler", id, "reply", {{"text", reply}});
  EXPECT_EQ(StateOf(v), "replied");
  EXPECT_EQ(v["draft_reply"]["text"], reply);
  EXPECT_TRUE(v["reply"].is_null());

  json c = l.CitizenView(tracking, code);
  EXPECT_EQ(c["state"]["code"], "replied");
  EXPECT_TRUE(c["reply"].is_null()) << "an unreviewed reply must not reach the citizen";

  v = l.Do("reviewer", id, "approve_reply");
  EXPECT_EQ(StateOf(v), "answered");
  EXPECT_EQ(v["reply"]["text"], reply);
  EXPECT_TRUE(HasRunningClock(v, "callback"));

  c = l.CitizenView(tracking, code);
  EXPECT_EQ(c["reply"]["text"], reply);
  EXPECT_EQ(c["reply"]["unit"]["id"], l.UnitId("dh-01"));

  v = l.Do("operator", id, "callback", {{"resolved", true}, {"satisfaction", "satisfied"}});
  EXPECT_EQ(StateOf(v), "closed");
  EXPECT_TRUE(v["closed_at"].is_string());
  EXPECT_EQ(v["callback"]["satisfaction"]["code"], "satisfied");
  EXPECT_TRUE(v["running_clocks"].empty());

  // The citizen rates with the query code in the header.
  ApiResponse rated = api().Post("/api/v1/requests/" + tracking + "/rate",
                                 {{"satisfaction", "satisfied"}, {"comment", "处理很及时"}}, "",
                                 {{"X-Query-Code", code}});
  ASSERT_EQ(rated.status, 200) << rated.Describe();
  EXPECT_EQ(rated["rating"]["code"], "satisfied");
  for (const json& a : rated["allowed_actions"]) EXPECT_NE(a["code"], "rate") << "rated twice?";

  v = l.View(id);
  EXPECT_EQ(TimelineActions(v),
            (std::vector<std::string>{"submit", "accept", "dispatch", "sign_for", "contact",
                                      "reply", "approve_reply", "callback", "rate"}));
  EXPECT_EQ(v["version"], 9);
  EXPECT_EQ(v["citizen_rating"]["code"], "satisfied");
  // The citizen's timeline leaves out internal steps such as the draft reply.
  c = l.CitizenView(tracking, code);
  for (const json& e : c["timeline"]) EXPECT_NE(e["action"], "reply");
  EXPECT_EQ(c["state"]["code"], "closed");
  // The query code can also come as a parameter; a wrong code finds nothing.
  EXPECT_EQ(api().Get("/api/v1/requests/" + tracking + "?query_code=" + code).status, 200);
  ApiResponse wrong = api().Get("/api/v1/requests/" + tracking + "?query_code=00000000");
  EXPECT_EQ(wrong.status, 404) << wrong.Describe();
}

TEST_F(WorkflowTest, ReturnArbitrationAnotherReturnThenRedispatch) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.Dispatched("dh-01");
  const json ret = {{"reason", "该小区不在本街道辖区"},
                    {"legal_basis", "《城市街道办事处组织条例》第六条"}};
  l.Do("dh01_manager", id, "return", ret);
  json v = l.View(id);
  EXPECT_EQ(StateOf(v), "returned");
  EXPECT_EQ(v["last_return"]["unit"]["id"], l.UnitId("dh-01"));
  EXPECT_EQ(v["last_return"]["legal_basis"], ret["legal_basis"]);
  EXPECT_TRUE(InQueue("dispatcher", "returned", id));

  // Arbitration: the return is refused, the work order goes back to dh-01.
  v = l.Do("dispatcher", id, "reject_return", {{"reason", "经核实属于该街道辖区"}});
  EXPECT_EQ(StateOf(v), "dispatched");
  EXPECT_EQ(v["handling_unit"]["id"], l.UnitId("dh-01"));
  EXPECT_TRUE(HasRunningClock(v, "sign_for"));

  l.Do("dh01_manager", id, "return", ret);
  v = l.Do("dispatcher", id, "redispatch",
           {{"unit_id", l.UnitId("zjj")}, {"reason", "改派住建局"}});
  EXPECT_EQ(StateOf(v), "dispatched");
  EXPECT_EQ(v["lead_unit"]["id"], l.UnitId("zjj"));
  EXPECT_EQ(v["counts"]["returns"], 2);
  EXPECT_EQ(v["counts"]["redispatches"], 1);

  // dh-01 lost it: it may not act on it any more; zjj signs for it.
  ApiResponse refused = l.Act("dh01_handler", id, "sign_for");
  EXPECT_EQ(refused.status, 403) << refused.Describe();
  v = l.Do("zjj_handler", id, "sign_for");
  EXPECT_EQ(StateOf(v), "in_progress");
  EXPECT_EQ(TimelineActions(v),
            (std::vector<std::string>{"submit", "accept", "dispatch", "return", "reject_return",
                                      "return", "redispatch", "sign_for"}));
}

TEST_F(WorkflowTest, PassDownToAStreetKeepsTheDistrictInTheLoop) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.InProgress("dh");
  json v = l.Do("dh_manager", id, "pass_down",
                {{"unit_id", l.UnitId("dh-01")}, {"note", "请幸福街道办理"}});
  EXPECT_EQ(v["handling_unit"]["id"], l.UnitId("dh-01"));
  EXPECT_EQ(v["lead_unit"]["id"], l.UnitId("dh"));

  // The street acts on it; the district still sees it and may act too.
  EXPECT_TRUE(InQueue("dh01_handler", "in_progress", id));
  l.Do("dh01_handler", id, "contact", {{"method", "visit"}});
  v = l.View(id, "dh_handler");
  EXPECT_EQ(StateOf(v), "in_progress");
  EXPECT_TRUE(Allows(v, "reply"));
  EXPECT_TRUE(InQueue("dh_handler", "in_progress", id));
  // Another unit sees nothing of it.
  ApiResponse other = api().Get(WorkOrderPath(id), Token("zjj_handler"));
  EXPECT_EQ(other.status, 404) << other.Describe();
  EXPECT_FALSE(InQueue("zjj_handler", "all", id));

  v = l.Do("dh01_handler", id, "reply", {{"text", "街道已协调处理完毕。"}});
  EXPECT_EQ(StateOf(v), "replied");
  EXPECT_EQ(v["draft_reply"]["unit"]["id"], l.UnitId("dh-01"));
}

TEST_F(WorkflowTest, ExtensionApprovedMovesTheDeadlineRefusedDoesNot) {
  ClosedLoop& l = loop();
  const std::int64_t granted = l.InProgress("dh-01");
  const std::string due_before = ReplyDue(l.View(granted));
  json v = l.Do("dh01_manager", granted, "request_extension",
                {{"working_days", 3}, {"reason", "需协调多个部门"}});
  EXPECT_EQ(v["pending_extension"]["working_days"], 3);
  EXPECT_EQ(ReplyDue(v), due_before) << "a request alone moves nothing";
  // A second request while one is pending is refused.
  ApiResponse twice = l.Act("dh01_manager", granted, "request_extension",
                            {{"working_days", 1}, {"reason", "再延"}});
  EXPECT_EQ(twice.status, 409) << twice.Describe();
  v = l.Do("dispatcher", granted, "decide_extension", {{"approve", true}, {"comment", "同意"}});
  EXPECT_TRUE(v["pending_extension"].is_null());
  EXPECT_EQ(v["extensions_granted"], 1);
  EXPECT_GT(ReplyDue(v), due_before) << "the approved extension must move the reply deadline";

  const std::int64_t refused = l.InProgress("dh-01");
  const std::string due = ReplyDue(l.View(refused));
  l.Do("dh01_manager", refused, "request_extension", {{"working_days", 5}, {"reason", "人手不足"}});
  v = l.Do("dispatcher", refused, "decide_extension", {{"approve", false}});
  EXPECT_EQ(v["extensions_refused"], 1);
  EXPECT_EQ(v["extensions_granted"], 0);
  EXPECT_EQ(ReplyDue(v), due);
  ApiResponse none = l.Act("dispatcher", refused, "decide_extension", {{"approve", true}});
  EXPECT_EQ(none.status, 409) << none.Describe();
  EXPECT_EQ(none.ErrorCode(), "illegal_transition");
}

TEST_F(WorkflowTest, ReplySentBackByTheReviewerThenApproved) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.Replied("dh-01");
  json v = l.Do("reviewer", id, "send_back_reply", {{"comment", "答复未说明整改时限，请补充"}});
  EXPECT_EQ(StateOf(v), "in_progress");
  EXPECT_TRUE(v["draft_reply"].is_null());
  EXPECT_EQ(v["review_comment"], "答复未说明整改时限，请补充");
  EXPECT_TRUE(HasRunningClock(v, "reply"));

  l.Reply(id, "dh-01", "已督促施工方整改，承诺三日内停止夜间施工。");
  v = l.Do("reviewer", id, "approve_reply", {{"comment", "可以"}});
  EXPECT_EQ(StateOf(v), "answered");
  EXPECT_EQ(v["reply"]["text"], "已督促施工方整改，承诺三日内停止夜间施工。");
  EXPECT_EQ(v["review_comment"], "");
}

TEST_F(WorkflowTest, UnsatisfiedUnresolvedCallbackReopensUntilClosed) {
  ClosedLoop& l = loop();
  const std::int64_t id = l.Answered("dh-01");
  json v = l.Do("operator", id, "callback",
                {{"resolved", false}, {"satisfaction", "unsatisfied"}, {"note", "施工仍在继续"}});
  EXPECT_EQ(StateOf(v), "reopened");
  EXPECT_EQ(v["counts"]["reopens"], 1);
  EXPECT_TRUE(HasRunningClock(v, "reply"));
  EXPECT_TRUE(InQueue("dh01_handler", "in_progress", id));

  l.Reply(id, "dh-01", "已联合执法部门查处，工地已停止夜间施工。");
  l.Approve(id);
  v = l.Do("operator", id, "callback",
           {{"resolved", true}, {"satisfaction", "basically_satisfied"}});
  EXPECT_EQ(StateOf(v), "closed");
  EXPECT_EQ(v["counts"]["reopens"], 1);
  // Resolved but unsatisfied closes too: only unresolved and unsatisfied reopens.
  const std::int64_t other = l.Answered("dh-01");
  v = l.Do("operator", other, "callback", {{"resolved", true}, {"satisfaction", "unsatisfied"}});
  EXPECT_EQ(StateOf(v), "closed");
}

TEST_F(WorkflowTest, CitizenDisputesAClosureOnlyOnce) {
  ClosedLoop& l = loop();
  const json receipt = l.RecordReceipt();
  const std::int64_t id = receipt["work_order_id"].get<std::int64_t>();
  const std::string tracking = receipt["tracking_no"].get<std::string>();
  const std::string code = receipt["query_code"].get<std::string>();
  l.Accept(id);
  l.Dispatch(id, "dh-01");
  l.SignFor(id, "dh-01");
  l.ContactCitizen(id, "dh-01");
  l.Reply(id, "dh-01");
  l.Approve(id);
  l.Do("operator", id, "callback", {{"resolved", true}, {"satisfaction", "satisfied"}});

  json c = l.CitizenView(tracking, code);
  EXPECT_EQ(c["state"]["code"], "closed");
  const std::string dispute_path = "/api/v1/requests/" + tracking + "/dispute";
  ApiResponse first =
      api().Post(dispute_path, {{"reason", "噪音问题并未解决"}}, "", {{"X-Query-Code", code}});
  ASSERT_EQ(first.status, 200) << first.Describe();
  EXPECT_EQ(first["state"]["code"], "answered");
  EXPECT_EQ(first["disputed"], true);
  EXPECT_TRUE(first["closed_at"].is_null());

  json v = l.View(id);
  EXPECT_TRUE(HasRunningClock(v, "callback"));
  l.Do("dispatcher", id, "close", {{"reason", "复核后确认已解决"}});
  const std::int64_t version = l.View(id)["version"].get<std::int64_t>();
  // The query code may also travel in the body.
  ApiResponse second = api().Post(dispute_path, {{"reason", "还是不满意"}, {"query_code", code}});
  EXPECT_EQ(second.status, 409) << second.Describe();
  EXPECT_EQ(second.ErrorCode(), "illegal_transition");
  EXPECT_EQ(second.ErrorReason(), "already_disputed") << second.Describe();
  EXPECT_EQ(l.View(id)["version"], version);
  c = l.CitizenView(tracking, code);
  for (const json& a : c["allowed_actions"]) EXPECT_NE(a["code"], "dispute");
}

TEST_F(WorkflowTest, MergedRequestsBothSeeThePrimarysReply) {
  ClosedLoop& l = loop();
  const json a = l.File({{"title", "东湖公园东门垃圾堆积"},
                         {"citizen", {{"name", "李四"}, {"phone", "13900001111"}}}});
  const json b = l.File({{"title", "东湖公园门口垃圾没人清理"},
                         {"citizen", {{"name", "王五"}, {"phone", "13700002222"}}}});
  const std::int64_t primary = l.IdOf(a["tracking_no"].get<std::string>());
  const std::int64_t repeat = l.IdOf(b["tracking_no"].get<std::string>());
  ASSERT_GT(primary, 0);
  ASSERT_GT(repeat, 0);
  l.Accept(primary);
  json v = l.Do("operator", repeat, "merge", {{"primary_id", primary}, {"note", "同一问题"}});
  EXPECT_EQ(StateOf(v), "merged");
  EXPECT_EQ(v["merged_into"], primary);
  v = l.View(primary);
  ASSERT_EQ(v["merged"].size(), 1u);
  EXPECT_EQ(v["merged"][0]["id"], repeat);

  l.Dispatch(primary, "dh-01");
  l.SignFor(primary, "dh-01");
  l.ContactCitizen(primary, "dh-01");
  const std::string reply = "已安排环卫工人清运垃圾，并增加清扫频次。";
  l.Reply(primary, "dh-01", reply);
  json cb = l.CitizenView(b["tracking_no"].get<std::string>(), b["query_code"].get<std::string>());
  EXPECT_TRUE(cb["reply"].is_null());
  l.Approve(primary);

  // Both citizens read the reply through their own tracking numbers.
  json ca = l.CitizenView(a["tracking_no"].get<std::string>(), a["query_code"].get<std::string>());
  EXPECT_EQ(ca["reply"]["text"], reply);
  cb = l.CitizenView(b["tracking_no"].get<std::string>(), b["query_code"].get<std::string>());
  EXPECT_EQ(cb["reply"]["text"], reply);
  EXPECT_EQ(cb["state"]["code"], "merged");
  EXPECT_EQ(cb["merged_into"]["tracking_no"], a["tracking_no"]);
  // B's code does not open A.
  ApiResponse cross = api().Get("/api/v1/requests/" + a["tracking_no"].get<std::string>(), "",
                                {{"X-Query-Code", b["query_code"].get<std::string>()}});
  EXPECT_EQ(cross.status, 404) << cross.Describe();

  // The merged citizen may rate; the closure fans out too.
  ApiResponse rated =
      api().Post("/api/v1/requests/" + b["tracking_no"].get<std::string>() + "/rate",
                 {{"satisfaction", "basically_satisfied"}}, "",
                 {{"X-Query-Code", b["query_code"].get<std::string>()}});
  EXPECT_EQ(rated.status, 200) << rated.Describe();
  l.Do("operator", primary, "callback", {{"resolved", true}, {"satisfaction", "satisfied"}});
  cb = l.CitizenView(b["tracking_no"].get<std::string>(), b["query_code"].get<std::string>());
  EXPECT_TRUE(cb["closed_at"].is_string()) << cb.dump();
}

TEST_F(WorkflowTest, CentreAnswersItselfAndTakesItBackWhenUnresolved) {
  ClosedLoop& l = loop();
  const json receipt = l.RecordReceipt({{"type", "consult"}, {"title", "居住证办理需要哪些材料"}});
  const std::int64_t id = receipt["work_order_id"].get<std::int64_t>();
  l.Accept(id);
  const std::string answer = "请携带身份证、居住地址证明到所在街道便民服务中心办理。";
  json v = l.Do("operator", id, "self_resolve", {{"text", answer}});
  EXPECT_EQ(StateOf(v), "answered");
  EXPECT_TRUE(v["reply"]["unit"].is_null()) << "the centre's own answer has no unit";
  EXPECT_TRUE(v["lead_unit"].is_null());
  json c = l.CitizenView(receipt["tracking_no"].get<std::string>(),
                         receipt["query_code"].get<std::string>());
  EXPECT_EQ(c["reply"]["text"], answer);

  // Unresolved and unsatisfied: no unit had it, so it goes back to the centre.
  v = l.Do("operator", id, "callback", {{"resolved", false}, {"satisfaction", "unsatisfied"}});
  EXPECT_EQ(StateOf(v), "accepted");
  EXPECT_EQ(v["counts"]["reopens"], 1);
  l.Dispatch(id, "dh-01");
  EXPECT_EQ(StateOf(l.View(id)), "dispatched");
}

TEST_F(WorkflowTest, RejectionReasonReachesTheCitizen) {
  ClosedLoop& l = loop();
  const json receipt = l.RecordReceipt({{"title", "咨询彩票中奖号码"}});
  const std::int64_t id = receipt["work_order_id"].get<std::int64_t>();
  json v = l.Do("operator", id, "reject", {{"reason", "不属于政务服务范围"}});
  EXPECT_EQ(StateOf(v), "rejected");
  EXPECT_EQ(v["reject_reason"], "不属于政务服务范围");
  json c = l.CitizenView(receipt["tracking_no"].get<std::string>(),
                         receipt["query_code"].get<std::string>());
  EXPECT_EQ(c["state"]["code"], "rejected");
  ASSERT_EQ(c["timeline"].size(), 2u);
  EXPECT_EQ(c["timeline"][1]["action"], "reject");
  EXPECT_EQ(c["timeline"][1]["reason"], "不属于政务服务范围");
  EXPECT_TRUE(c["allowed_actions"].empty()) << "nothing to rate or dispute";
}

}  // namespace
}  // namespace lizheng::e2e
