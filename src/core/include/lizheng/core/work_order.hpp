// 工单: a citizen's request as it moves through the closed loop. The
// WorkOrder is the projection of its events; only the workflow engine
// produces a new one.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lizheng/core/directory.hpp"
#include "lizheng/core/enums.hpp"
#include "lizheng/core/time.hpp"

namespace lizheng {

// The person who filed the request. Personal data: never published unmasked.
struct Citizen {
  std::string name;
  std::string phone;
  bool operator==(const Citizen&) const = default;
};

// A running or finished clock (时限).
struct Clock {
  ClockKind kind = ClockKind::kReply;
  Timestamp started{};
  Timestamp due{};
  Timestamp warn_at{};
  std::optional<Timestamp> stopped;  // set when the clock's goal was met or abandoned
  bool warned = false;
  bool overdue = false;
  bool operator==(const Clock&) const = default;
};

// 延期: a unit's request for more time, decided by the centre.
struct Extension {
  int working_days = 0;
  std::string reason;
  Timestamp requested_at{};
  UserId requested_by = 0;
  bool operator==(const Extension&) const = default;
};

// 督办: a supervision order with its own deadline.
struct Supervision {
  std::string note;
  UserId by = 0;
  Timestamp opened_at{};
  bool open = true;
  bool operator==(const Supervision&) const = default;
};

// 批示: a leader's instruction that the handling unit must acknowledge.
struct Instruction {
  UserId leader = 0;
  std::string text;
  Timestamp at{};
  std::optional<Timestamp> acknowledged_at;
  UserId acknowledged_by = 0;
  bool operator==(const Instruction&) const = default;
};

// A reply as written by a unit (draft) or as published to the citizen.
struct Reply {
  std::string text;
  UnitId unit = 0;
  UserId by = 0;
  Timestamp at{};
  bool operator==(const Reply&) const = default;
};

// 回访 result.
struct CallbackResult {
  bool resolved = false;
  Satisfaction satisfaction = Satisfaction::kSatisfied;
  std::string note;
  Timestamp at{};
  bool operator==(const CallbackResult&) const = default;
};

// The last return (退回) by a unit.
struct ReturnInfo {
  UnitId unit = 0;
  std::string reason;
  std::string legal_basis;
  Timestamp at{};
  bool operator==(const ReturnInfo&) const = default;
};

// One risk the analytics found in a request's text, with the words that
// triggered it ("200名工人", "燃气泄漏") and the reason shown to staff.
struct RiskFlag {
  RiskKind kind = RiskKind::kSafety;
  Urgency level = Urgency::kNormal;  // normal: worth a look; urgent; emergency
  std::string evidence;
  std::string reason;     // Chinese
  std::string reason_en;  // English
  bool operator==(const RiskFlag&) const = default;
};

// 智能研判: what the analytics concluded about a request when it arrived.
// Advice, kept beside the work order; the centre decides.
struct Assessment {
  std::string category_code;  // the suggested category ("" when none)
  double confidence = 0.0;    // of the suggestion, in [0, 1]
  CategorySource source = CategorySource::kNone;  // model or keyword rules
  std::vector<RiskFlag> risks;
  bool fast_lane = false;  // the risks put it on the leader's fast lane
  bool operator==(const Assessment&) const = default;
};

struct WorkOrder {
  WorkOrderId id = 0;
  JurisdictionId jurisdiction = 0;
  std::string tracking_no;      // shown to the citizen
  std::string query_code;       // with tracking_no, lets the citizen read it
  std::string idempotency_key;  // of the submission; empty if none

  Channel channel = Channel::kWeb;
  RequestType type = RequestType::kHelp;
  Urgency urgency = Urgency::kNormal;
  std::string title;
  std::string detail;
  std::string category_code;  // empty until classified
  CategorySource category_source = CategorySource::kNone;
  std::string area_code;      // street or district
  std::string address;
  Citizen citizen;
  std::optional<MailboxId> mailbox;
  bool consent_public = false;
  UserId recorded_by = 0;  // operator who recorded a call; 0 for self-service

  State state = State::kSubmitted;
  Timestamp created_at{};
  Timestamp updated_at{};
  std::int64_t version = 0;  // incremented by every event

  std::optional<UnitId> lead_unit;      // 主办
  std::optional<UnitId> handling_unit;  // lead unit or the subordinate it passed down to
  std::vector<UnitId> assisting_units;  // 协办

  std::optional<WorkOrderId> merged_into;  // set in state merged
  std::vector<WorkOrderId> merged;         // repeats merged into this one

  std::vector<Clock> clocks;
  std::optional<Extension> pending_extension;
  int extensions_granted = 0;
  int extensions_refused = 0;

  std::optional<Reply> draft_reply;  // waiting for review
  std::string review_comment;        // last send-back comment
  std::optional<Reply> reply;        // published to the citizen
  std::optional<Timestamp> contacted_at;
  std::optional<CallbackResult> callback;
  std::optional<Satisfaction> citizen_rating;
  std::string citizen_comment;

  std::string reject_reason;
  std::optional<ReturnInfo> last_return;
  int return_count = 0;
  int redispatch_count = 0;
  int reopen_count = 0;
  bool disputed = false;
  std::optional<Timestamp> closed_at;

  std::optional<Supervision> supervision;
  bool escalated = false;
  bool fast_lane = false;  // leader fast lane (emergencies, escalations)
  // 疑似刷单: filed anonymously as one of a burst of near-identical requests
  // from the same source (insight/flood_detector.hpp). Kept out of the fast
  // lane and the hot spots until the centre accepts it (confirming it
  // genuine) or rejects it.
  bool suspected_flood = false;
  std::vector<Instruction> instructions;
  std::vector<UserId> watchers;
  bool published = false;
  std::optional<Assessment> assessment;  // made at intake, if the analytics ran

  // The running clock of a kind, if any.
  const Clock* RunningClock(ClockKind kind) const;
  Clock* RunningClock(ClockKind kind);
  // The earliest pending warning or due instant of the running clocks; the
  // scheduler looks at the work order then.
  std::optional<Timestamp> NextCheckAt() const;
  bool IsOverdue() const;
  bool IsTerminal() const { return state == State::kRejected || state == State::kClosed || state == State::kMerged; }
  bool HasPendingInstruction() const;
  // The units the work order is with, which (with the units above them)
  // may see it: its assisting units, and its lead and handling units unless
  // it is returned — a unit that said it is not responsible no longer holds
  // it, until the centre sends it back or elsewhere.
  std::vector<UnitId> UnitsWithIt() const;

  bool operator==(const WorkOrder&) const = default;
};

}  // namespace lizheng
