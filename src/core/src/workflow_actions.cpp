// The rules of each action beyond the action table: what it requires of the
// work order and its fields, what it changes, which clocks it starts and
// stops, and whom it notifies.
#include <algorithm>
#include <string>

#include "clocks.hpp"
#include "step.hpp"

namespace lizheng::detail {
namespace {

using F = CommandField;

std::string Tracking(const Step& s) { return s.wo.tracking_no; }

Status CheckCategory(const Step& s, const std::string& code) {
  if (!code.empty() && !s.ctx.directory.FindCategory(code))
    return InvalidField(F::kCategory, "unknown_category",
                        Text{"没有分类 '" + code + "'", "unknown category '" + code + "'"});
  return OkStatus();
}

// A unit that can take work orders: known, active, not the centre itself.
Status CheckTargetUnit(const Step& s, UnitId id, F field) {
  const Unit* u = s.ctx.directory.FindUnit(id);
  if (!u)
    return InvalidField(
        field, "unknown_unit",
        Text{"没有编号为 " + std::to_string(id) + " 的单位", "unknown unit " + std::to_string(id)});
  if (!u->active)
    return InvalidField(field, "unit_inactive",
                        Text{"单位“" + u->name + "”已停用", "unit '" + u->name + "' is inactive"});
  if (u->kind == UnitKind::kCentre)
    return InvalidField(field, "centre_not_handling_unit",
                        Text{"中心不能作为承办单位，请改用自办",
                             "the centre cannot be a handling unit; self-resolve instead"});
  return OkStatus();
}

Status CheckAssisting(const Step& s, UnitId lead) {
  std::vector<UnitId> seen;
  for (UnitId id : s.cmd.assisting_units) {
    LZ_RETURN_IF_ERROR(CheckTargetUnit(s, id, F::kAssistingUnits));
    if (id == lead)
      return InvalidField(F::kAssistingUnits, "assisting_is_lead",
                          Text{"协办单位不能包含主办单位", "must not include the lead unit"});
    if (std::find(seen.begin(), seen.end(), id) != seen.end())
      return InvalidField(F::kAssistingUnits, "unit_listed_twice",
                          Text{"单位 " + std::to_string(id) + " 重复列出",
                               "unit " + std::to_string(id) + " listed twice"});
    seen.push_back(id);
  }
  return OkStatus();
}

// Sends the work order to `unit` as lead unit: sign-for clock restarts.
void SendToUnit(Step& s, UnitId unit) {
  StopUnitClocks(s.wo, s.ctx.now);
  s.wo.lead_unit = unit;
  s.wo.handling_unit = unit;
  s.wo.state = State::kDispatched;
  s.wo.contacted_at.reset();
  StartClockFor(s.wo, ClockKind::kSignFor, LimitsFor(s.wo, s.ctx).sign_for, s.ctx);
  s.PutUnit("unit_id", unit);
}

// The category a centre action sets or, by acting on it, confirms.
Status TakeCategory(Step& s) {
  LZ_RETURN_IF_ERROR(CheckCategory(s, s.cmd.category_code));
  if (!s.cmd.category_code.empty()) s.wo.category_code = s.cmd.category_code;
  if (!s.wo.category_code.empty()) s.wo.category_source = CategorySource::kStaff;
  return OkStatus();
}

// Accepting (or directly dispatching) a suspected flood is the centre's
// word that it is genuine: it counts from now on, and takes the fast lane
// if its risks call for it.
void ConfirmGenuine(Step& s) {
  if (!s.wo.suspected_flood) return;
  s.wo.suspected_flood = false;
  if (s.wo.assessment && s.wo.assessment->fast_lane) s.wo.fast_lane = true;
  s.Put("suspected_flood", "confirmed_genuine");
}

Status DoDispatch(Step& s) {
  const UnitId unit = *s.cmd.unit;
  LZ_RETURN_IF_ERROR(CheckTargetUnit(s, unit, F::kUnit));
  LZ_RETURN_IF_ERROR(CheckAssisting(s, unit));
  LZ_RETURN_IF_ERROR(TakeCategory(s));
  if (s.wo.category_code.empty())
    return InvalidField(F::kCategory, "category_required",
                        Text{"必填：派单前请先为诉求选择分类",
                             "required: classify the request before dispatching it"});
  if (s.cmd.action == Action::kDirectDispatch) {
    if (s.wo.urgency != Urgency::kEmergency)
      return InvalidField(
          "urgency", "direct_dispatch_not_emergency",
          Text{"直派仅用于紧急诉求，请先受理再派单",
               "direct dispatch is only for emergencies; accept and dispatch instead"});
    s.wo.fast_lane = true;
    ConfirmGenuine(s);
  }
  s.wo.assisting_units = s.cmd.assisting_units;
  SendToUnit(s, unit);
  s.Put("category_code", s.wo.category_code);
  for (UnitId a : s.cmd.assisting_units) s.PutUnit("assisting_unit_id", a);
  if (!s.cmd.note.empty()) s.Put("note", s.cmd.note);
  return OkStatus();
}

Status DoAccept(Step& s) {
  LZ_RETURN_IF_ERROR(TakeCategory(s));
  ConfirmGenuine(s);
  if (s.cmd.type) s.wo.type = *s.cmd.type;
  if (s.cmd.urgency) {
    s.wo.urgency = *s.cmd.urgency;
    if (s.wo.urgency == Urgency::kEmergency) s.wo.fast_lane = true;
  }
  s.wo.state = State::kAccepted;
  s.Put("type", std::string(ToWire(s.wo.type)));
  s.Put("urgency", std::string(ToWire(s.wo.urgency)));
  if (!s.wo.category_code.empty()) s.Put("category_code", s.wo.category_code);
  if (!s.cmd.note.empty()) s.Put("note", s.cmd.note);
  s.Notify("您的诉求（编号" + Tracking(s) + "）已受理，我们将尽快办理。");
  return OkStatus();
}

Status DoReject(Step& s) {
  // Its repeats would follow a request that will never be answered: each
  // repeat's citizen deserves the centre's own decision (un-merge first).
  if (!s.wo.merged.empty())
    return Illegal("reject_has_repeats",
                   Text{"本件已并入重复诉求（" + RepeatIds(s.wo) + "），请先取消并单，再不予受理",
                        "repeats are merged into this work order (" + RepeatIds(s.wo) +
                            "); un-merge them before rejecting it"});
  s.wo.state = State::kRejected;
  s.wo.reject_reason = s.cmd.reason;
  s.Put("reason", s.cmd.reason);
  s.Notify("您的诉求（编号" + Tracking(s) + "）不予受理：" + s.cmd.reason);
  return OkStatus();
}

// Publishes a reply to the citizen and starts the callback clock.
void PublishReply(Step& s, Reply reply) {
  s.wo.reply = std::move(reply);
  s.wo.draft_reply.reset();
  s.wo.state = State::kAnswered;
  StartClockFor(s.wo, ClockKind::kCallback, s.ctx.policy.callback, s.ctx);
  s.Notify("您的诉求（编号" + Tracking(s) + "）已有答复，请凭查询码查看。");
}

Status DoSelfResolve(Step& s) {
  LZ_RETURN_IF_ERROR(TakeCategory(s));
  PublishReply(s, Reply{s.cmd.text, 0, s.actor.user, s.ctx.now});
  s.Put("text", s.cmd.text);
  return OkStatus();
}

Status DoSignFor(Step& s) {
  StopClock(s.wo, ClockKind::kSignFor, s.ctx.now);
  const LimitSet limits = LimitsFor(s.wo, s.ctx);
  StartClockFor(s.wo, ClockKind::kContact, limits.contact, s.ctx);
  StartClockFor(s.wo, ClockKind::kReply, limits.reply, s.ctx);
  s.wo.state = State::kInProgress;
  s.PutUnit("unit_id", *s.wo.handling_unit);
  if (!s.cmd.note.empty()) s.Put("note", s.cmd.note);
  return OkStatus();
}

Status DoReturn(Step& s) {
  StopUnitClocks(s.wo, s.ctx.now);
  s.wo.last_return = ReturnInfo{*s.wo.handling_unit, s.cmd.reason, s.cmd.legal_basis, s.ctx.now};
  s.wo.return_count += 1;
  s.wo.state = State::kReturned;
  s.PutUnit("unit_id", *s.wo.handling_unit);
  s.Put("reason", s.cmd.reason);
  s.Put("legal_basis", s.cmd.legal_basis);
  return OkStatus();
}

Status DoRejectReturn(Step& s) {
  if (!s.wo.last_return)
    return Illegal("no_return", Text{"该工单没有待审核的退回", "there is no return to arbitrate"});
  SendToUnit(s, s.wo.last_return->unit);
  s.Put("reason", s.cmd.reason);
  return OkStatus();
}

Status DoRedispatch(Step& s) {
  const UnitId unit = *s.cmd.unit;
  LZ_RETURN_IF_ERROR(CheckTargetUnit(s, unit, F::kUnit));
  if (s.wo.state != State::kReturned && s.wo.lead_unit == unit)
    return InvalidField(F::kUnit, "already_with_unit",
                        Text{"工单已在该单位办理", "the work order is already with this unit"});
  LZ_RETURN_IF_ERROR(CheckAssisting(s, unit));
  if (s.wo.state == State::kDispatched || s.wo.state == State::kInProgress) {
    if (s.cmd.reason.empty())
      return InvalidField(
          F::kReason, "field_required",
          Text{"从承办单位改派时必填", "required when taking a work order from a unit"});
  }
  s.wo.redispatch_count += 1;
  if (!s.cmd.assisting_units.empty()) s.wo.assisting_units = s.cmd.assisting_units;
  if (s.before.lead_unit) s.PutUnit("from_unit_id", *s.before.lead_unit);
  SendToUnit(s, unit);
  if (!s.cmd.reason.empty()) s.Put("reason", s.cmd.reason);
  return OkStatus();
}

Status DoPassDown(Step& s) {
  const UnitId unit = *s.cmd.unit;
  LZ_RETURN_IF_ERROR(CheckTargetUnit(s, unit, F::kUnit));
  if (unit == *s.wo.handling_unit || !s.ctx.directory.IsSelfOrAncestor(*s.wo.handling_unit, unit))
    return InvalidField(F::kUnit, "unit_not_below",
                        Text{"须为承办单位的下级单位", "must be a unit below the handling unit"});
  s.PutUnit("from_unit_id", *s.wo.handling_unit);
  s.wo.handling_unit = unit;
  s.PutUnit("unit_id", unit);
  if (!s.cmd.note.empty()) s.Put("note", s.cmd.note);
  return OkStatus();
}

Status DoContact(Step& s) {
  StopClock(s.wo, ClockKind::kContact, s.ctx.now);
  if (!s.wo.contacted_at) s.wo.contacted_at = s.ctx.now;
  s.Put("method", std::string(ToWire(*s.cmd.method)));
  if (!s.cmd.note.empty()) s.Put("note", s.cmd.note);
  return OkStatus();
}

Status DoReply(Step& s) {
  StopClock(s.wo, ClockKind::kReply, s.ctx.now);
  s.wo.draft_reply = Reply{s.cmd.text, *s.wo.handling_unit, s.actor.user, s.ctx.now};
  s.wo.state = State::kReplied;
  s.Put("text", s.cmd.text);
  return OkStatus();
}

Status DoApproveReply(Step& s) {
  if (!s.wo.draft_reply)
    return Illegal("no_draft_reply", Text{"没有待审核的答复", "there is no reply to review"});
  Reply reply = *s.wo.draft_reply;
  PublishReply(s, std::move(reply));
  s.wo.review_comment.clear();
  if (!s.cmd.comment.empty()) s.Put("comment", s.cmd.comment);
  return OkStatus();
}

// The reply clock resumes with its old deadline: sending back costs the
// unit time, it does not grant any.
void ResumeReplyClock(Step& s) {
  for (auto it = s.wo.clocks.rbegin(); it != s.wo.clocks.rend(); ++it) {
    if (it->kind == ClockKind::kReply) {
      it->stopped.reset();
      return;
    }
  }
  StartClockFor(s.wo, ClockKind::kReply, LimitsFor(s.wo, s.ctx).reply, s.ctx);
}

Status DoSendBackReply(Step& s) {
  s.wo.draft_reply.reset();
  s.wo.review_comment = s.cmd.comment;
  s.wo.state = s.wo.reopen_count > 0 ? State::kReopened : State::kInProgress;
  ResumeReplyClock(s);
  s.Put("comment", s.cmd.comment);
  return OkStatus();
}

Status DoRequestExtension(Step& s) {
  if (s.wo.pending_extension)
    return Illegal(
        "extension_pending",
        Text{"已有延期申请等待审批", "an extension request is already waiting for a decision"});
  const int days = *s.cmd.working_days;
  if (days < 1 || days > s.ctx.policy.max_extension_working_days)
    return InvalidField(
        F::kWorkingDays, "out_of_range",
        Text{"应在 1 到 " + std::to_string(s.ctx.policy.max_extension_working_days) +
                 " 个工作日之间",
             "between 1 and " + std::to_string(s.ctx.policy.max_extension_working_days)});
  if (!s.wo.RunningClock(ClockKind::kReply))
    return Illegal("reply_clock_stopped",
                   Text{"答复时限未在计时", "the reply clock is not running"});
  s.wo.pending_extension = Extension{days, s.cmd.reason, s.ctx.now, s.actor.user};
  s.Put("working_days", std::to_string(days));
  s.Put("reason", s.cmd.reason);
  return OkStatus();
}

Status DoDecideExtension(Step& s) {
  if (!s.wo.pending_extension)
    return Illegal("no_extension_request",
                   Text{"没有待审批的延期申请", "there is no extension request to decide"});
  const Extension ext = *s.wo.pending_extension;
  s.wo.pending_extension.reset();
  s.Put("approve", *s.cmd.approve ? "true" : "false");
  s.Put("working_days", std::to_string(ext.working_days));
  if (!s.cmd.comment.empty()) s.Put("comment", s.cmd.comment);
  if (!*s.cmd.approve) {
    s.wo.extensions_refused += 1;
    return OkStatus();
  }
  s.wo.extensions_granted += 1;
  // The deadline moves; the clock (running, or stopped while under review)
  // keeps its start so the unit's working time stays honest.
  for (auto it = s.wo.clocks.rbegin(); it != s.wo.clocks.rend(); ++it) {
    if (it->kind != ClockKind::kReply) continue;
    it->due = s.ctx.calendar.AddWorkingDays(it->due, ext.working_days);
    it->warn_at = WarnAt(it->started, it->due, s.ctx.policy.warn_fraction);
    it->warned = it->warned && s.ctx.now >= it->warn_at;
    s.Put("due", FormatTimestamp(it->due, s.ctx.calendar.utc_offset_minutes()));
    break;
  }
  return OkStatus();
}

// Back to the unit with a new reply deadline, counted against it.
void Reopen(Step& s) {
  s.wo.reopen_count += 1;
  s.wo.closed_at.reset();
  StopClock(s.wo, ClockKind::kCallback, s.ctx.now);
  if (!s.wo.handling_unit) {
    s.wo.state = State::kAccepted;  // answered by the centre itself: back to the centre
  } else {
    s.wo.state = State::kReopened;
    StartClockFor(s.wo, ClockKind::kReply, s.ctx.policy.reopen_reply, s.ctx);
  }
  s.Notify("您的诉求（编号" + Tracking(s) + "）已重新交办。");
}

void CloseWorkOrder(Step& s) {
  StopClock(s.wo, ClockKind::kCallback, s.ctx.now);
  s.wo.state = State::kClosed;
  s.wo.closed_at = s.ctx.now;
}

Status DoCallback(Step& s) {
  s.wo.callback = CallbackResult{*s.cmd.resolved, *s.cmd.satisfaction, s.cmd.note, s.ctx.now};
  s.Put("resolved", *s.cmd.resolved ? "true" : "false");
  s.Put("satisfaction", std::string(ToWire(*s.cmd.satisfaction)));
  if (!s.cmd.note.empty()) s.Put("note", s.cmd.note);
  if (!*s.cmd.resolved && *s.cmd.satisfaction == Satisfaction::kUnsatisfied) {
    Reopen(s);
  } else {
    CloseWorkOrder(s);
  }
  return OkStatus();
}

Status DoReopen(Step& s) {
  Reopen(s);
  s.Put("reason", s.cmd.reason);
  return OkStatus();
}

Status DoClose(Step& s) {
  CloseWorkOrder(s);
  s.Put("reason", s.cmd.reason);
  return OkStatus();
}

Status DoDispute(Step& s) {
  if (s.wo.disputed)
    return Illegal("already_disputed", Text{"已办结的诉求只能提出一次异议",
                                            "a closed request can be disputed only once"});
  if (s.wo.state == State::kMerged && !s.wo.closed_at)
    return Illegal("dispute_before_closure",
                   Text{"合并办理的主单尚未办结，办结后方可提出异议",
                        "the request it was merged with is not closed yet; a dispute is possible "
                        "once it is"});
  const auto window = std::chrono::days(s.ctx.policy.dispute_window_days);
  if (!s.wo.closed_at || s.ctx.now > *s.wo.closed_at + window)
    return Illegal(
        "dispute_window_passed",
        Text{"已超过办结后 " + std::to_string(s.ctx.policy.dispute_window_days) + " 天的异议期限",
             "the dispute window of " + std::to_string(s.ctx.policy.dispute_window_days) +
                 " days after closing has passed"});
  // The shared answer did not fit this citizen: their request leaves the
  // merge and is called back on its own.
  if (s.wo.state == State::kMerged) LZ_RETURN_IF_ERROR(Detach(s));
  s.wo.disputed = true;
  s.wo.closed_at.reset();
  s.wo.state = State::kAnswered;
  StartClockFor(s.wo, ClockKind::kCallback, s.ctx.policy.callback, s.ctx);
  s.Put("reason", s.cmd.reason);
  return OkStatus();
}

Status DoRate(Step& s) {
  if (s.wo.citizen_rating)
    return Illegal("already_rated", Text{"该诉求已评价过", "this request has already been rated"});
  // A merged request waits for the primary's reply before it can be rated.
  if (!s.wo.reply)
    return Illegal("no_reply_yet", Text{"尚无答复，暂不能评价", "there is no reply to rate yet"});
  s.wo.citizen_rating = *s.cmd.satisfaction;
  s.wo.citizen_comment = s.cmd.comment;
  s.Put("satisfaction", std::string(ToWire(*s.cmd.satisfaction)));
  if (!s.cmd.comment.empty()) s.Put("comment", s.cmd.comment);
  return OkStatus();
}

Status DoSupervise(Step& s) {
  if (s.wo.supervision && s.wo.supervision->open)
    return Illegal("supervision_open",
                   Text{"已有未结束的督办", "a supervision order is already open"});
  LimitSpan span = s.ctx.policy.supervision;
  if (s.cmd.working_days) {
    if (*s.cmd.working_days < 1 || *s.cmd.working_days > 30)
      return InvalidField(F::kWorkingDays, "out_of_range",
                          Text{"应在 1 到 30 个工作日之间", "between 1 and 30"});
    span = LimitSpan{*s.cmd.working_days, LimitUnit::kWorkingDays};
  }
  s.wo.supervision = Supervision{s.cmd.note, s.actor.user, s.ctx.now, true};
  StartClockFor(s.wo, ClockKind::kSupervision, span, s.ctx);
  s.Put("due", FormatTimestamp(s.wo.RunningClock(ClockKind::kSupervision)->due,
                               s.ctx.calendar.utc_offset_minutes()));
  if (!s.cmd.note.empty()) s.Put("note", s.cmd.note);
  return OkStatus();
}

Status DoEscalate(Step& s) {
  const UnitId unit = *s.cmd.unit;
  LZ_RETURN_IF_ERROR(CheckTargetUnit(s, unit, F::kUnit));
  const UnitId current = s.wo.lead_unit ? *s.wo.lead_unit : 0;
  if (unit == current || !s.ctx.directory.IsSelfOrAncestor(unit, current))
    return InvalidField(
        F::kUnit, "unit_not_above",
        Text{"须为当前主办单位的上级单位", "must be a unit above the current lead unit"});
  s.wo.escalated = true;
  s.wo.fast_lane = true;
  s.PutUnit("from_unit_id", current);
  SendToUnit(s, unit);
  s.Put("reason", s.cmd.reason);
  if (!s.cmd.note.empty()) s.Put("note", s.cmd.note);
  return OkStatus();
}

Status DoInstruct(Step& s) {
  s.wo.instructions.push_back(Instruction{s.actor.user, s.cmd.text, s.ctx.now, std::nullopt, 0});
  s.Put("text", s.cmd.text);
  return OkStatus();
}

Status DoAcknowledge(Step& s) {
  int n = 0;
  for (auto& i : s.wo.instructions) {
    if (i.acknowledged_at) continue;
    i.acknowledged_at = s.ctx.now;
    i.acknowledged_by = s.actor.user;
    ++n;
  }
  if (n == 0)
    return Illegal("no_instruction",
                   Text{"没有待确认的批示", "there is no instruction waiting for acknowledgement"});
  s.Put("acknowledged", std::to_string(n));
  if (!s.cmd.note.empty()) s.Put("note", s.cmd.note);
  return OkStatus();
}

Status DoWatch(Step& s, bool watch) {
  auto& w = s.wo.watchers;
  const auto it = std::find(w.begin(), w.end(), s.actor.user);
  if (watch) {
    if (it != w.end())
      return MakeError(ErrorCode::kConflict, "already_watching",
                       Text{"您已关注该工单", "you already watch this work order"});
    w.push_back(s.actor.user);
  } else {
    if (it == w.end())
      return MakeError(ErrorCode::kConflict, "not_watching",
                       Text{"您未关注该工单", "you do not watch this work order"});
    w.erase(it);
  }
  return OkStatus();
}

Status DoPublish(Step& s, bool publish) {
  if (publish) {
    if (!s.wo.consent_public)
      return Illegal("no_consent",
                     Text{"群众未同意公开", "the citizen did not consent to publication"});
    if (!s.wo.reply)
      return Illegal("no_published_reply",
                     Text{"尚无已发布的答复", "there is no published reply yet"});
    if (s.wo.published)
      return MakeError(ErrorCode::kConflict, "already_published",
                       Text{"已经公开", "already published"});
  } else {
    if (!s.wo.published)
      return MakeError(ErrorCode::kConflict, "not_published", Text{"尚未公开", "not published"});
    s.Put("reason", s.cmd.reason);
  }
  s.wo.published = publish;
  return OkStatus();
}

}  // namespace

Status ApplyAction(Step& s) {
  switch (s.cmd.action) {
    case Action::kAccept: return DoAccept(s);
    case Action::kReject: return DoReject(s);
    case Action::kSelfResolve: return DoSelfResolve(s);
    case Action::kDispatch:
    case Action::kDirectDispatch: return DoDispatch(s);
    case Action::kSignFor: return DoSignFor(s);
    case Action::kReturn: return DoReturn(s);
    case Action::kRejectReturn: return DoRejectReturn(s);
    case Action::kRedispatch: return DoRedispatch(s);
    case Action::kPassDown: return DoPassDown(s);
    case Action::kContact: return DoContact(s);
    case Action::kReply: return DoReply(s);
    case Action::kApproveReply: return DoApproveReply(s);
    case Action::kSendBackReply: return DoSendBackReply(s);
    case Action::kRequestExtension: return DoRequestExtension(s);
    case Action::kDecideExtension: return DoDecideExtension(s);
    case Action::kCallback: return DoCallback(s);
    case Action::kReopen: return DoReopen(s);
    case Action::kClose: return DoClose(s);
    case Action::kDispute: return DoDispute(s);
    case Action::kRate: return DoRate(s);
    case Action::kMerge: return DoMerge(s);
    case Action::kFollowPrimary: return DoFollowPrimary(s);
    case Action::kUnmerge: return DoUnmerge(s);
    case Action::kSupervise: return DoSupervise(s);
    case Action::kEscalate: return DoEscalate(s);
    case Action::kInstruct: return DoInstruct(s);
    case Action::kAcknowledgeInstruction: return DoAcknowledge(s);
    case Action::kWatch: return DoWatch(s, true);
    case Action::kUnwatch: return DoWatch(s, false);
    case Action::kPublish: return DoPublish(s, true);
    case Action::kUnpublish: return DoPublish(s, false);
    case Action::kSubmit:
    case Action::kDeadlineWarning:
    case Action::kMarkOverdue:
      break;
  }
  return Illegal(
      "platform_action",
      Text{"“" + std::string(ToChinese(s.cmd.action)) + "”由平台自动执行",
           "'" + std::string(ToWire(s.cmd.action)) + "' is performed by the platform itself"});
}

}  // namespace lizheng::detail
