// The workflow engine: the one place that decides whether an action may
// happen to a work order, and what the work order and its event look like
// afterwards. Pure: no I/O, no clock (now comes in the context).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lizheng/core/actions.hpp"
#include "lizheng/core/directory.hpp"
#include "lizheng/core/result.hpp"
#include "lizheng/core/time_limits.hpp"
#include "lizheng/core/work_order.hpp"
#include "lizheng/core/working_calendar.hpp"

namespace lizheng {

// Who acts. Unit roles carry their unit; citizens act through a query code.
struct Actor {
  Role role = Role::kSystem;
  UserId user = 0;
  std::optional<UnitId> unit;
  std::string name;
};

// The input of an action; which fields are allowed and required is stated by
// the action's ActionSpec. Empty strings and empty optionals are "absent".
struct Command {
  Action action = Action::kAccept;
  std::string reason;
  std::string legal_basis;
  std::string text;
  std::string comment;
  std::string note;
  std::optional<UnitId> unit;
  std::vector<UnitId> assisting_units;
  std::optional<int> working_days;
  std::optional<bool> approve;
  std::optional<bool> resolved;
  std::optional<Satisfaction> satisfaction;
  std::string category_code;
  std::optional<RequestType> type;
  std::optional<Urgency> urgency;
  std::optional<WorkOrderId> primary;
  std::optional<ContactMethod> method;

  bool HasField(CommandField f) const;
};

// Key/value details of an event, in order.
using EventData = std::vector<std::pair<std::string, std::string>>;

// One entry of the append-only log. seq and the hashes are assigned by the
// store when the event is appended.
struct Event {
  std::int64_t seq = 0;
  JurisdictionId jurisdiction = 0;
  WorkOrderId work_order = 0;
  Action action = Action::kSubmit;
  State from = State::kSubmitted;
  State to = State::kSubmitted;
  Role actor_role = Role::kSystem;
  UserId actor_user = 0;
  std::string actor_name;
  std::optional<UnitId> actor_unit;
  Timestamp at{};
  EventData data;
  bool is_public = false;
  // The digest of the work order as stored once this event was applied
  // (store/event_chain.hpp); set by the store on append, empty for events
  // of an old database and for events of no stored work order.
  std::string work_order_digest;
  std::string prev_hash;
  std::string hash;
};

// A message to send to a citizen (SMS or app notification).
struct Notice {
  WorkOrderId work_order = 0;
  std::string phone;
  std::string text;
};

// What the engine needs besides the work order. `primary` is the work order a
// merge targets or a follower follows (loaded by the caller).
struct EngineContext {
  Timestamp now{};
  const Directory& directory;
  const WorkingCalendar& calendar;
  const TimeLimitMatrix& limits;
  const ClockPolicy& policy;
  const WorkOrder* primary = nullptr;
};

struct Transition {
  WorkOrder after;
  Event event;
  std::vector<Notice> notices;
  // A merge also changes its primary (which records the repeat).
  std::optional<WorkOrder> primary_after;
  std::optional<Event> primary_event;
};

// The request as filed, before it becomes a work order.
struct Submission {
  Channel channel = Channel::kWeb;
  RequestType type = RequestType::kHelp;
  Urgency urgency = Urgency::kNormal;
  std::string title;
  std::string detail;
  std::string category_code;
  std::string area_code;
  std::string address;
  Citizen citizen;
  std::optional<MailboxId> mailbox;
  bool consent_public = false;
  std::string idempotency_key;
  // The network address an anonymous submission came from; empty when staff
  // record it. Read by the intake limits and the flood check, never shown.
  std::string source_address;
  // The intake's flood check found it one of a burst of near-identical
  // anonymous requests from its source: it is filed as a suspected flood.
  bool suspected_flood = false;
  // The analytics' view of the text, made by the caller before Submit: its
  // category fills in a missing one, its fast lane verdict is applied.
  std::optional<Assessment> assessment;
};

// Limits on what a submission may hold.
inline constexpr std::size_t kMaxTitleChars = 100;
inline constexpr std::size_t kMaxDetailChars = 5000;
inline constexpr std::size_t kMaxAddressChars = 200;
inline constexpr std::size_t kMaxTextChars = 5000;  // replies, instructions, reasons

// Checks a submission against the directory: lengths in characters, known
// area, category and mailbox, a plausible phone number. The error names the
// field.
Status ValidateSubmission(const Submission& s, const Directory& directory);

// Turns a valid submission into a new work order in state submitted with its
// submit event. id, tracking_no and query_code are filled in by the caller.
Transition Submit(const Submission& s, const Actor& actor, const EngineContext& ctx);

// May `actor` perform `action` on `wo` at all (role, unit scope and state),
// regardless of the fields? Used for the "allowed actions" list; Apply
// performs the same checks first.
Status Permit(const WorkOrder& wo, const Actor& actor, Action action, const Directory& directory);

// Performs `cmd` on `wo`. On failure nothing is changed and the error says
// which rule refused it: kForbidden (role or unit), kIllegalTransition
// (state), kInvalidArgument (a field, named).
Result<Transition> Apply(const WorkOrder& wo, const Actor& actor, const Command& cmd,
                         const EngineContext& ctx);

// The scheduler's pass over one work order at `ctx.now`: warnings and
// overdue marks for its running clocks, as zero or more transitions applied
// one after another.
std::vector<Transition> CheckClocks(const WorkOrder& wo, const EngineContext& ctx);

}  // namespace lizheng
