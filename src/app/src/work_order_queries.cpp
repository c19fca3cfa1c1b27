// The reads of the workbench: one work order with its timeline, queues with
// filters and paging, and queue counts, each limited to what the caller may
// see.
#include <algorithm>
#include <array>

#include "lizheng/app/work_orders.hpp"
#include "lizheng/text/personal_data.hpp"

namespace lizheng::app {
namespace {

constexpr std::array<std::pair<Queue, std::string_view>, 15> kQueues{{
    {Queue::kAll, "all"},
    {Queue::kToAccept, "to_accept"},
    {Queue::kToDispatch, "to_dispatch"},
    {Queue::kToSignFor, "to_sign_for"},
    {Queue::kInProgress, "in_progress"},
    {Queue::kToReview, "to_review"},
    {Queue::kToCallBack, "to_call_back"},
    {Queue::kReturned, "returned"},
    {Queue::kOverdue, "overdue"},
    {Queue::kSupervised, "supervised"},
    {Queue::kWatched, "watched"},
    {Queue::kFastLane, "fast_lane"},
    {Queue::kInstructed, "instructed"},
    {Queue::kSuspectedFlood, "suspected_flood"},
    {Queue::kClosed, "closed"},
}};

bool IsUnitRole(Role r) { return r == Role::kUnitHandler || r == Role::kUnitManager; }

// The queues of work that needs attention now (overdue, supervised,
// watched, fast lane, instructions, suspected floods): a work order that has ended (closed,
// rejected, merged) no longer does, so these list open work orders unless
// the caller asks for states, e.g. state=closed to look back.
bool IsAttentionQueue(Queue queue) {
  return queue == Queue::kOverdue || queue == Queue::kSupervised || queue == Queue::kWatched ||
         queue == Queue::kFastLane || queue == Queue::kInstructed ||
         queue == Queue::kSuspectedFlood;
}

// Narrows a query to a queue and to what the actor may see.
void Shape(store::WorkOrderQuery& q, Queue queue, const Actor& actor, const Directory& dir) {
  if (IsAttentionQueue(queue) && q.states.empty()) q.open_only = true;
  switch (queue) {
    case Queue::kAll: break;
    case Queue::kToAccept: q.states = {State::kSubmitted}; break;
    case Queue::kToDispatch: q.states = {State::kAccepted}; break;
    case Queue::kToSignFor: q.states = {State::kDispatched}; break;
    case Queue::kInProgress: q.states = {State::kInProgress, State::kReopened}; break;
    case Queue::kToReview: q.states = {State::kReplied}; break;
    case Queue::kToCallBack: q.states = {State::kAnswered}; break;
    case Queue::kReturned: q.states = {State::kReturned}; break;
    case Queue::kOverdue: q.overdue_only = true; break;
    case Queue::kSupervised: q.supervised_only = true; break;
    case Queue::kWatched: q.watched_by = actor.user; break;
    case Queue::kFastLane: q.fast_lane_only = true; break;
    case Queue::kInstructed: q.instructed_pending_only = true; break;
    case Queue::kSuspectedFlood: q.suspected_flood_only = true; break;
    case Queue::kClosed: q.states = {State::kClosed}; break;
  }
  if (IsUnitRole(actor.role)) {
    q.visible_to_subtree_of = actor.unit.value_or(0);
    q.visible_units = actor.unit ? dir.Subtree(*actor.unit) : std::vector<UnitId>{};
    q.visible_assisted_by = actor.unit ? dir.Ancestors(*actor.unit) : std::vector<UnitId>{};
  }
}

}  // namespace

std::string_view QueueWireName(Queue q) {
  for (const auto& [queue, name] : kQueues)
    if (queue == q) return name;
  return "all";
}

std::optional<Queue> ParseQueue(std::string_view s) {
  for (const auto& [queue, name] : kQueues)
    if (name == s) return queue;
  return std::nullopt;
}

std::string QueueNames() {
  std::string out;
  for (const auto& [queue, name] : kQueues) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

bool IsVisibleTo(const Directory& dir, const WorkOrder& wo, const Actor& actor) {
  if (!IsUnitRole(actor.role)) return actor.role != Role::kCitizen && actor.role != Role::kSystem;
  if (!actor.unit) return false;
  for (UnitId u : wo.UnitsWithIt())
    if (dir.IsSelfOrAncestor(*actor.unit, u)) return true;
  // 协办 is given to a unit and done by its sections: the units below an
  // assisting unit see the work order too.
  for (UnitId a : wo.assisting_units)
    if (dir.IsSelfOrAncestor(a, *actor.unit)) return true;
  return false;
}

Status WorkOrderService::CheckVisible(const JurisdictionData& data, const WorkOrder& wo,
                                      const Actor& actor) const {
  if (wo.jurisdiction == data.directory.jurisdiction().id && IsVisibleTo(data.directory, wo, actor))
    return OkStatus();
  return MakeError(ErrorCode::kNotFound, "work_order_not_found",
                   Text{"没有编号为 " + std::to_string(wo.id) + " 的工单",
                        "work order " + std::to_string(wo.id) + " not found"});
}

Result<WorkOrderView> WorkOrderService::View(JurisdictionId j, WorkOrderId id, const Actor& actor) {
  LZ_ASSIGN_OR_RETURN(auto data, cache_.Get(j));
  WorkOrderView view;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(view.wo, txn.GetWorkOrder(j, id));
    LZ_RETURN_IF_ERROR(CheckVisible(*data, view.wo, actor));
    LZ_ASSIGN_OR_RETURN(view.events, txn.ListEvents(j, id));
    for (WorkOrderId m : view.wo.merged) {
      LZ_ASSIGN_OR_RETURN(WorkOrder repeat, txn.GetWorkOrder(j, m));
      view.merged.push_back(std::move(repeat));
    }
    if (view.wo.merged_into) {
      LZ_ASSIGN_OR_RETURN(WorkOrder p, txn.GetWorkOrder(j, *view.wo.merged_into));
      view.primary = std::move(p);
    }
    return OkStatus();
  }));
  for (const ActionSpec& spec : AllActionSpecs()) {
    if (!spec.by_people || spec.action == Action::kSubmit) continue;
    if (!Permit(view.wo, actor, spec.action, data->directory).ok()) continue;
    // The engine refuses an action whose step is missing: offer it only
    // once the step is done, and say which step it waits for.
    if (auto missing = MissingPrerequisite(view.wo, spec.action)) {
      view.blocked_actions.emplace_back(spec.action, *missing);
    } else {
      view.allowed_actions.push_back(spec.action);
    }
  }
  return view;
}

Result<QueuePage> WorkOrderService::List(JurisdictionId j, const Actor& actor, QueueRequest req) {
  LZ_ASSIGN_OR_RETURN(auto data, cache_.Get(j));
  store::WorkOrderQuery q = std::move(req.filters);
  q.jurisdiction = j;
  Shape(q, req.queue, actor, data->directory);
  QueuePage page;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(store::WorkOrderPage p, txn.ListWorkOrders(q));
    page.items = std::move(p.items);
    page.has_more = p.has_more;
    if (req.with_total) {
      LZ_ASSIGN_OR_RETURN(page.total, txn.CountWorkOrders(q));
    }
    return OkStatus();
  }));
  return page;
}

Result<std::vector<std::pair<Queue, std::int64_t>>> WorkOrderService::Counts(JurisdictionId j,
                                                                              const Actor& actor) {
  LZ_ASSIGN_OR_RETURN(auto data, cache_.Get(j));
  std::vector<std::pair<Queue, std::int64_t>> out;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    for (const auto& [queue, name] : kQueues) {
      if (queue == Queue::kAll || queue == Queue::kClosed) continue;
      store::WorkOrderQuery q;
      q.jurisdiction = j;
      Shape(q, queue, actor, data->directory);
      LZ_ASSIGN_OR_RETURN(std::int64_t n, txn.CountWorkOrders(q));
      out.emplace_back(queue, n);
    }
    return OkStatus();
  }));
  return out;
}

Result<PublishedPage> WorkOrderService::ListPublished(JurisdictionId j, store::WorkOrderQuery filters) {
  store::WorkOrderQuery q;
  q.jurisdiction = j;
  q.published_only = true;
  q.type = filters.type;
  q.category_prefix = std::move(filters.category_prefix);
  q.area_prefix = std::move(filters.area_prefix);
  // The public searches what it can read: the masked title.
  q.masked_title_contains = std::move(filters.title_contains);
  q.after = filters.after;
  q.limit = filters.limit;
  store::WorkOrderPage page;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(page, txn.ListWorkOrders(q));
    return OkStatus();
  }));
  PublishedPage out;
  out.has_more = page.has_more;
  for (WorkOrder& wo : page.items) {
    // Publication needs consent; a flag set without it is never shown.
    if (!wo.consent_public) continue;
    PublishedRequest p;
    p.id = wo.id;
    p.tracking_no = wo.tracking_no;
    p.title = text::MaskPersonalData(wo.title);
    p.detail = text::MaskPersonalData(wo.detail);
    p.type = wo.type;
    p.category_code = wo.category_code;
    p.area_code = wo.area_code;
    p.state = wo.state;
    p.created_at = wo.created_at;
    if (wo.reply) {
      p.reply = *wo.reply;
      p.reply->text = text::MaskPersonalData(wo.reply->text);
      p.reply->by = 0;  // the staff member is not public
    }
    if (wo.citizen_rating) {
      p.satisfaction = wo.citizen_rating;
    } else if (wo.callback) {
      p.satisfaction = wo.callback->satisfaction;
    }
    out.items.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<MailboxFigures>> WorkOrderService::MailboxFiguresSince(JurisdictionId j,
                                                                        Timestamp since) {
  LZ_ASSIGN_OR_RETURN(auto data, cache_.Get(j));
  store::FigureQuery q;
  q.jurisdiction = j;
  q.from = since;
  q.to = time_.Now() + std::chrono::seconds(1);  // up to and including the current second
  q.by = store::FigureColumn::kMailbox;
  std::vector<store::FigureRow> rows;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(rows, txn.CountFigures(q));
    return OkStatus();
  }));
  std::vector<MailboxFigures> out;
  for (const Mailbox& m : data->directory.mailboxes()) {
    MailboxFigures f;
    f.mailbox = m.id;
    f.counts.key = std::to_string(m.id);
    for (const store::FigureRow& r : rows)
      if (r.key == f.counts.key) f.counts = r;
    out.push_back(std::move(f));
  }
  return out;
}

namespace {

void Add(store::FigureRow& into, const store::FigureRow& r) {
  into.received += r.received;
  into.replied += r.replied;
  into.replied_on_time += r.replied_on_time;
  into.closed += r.closed;
  into.overdue += r.overdue;
  into.called_back += r.called_back;
  into.resolved += r.resolved;
  into.rated += r.rated;
  into.satisfied += r.satisfied;
  into.basically_satisfied += r.basically_satisfied;
}

// Folds rows under the key `fold` gives (in first-seen order of sorted
// rows), naming each group with `label`.
template <class Fold, class LabelOf>
std::vector<FigureGroup> Grouped(const std::vector<store::FigureRow>& rows, Fold fold, LabelOf label) {
  std::vector<FigureGroup> out;
  for (const store::FigureRow& r : rows) {
    const std::string key = fold(r.key);
    auto it = std::find_if(out.begin(), out.end(), [&](const FigureGroup& g) { return g.key == key; });
    if (it == out.end()) {
      out.push_back(FigureGroup{key, label(key), {}});
      out.back().counts.key = key;
      it = out.end() - 1;
    }
    Add(it->counts, r);
  }
  return out;
}

template <class E>
std::string EnumLabel(const std::string& wire) {
  if (auto e = FromWire<E>(wire)) return std::string(ToChinese(*e));
  return wire;
}

}  // namespace

Result<Figures> WorkOrderService::ComputeFigures(JurisdictionId j, const Actor& actor, Timestamp from,
                                                 Timestamp to) {
  if (actor.role == Role::kUnitHandler || actor.role == Role::kUnitManager ||
      actor.role == Role::kCitizen) {
    return MakeError(
        ErrorCode::kForbidden, "figures_forbidden",
        Text{"统计数据仅供中心、领导和管理员查看",
             "the dashboard's figures are for the centre, leaders and administrators"});
  }
  if (!(from < to))
    return MakeError(ErrorCode::kInvalidArgument, "period_reversed",
                     Text{"参数 from：须早于 to", "from: must be before to"}, "from");
  if (to - from > std::chrono::days(400))
    return MakeError(ErrorCode::kInvalidArgument, "period_too_long",
                     Text{"参数 to：最多比 from 晚 400 天", "to: at most 400 days after from"},
                     "to");
  LZ_ASSIGN_OR_RETURN(auto data, cache_.Get(j));
  const Directory& dir = data->directory;
  Figures out;
  out.from = from;
  out.to = to;
  auto same = [](const std::string& k) { return k; };
  auto none = [](const std::string&) { return std::string(); };
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    store::FigureQuery q;
    q.jurisdiction = j;
    q.from = from;
    q.to = to;
    q.utc_offset_minutes = dir.jurisdiction().utc_offset_minutes;
    auto rows = [&](store::FigureColumn by) -> Result<std::vector<store::FigureRow>> {
      q.by = by;
      return txn.CountFigures(q);
    };
    LZ_ASSIGN_OR_RETURN(auto days, rows(store::FigureColumn::kDay));
    out.by_day = Grouped(days, same, none);
    for (const auto& r : days) Add(out.totals, r);
    LZ_ASSIGN_OR_RETURN(auto channels, rows(store::FigureColumn::kChannel));
    out.by_channel = Grouped(channels, same, EnumLabel<Channel>);
    LZ_ASSIGN_OR_RETURN(auto types, rows(store::FigureColumn::kType));
    out.by_type = Grouped(types, same, EnumLabel<RequestType>);
    LZ_ASSIGN_OR_RETURN(auto categories, rows(store::FigureColumn::kCategory));
    out.by_category = Grouped(
        categories, [](const std::string& k) { return std::string(FirstLevelCode(k)); },
        [&dir](const std::string& k) {
          const Category* c = dir.FindCategory(k);
          return k.empty() ? std::string("未分类") : c ? c->name : k;
        });
    LZ_ASSIGN_OR_RETURN(auto areas, rows(store::FigureColumn::kArea));
    out.by_district = Grouped(
        areas,
        [&dir](const std::string& k) { return std::string(dir.DistrictOf(k)); },
        [&dir](const std::string& k) {
          const Area* a = dir.FindArea(k);
          return a ? a->name : k;
        });
    LZ_ASSIGN_OR_RETURN(auto units, rows(store::FigureColumn::kLeadUnit));
    out.by_unit = Grouped(units, same, [&dir](const std::string& k) {
      const Unit* u = dir.FindUnit(std::stoll(k));
      return u ? u->name : std::string("未派单");
    });
    return OkStatus();
  }));
  out.totals.key = "total";
  return out;
}

}  // namespace lizheng::app
