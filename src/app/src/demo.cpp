// lizheng demo: the orchestration. The structure goes in one transaction;
// then the requests are walked group by group in order of arrival and
// written in batches of many work orders per transaction, each work order
// once in its final state. Events wait in a queue ordered by time and are
// appended once no later request can produce an earlier one, so the
// jurisdiction's log is in the order things happened. Walking the next
// batch overlaps with writing the last one.
#include "lizheng/app/demo.hpp"

#include <algorithm>
#include <future>
#include <cstdio>
#include <map>

#include "demo_plan.hpp"
#include "demo_structure.hpp"
#include "demo_texts.hpp"
#include "demo_walk.hpp"
#include "lizheng/app/auth.hpp"
#include "lizheng/app/jurisdiction_cache.hpp"
#include "lizheng/app/password_policy.hpp"

namespace lizheng::app {
namespace {

using demo::GroupSeed;

// An event waiting for its turn in the log; `seq` keeps the order in which
// the walks produced events of equal time (and so each work order's order).
struct Pending {
  Timestamp at;
  std::int64_t seq;
  Event event;
};
bool LaterFirst(const Pending& a, const Pending& b) {
  return a.at != b.at ? a.at > b.at : a.seq > b.seq;
}

struct Batch {
  std::vector<WorkOrder> work_orders;
  std::vector<Event> events;
};

Status WriteBatch(store::Store& store, JurisdictionId j, int utc_offset, Batch& batch) {
  return store.Write([&](store::WriteTxn& txn) -> Status {
    for (const WorkOrder& wo : batch.work_orders) {
      LZ_ASSIGN_OR_RETURN(std::string tracking, txn.NextTrackingNo(j, LocalDate(wo.created_at, utc_offset)));
      LZ_ASSIGN_OR_RETURN(WorkOrderId id, txn.InsertWorkOrder(wo));
      // Tracking numbers are counted for the whole installation: the
      // predicted ones hold in a database with no requests on those days.
      if (id != wo.id || tracking != wo.tracking_no)
        return MakeError(ErrorCode::kConflict,
                         "the database has requests on the demo's days already; generate the "
                         "demo into a new database",
                         "",
                         "expected id " + std::to_string(wo.id) + " and tracking number " +
                             wo.tracking_no + ", got " + std::to_string(id) + " and " + tracking);
    }
    for (Event& e : batch.events) LZ_RETURN_IF_ERROR(txn.AppendEvent(e));
    return OkStatus();
  });
}

// Walks the planned groups and writes them; fills the summary's counts.
class RequestWriter {
 public:
  RequestWriter(store::Store& store, const demo::World& world, const DemoOptions& options,
                DemoSummary& summary)
      : store_(store), world_(world), options_(options), summary_(summary) {}

  Status Run(const std::vector<GroupSeed>& groups) {
    for (std::size_t g = 0; g < groups.size(); ++g) {
      LZ_RETURN_IF_ERROR(Walk(groups[g], g));
      const bool last = g + 1 == groups.size();
      if (!last && batch_.work_orders.size() < static_cast<std::size_t>(options_.batch)) continue;
      // No later group starts before the next one's first request.
      const Timestamp frontier = last ? Timestamp::max() : groups[g + 1].created;
      while (!queue_.empty() && queue_.front().at < frontier) {
        std::pop_heap(queue_.begin(), queue_.end(), LaterFirst);
        batch_.events.push_back(std::move(queue_.back().event));
        queue_.pop_back();
      }
      LZ_RETURN_IF_ERROR(Flush());
    }
    LZ_RETURN_IF_ERROR(Wait());
    for (auto& [state, count] : summary_.states) count = states_[state];
    return OkStatus();
  }

 private:
  Status Walk(const GroupSeed& seed, std::size_t index) {
    std::vector<demo::Slot> slots;
    for (std::size_t i = 0; i <= seed.repeats.size(); ++i) {
      const Timestamp created = i == 0 ? seed.created : seed.repeats[i - 1];
      const Date day = LocalDate(created, summary_.jurisdiction.utc_offset_minutes);
      const int n = ++daily_[std::chrono::sys_days(day).time_since_epoch().count()];
      char tracking[32];
      std::snprintf(tracking, sizeof tracking, "%04d%02u%02u%06d", static_cast<int>(day.year()),
                    static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()), n);
      slots.push_back(demo::Slot{next_id_++, tracking, created});
    }
    LZ_ASSIGN_OR_RETURN(demo::GroupResult walked,
                        demo::WalkGroup(world_, demo::DemoRng::Stream(options_.seed, index + 1).Next(),
                                        slots, seed.steer));
    for (WorkOrder& wo : walked.work_orders) {
      ++states_[wo.state];
      batch_.work_orders.push_back(std::move(wo));
    }
    summary_.events += static_cast<std::int64_t>(walked.events.size());
    for (Event& e : walked.events) {
      const Timestamp at = e.at;
      queue_.push_back(Pending{at, seq_++, std::move(e)});
      std::push_heap(queue_.begin(), queue_.end(), LaterFirst);
    }
    return OkStatus();
  }

  // Hands the batch to a writer thread after the previous one finished.
  Status Flush() {
    LZ_RETURN_IF_ERROR(Wait());
    pending_count_ = static_cast<std::int64_t>(batch_.work_orders.size());
    writing_ = std::async(std::launch::async, [this, b = std::move(batch_)]() mutable {
      return WriteBatch(store_, summary_.jurisdiction.id, summary_.jurisdiction.utc_offset_minutes, b);
    });
    batch_ = Batch{};
    return OkStatus();
  }

  Status Wait() {
    if (!writing_.valid()) return OkStatus();
    LZ_RETURN_IF_ERROR(writing_.get());
    summary_.work_orders += pending_count_;
    if (options_.progress) options_.progress(summary_.work_orders, options_.requests);
    return OkStatus();
  }

  store::Store& store_;
  const demo::World& world_;
  const DemoOptions& options_;
  DemoSummary& summary_;
  Batch batch_;
  std::vector<Pending> queue_;  // a min-heap by (at, seq)
  std::int64_t seq_ = 0;
  WorkOrderId next_id_ = 1;     // a new jurisdiction's first work order
  std::map<std::int64_t, int> daily_;  // tracking-number sequence per local day
  std::map<State, std::int64_t> states_;
  std::future<Status> writing_;
  std::int64_t pending_count_ = 0;
};

demo::World MakeWorld(const JurisdictionData& data, const demo::Cast& cast, const demo::TextBank& texts,
                      const demo::PassDownRules& passdown, Timestamp now) {
  demo::World w{data, cast, texts, passdown, now, {}, {}, {}};
  const Directory& dir = data.directory;
  for (const Area& a : dir.areas())
    if (!a.parent_code.empty()) w.streets.emplace_back(&a, dir.FindArea(a.parent_code));
  for (const Unit& u : dir.units()) {
    if (u.kind == UnitKind::kDistrict) w.district_units.emplace(u.area_code, u.id);
    const Unit* parent = u.parent ? dir.FindUnit(*u.parent) : nullptr;
    if ((u.kind == UnitKind::kDepartment || u.kind == UnitKind::kUtility) && parent &&
        parent->kind == UnitKind::kGovernment)
      w.departments.push_back(u.id);
  }
  return w;
}

Status CheckOptions(const DemoOptions& o) {
  if (o.requests < 0 || o.requests > 100'000'000)
    return MakeError(ErrorCode::kInvalidArgument, "requests: between 0 and 100000000", "requests");
  if (o.days < 1 || o.days > 3650) return MakeError(ErrorCode::kInvalidArgument, "days: between 1 and 3650", "days");
  if (o.batch < 1) return MakeError(ErrorCode::kInvalidArgument, "batch: at least 1", "batch");
  // Every demo account gets this password, the administrator's too: its
  // rule is the one to meet.
  LZ_RETURN_IF_ERROR(CheckPassword(o.password, "", Role::kAdmin));
  return OkStatus();
}

// The structure, atomically with the check that no demo exists yet.
Status WriteStructure(store::Store& store, const std::string& hash, Timestamp now,
                      DemoSummary& summary) {
  return store.Write([&](store::WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(std::vector<Jurisdiction> existing, txn.ListJurisdictions());
    for (const Jurisdiction& j : existing)
      if (j.code == kDemoJurisdictionCode)
        return MakeError(ErrorCode::kConflict,
                         "a jurisdiction with code 'jc' (" + j.name +
                             ") exists already in this database; run the demo on a new database file",
                         "code");
    summary = DemoSummary{};
    LZ_ASSIGN_OR_RETURN(JurisdictionId id, demo::WriteStructure(txn, hash, now, summary));
    (void)id;
    return OkStatus();
  });
}

}  // namespace

Result<DemoSummary> GenerateDemo(store::Store& store, const DemoOptions& options) {
  LZ_RETURN_IF_ERROR(CheckOptions(options));
  LZ_ASSIGN_OR_RETURN(const demo::TextBank texts, demo::TextBank::Load());
  LZ_ASSIGN_OR_RETURN(const std::string hash, HashPassword(options.password));
  DemoSummary summary;
  LZ_RETURN_IF_ERROR(WriteStructure(store, hash, options.now, summary));
  for (const auto& n : EnumNames<State>()) summary.states.emplace_back(n.value, 0);
  std::optional<JurisdictionData> data;
  std::vector<store::User> users;
  LZ_RETURN_IF_ERROR(store.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(JurisdictionData d, LoadJurisdictionData(txn, summary.jurisdiction.id));
    data.emplace(std::move(d));
    LZ_ASSIGN_OR_RETURN(users, txn.ListUsers(summary.jurisdiction.id));
    return OkStatus();
  }));
  LZ_RETURN_IF_ERROR(texts.CheckCategories(data->directory));
  LZ_ASSIGN_OR_RETURN(const demo::Cast cast, demo::Cast::Make(users, data->directory));
  LZ_ASSIGN_OR_RETURN(const demo::PassDownRules passdown, demo::PassDownRules::Load(data->directory));
  if (options.requests == 0) return summary;
  const demo::World world = MakeWorld(*data, cast, texts, passdown, options.now);
  const std::vector<GroupSeed> groups = demo::PlanGroups(options, data->calendar);
  RequestWriter writer(store, world, options, summary);
  LZ_RETURN_IF_ERROR(writer.Run(groups));
  return summary;
}

}  // namespace lizheng::app
