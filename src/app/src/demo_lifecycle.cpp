// The decisions of a demo walk: what happens to a request in each state,
// who does it and when. The shares are chosen to look like a working 12345
// centre (most requests closed satisfied, a few returned, late, reopened,
// supervised or escalated); the engine decides whether each step is legal.
#include <algorithm>

#include "demo_walk.hpp"
#include "lizheng/core/prerequisites.hpp"

namespace lizheng::app::demo {
namespace {

constexpr ContactMethod kMethods[] = {ContactMethod::kPhone, ContactMethod::kPhone, ContactMethod::kPhone,
                                      ContactMethod::kSms, ContactMethod::kVisit, ContactMethod::kOnline};

// How much more often than usual a unit is late: some units are slow, some
// prompt, so that the unit rankings have something to rank. Derived from
// the unit's code (FNV-1a), so it is the same in every run.
double Tardiness(const Unit& unit) {
  constexpr double kFactors[] = {0.3, 0.6, 1.0, 1.6, 3.0};
  std::uint32_t h = 2166136261u;
  for (unsigned char ch : unit.code) h = (h ^ ch) * 16777619u;
  return kFactors[h % std::size(kFactors)];
}

Command Make(Action action) {
  Command c;
  c.action = action;
  return c;
}

}  // namespace

WalkPlan GroupWalk::MakePlan() {
  WalkPlan p;
  const bool mayor = wo().mailbox && w_.data.directory.FindMailbox(*wo().mailbox)->level == MailboxLevel::kCity;
  const bool pressing = wo().urgency != Urgency::kNormal;
  if (steer_.stop_at || steer_.reject) {  // a showcase takes the plain road to its state
    p.reject = steer_.reject;
    p.ret = steer_.ret;
    p.misdispatch = p.ret && rng_.Chance(0.5);
    p.reopen = steer_.reopen;
    p.sign_fraction = 0.2;
    p.contact_fraction = 0.2;
    p.reply_fraction = rng_.Between(10, 30) / 100.0;
    return p;
  }
  p.reject = members_.size() == 1 && rng_.Chance(0.03);
  p.self_resolve = rng_.Chance(0.65);
  p.ret = rng_.Chance(0.05);
  p.misdispatch = p.ret && rng_.Chance(0.6);
  p.assisting = rng_.Chance(0.04);
  p.pass_down = rng_.Chance(0.45);
  p.instruct = rng_.Chance(mayor ? 0.35 : pressing ? 0.2 : 0.008);
  p.leader_watch = p.instruct ? rng_.Chance(0.5) : rng_.Chance(0.004);
  p.extension = rng_.Chance(0.06);
  p.extension_approved = rng_.Chance(0.75);
  const double slow = Tardiness(*w_.data.directory.FindUnit(CorrectUnit()));
  const bool late = rng_.Chance(p.extension && !p.extension_approved ? 0.5 : 0.04 * slow);
  p.supervise = rng_.Chance(late ? 0.5 : 0.03);
  p.escalate = rng_.Chance(0.15);
  p.sendback = rng_.Chance(0.07);
  p.publish = rng_.Chance(0.6);
  p.close_directly = rng_.Chance(0.03);
  p.reopen = rng_.Chance(0.07);
  p.rate = rng_.Chance(0.15);
  p.dispute = rng_.Chance(0.012);
  p.sign_fraction = rng_.Chance(0.03 * slow) ? rng_.Between(110, 400) / 100.0 : rng_.Between(5, 90) / 100.0;
  p.contact_fraction = rng_.Chance(0.03 * slow) ? rng_.Between(110, 500) / 100.0 : rng_.Between(10, 95) / 100.0;
  p.reply_fraction = late ? rng_.Between(105, 170) / 100.0 : rng_.Between(10, 92) / 100.0;
  p.callback_fraction = rng_.Chance(0.03) ? rng_.Between(105, 150) / 100.0 : rng_.Between(3, 70) / 100.0;
  return p;
}

bool GroupWalk::Advance() {
  switch (wo().state) {
    case State::kSubmitted: Intake(); return true;
    case State::kAccepted: AfterAccept(); return true;
    case State::kDispatched: AtUnit(); return true;
    case State::kReturned: Arbitrate(); return true;
    case State::kInProgress:
    case State::kReopened: Handle(); return true;
    case State::kReplied: Review(); return true;
    case State::kAnswered: CallBack(); return true;
    case State::kClosed: return AfterClose();
    case State::kRejected:
    case State::kMerged: return false;
  }
  return false;
}

void GroupWalk::Intake() {
  const bool hotline = wo().recorded_by != 0;
  const Actor& centre = hotline ? primary().recorder : w_.cast.Operator(rng_);
  if (plan_.reject) {
    Command c = Make(Action::kReject);
    c.reason = Phrase("reject");
    Step(rng_.Chance(0.5) ? centre : w_.cast.Dispatcher(), c, Centre(10, 240));
    return;
  }
  if (wo().urgency == Urgency::kEmergency) {  // 直派: straight to the unit
    Command c = Make(Action::kDirectDispatch);
    c.category_code = primary().text.category;
    c.unit = CorrectUnit();
    Step(centre, c, Later(t_ + std::chrono::minutes(rng_.Between(1, 6))));
    return;
  }
  Command c = Make(Action::kAccept);
  c.category_code = primary().text.category;
  if (wo().type == RequestType::kConsult && rng_.Chance(0.03)) c.type = RequestType::kHelp;
  if (rng_.Chance(0.2)) c.note = Phrase("accept_note");
  Step(centre, c, hotline ? Centre(1, 6) : Centre(5, 180));
}

void GroupWalk::AfterAccept() {
  if (wo().type == RequestType::kConsult && wo().reopen_count == 0 && plan_.self_resolve) {
    Command c = Make(Action::kSelfResolve);
    c.text = w_.texts.Answer(primary().text, rng_);
    Step(w_.cast.Operator(rng_), c, Centre(3, 60));
    return;
  }
  const UnitId correct = CorrectUnit();
  Command c = Make(Action::kDispatch);
  c.unit = plan_.misdispatch && !returned_ ? OtherUnit(correct) : correct;
  if (plan_.assisting) c.assisting_units = {OtherUnit(*c.unit)};
  if (rng_.Chance(0.25)) c.note = Phrase("dispatch_note");
  Step(w_.cast.Dispatcher(), c, Centre(10, 240));
}

void GroupWalk::AtUnit() {
  const UnitId unit = *wo().handling_unit;
  if (plan_.ret && !returned_) {
    returned_ = true;
    const std::string& text = Phrase("return");
    const std::size_t bar = text.find('|');
    Command c = Make(Action::kReturn);
    c.reason = text.substr(0, bar);
    c.legal_basis = bar == std::string::npos ? "《江川市12345热线派单目录》" : text.substr(bar + 1);
    Step(w_.cast.Manager(unit), c, AlongClock(ClockKind::kSignFor, plan_.sign_fraction));
    return;
  }
  Command c = Make(Action::kSignFor);
  if (rng_.Chance(0.3)) c.note = Phrase("sign_note");
  const Actor& who = rng_.Chance(0.3) ? w_.cast.Manager(unit) : w_.cast.Handler(unit);
  Step(who, c, AlongClock(ClockKind::kSignFor, plan_.sign_fraction));
}

void GroupWalk::Arbitrate() {
  // 派单异议审核: a justified return is re-dispatched, an unjustified one refused.
  Command c = Make(plan_.misdispatch ? Action::kRedispatch : Action::kRejectReturn);
  if (plan_.misdispatch) {
    c.unit = CorrectUnit();
    c.reason = Phrase("redispatch");
  } else {
    c.reason = Phrase("reject_return");
  }
  Step(w_.cast.Dispatcher(), c, Centre(30, 480));
}

void GroupWalk::Handle() {
  const UnitId unit = *wo().handling_unit;
  if (HandleExtras(unit) || stopped_ || error_) return;
  const Timestamp at = redo_reply_ ? UnitAfter(60, 900) : AlongClock(ClockKind::kReply, plan_.reply_fraction);
  redo_reply_ = false;
  Command c = Make(Action::kReply);
  const Unit* u = w_.data.directory.FindUnit(unit);
  c.text = w_.texts.Reply(primary().text, u->name, LocalDate(at, w_.data.calendar.utc_offset_minutes()),
                          wo().reopen_count > 0, rng_);
  Step(w_.cast.Handler(unit), c, at);
}

// At most one step besides the reply: pass-down, contact, instruction and
// its acknowledgement, extension, supervision, escalation. True if it acted.
bool GroupWalk::HandleExtras(UnitId unit) {
  return FirstSteps(unit) || LeaderSteps(unit) || ExtensionSteps(unit) || OversightSteps();
}

// 转派 to a subordinate unit, then 联系群众.
bool GroupWalk::FirstSteps(UnitId unit) {
  const Cast& cast = w_.cast;
  if (plan_.pass_down && !passed_down_ && wo().state == State::kInProgress) {
    passed_down_ = true;
    if (auto to = w_.passdown.Target(wo(), w_.data.directory)) {
      Command c = Make(Action::kPassDown);
      c.unit = *to;
      c.note = Phrase("passdown");
      Step(cast.Manager(unit), c, UnitAfter(2, 15));
      return true;
    }
  }
  // The engine's own rule: contact first where the reply would wait for it.
  if (MissingPrerequisite(wo(), Action::kReply) == Prerequisite::kFirstContact) {
    Command c = Make(Action::kContact);
    c.method = kMethods[rng_.Below(std::size(kMethods))];
    c.note = Phrase("contact");
    Step(cast.Handler(unit), c, AlongClock(ClockKind::kContact, plan_.contact_fraction));
    return true;
  }
  return false;
}

// 批示 and its acknowledgement by the unit (not always).
bool GroupWalk::LeaderSteps(UnitId unit) {
  const Cast& cast = w_.cast;
  if (plan_.instruct && !instructed_) {
    instructed_ = true;
    Command c = Make(Action::kInstruct);
    c.text = Phrase("instruct");
    if (Step(cast.Leader(), c, Centre(30, 600)) && plan_.leader_watch)
      Step(cast.Leader(), Make(Action::kWatch), Later(t_));
    return true;
  }
  if (wo().HasPendingInstruction() && !acknowledged_) {
    acknowledged_ = true;
    if (rng_.Chance(0.85)) {
      Command c = Make(Action::kAcknowledgeInstruction);
      if (rng_.Chance(0.6)) c.note = Phrase("ack");
      Step(cast.Handler(unit), c, UnitAfter(20, 300));
      return true;
    }
  }
  return false;
}

// 延期: the unit asks, the centre decides.
bool GroupWalk::ExtensionSteps(UnitId unit) {
  const Cast& cast = w_.cast;
  if (plan_.extension && !extension_asked_ && wo().state == State::kInProgress) {
    extension_asked_ = true;
    Command c = Make(Action::kRequestExtension);
    c.working_days = static_cast<int>(rng_.Between(3, 10));
    c.reason = Phrase("extension");
    Step(cast.Manager(unit), c, AlongClock(ClockKind::kReply, rng_.Between(45, 75) / 100.0));
    return true;
  }
  if (wo().pending_extension) {
    Command c = Make(Action::kDecideExtension);
    c.approve = plan_.extension_approved;
    if (rng_.Chance(0.7)) c.comment = Phrase(plan_.extension_approved ? "extension_approve" : "extension_refuse");
    Step(cast.Dispatcher(), c, Centre(30, 360));
    return true;
  }
  return false;
}

// 督办 and 提级办理 by the centre (or the leader).
bool GroupWalk::OversightSteps() {
  const Cast& cast = w_.cast;
  if (plan_.supervise && !supervised_) {
    supervised_ = true;
    Command c = Make(Action::kSupervise);
    c.note = Phrase("supervise");
    if (rng_.Chance(0.5)) c.working_days = static_cast<int>(rng_.Between(2, 5));
    const bool by_leader = !wo().instructions.empty() && rng_.Chance(0.5);
    const Timestamp at = std::min(AlongClock(ClockKind::kReply, rng_.Between(80, 110) / 100.0),
                                  AlongClock(ClockKind::kReply, plan_.reply_fraction));
    if (Step(by_leader ? cast.Leader() : cast.Dispatcher(), c, at) && !by_leader && rng_.Chance(0.3))
      Step(cast.Dispatcher(), Make(Action::kWatch), Later(t_));
    return true;
  }
  if (plan_.escalate && !escalated_) {
    escalated_ = true;
    if (auto to = EscalationTarget()) {
      passed_down_ = true;  // the higher unit handles it itself
      Command c = Make(Action::kEscalate);
      c.unit = *to;
      c.reason = Phrase("escalate");
      Step(cast.Dispatcher(), c, Centre(60, 600));
      return true;
    }
  }
  return false;
}

void GroupWalk::Review() {
  if (plan_.sendback && !sent_back_) {
    sent_back_ = true;
    redo_reply_ = true;
    Command c = Make(Action::kSendBackReply);
    c.comment = Phrase("sendback");
    Step(w_.cast.Reviewer(), c, Centre(20, 480));
    return;
  }
  Command c = Make(Action::kApproveReply);
  if (rng_.Chance(0.3)) c.comment = Phrase("approve");
  Step(w_.cast.Reviewer(), c, Centre(20, 600));
}

void GroupWalk::CallBack() {
  if (plan_.publish && !publish_decided_) {
    publish_decided_ = true;
    if (wo().consent_public && !wo().published) {
      Step(w_.cast.Reviewer(), Make(Action::kPublish), Centre(10, 240));
      return;
    }
  }
  if (plan_.close_directly && !closed_directly_ && wo().reopen_count == 0) {
    closed_directly_ = true;
    Command c = Make(Action::kClose);
    c.reason = Phrase("close");
    Step(w_.cast.Dispatcher(), c, AlongClock(ClockKind::kCallback, rng_.Between(80, 98) / 100.0));
    return;
  }
  Command c = Make(Action::kCallback);
  const bool unresolved = plan_.reopen && wo().reopen_count == 0 && !wo().disputed;
  const double x = rng_.Unit();
  c.resolved = !unresolved;
  c.satisfaction = unresolved ? Satisfaction::kUnsatisfied
                   : x < 0.80 ? Satisfaction::kSatisfied
                   : x < 0.94 ? Satisfaction::kBasicallySatisfied
                              : Satisfaction::kUnsatisfied;
  c.note = Phrase(unresolved ? "callback_unresolved"
                  : *c.satisfaction == Satisfaction::kSatisfied          ? "callback_satisfied"
                  : *c.satisfaction == Satisfaction::kBasicallySatisfied ? "callback_basic"
                                                                         : "callback_unsatisfied");
  satisfaction_ = c.satisfaction;
  Step(w_.cast.Operator(rng_), c, AlongClock(ClockKind::kCallback, plan_.callback_fraction));
}

bool GroupWalk::AfterClose() {
  if (plan_.rate && !rated_) {
    rated_ = true;
    Command c = Make(Action::kRate);
    c.satisfaction = satisfaction_.value_or(Satisfaction::kSatisfied);
    if (rng_.Chance(0.5))
      c.comment = Phrase(*c.satisfaction == Satisfaction::kUnsatisfied ? "rate_bad" : "rate_good");
    Step(Cast::Citizen(), c, Centre(30, 2000));
    return true;
  }
  if (satisfaction_ == Satisfaction::kUnsatisfied && rated_ && !reopened_by_centre_ &&
      wo().reopen_count == 0) {
    reopened_by_centre_ = true;  // an unhappy rating: the centre may send it back (重办)
    if (rng_.Chance(0.5)) {
      Command c = Make(Action::kReopen);
      c.reason = Phrase("reopen");
      Step(w_.cast.Dispatcher(), c, Centre(30, 1440));
      return true;
    }
  }
  if (plan_.dispute && !disputed_) {
    disputed_ = true;
    Command c = Make(Action::kDispute);
    c.reason = Phrase("dispute");
    Step(Cast::Citizen(), c, Centre(60, 5000));
    return true;
  }
  return false;
}

UnitId GroupWalk::CorrectUnit() {
  const Date day = LocalDate(t_, w_.data.calendar.utc_offset_minutes());
  const std::vector<UnitId> units = w_.data.directory.CatalogueUnits(wo().category_code.empty()
                                                                          ? primary().text.category
                                                                          : wo().category_code,
                                                                      wo().area_code, day);
  if (!units.empty()) return units.front();
  // Outside the catalogue's validity: the district government of the area.
  const Area* area = w_.data.directory.FindArea(wo().area_code);
  return w_.district_units.at(area->parent_code.empty() ? area->code : area->parent_code);
}

UnitId GroupWalk::OtherUnit(UnitId not_this) {
  for (;;) {
    const UnitId u = rng_.Pick(w_.departments);
    if (u != not_this) return u;
  }
}

std::optional<UnitId> GroupWalk::EscalationTarget() const {
  // 提级办理 from a street office to its district government.
  const Directory& dir = w_.data.directory;
  const WorkOrder& current = members_.front().wo;
  const Unit* lead = current.lead_unit ? dir.FindUnit(*current.lead_unit) : nullptr;
  if (!lead || lead->kind != UnitKind::kStreet || !lead->parent) return std::nullopt;
  return lead->parent;
}

}  // namespace lizheng::app::demo
