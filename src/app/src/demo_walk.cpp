// The plumbing of a demo walk: submissions, engine steps on a simulated
// clock, the scheduler's clock checks, and the repeats that merge into the
// request as they arrive.
#include "demo_walk.hpp"

#include <cmath>

#include "lizheng/core/citizen_codes.hpp"

namespace lizheng::app::demo {
namespace {

// The centre (话务和派单) works 07:30-22:30 every day; local seconds.
constexpr std::int64_t kCentreOpens = 7 * 3600 + 1800;
constexpr std::int64_t kCentreCloses = 22 * 3600 + 1800;
constexpr std::int64_t kDay = 86400;

// Channels of requests that do not come through a leader's mailbox, with
// their weights; a mailbox request is one in 14.
constexpr std::pair<Channel, double> kChannels[] = {
    {Channel::kHotline, 52}, {Channel::kWechat, 13}, {Channel::kWeb, 12}, {Channel::kApp, 10},
    {Channel::kSms, 3},      {Channel::kEmail, 1},   {Channel::kOpen311, 2}};
constexpr double kMailboxShare = 1.0 / 14;

Timestamp CeilMinute(Timestamp t) {
  const auto s = t.time_since_epoch().count();
  const auto r = ((s % 60) + 60) % 60;
  return r == 0 ? t : t + std::chrono::seconds(60 - r);
}

// The engine's own fan-out rule: after these, repeats learn the news.
bool FansOut(Action a) {
  return a == Action::kApproveReply || a == Action::kSelfResolve || a == Action::kCallback ||
         a == Action::kClose;
}

}  // namespace

Result<GroupResult> WalkGroup(const World& world, std::uint64_t seed, const std::vector<Slot>& slots,
                              const Steer& steer) {
  return GroupWalk(world, seed, slots, steer).Run();
}

GroupWalk::GroupWalk(const World& world, std::uint64_t seed, const std::vector<Slot>& slots,
                     const Steer& steer)
    : w_(world), rng_(seed), steer_(steer) {
  const auto& [street, district] = w_.streets[rng_.Below(w_.streets.size())];
  const double days_ago =
      std::chrono::duration<double, std::ratio<kDay>>(w_.now - slots.front().created).count();
  for (const Slot& slot : slots) {
    Member m;
    m.slot = slot;
    m.text = members_.empty() ? w_.texts.NewRequest(rng_, *street, district, days_ago)
                              : w_.texts.Repeat(members_.front().text, rng_);
    m.next = slot.created;
    members_.push_back(std::move(m));
  }
}

Result<GroupResult> GroupWalk::Run() {
  if (!SubmitMember(primary(), true)) return *error_;
  t_ = primary().slot.created;
  plan_ = MakePlan();
  stopped_ = steer_.stop_at == State::kSubmitted;
  for (int guard = 0; !stopped_ && !error_; ++guard) {
    if (guard > 120)
      return MakeError(ErrorCode::kInternal, "the demo walk did not finish", "",
                       "work order " + std::to_string(wo().id) + " in state " + std::string(ToWire(wo().state)));
    if (!Advance()) break;
  }
  if (!error_) AdvanceTo(w_.now);
  if (error_) return *error_;
  GroupResult out;
  for (Member& m : members_) {
    if (m.stage == 0) return MakeError(ErrorCode::kInternal, "a demo repeat was never filed");
    out.work_orders.push_back(std::move(m.wo));
  }
  out.events = std::move(events_);
  return out;
}

EngineContext GroupWalk::Ctx(Timestamp at, const WorkOrder* primary) const {
  const JurisdictionData& d = w_.data;
  return EngineContext{at, d.directory, d.calendar, d.limits, d.policy, primary};
}

bool GroupWalk::Fail(const Error& e, const std::string& what) {
  error_ = MakeError(ErrorCode::kInternal, "the demo walk made an illegal step", "",
                     what + ": " + e.message + (e.detail.empty() ? "" : " (" + e.detail + ")"));
  return false;
}

bool GroupWalk::SubmitMember(Member& m, bool is_primary) {
  const Directory& dir = w_.data.directory;
  Submission s;
  s.type = m.text.type;
  s.urgency = m.text.urgency;
  if (is_primary && steer_.stop_at && s.urgency == Urgency::kEmergency) s.urgency = Urgency::kUrgent;
  s.title = m.text.title;
  s.detail = m.text.detail;
  s.area_code = m.text.area_code;
  s.address = m.text.address;
  s.citizen = m.text.citizen;
  s.consent_public = rng_.Chance(0.45);
  if (rng_.Chance(kMailboxShare)) {
    // The most local mailbox governing the area, or the mayor's.
    const Mailbox* best = nullptr;
    for (const Mailbox& mb : dir.mailboxes()) {
      const Unit* u = dir.FindUnit(mb.unit);
      const bool governs = u->kind == UnitKind::kGovernment || dir.AreaWithin(s.area_code, u->area_code);
      if (governs && (!best || mb.level > best->level) && (mb.level == MailboxLevel::kCity || rng_.Chance(0.4)))
        best = &mb;
    }
    if (best) s.mailbox = best->id;
  }
  std::vector<double> weights;
  for (const auto& [channel, weight] : kChannels) weights.push_back(weight);
  s.channel = kChannels[WeightedPick(weights)(rng_)].first;
  if ((s.channel == Channel::kWeb || s.channel == Channel::kApp) && rng_.Chance(0.2))
    s.category_code = std::string(FirstLevelCode(m.text.category));
  const Actor& actor = s.channel == Channel::kHotline && !s.mailbox ? w_.cast.Operator(rng_) : Cast::Citizen();
  m.recorder = actor.role == Role::kOperator ? actor : w_.cast.Operator(rng_);
  if (Status v = ValidateSubmission(s, dir); !v.ok()) return Fail(v.error(), "submission '" + s.title + "'");
  Transition t = lizheng::Submit(s, actor, Ctx(m.slot.created));
  t.after.id = m.slot.id;
  t.after.tracking_no = m.slot.tracking_no;
  // Eight digits from the walk's stream, as before the codes grew, so that
  // the rest of every seed's walk stays the same; the others from a stream
  // of their own.
  static_assert(kQueryCodeDigits > 8);
  const std::string head = rng_.Digits(8);
  t.after.query_code = head + DemoRng::Stream(std::stoull(head), static_cast<std::uint64_t>(m.slot.id)).Digits(kQueryCodeDigits - 8);
  t.event.work_order = m.slot.id;
  m.wo = std::move(t.after);
  events_.push_back(std::move(t.event));
  m.last = m.slot.created;
  m.stage = is_primary ? 2 : 1;
  return true;
}

bool GroupWalk::Apply(Member& m, const Actor& actor, const Command& cmd, Timestamp at,
                      const WorkOrder* primary) {
  Tick(m, at);
  Result<Transition> t = lizheng::Apply(m.wo, actor, cmd, Ctx(at, primary));
  if (!t.ok()) {
    return Fail(t.error(), "'" + std::string(ToWire(cmd.action)) + "' by " + actor.name + " on work order " +
                               std::to_string(m.wo.id) + " in state " + std::string(ToWire(m.wo.state)));
  }
  m.wo = std::move(t->after);
  events_.push_back(std::move(t->event));
  m.last = at;
  if (t->primary_after && t->primary_event) {
    Member& p = members_.front();  // a merge also records the repeat on the request
    p.wo = std::move(*t->primary_after);
    events_.push_back(std::move(*t->primary_event));
    p.last = at;
  }
  return true;
}

bool GroupWalk::Step(const Actor& actor, const Command& cmd, Timestamp at) {
  if (stopped_ || error_) return false;
  if (at > w_.now) {
    stopped_ = true;  // the rest of this request's life lies in the future
    return false;
  }
  AdvanceTo(at);
  if (error_ || !Apply(primary(), actor, cmd, at)) return false;
  t_ = at;
  if (FansOut(cmd.action)) FollowPrimary(at);
  if (steer_.stop_at && wo().state == *steer_.stop_at) stopped_ = true;
  return !error_;
}

void GroupWalk::AdvanceTo(Timestamp t) {
  for (;;) {
    Member* next = nullptr;
    for (std::size_t i = 1; i < members_.size(); ++i) {
      Member& r = members_[i];
      if (r.stage < 2 && r.next <= t && (!next || r.next < next->next)) next = &r;
    }
    if (!next || error_) break;
    StepRepeat(*next);
  }
  for (Member& m : members_)
    if (m.stage > 0 && !error_) Tick(m, t);
}

void GroupWalk::StepRepeat(Member& r) {
  if (r.stage == 0) {
    if (SubmitMember(r, false)) r.next = CentreAfter(r.slot.created, 5, 120);
    return;
  }
  r.stage = 2;
  Member& p = primary();
  Tick(p, r.next);
  Command cmd;
  if (p.wo.IsTerminal()) {  // too late to merge: the request it repeats is finished
    cmd.action = Action::kReject;
    cmd.reason = Phrase("repeat_reject");
    Apply(r, r.recorder, cmd, r.next);
    return;
  }
  cmd.action = Action::kMerge;
  cmd.primary = p.wo.id;
  if (rng_.Chance(0.5)) cmd.note = Phrase("merge_note");
  if (Apply(r, r.recorder, cmd, r.next, &p.wo) && p.wo.reply) FollowPrimary(r.next);
}

void GroupWalk::FollowPrimary(Timestamp at) {
  const WorkOrder& p = wo();
  Command follow;
  follow.action = Action::kFollowPrimary;
  const Actor system{Role::kSystem, 0, std::nullopt, "system"};
  for (std::size_t i = 1; i < members_.size(); ++i) {
    Member& r = members_[i];
    if (r.stage == 0 || r.wo.state != State::kMerged || r.wo.merged_into != p.id) continue;
    const bool news = (p.reply && r.wo.reply != p.reply) || (p.closed_at && !r.wo.closed_at);
    if (news && !Apply(r, system, follow, at, &p)) return;
  }
}

void GroupWalk::Tick(Member& m, Timestamp until) {
  // The scheduler runs every minute; a clock is looked at the first minute
  // after it needs a look, and never before the work order's latest event.
  for (int guard = 0; guard < 32; ++guard) {
    const std::optional<Timestamp> next = m.wo.NextCheckAt();
    if (!next) return;
    const Timestamp at = CeilMinute(std::max(*next, m.last));
    if (at > until) return;
    std::vector<Transition> ts = CheckClocks(m.wo, Ctx(at));
    if (ts.empty()) return;
    for (Transition& t : ts) {
      m.wo = std::move(t.after);
      events_.push_back(std::move(t.event));
    }
    m.last = at;
  }
}

Timestamp GroupWalk::Later(Timestamp at) {
  at += std::chrono::seconds(rng_.Between(0, 59));
  return std::max(at, t_ + std::chrono::seconds(60));
}

Timestamp GroupWalk::CentreAfter(Timestamp from, int lo, int hi) {
  if (steer_.stop_at) hi = lo + (hi - lo) / 8;  // showcases move briskly
  std::int64_t left = rng_.Between(lo, hi) * 60;
  const std::int64_t offset = w_.data.calendar.utc_offset_minutes() * 60;
  Timestamp t = from;
  for (int guard = 0; guard < 400; ++guard) {
    const std::int64_t local = ((t.time_since_epoch().count() + offset) % kDay + kDay) % kDay;
    if (local < kCentreOpens) {
      t += std::chrono::seconds(kCentreOpens - local);
    } else if (local >= kCentreCloses) {
      t += std::chrono::seconds(kDay - local + kCentreOpens);
    } else if (left <= kCentreCloses - local) {
      return Later(t + std::chrono::seconds(left));
    } else {
      left -= kCentreCloses - local;
      t += std::chrono::seconds(kCentreCloses - local);
    }
  }
  return Later(t);
}

Timestamp GroupWalk::UnitAfter(int lo, int hi) {
  if (steer_.stop_at) hi = lo + (hi - lo) / 8;
  const int minutes = static_cast<int>(rng_.Between(lo, hi));
  if (wo().urgency != Urgency::kNormal) return Later(t_ + std::chrono::minutes(minutes));
  return Later(w_.data.calendar.AddWorkingMinutes(t_, minutes));
}

Timestamp GroupWalk::AlongClock(ClockKind kind, double fraction) {
  const Clock* c = wo().RunningClock(kind);
  if (!c) return UnitAfter(30, 240);
  if (steer_.stop_at) fraction = std::min(fraction, 0.3);
  const LimitSet limits = w_.data.limits.Lookup(wo().type, wo().category_code, wo().urgency);
  const ClockPolicy& policy = w_.data.policy;
  LimitSpan span = limits.reply;
  if (kind == ClockKind::kSignFor) span = limits.sign_for;
  if (kind == ClockKind::kContact) span = limits.contact;
  if (kind == ClockKind::kReply && wo().reopen_count > 0) span = policy.reopen_reply;
  if (kind == ClockKind::kCallback) span = policy.callback;
  if (kind == ClockKind::kSupervision) span = policy.supervision;
  const bool natural = span.unit == LimitUnit::kMinutes || span.unit == LimitUnit::kHours ||
                       span.unit == LimitUnit::kDays;
  Timestamp at;
  if (natural) {
    const double seconds = fraction * static_cast<double>((c->due - c->started).count());
    at = c->started + std::chrono::seconds(std::llround(seconds));
  } else {
    const auto minutes = w_.data.calendar.WorkingMinutesBetween(c->started, c->due);
    at = w_.data.calendar.AddWorkingMinutes(c->started, std::llround(fraction * static_cast<double>(minutes)));
  }
  at += std::chrono::seconds(rng_.Between(0, 59));
  if (fraction < 1) at = std::min(at, c->due - std::chrono::seconds(1));  // on time means on time
  return std::max(at, t_ + std::chrono::seconds(60));
}

}  // namespace lizheng::app::demo
