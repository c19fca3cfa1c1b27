// The use cases of the closed loop: intake of a citizen's request, every
// workflow action, and the reads of the workbench and the citizen.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lizheng/app/environment.hpp"
#include "lizheng/app/insights.hpp"
#include "lizheng/app/jurisdiction_cache.hpp"
#include "lizheng/app/public_limits.hpp"
#include "lizheng/core/prerequisites.hpp"
#include "lizheng/core/workflow.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::app {

// What the citizen gets back from a submission.
struct Receipt {
  WorkOrderId id = 0;
  std::string tracking_no;
  std::string query_code;
  State state = State::kSubmitted;
  Timestamp created_at{};
  bool replayed = false;  // an earlier submission with the same idempotency key
  // For a request recorded by staff: the open requests it may repeat, best
  // first, so the operator can tell the caller at once. Never for citizens.
  std::vector<RepeatAdvice> possible_repeats;
};

// One work order with everything its screen shows.
struct WorkOrderView {
  WorkOrder wo;
  std::vector<Event> events;
  std::vector<Action> allowed_actions;  // for the caller
  // Actions the caller's role, unit and the state allow but that wait for a
  // step on the work order first (a reply before the first contact).
  std::vector<std::pair<Action, Prerequisite>> blocked_actions;
  std::vector<WorkOrder> merged;        // the repeats merged into it
  std::optional<WorkOrder> primary;     // the work order it was merged into
};

// Named queues of the workbench.
enum class Queue {
  kAll,
  kToAccept,     // submitted
  kToDispatch,   // accepted
  kToSignFor,    // dispatched
  kInProgress,   // in_progress, reopened
  kToReview,     // replied
  kToCallBack,   // answered
  kReturned,     // returned
  kOverdue,
  kSupervised,
  kWatched,
  kFastLane,
  kInstructed,   // instruction waiting for acknowledgement
  kSuspectedFlood,  // anonymous floods waiting for the centre: accept (genuine) or reject
  kClosed,
};
std::string_view QueueWireName(Queue q);
std::optional<Queue> ParseQueue(std::string_view s);
std::string QueueNames();

// A page request of a queue; the caller's visibility is added by the service.
struct QueueRequest {
  Queue queue = Queue::kAll;
  store::WorkOrderQuery filters;  // jurisdiction and visibility are overwritten
  bool with_total = false;
};

// A published request as the public reads it: the citizen consented and
// the centre published it; names, numbers and house numbers are masked.
struct PublishedRequest {
  WorkOrderId id = 0;  // for paging only; not shown
  std::string tracking_no;
  std::string title;
  std::string detail;
  RequestType type = RequestType::kHelp;
  std::string category_code;
  std::string area_code;
  State state = State::kSubmitted;
  Timestamp created_at{};
  std::optional<Reply> reply;  // text masked
  std::optional<Satisfaction> satisfaction;  // the citizen's rating, else the callback's
};

struct PublishedPage {
  std::vector<PublishedRequest> items;
  bool has_more = false;
};

// A leader's mailbox as the public reads it: of the requests received since
// a day, how many had their reply reach the citizen, how many of those in
// time, how many were closed, and the citizens' satisfaction where it was
// recorded -- the dashboard's counts (store::FigureRow), for one mailbox.
struct MailboxFigures {
  MailboxId mailbox = 0;
  store::FigureRow counts;
};

// One group of the dashboard's figures (a day, a channel, a district ...).
struct FigureGroup {
  std::string key;    // "2026-11-01", "hotline", "01", "dh", a unit id
  std::string label;  // its Chinese name ("" for days)
  store::FigureRow counts;
};

// The dashboard: work orders created in [from, to), in total and by day,
// channel, request type, first-level category, district and lead unit.
struct Figures {
  Timestamp from{};
  Timestamp to{};
  store::FigureRow totals;
  std::vector<FigureGroup> by_day, by_channel, by_type, by_category, by_district, by_unit;
};

struct QueuePage {
  std::vector<WorkOrder> items;
  bool has_more = false;
  std::optional<std::int64_t> total;
};

// Thread-safe; every method runs in its own transaction.
class WorkOrderService {
 public:
  // `insights` (may be null: no analytics) assesses every submission and
  // learns from dispatches and returns; `limits` (may be null: no limits)
  // holds back anonymous intake and lookups by query code.
  WorkOrderService(store::Store& store, JurisdictionCache& cache, const TimeSource& time,
                   RandomSource& random, Insights* insights = nullptr,
                   PublicLimits* limits = nullptr);

  // Files a request, assessed by the analytics (category, risks) unless
  // the submission carries an assessment. A repeated idempotency key returns
  // the first receipt (replayed = true) and creates nothing. A valid
  // anonymous submission (with a source_address) beyond the limits is
  // refused with kTooManyRequests.
  Result<Receipt> Submit(JurisdictionId j, const Submission& s, const Actor& actor);

  // Performs an action; on success returns the work order after it. Fan-out
  // to merged repeats happens in the same transaction.
  Result<WorkOrder> Perform(JurisdictionId j, WorkOrderId id, const Actor& actor, const Command& cmd);

  // The scheduler's pass: warnings and overdue marks for every work order
  // whose clocks need a look. Returns the number of events written.
  Result<int> CheckDeadlines(JurisdictionId j, int batch_limit = 500);

  // Reads, with visibility: units see their own and their subordinates'
  // work orders; centre roles and leaders see the jurisdiction's.
  Result<WorkOrderView> View(JurisdictionId j, WorkOrderId id, const Actor& actor);
  Result<QueuePage> List(JurisdictionId j, const Actor& actor, QueueRequest req);
  // Counts of every queue for the caller.
  Result<std::vector<std::pair<Queue, std::int64_t>>> Counts(JurisdictionId j, const Actor& actor);

  // The dashboard's figures; centre roles, leaders and administrators only.
  Result<Figures> ComputeFigures(JurisdictionId j, const Actor& actor, Timestamp from, Timestamp to);

  // The public list: published requests only, masked. Of `filters` the
  // type, category and area prefixes, title search, cursor and limit apply.
  Result<PublishedPage> ListPublished(JurisdictionId j, store::WorkOrderQuery filters);
  // Every mailbox's figures for requests created at or after `since`.
  Result<std::vector<MailboxFigures>> MailboxFiguresSince(JurisdictionId j, Timestamp since);

  // The citizen's view, by tracking number and query code as typed (groups
  // separated by spaces or hyphens are fine: CanonicalCitizenCode); no
  // jurisdiction is needed. kNotFound for either wrong (indistinguishable on
  // purpose). kTooManyRequests when `client_address` (empty: not limited per
  // address) asked too often or the number's code is locked after wrong codes.
  Result<WorkOrderView> CitizenView(const std::string& tracking_no, const std::string& query_code,
                                    const std::string& client_address = "");
  // A citizen action (rate, dispute) authorised by the query code; limited
  // as CitizenView.
  Result<WorkOrder> CitizenPerform(const std::string& tracking_no, const std::string& query_code,
                                   const Command& cmd, const std::string& client_address = "");

 private:
  Status CheckVisible(const JurisdictionData& data, const WorkOrder& wo, const Actor& actor) const;
  Status ApplyInTxn(store::WriteTxn& txn, const JurisdictionData& data, const WorkOrder& wo,
                    const Actor& actor, const Command& cmd, WorkOrder& out);
  Status FanOut(store::WriteTxn& txn, const JurisdictionData& data, const WorkOrder& primary);

  store::Store& store_;
  JurisdictionCache& cache_;
  const TimeSource& time_;
  RandomSource& random_;
  Insights* insights_;
  PublicLimits* limits_;
};

// Whether `actor` may see `wo` at all: centre roles and leaders any; a unit
// the ones with its unit or a unit below it (WorkOrder::UnitsWithIt), and
// the ones a unit above it assists on.
bool IsVisibleTo(const Directory& dir, const WorkOrder& wo, const Actor& actor);

}  // namespace lizheng::app
