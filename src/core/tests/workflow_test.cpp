// The workflow engine on a small jurisdiction: every transition's rules,
// clocks and refusals.
#include <gtest/gtest.h>

#include "lizheng/core/workflow.hpp"

namespace lizheng {
namespace {

using namespace std::chrono_literals;

constexpr UnitId kGov = 1, kCentre = 2, kDh = 3, kDh01 = 4, kZjj = 5, kZjjWy = 6;

Directory MakeDirectory() {
  std::vector<Unit> units = {
      {kGov, std::nullopt, "gov", "江川市人民政府", UnitKind::kGovernment, "", true},
      {kCentre, kGov, "centre", "热线中心", UnitKind::kCentre, "", true},
      {kDh, kGov, "dh", "东湖区人民政府", UnitKind::kDistrict, "dh", true},
      {kDh01, kDh, "dh-01", "滨江街道", UnitKind::kStreet, "dh-01", true},
      {kZjj, kGov, "zjj", "市住建局", UnitKind::kDepartment, "", true},
      {kZjjWy, kZjj, "zjj-wy", "物业管理科", UnitKind::kDepartment, "", true},
  };
  std::vector<Area> areas = {{"dh", "东湖区", "", 1}, {"dh-01", "滨江街道", "dh", 2}};
  std::vector<Category> cats = {{"01", "城乡建设", "", 1}, {"01.01", "物业管理", "01", 2}};
  return Directory(Jurisdiction{1, "jc", "江川市", 480}, units, areas, cats, {}, {});
}

TimeLimitMatrix MakeLimits() {
  using U = LimitUnit;
  return TimeLimitMatrix({
      {std::nullopt, "", std::nullopt, {{15, U::kWorkingMinutes}, {30, U::kWorkingMinutes}, {5, U::kWorkingDays}}},
      {std::nullopt, "", Urgency::kEmergency, {{5, U::kMinutes}, {15, U::kMinutes}, {1, U::kHours}}},
  });
}

// Monday 2026-11-23 10:00 in UTC+8.
Timestamp Monday10() { return Timestamp(std::chrono::sys_days(std::chrono::year{2026} / 11 / 23)) + 2h; }

class WorkflowTest : public ::testing::Test {
 protected:
  Directory dir_ = MakeDirectory();
  WorkingCalendar cal_{480, {}};
  TimeLimitMatrix limits_ = MakeLimits();
  ClockPolicy policy_;
  Timestamp now_ = Monday10();

  const Actor operator_{Role::kOperator, 10, std::nullopt, "话务员"};
  const Actor dispatcher_{Role::kDispatcher, 11, std::nullopt, "派单员"};
  const Actor reviewer_{Role::kReviewer, 12, std::nullopt, "审核员"};
  const Actor leader_{Role::kLeader, 13, std::nullopt, "领导"};
  const Actor dh_manager_{Role::kUnitManager, 20, kDh, "东湖区"};
  const Actor dh01_handler_{Role::kUnitHandler, 21, kDh01, "滨江街道"};
  const Actor zjj_handler_{Role::kUnitHandler, 22, kZjj, "住建局"};
  const Actor citizen_{Role::kCitizen, 0, std::nullopt, "群众"};

  EngineContext Ctx(const WorkOrder* primary = nullptr) {
    return EngineContext{now_, dir_, cal_, limits_, policy_, primary};
  }

  WorkOrder NewRequest(Urgency urgency = Urgency::kNormal, int id = 1) {
    Submission s;
    s.type = RequestType::kComplaint;
    s.urgency = urgency;
    s.title = "小区物业乱收停车费";
    s.detail = "物业公司每月多收停车费。";
    s.area_code = "dh-01";
    s.citizen = {"张三", "13800000001"};
    EXPECT_TRUE(ValidateSubmission(s, dir_).ok());
    WorkOrder wo = Submit(s, citizen_, Ctx()).after;
    wo.id = id;
    wo.tracking_no = "20261123000001";
    return wo;
  }

  WorkOrder Do(const WorkOrder& wo, const Actor& a, Command c, const WorkOrder* primary = nullptr) {
    auto r = Apply(wo, a, c, Ctx(primary));
    EXPECT_TRUE(r.ok()) << ToWire(c.action) << ": " << (r.ok() ? "" : r.error().message);
    return r.ok() ? r->after : wo;
  }

  ErrorCode Refused(const WorkOrder& wo, const Actor& a, Command c) {
    auto r = Apply(wo, a, c, Ctx());
    EXPECT_FALSE(r.ok()) << ToWire(c.action) << " should have been refused";
    return r.ok() ? ErrorCode::kInternal : r.error().code;
  }

  static Command Cmd(Action a) {
    Command c;
    c.action = a;
    return c;
  }

  WorkOrder Dispatched(UnitId unit) {
    WorkOrder wo = NewRequest();
    Command accept = Cmd(Action::kAccept);
    accept.category_code = "01.01";
    wo = Do(wo, operator_, accept);
    Command d = Cmd(Action::kDispatch);
    d.unit = unit;
    return Do(wo, dispatcher_, d);
  }

  WorkOrder InProgress(UnitId unit, const Actor& by) {
    WorkOrder wo = Dispatched(unit);
    wo = Do(wo, by, Cmd(Action::kSignFor));
    Command contact = Cmd(Action::kContact);
    contact.method = ContactMethod::kPhone;
    return Do(wo, by, contact);
  }

  WorkOrder Answered(UnitId unit, const Actor& by) {
    WorkOrder wo = InProgress(unit, by);
    Command reply = Cmd(Action::kReply);
    reply.text = "已约谈物业公司，多收费用已退还。";
    wo = Do(wo, by, reply);
    return Do(wo, reviewer_, Cmd(Action::kApproveReply));
  }
};

TEST_F(WorkflowTest, OrdinaryPathRunsEveryClock) {
  WorkOrder wo = Dispatched(kDh01);
  EXPECT_EQ(wo.state, State::kDispatched);
  const Clock* sign = wo.RunningClock(ClockKind::kSignFor);
  ASSERT_NE(sign, nullptr);
  EXPECT_EQ(sign->due, now_ + 15min);  // 15 working minutes inside office hours

  wo = Do(wo, dh01_handler_, Cmd(Action::kSignFor));
  EXPECT_EQ(wo.state, State::kInProgress);
  EXPECT_EQ(wo.RunningClock(ClockKind::kSignFor), nullptr);
  ASSERT_NE(wo.RunningClock(ClockKind::kReply), nullptr);
  // 5 working days after Monday 23rd ends on Monday 30th, 23:59:59 local.
  EXPECT_EQ(wo.RunningClock(ClockKind::kReply)->due,
            Timestamp(std::chrono::sys_days(std::chrono::year{2026} / 11 / 30)) + 16h - 1s);

  Command reply = Cmd(Action::kReply);
  reply.text = "已处理";
  EXPECT_EQ(Refused(wo, dh01_handler_, reply), ErrorCode::kIllegalTransition) << "contact comes first";
  Command contact = Cmd(Action::kContact);
  contact.method = ContactMethod::kPhone;
  wo = Do(wo, dh01_handler_, contact);
  ASSERT_TRUE(wo.contacted_at.has_value());
  wo = Do(wo, dh01_handler_, reply);
  EXPECT_EQ(wo.state, State::kReplied);
  ASSERT_TRUE(wo.draft_reply.has_value());
  EXPECT_FALSE(wo.reply.has_value()) << "the citizen sees nothing before review";

  auto approved = Apply(wo, reviewer_, Cmd(Action::kApproveReply), Ctx());
  ASSERT_TRUE(approved.ok());
  EXPECT_EQ(approved->after.state, State::kAnswered);
  ASSERT_TRUE(approved->after.reply.has_value());
  EXPECT_EQ(approved->notices.size(), 1u);
  EXPECT_NE(approved->after.RunningClock(ClockKind::kCallback), nullptr);

  Command cb = Cmd(Action::kCallback);
  cb.resolved = true;
  cb.satisfaction = Satisfaction::kSatisfied;
  wo = Do(approved->after, operator_, cb);
  EXPECT_EQ(wo.state, State::kClosed);
  EXPECT_TRUE(wo.closed_at.has_value());
  EXPECT_TRUE(wo.IsTerminal());
  EXPECT_FALSE(wo.NextCheckAt().has_value()) << "no clock runs on a closed work order";
  EXPECT_EQ(wo.version, 8) << "one version per event: submit, accept, dispatch, sign for, contact, reply, approve, callback";
}

TEST_F(WorkflowTest, RefusalsNameTheRule) {
  WorkOrder wo = NewRequest();
  // Role.
  EXPECT_EQ(Refused(wo, reviewer_, Cmd(Action::kAccept)), ErrorCode::kForbidden);
  // State.
  EXPECT_EQ(Refused(wo, dispatcher_, Cmd(Action::kApproveReply)), ErrorCode::kForbidden);
  Command d = Cmd(Action::kDispatch);
  d.unit = kDh;
  EXPECT_EQ(Refused(wo, dispatcher_, d), ErrorCode::kIllegalTransition);
  // Required field, named.
  auto r = Apply(wo, operator_, Cmd(Action::kReject), Ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "reason");
  // A field the action does not use.
  Command accept = Cmd(Action::kAccept);
  accept.legal_basis = "x";
  r = Apply(wo, operator_, accept, Ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "legal_basis");
  // Dispatch needs a category.
  wo = Do(wo, operator_, Cmd(Action::kAccept));
  r = Apply(wo, dispatcher_, d, Ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "category_code");
}

TEST_F(WorkflowTest, UnitsActOnlyOnTheirOwnAndSubordinatesWork) {
  WorkOrder wo = Dispatched(kDh01);
  EXPECT_EQ(Refused(wo, zjj_handler_, Cmd(Action::kSignFor)), ErrorCode::kForbidden);
  EXPECT_TRUE(Permit(wo, dh_manager_, Action::kSignFor, dir_).ok()) << "dh is above dh-01";
  WorkOrder up = Dispatched(kDh);
  EXPECT_EQ(Refused(up, dh01_handler_, Cmd(Action::kSignFor)), ErrorCode::kForbidden)
      << "a street may not act on its district's work order";
}

TEST_F(WorkflowTest, ReturnArbitrationAndRedispatch) {
  WorkOrder wo = Dispatched(kZjj);
  const Actor zjj_manager{Role::kUnitManager, 23, kZjj, "住建局"};
  Command ret = Cmd(Action::kReturn);
  ret.reason = "不属于本单位职责";
  EXPECT_EQ(Refused(wo, zjj_handler_, ret), ErrorCode::kForbidden) << "returns need a manager";
  auto r = Apply(wo, zjj_manager, ret, Ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "legal_basis");
  ret.legal_basis = "《物业管理条例》第五条";
  wo = Do(wo, zjj_manager, ret);
  EXPECT_EQ(wo.state, State::kReturned);
  EXPECT_EQ(wo.return_count, 1);
  EXPECT_EQ(wo.RunningClock(ClockKind::kSignFor), nullptr);

  Command keep = Cmd(Action::kRejectReturn);
  keep.reason = "属于住建局职责";
  wo = Do(wo, dispatcher_, keep);
  EXPECT_EQ(wo.state, State::kDispatched);
  EXPECT_EQ(wo.handling_unit, kZjj);
  EXPECT_NE(wo.RunningClock(ClockKind::kSignFor), nullptr);

  wo = Do(wo, zjj_manager, ret);
  Command re = Cmd(Action::kRedispatch);
  re.unit = kDh;
  wo = Do(wo, dispatcher_, re);
  EXPECT_EQ(wo.state, State::kDispatched);
  EXPECT_EQ(wo.lead_unit, kDh);
  EXPECT_EQ(wo.redispatch_count, 1);
}

TEST_F(WorkflowTest, PassDownOnlyBelow) {
  WorkOrder wo = InProgress(kDh, dh_manager_);
  Command pd = Cmd(Action::kPassDown);
  pd.unit = kZjj;
  auto r = Apply(wo, dh_manager_, pd, Ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "unit_id");
  pd.unit = kDh01;
  const Timestamp due = wo.RunningClock(ClockKind::kReply)->due;
  wo = Do(wo, dh_manager_, pd);
  EXPECT_EQ(wo.handling_unit, kDh01);
  EXPECT_EQ(wo.lead_unit, kDh);
  EXPECT_EQ(wo.RunningClock(ClockKind::kReply)->due, due) << "passing down grants no time";
  Command reply = Cmd(Action::kReply);
  reply.text = "街道已处理";
  EXPECT_EQ(Do(wo, dh01_handler_, reply).state, State::kReplied);
}

TEST_F(WorkflowTest, ExtensionApprovedMovesTheDeadlineRefusedDoesNot) {
  WorkOrder wo = InProgress(kDh, dh_manager_);
  const Timestamp due = wo.RunningClock(ClockKind::kReply)->due;
  Command ask = Cmd(Action::kRequestExtension);
  ask.working_days = 99;
  ask.reason = "需要协调多个部门";
  auto r = Apply(wo, dh_manager_, ask, Ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "working_days");
  ask.working_days = 3;
  WorkOrder asked = Do(wo, dh_manager_, ask);
  EXPECT_EQ(Refused(asked, dh_manager_, ask), ErrorCode::kIllegalTransition) << "one pending at a time";

  Command yes = Cmd(Action::kDecideExtension);
  yes.approve = true;
  WorkOrder granted = Do(asked, dispatcher_, yes);
  EXPECT_EQ(granted.RunningClock(ClockKind::kReply)->due, due + std::chrono::days(3));
  EXPECT_EQ(granted.extensions_granted, 1);

  Command no = Cmd(Action::kDecideExtension);
  no.approve = false;
  WorkOrder refused = Do(asked, dispatcher_, no);
  EXPECT_EQ(refused.RunningClock(ClockKind::kReply)->due, due);
  EXPECT_EQ(refused.extensions_refused, 1);
}

TEST_F(WorkflowTest, SendBackResumesTheOldDeadline) {
  WorkOrder wo = InProgress(kDh, dh_manager_);
  const Timestamp due = wo.RunningClock(ClockKind::kReply)->due;
  Command reply = Cmd(Action::kReply);
  reply.text = "已处理";
  wo = Do(wo, dh_manager_, reply);
  Command back = Cmd(Action::kSendBackReply);
  back.comment = "答复未说明处理依据";
  wo = Do(wo, reviewer_, back);
  EXPECT_EQ(wo.state, State::kInProgress);
  EXPECT_EQ(wo.review_comment, "答复未说明处理依据");
  ASSERT_NE(wo.RunningClock(ClockKind::kReply), nullptr);
  EXPECT_EQ(wo.RunningClock(ClockKind::kReply)->due, due);
}

TEST_F(WorkflowTest, UnsatisfiedCallbackReopensAndDisputeWorksOnce) {
  WorkOrder wo = Answered(kDh, dh_manager_);
  Command cb = Cmd(Action::kCallback);
  cb.resolved = false;
  cb.satisfaction = Satisfaction::kUnsatisfied;
  wo = Do(wo, operator_, cb);
  EXPECT_EQ(wo.state, State::kReopened);
  EXPECT_EQ(wo.reopen_count, 1);
  EXPECT_NE(wo.RunningClock(ClockKind::kReply), nullptr);

  Command reply = Cmd(Action::kReply);
  reply.text = "再次核查后已整改";
  wo = Do(wo, dh_manager_, reply);
  wo = Do(wo, reviewer_, Cmd(Action::kApproveReply));
  cb.resolved = true;
  cb.satisfaction = Satisfaction::kBasicallySatisfied;
  wo = Do(wo, operator_, cb);
  ASSERT_EQ(wo.state, State::kClosed);

  Command dispute = Cmd(Action::kDispute);
  dispute.reason = "问题仍未解决";
  EXPECT_EQ(Refused(wo, operator_, dispute), ErrorCode::kForbidden) << "only the citizen disputes";
  WorkOrder disputed = Do(wo, citizen_, dispute);
  EXPECT_EQ(disputed.state, State::kAnswered);
  Command close = Cmd(Action::kClose);
  close.reason = "复核后维持原答复";
  WorkOrder closed_again = Do(disputed, dispatcher_, close);
  EXPECT_EQ(Refused(closed_again, citizen_, dispute), ErrorCode::kIllegalTransition);

  now_ += std::chrono::days(policy_.dispute_window_days + 1);
  EXPECT_EQ(Refused(wo, citizen_, dispute), ErrorCode::kIllegalTransition) << "window passed";
}

TEST_F(WorkflowTest, MergeRecordsTheRepeatOnThePrimaryAndFollowsIt) {
  WorkOrder primary = NewRequest(Urgency::kNormal, 1);
  WorkOrder repeat = NewRequest(Urgency::kNormal, 2);
  Command merge = Cmd(Action::kMerge);
  merge.primary = 1;
  auto r = Apply(repeat, operator_, merge, Ctx(&primary));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->after.state, State::kMerged);
  ASSERT_TRUE(r->primary_after.has_value());
  EXPECT_EQ(r->primary_after->merged, std::vector<WorkOrderId>{2});
  EXPECT_EQ(r->primary_after->version, primary.version + 1);

  WorkOrder self = NewRequest(Urgency::kNormal, 1);
  EXPECT_FALSE(Apply(self, operator_, merge, Ctx(&primary)).ok()) << "not into itself";

  WorkOrder answered = Answered(kDh, dh_manager_);
  answered.id = 1;
  answered.merged = {2};
  const Actor system{Role::kSystem, 0, std::nullopt, "system"};
  auto f = Apply(r->after, system, Cmd(Action::kFollowPrimary), Ctx(&answered));
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_EQ(f->after.reply, answered.reply);
  EXPECT_EQ(f->notices.size(), 1u);
  EXPECT_FALSE(Apply(f->after, system, Cmd(Action::kFollowPrimary), Ctx(&answered)).ok())
      << "nothing new the second time";

  // The repeat's citizen rates only once the primary's reply has reached it.
  const Actor citizen{Role::kCitizen, 0, std::nullopt, "群众"};
  Command rate = Cmd(Action::kRate);
  rate.satisfaction = Satisfaction::kSatisfied;
  auto early = Apply(r->after, citizen, rate, Ctx());
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.error().message.find("no reply to rate"), std::string::npos) << early.error().message;
  EXPECT_TRUE(Apply(f->after, citizen, rate, Ctx()).ok());
}

TEST_F(WorkflowTest, DirectDispatchOnlyForEmergencies) {
  Command d = Cmd(Action::kDirectDispatch);
  d.unit = kDh;
  d.category_code = "01";
  auto r = Apply(NewRequest(), operator_, d, Ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "urgency");
  WorkOrder wo = Do(NewRequest(Urgency::kEmergency), operator_, d);
  EXPECT_EQ(wo.state, State::kDispatched);
  EXPECT_TRUE(wo.fast_lane);
  EXPECT_EQ(wo.RunningClock(ClockKind::kSignFor)->due, now_ + 5min) << "natural minutes";
}

// A suspected flood is filed like any request but waits for the centre
// before it takes the fast lane; accepting it confirms it genuine.
TEST_F(WorkflowTest, ASuspectedFloodTakesTheFastLaneOnlyOnceAccepted) {
  Submission s;
  s.type = RequestType::kHelp;
  s.title = "燃气泄漏";
  s.detail = "和平路12号楼道里燃气泄漏，味道非常大。";
  s.area_code = "dh-01";
  s.source_address = "203.0.113.7";
  s.suspected_flood = true;
  Assessment risky;
  risky.fast_lane = true;
  s.assessment = risky;
  Transition t = Submit(s, citizen_, Ctx());
  EXPECT_TRUE(t.after.suspected_flood);
  EXPECT_FALSE(t.after.fast_lane);
  bool recorded = false;
  for (const auto& [k, v] : t.event.data) recorded = recorded || (k == "suspected_flood" && v == "true");
  EXPECT_TRUE(recorded);

  Command accept = Cmd(Action::kAccept);
  accept.category_code = "01.01";
  WorkOrder wo = t.after;
  wo.id = 1;
  wo = Do(wo, operator_, accept);
  EXPECT_FALSE(wo.suspected_flood);
  EXPECT_TRUE(wo.fast_lane);

  // Staff intake is never a suspected flood, whatever the caller says.
  s.suspected_flood = true;
  EXPECT_FALSE(Submit(s, operator_, Ctx()).after.suspected_flood);
  // Without the flag the risks take the fast lane at once.
  s.suspected_flood = false;
  EXPECT_TRUE(Submit(s, citizen_, Ctx()).after.fast_lane);
}

TEST_F(WorkflowTest, EscalationGoesUpSupervisionAndInstructionsAreTracked) {
  WorkOrder wo = InProgress(kDh01, dh01_handler_);
  Command esc = Cmd(Action::kEscalate);
  esc.reason = "街道无力解决";
  esc.unit = kZjj;
  EXPECT_EQ(Refused(wo, dispatcher_, esc), ErrorCode::kInvalidArgument) << "not above dh-01";
  esc.unit = kDh;
  wo = Do(wo, dispatcher_, esc);
  EXPECT_EQ(wo.lead_unit, kDh);
  EXPECT_TRUE(wo.escalated);
  EXPECT_EQ(wo.state, State::kDispatched);

  Command sup = Cmd(Action::kSupervise);
  sup.working_days = 2;
  wo = Do(wo, leader_, sup);
  ASSERT_TRUE(wo.supervision && wo.supervision->open);
  EXPECT_EQ(Refused(wo, leader_, sup), ErrorCode::kIllegalTransition);

  Command ins = Cmd(Action::kInstruct);
  ins.text = "请东湖区三日内办结并报告";
  wo = Do(wo, leader_, ins);
  EXPECT_TRUE(wo.HasPendingInstruction());
  EXPECT_EQ(Refused(wo, dh01_handler_, Cmd(Action::kAcknowledgeInstruction)), ErrorCode::kForbidden);
  wo = Do(wo, dh_manager_, Cmd(Action::kAcknowledgeInstruction));
  EXPECT_FALSE(wo.HasPendingInstruction());
}

TEST_F(WorkflowTest, SchedulerWarnsThenMarksOverdue) {
  WorkOrder wo = Dispatched(kDh);
  const Clock sign = *wo.RunningClock(ClockKind::kSignFor);
  EXPECT_EQ(wo.NextCheckAt(), sign.warn_at);
  EXPECT_TRUE(CheckClocks(wo, Ctx()).empty());

  now_ = sign.warn_at;
  auto warn = CheckClocks(wo, Ctx());
  ASSERT_EQ(warn.size(), 1u);
  EXPECT_EQ(warn[0].event.action, Action::kDeadlineWarning);
  wo = warn[0].after;
  EXPECT_EQ(wo.NextCheckAt(), sign.due);

  now_ = sign.due + 1min;
  auto late = CheckClocks(wo, Ctx());
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].event.action, Action::kMarkOverdue);
  wo = late[0].after;
  EXPECT_TRUE(wo.IsOverdue());
  EXPECT_FALSE(wo.NextCheckAt().has_value());
  wo = Do(wo, dh_manager_, Cmd(Action::kSignFor));
  EXPECT_FALSE(wo.IsOverdue()) << "the late clock stopped";
  EXPECT_TRUE(wo.clocks.front().overdue) << "but it stays counted";
}

TEST_F(WorkflowTest, WatchPublishAndSubmissionValidation) {
  WorkOrder wo = Answered(kDh, dh_manager_);
  wo = Do(wo, leader_, Cmd(Action::kWatch));
  EXPECT_EQ(Refused(wo, leader_, Cmd(Action::kWatch)), ErrorCode::kConflict);
  wo = Do(wo, leader_, Cmd(Action::kUnwatch));
  EXPECT_TRUE(wo.watchers.empty());
  EXPECT_EQ(Refused(wo, reviewer_, Cmd(Action::kPublish)), ErrorCode::kIllegalTransition)
      << "no consent";
  wo.consent_public = true;
  EXPECT_TRUE(Do(wo, reviewer_, Cmd(Action::kPublish)).published);

  Submission s;
  s.title = "标";
  s.detail = std::string(3 * (kMaxDetailChars + 1), 'x');
  s.area_code = "dh";
  auto st = ValidateSubmission(s, dir_);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().field, "detail");
  s.detail = "详情";
  s.area_code = "nowhere";
  EXPECT_EQ(ValidateSubmission(s, dir_).error().field, "area_code");
  s.area_code = "dh";
  s.citizen.phone = "call me";
  EXPECT_EQ(ValidateSubmission(s, dir_).error().field, "citizen.phone");
}

}  // namespace
}  // namespace lizheng
