// Private: walking one group of demo requests -- a request and the repeats
// that will be merged into it -- through the closed loop. Every change is
// made by the real engine (Submit, Apply, CheckClocks) at a simulated
// instant, so the events and the work orders are what the platform itself
// would have written. The plumbing is in demo_walk.cpp, the decisions of
// each state in demo_lifecycle.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "demo_rng.hpp"
#include "demo_structure.hpp"
#include "demo_texts.hpp"
#include "lizheng/app/jurisdiction_cache.hpp"
#include "lizheng/core/workflow.hpp"

namespace lizheng::app::demo {

// Everything the walks read. Immutable, shared by all walks.
struct World {
  const JurisdictionData& data;
  const Cast& cast;
  const TextBank& texts;
  const PassDownRules& passdown;
  Timestamp now{};
  std::vector<std::pair<const Area*, const Area*>> streets;  // (street, its district)
  std::map<std::string, UnitId, std::less<>> district_units;  // district area code -> government
  std::vector<UnitId> departments;  // departments and utilities right below the government
};

// One request of a group. The id and tracking number are predicted: the
// store hands out max+1 ids and daily sequences in a new jurisdiction, and
// the writer checks every one it gets.
struct Slot {
  WorkOrderId id = 0;
  std::string tracking_no;
  Timestamp created{};
};

// Steering of a showcase walk, so that even a small demo shows every state.
struct Steer {
  std::optional<State> stop_at;  // the walk ends when the request reaches it
  bool reject = false;
  bool ret = false;     // the unit returns the work order
  bool reopen = false;  // the callback finds it unresolved
};

struct GroupResult {
  std::vector<WorkOrder> work_orders;  // final projections, in slot order
  std::vector<Event> events;           // each work order's events in order
};

// Walks slots[0] (the request) and slots[1..] (its repeats, created later)
// up to world.now. kInternal if the engine refuses a step: the walk is ours,
// so a refusal is our bug.
Result<GroupResult> WalkGroup(const World& world, std::uint64_t seed, const std::vector<Slot>& slots,
                              const Steer& steer);

// The decisions of one walk, drawn when it starts.
struct WalkPlan {
  bool reject = false;
  bool self_resolve = false;
  bool ret = false;
  bool misdispatch = false;  // the return is justified: the dispatcher chose wrongly
  bool assisting = false;
  bool pass_down = false;
  bool instruct = false;
  bool leader_watch = false;
  bool extension = false;
  bool extension_approved = false;
  bool supervise = false;
  bool escalate = false;
  bool sendback = false;
  bool publish = false;
  bool close_directly = false;
  bool reopen = false;
  bool rate = false;
  bool dispute = false;
  double sign_fraction = 0.5;     // of the sign-for limit
  double contact_fraction = 0.5;  // of the contact limit
  double reply_fraction = 0.5;    // of the reply limit
  double callback_fraction = 0.3;
};

class GroupWalk {
 public:
  GroupWalk(const World& world, std::uint64_t seed, const std::vector<Slot>& slots, const Steer& steer);
  Result<GroupResult> Run();

 private:
  struct Member {
    Slot slot;
    RequestText text;
    WorkOrder wo;
    Timestamp last{};       // its latest event
    Timestamp next{};       // a repeat's next step
    int stage = 0;          // a repeat's progress: 0 to submit, 1 to merge, 2 done
    Actor recorder;         // the operator who took a hotline call
  };

  // Plumbing (demo_walk.cpp).
  EngineContext Ctx(Timestamp at, const WorkOrder* primary = nullptr) const;
  bool Fail(const Error& e, const std::string& what);
  bool SubmitMember(Member& m, bool primary);
  bool Apply(Member& m, const Actor& actor, const Command& cmd, Timestamp at,
             const WorkOrder* primary = nullptr);
  bool Step(const Actor& actor, const Command& cmd, Timestamp at);
  void AdvanceTo(Timestamp t);
  void StepRepeat(Member& r);
  void Tick(Member& m, Timestamp until);
  void FollowPrimary(Timestamp at);
  Timestamp CentreAfter(Timestamp from, int lo_minutes, int hi_minutes);
  Timestamp Centre(int lo_minutes, int hi_minutes) { return CentreAfter(t_, lo_minutes, hi_minutes); }
  Timestamp UnitAfter(int lo_minutes, int hi_minutes);
  Timestamp AlongClock(ClockKind kind, double fraction);
  Timestamp Later(Timestamp at);

  // Decisions (demo_lifecycle.cpp).
  WalkPlan MakePlan();
  bool Advance();  // one step from the current state; false when the walk is over
  void Intake();
  void AfterAccept();
  void AtUnit();
  void Arbitrate();
  void Handle();
  bool HandleExtras(UnitId unit);
  bool FirstSteps(UnitId unit);
  bool LeaderSteps(UnitId unit);
  bool ExtensionSteps(UnitId unit);
  bool OversightSteps();
  void Review();
  void CallBack();
  bool AfterClose();
  UnitId CorrectUnit();
  UnitId OtherUnit(UnitId not_this);
  std::optional<UnitId> EscalationTarget() const;
  const std::string& Phrase(std::string_view kind) { return w_.texts.Phrase(kind, rng_); }

  Member& primary() { return members_.front(); }
  WorkOrder& wo() { return members_.front().wo; }

  const World& w_;
  DemoRng rng_;
  Steer steer_;
  std::vector<Member> members_;
  std::vector<Event> events_;
  WalkPlan plan_;
  Timestamp t_{};  // the request's latest step
  bool stopped_ = false;
  std::optional<Error> error_;
  std::optional<Satisfaction> satisfaction_;
  // Things that happen at most once per walk.
  bool returned_ = false, passed_down_ = false, instructed_ = false, acknowledged_ = false;
  bool extension_asked_ = false, supervised_ = false, escalated_ = false, sent_back_ = false;
  bool redo_reply_ = false, publish_decided_ = false, closed_directly_ = false;
  bool rated_ = false, disputed_ = false, reopened_by_centre_ = false;
};

}  // namespace lizheng::app::demo
