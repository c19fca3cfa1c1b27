// Intake and the workflow actions: each runs the engine inside one write
// transaction, so a work order, its events and its notices change together
// or not at all.
#include "lizheng/app/work_orders.hpp"

#include <sodium.h>

#include "lizheng/core/citizen_codes.hpp"
#include "lizheng/text/phone_number.hpp"

namespace lizheng::app {
namespace {

EngineContext MakeContext(const JurisdictionData& d, Timestamp now, const WorkOrder* primary = nullptr) {
  return EngineContext{now, d.directory, d.calendar, d.limits, d.policy, primary};
}

Receipt ReceiptOf(const WorkOrder& wo, bool replayed) {
  return Receipt{wo.id, wo.tracking_no, wo.query_code, wo.state, wo.created_at, replayed, {}};
}

// Writes one transition: the work order, its event, its notices.
Status WriteTransition(store::WriteTxn& txn, Transition& t, Timestamp now) {
  LZ_RETURN_IF_ERROR(txn.UpdateWorkOrder(t.after));
  LZ_RETURN_IF_ERROR(txn.AppendEvent(t.event));
  for (const Notice& n : t.notices) LZ_RETURN_IF_ERROR(txn.QueueNotice(t.after.jurisdiction, n, now));
  return OkStatus();
}

// Actions after which the repeats merged into a work order learn its news.
bool FansOut(Action a) {
  switch (a) {
    case Action::kApproveReply:
    case Action::kSelfResolve:
    case Action::kCallback:
    case Action::kClose:
      return true;
    default:
      return false;
  }
}

}  // namespace

WorkOrderService::WorkOrderService(store::Store& store, JurisdictionCache& cache,
                                   const TimeSource& time, RandomSource& random, Insights* insights,
                                   PublicLimits* limits)
    : store_(store), cache_(cache), time_(time), random_(random), insights_(insights), limits_(limits) {}

Result<Receipt> WorkOrderService::Submit(JurisdictionId j, const Submission& submitted,
                                         const Actor& actor) {
  LZ_ASSIGN_OR_RETURN(auto data, cache_.Get(j));
  Submission s = submitted;
  s.citizen.phone = text::NormalizePhone(s.citizen.phone);
  LZ_RETURN_IF_ERROR(ValidateSubmission(s, data->directory));
  if (limits_) LZ_RETURN_IF_ERROR(limits_->AdmitSubmission(*data, s.source_address));
  if (insights_ && !s.assessment) s.assessment = insights_->Assess(*data, s.title, s.detail);
  const Timestamp now = time_.Now();
  // Anonymous intake only: what staff record carries no source address.
  s.suspected_flood = insights_ && actor.role == Role::kCitizen && insights_->SuspectFlood(*data, s, now);
  const std::string query_code = random_.Digits(kQueryCodeDigits);
  Receipt receipt;
  std::optional<WorkOrder> filed;  // for the hot spots, once committed
  LZ_RETURN_IF_ERROR(store_.Write([&](store::WriteTxn& txn) -> Status {
    if (!s.idempotency_key.empty()) {
      LZ_ASSIGN_OR_RETURN(std::optional<WorkOrder> earlier,
                          txn.FindByIdempotencyKey(j, s.idempotency_key));
      if (earlier) {
        if (earlier->title != s.title || earlier->detail != s.detail)
          return MakeError(ErrorCode::kConflict, "idempotency_key_reused",
                           Text{"字段 idempotency_key：已用于另一件诉求",
                                "idempotency_key: already used for a different request"},
                           "idempotency_key");
        receipt = ReceiptOf(*earlier, true);
        return OkStatus();
      }
    }
    Transition t = lizheng::Submit(s, actor, MakeContext(*data, now));
    const Date day = LocalDate(now, data->directory.jurisdiction().utc_offset_minutes);
    LZ_ASSIGN_OR_RETURN(t.after.tracking_no, txn.NextTrackingNo(j, day));
    t.after.query_code = query_code;
    LZ_ASSIGN_OR_RETURN(t.after.id, txn.InsertWorkOrder(t.after));
    t.event.work_order = t.after.id;
    LZ_RETURN_IF_ERROR(txn.AppendEvent(t.event));
    receipt = ReceiptOf(t.after, false);
    if (insights_) filed = t.after;
    return OkStatus();
  }));
  if (filed) {
    if (actor.role == Role::kCitizen) insights_->RememberAnonymous(*data, s, now);
    insights_->Track(*data, *filed);
    if (actor.role != Role::kCitizen) {
      // Advice only: a failed lookup must not fail a request already filed.
      auto repeats = insights_->Repeats(*data, *filed);
      if (repeats.ok()) receipt.possible_repeats = std::move(repeats).value();
    }
  }
  return receipt;
}

Status WorkOrderService::FanOut(store::WriteTxn& txn, const JurisdictionData& data,
                                const WorkOrder& primary) {
  const Actor system{Role::kSystem, 0, std::nullopt, "system"};
  Command follow;
  follow.action = Action::kFollowPrimary;
  for (WorkOrderId id : primary.merged) {
    LZ_ASSIGN_OR_RETURN(WorkOrder repeat, txn.GetWorkOrder(primary.jurisdiction, id));
    auto t = Apply(repeat, system, follow, MakeContext(data, time_.Now(), &primary));
    if (!t.ok()) {
      if (t.error().code == ErrorCode::kIllegalTransition) continue;  // nothing new for it
      return t.error();
    }
    LZ_RETURN_IF_ERROR(WriteTransition(txn, *t, time_.Now()));
  }
  return OkStatus();
}

Status WorkOrderService::ApplyInTxn(store::WriteTxn& txn, const JurisdictionData& data,
                                    const WorkOrder& wo, const Actor& actor, const Command& cmd,
                                    WorkOrder& out) {
  // The engine sees the primary a merge targets, or the one a repeat leaves
  // (un-merged, or disputed by its citizen).
  std::optional<WorkOrderId> primary_id;
  if (cmd.action == Action::kMerge) primary_id = cmd.primary;
  if (cmd.action == Action::kUnmerge || cmd.action == Action::kDispute) primary_id = wo.merged_into;
  std::optional<WorkOrder> primary;
  if (primary_id) {
    auto p = txn.GetWorkOrder(wo.jurisdiction, *primary_id);
    if (p.ok()) {
      primary = std::move(p).value();
    } else if (p.error().code != ErrorCode::kNotFound) {
      return p.error();
    }
  }
  const Timestamp now = time_.Now();
  LZ_ASSIGN_OR_RETURN(Transition t,
                      Apply(wo, actor, cmd, MakeContext(data, now, primary ? &*primary : nullptr)));
  LZ_RETURN_IF_ERROR(WriteTransition(txn, t, now));
  if (t.primary_after && t.primary_event) {
    Transition pt{*t.primary_after, *t.primary_event, {}, {}, {}};
    LZ_RETURN_IF_ERROR(WriteTransition(txn, pt, now));
    // A repeat merged into an already answered request gets the answer now.
    if (cmd.action == Action::kMerge && pt.after.reply) {
      WorkOrder lone = pt.after;
      lone.merged = {t.after.id};
      LZ_RETURN_IF_ERROR(FanOut(txn, data, lone));
      LZ_ASSIGN_OR_RETURN(t.after, txn.GetWorkOrder(wo.jurisdiction, wo.id));
    }
  }
  if (FansOut(cmd.action) && !t.after.merged.empty())
    LZ_RETURN_IF_ERROR(FanOut(txn, data, t.after));
  out = std::move(t.after);
  return OkStatus();
}

Result<WorkOrder> WorkOrderService::Perform(JurisdictionId j, WorkOrderId id, const Actor& actor,
                                            const Command& cmd) {
  LZ_ASSIGN_OR_RETURN(auto data, cache_.Get(j));
  WorkOrder out;
  std::optional<WorkOrder> before;  // for the analytics to learn from
  bool was_suspected_flood = false;
  LZ_RETURN_IF_ERROR(store_.Write([&](store::WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(WorkOrder wo, txn.GetWorkOrder(j, id));
    if (insights_ && wo.state == State::kDispatched) before = wo;
    was_suspected_flood = wo.suspected_flood;
    return ApplyInTxn(txn, *data, wo, actor, cmd, out);
  }));
  if (before) insights_->Observe(*data, *before, out);
  // Confirmed genuine: from now on it counts in the hot spots.
  if (insights_ && was_suspected_flood && !out.suspected_flood) insights_->Track(*data, out);
  return out;
}

Result<WorkOrder> WorkOrderService::CitizenPerform(const std::string& tracking_no,
                                                   const std::string& query_code,
                                                   const Command& cmd,
                                                   const std::string& client_address) {
  LZ_ASSIGN_OR_RETURN(WorkOrderView view, CitizenView(tracking_no, query_code, client_address));
  LZ_ASSIGN_OR_RETURN(auto data, cache_.Get(view.wo.jurisdiction));
  const Actor citizen{Role::kCitizen, 0, std::nullopt, "群众"};
  WorkOrder out;
  LZ_RETURN_IF_ERROR(store_.Write([&](store::WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(WorkOrder wo, txn.GetWorkOrder(view.wo.jurisdiction, view.wo.id));
    return ApplyInTxn(txn, *data, wo, citizen, cmd, out);
  }));
  return out;
}

Result<int> WorkOrderService::CheckDeadlines(JurisdictionId j, int batch_limit) {
  LZ_ASSIGN_OR_RETURN(auto data, cache_.Get(j));
  const Timestamp now = time_.Now();
  std::vector<WorkOrder> due;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(due, txn.DueForCheck(j, now, batch_limit));
    return OkStatus();
  }));
  int written = 0;
  for (const WorkOrder& stale : due) {
    LZ_RETURN_IF_ERROR(store_.Write([&](store::WriteTxn& txn) -> Status {
      // Re-read inside the transaction: a unit may have acted meanwhile.
      LZ_ASSIGN_OR_RETURN(WorkOrder wo, txn.GetWorkOrder(j, stale.id));
      for (Transition& t : CheckClocks(wo, MakeContext(*data, now))) {
        LZ_RETURN_IF_ERROR(WriteTransition(txn, t, now));
        ++written;
      }
      return OkStatus();
    }));
  }
  return written;
}

Result<WorkOrderView> WorkOrderService::CitizenView(const std::string& typed_tracking_no,
                                                    const std::string& typed_query_code,
                                                    const std::string& client_address) {
  const Error not_found = MakeError(ErrorCode::kNotFound, "query_code_wrong",
                                    Text{"没有与该编号和查询码相符的诉求，请核对后重试",
                                         "no request with this tracking number and query code"},
                                    "query_code");
  const std::string tracking_no = CanonicalCitizenCode(typed_tracking_no);
  const std::string query_code = CanonicalCitizenCode(typed_query_code);
  // Counted before the code is compared, for known and unknown numbers
  // alike, and keyed on the number as stored, so that typing it grouped in
  // other ways gives no fresh attempts.
  if (limits_) LZ_RETURN_IF_ERROR(limits_->BeginLookup(client_address, tracking_no));
  WorkOrderView view;
  bool found = false;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(std::vector<WorkOrder> candidates, txn.ListByTrackingNo(tracking_no));
    // A number issued before numbers were unique may name a work order in
    // several jurisdictions: the query code picks the citizen's own.
    for (WorkOrder& wo : candidates) {
      const std::string& code = wo.query_code;
      if (found || code.size() != query_code.size() ||
          sodium_memcmp(code.data(), query_code.data(), code.size()) != 0)
        continue;
      found = true;
      view.wo = std::move(wo);
    }
    if (!found) return OkStatus();
    LZ_ASSIGN_OR_RETURN(std::vector<Event> events, txn.ListEvents(view.wo.jurisdiction, view.wo.id));
    for (Event& e : events)
      if (e.is_public) view.events.push_back(std::move(e));
    if (view.wo.merged_into) {
      LZ_ASSIGN_OR_RETURN(WorkOrder p, txn.GetWorkOrder(view.wo.jurisdiction, *view.wo.merged_into));
      view.primary = std::move(p);
    }
    return OkStatus();
  }));
  if (!found) return not_found;
  if (limits_) limits_->LookupSucceeded(tracking_no);
  // A merged request can be rated once the primary's reply reached it.
  if (Has(SpecOf(Action::kRate).from, view.wo.state) && !view.wo.citizen_rating && view.wo.reply)
    view.allowed_actions.push_back(Action::kRate);
  // A merged request can be disputed once the primary's closure reached it.
  if (Has(SpecOf(Action::kDispute).from, view.wo.state) && !view.wo.disputed && view.wo.closed_at)
    view.allowed_actions.push_back(Action::kDispute);
  return view;
}

}  // namespace lizheng::app
