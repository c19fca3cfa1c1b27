// The demo generator against the real SQLite store: structure, accounts,
// every state of the loop, a verifiable event chain, work orders that are
// the projection of their events, and determinism.
#include "lizheng/app/demo.hpp"

#include <gtest/gtest.h>

#include "temp_dir.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "lizheng/app/auth.hpp"
#include "lizheng/store/sqlite_store.hpp"

namespace lizheng::app {
namespace {

using test_support::TempDir;

std::unique_ptr<store::Store> Open(const std::string& path) {
  store::SqliteOptions o;
  o.path = path;
  o.log_key = store::LogKey::FromHex(std::string(64, '7')).value();  // events need a key
  o.synchronous_full = false;  // a test database need not survive a power cut
  auto s = store::OpenSqliteStore(o);
  if (!s.ok()) throw std::runtime_error(s.error().message);
  return std::move(s).value();
}

DemoOptions Options(std::uint64_t seed) {
  DemoOptions o;
  o.requests = 400;
  o.days = 60;
  o.seed = seed;
  o.now = ParseTimestamp("2026-11-20T10:00:00+08:00", "now").value();
  o.batch = 150;  // several transactions even in a small demo
  return o;
}

// Every work order of the jurisdiction with its events, read back.
struct Snapshot {
  std::vector<WorkOrder> work_orders;
  std::map<WorkOrderId, std::vector<Event>> events;
};

Snapshot Read(store::Store& s, JurisdictionId j, std::int64_t n) {
  Snapshot snap;
  Status st = s.Read([&](store::ReadTxn& txn) -> Status {
    for (WorkOrderId id = 1; id <= n; ++id) {
      LZ_ASSIGN_OR_RETURN(WorkOrder wo, txn.GetWorkOrder(j, id));
      LZ_ASSIGN_OR_RETURN(snap.events[id], txn.ListEvents(j, id));
      snap.work_orders.push_back(std::move(wo));
    }
    return OkStatus();
  });
  if (!st.ok()) throw std::runtime_error(st.error().message);
  return snap;
}

class DemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    store_ = Open(dir_->File("demo.db")).release();
    auto s = GenerateDemo(*store_, Options(7));
    ASSERT_TRUE(s.ok()) << s.error().message << " " << s.error().detail;
    summary_ = new DemoSummary(std::move(s).value());
    snapshot_ = new Snapshot(Read(*store_, summary_->jurisdiction.id, summary_->work_orders));
  }
  static void TearDownTestSuite() {
    delete snapshot_;
    delete summary_;
    delete store_;
    delete dir_;
  }

  static Directory LoadDirectory() {
    Directory dir;
    Status st = store_->Read([&](store::ReadTxn& txn) -> Status {
      LZ_ASSIGN_OR_RETURN(dir, txn.LoadDirectory(summary_->jurisdiction.id));
      return OkStatus();
    });
    EXPECT_TRUE(st.ok());
    return dir;
  }

  static inline TempDir* dir_ = nullptr;
  static inline store::Store* store_ = nullptr;
  static inline DemoSummary* summary_ = nullptr;
  static inline Snapshot* snapshot_ = nullptr;
};

TEST_F(DemoTest, CreatesTheJurisdictionAndItsStructure) {
  EXPECT_EQ(summary_->jurisdiction.code, "jc");
  EXPECT_EQ(summary_->jurisdiction.name, "江川市");
  EXPECT_EQ(summary_->jurisdiction.utc_offset_minutes, 480);
  const Directory dir = LoadDirectory();
  for (const char* code : {"gov", "centre", "dh", "xs", "nc", "ba", "qc", "dh-01", "qc-02", "zjj", "zjj-wy",
                           "sthj", "jtys", "jyj", "wjw", "rsj", "scjg", "cgj", "gaj", "wlj", "swj", "zrzy",
                           "water", "gas", "power", "bus"})
    EXPECT_NE(dir.FindUnitByCode(code), nullptr) << code;
  EXPECT_EQ(dir.FindUnitByCode("centre")->kind, UnitKind::kCentre);
  EXPECT_EQ(dir.FindUnitByCode("dh")->area_code, "dh");
  EXPECT_EQ(dir.FindUnit(*dir.FindUnitByCode("zjj-wy")->parent)->code, "zjj");
  EXPECT_EQ(dir.FindArea("dh-01")->parent_code, "dh");
  std::set<std::string> first_level;
  for (const Category& c : dir.categories())
    if (c.level == 1) first_level.insert(c.name);
  for (const char* name : {"城乡建设", "环境保护", "交通运输", "教育文体", "劳动和社会保障", "卫生计生", "商贸旅游"})
    EXPECT_EQ(first_level.count(name), 1u) << name;
  EXPECT_NE(dir.FindCategory("01.01.02"), nullptr);
  ASSERT_NE(dir.FindMailboxByCode("mayor"), nullptr);
  EXPECT_EQ(dir.FindMailboxByCode("mayor")->unit, dir.FindUnitByCode("gov")->id);
  EXPECT_EQ(dir.FindMailboxByCode("dh-01-head")->level, MailboxLevel::kStreet);
}

TEST_F(DemoTest, TheCatalogueResolvesKnownCases) {
  const Directory dir = LoadDirectory();
  const Date day = ParseDate("2026-11-20", "day").value();
  const auto lead = [&](const char* category, const char* area) {
    const auto units = dir.CatalogueUnits(category, area, day);
    return units.empty() ? std::string("none") : dir.FindUnit(units.front())->code;
  };
  EXPECT_EQ(lead("01.01.02", "dh-01"), "zjj");    // property fees
  EXPECT_EQ(lead("01.03.01", "xs-02"), "xs");     // street vendors: the district
  EXPECT_EQ(lead("01.04.02", "nc-03"), "gas");    // gas
  EXPECT_EQ(lead("02.01.01", "ba-01"), "sthj");   // construction noise
  EXPECT_EQ(lead("05.01.01", "qc-02"), "rsj");    // unpaid wages
  EXPECT_EQ(lead("10.03.02", "nc-01"), "nc-01");  // stairwell clutter: the street
  EXPECT_EQ(lead("03.01.01", "dh-02"), "bus");
}

TEST_F(DemoTest, EveryUserCanBeFound) {
  const std::map<std::string, std::pair<Role, std::string>> expected = {
      {"admin", {Role::kAdmin, ""}},           {"operator", {Role::kOperator, ""}},
      {"operator2", {Role::kOperator, ""}},    {"dispatcher", {Role::kDispatcher, ""}},
      {"reviewer", {Role::kReviewer, ""}},     {"leader", {Role::kLeader, ""}},
      {"dh_manager", {Role::kUnitManager, "dh"}},       {"dh_handler", {Role::kUnitHandler, "dh"}},
      {"dh01_manager", {Role::kUnitManager, "dh-01"}},  {"dh01_handler", {Role::kUnitHandler, "dh-01"}},
      {"xs_manager", {Role::kUnitManager, "xs"}},       {"zjj_manager", {Role::kUnitManager, "zjj"}},
      {"zjj_handler", {Role::kUnitHandler, "zjj"}},     {"zjjwy_handler", {Role::kUnitHandler, "zjj-wy"}},
      {"sthj_handler", {Role::kUnitHandler, "sthj"}},   {"rsj_handler", {Role::kUnitHandler, "rsj"}},
  };
  const Directory dir = LoadDirectory();
  for (const auto& [username, want] : expected) {
    std::optional<store::User> u;
    ASSERT_TRUE(store_->Read([&](store::ReadTxn& txn) -> Status {
      LZ_ASSIGN_OR_RETURN(u, txn.FindUser(summary_->jurisdiction.id, username));
      return OkStatus();
    }).ok());
    ASSERT_TRUE(u.has_value()) << username;
    EXPECT_EQ(u->role, want.first) << username;
    EXPECT_EQ(u->unit ? dir.FindUnit(*u->unit)->code : "", want.second) << username;
    EXPECT_FALSE(u->display_name.empty());
    if (username == "leader") {
      EXPECT_TRUE(VerifyPassword(u->password_hash, "lizheng-demo"));
      EXPECT_EQ(dir.FindMailboxByCode("mayor")->leader, u->id);
    }
  }
}

TEST_F(DemoTest, EverySummaryUserIsStored) {
  ASSERT_TRUE(store_->Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(std::vector<store::User> users, txn.ListUsers(summary_->jurisdiction.id));
    EXPECT_EQ(users.size(), summary_->users.size());
    for (const DemoUser& d : summary_->users) {
      LZ_ASSIGN_OR_RETURN(std::optional<store::User> u, txn.FindUser(summary_->jurisdiction.id, d.username));
      EXPECT_TRUE(u && u->role == d.role && u->display_name == d.display_name) << d.username;
    }
    return OkStatus();
  }).ok());
}

TEST_F(DemoTest, EveryStateAppears) {
  EXPECT_EQ(summary_->work_orders, 400);
  std::map<State, std::int64_t> counted;
  for (const WorkOrder& wo : snapshot_->work_orders) ++counted[wo.state];
  for (const auto& [state, count] : summary_->states) {
    EXPECT_GT(count, 0) << ToWire(state);
    EXPECT_EQ(counted[state], count) << ToWire(state);
  }
  EXPECT_GT(counted[State::kClosed], 200) << "most requests of a 60-day demo are closed";
}

TEST_F(DemoTest, TheEventChainVerifies) {
  auto reports = store_->VerifyChains();
  ASSERT_TRUE(reports.ok());
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_TRUE(reports->front().intact()) << reports->front().message;
  EXPECT_EQ(reports->front().events_checked, summary_->events);
}

TEST_F(DemoTest, StoredWorkOrdersAreTheProjectionOfTheirEvents) {
  std::vector<const Event*> log;
  for (const WorkOrder& wo : snapshot_->work_orders) {
    const std::vector<Event>& events = snapshot_->events.at(wo.id);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front().action, Action::kSubmit) << wo.id;
    EXPECT_EQ(events.back().to, wo.state) << wo.id;
    EXPECT_EQ(static_cast<std::int64_t>(events.size()), wo.version) << "one version per event, " << wo.id;
    for (std::size_t i = 1; i < events.size(); ++i) {
      EXPECT_EQ(events[i].from, events[i - 1].to) << wo.id << " event " << i;
      EXPECT_GE(events[i].at, events[i - 1].at) << wo.id << " event " << i;
    }
    EXPECT_EQ(wo.updated_at, events.back().at) << wo.id;
    for (const Event& e : events) log.push_back(&e);
  }
  // The jurisdiction's log is in the order things happened.
  std::sort(log.begin(), log.end(), [](const Event* a, const Event* b) { return a->seq < b->seq; });
  for (std::size_t i = 0; i < log.size(); ++i) {
    EXPECT_EQ(log[i]->seq, static_cast<std::int64_t>(i + 1));
    if (i > 0) {
      EXPECT_GE(log[i]->at, log[i - 1]->at) << "seq " << log[i]->seq;
    }
  }
}

TEST_F(DemoTest, TheLoopShowsItsSideRoads) {
  std::map<Action, int> actions;
  std::map<std::string, int> decisions;
  for (const auto& [id, events] : snapshot_->events) {
    for (const Event& e : events) {
      ++actions[e.action];
      if (e.action == Action::kDecideExtension)
        for (const auto& [k, v] : e.data)
          if (k == "approve") ++decisions[v];
    }
  }
  for (Action a : {Action::kReject, Action::kSelfResolve, Action::kReturn, Action::kRedispatch,
                   Action::kRejectReturn, Action::kPassDown, Action::kRequestExtension,
                   Action::kSendBackReply, Action::kSupervise, Action::kEscalate, Action::kInstruct,
                   Action::kAcknowledgeInstruction, Action::kWatch, Action::kMerge, Action::kCallback,
                   Action::kReopen, Action::kPublish, Action::kRate, Action::kDeadlineWarning,
                   Action::kMarkOverdue, Action::kDirectDispatch})
    EXPECT_GT(actions[a], 0) << ToWire(a);
  EXPECT_GT(decisions["true"], 0);
  EXPECT_GT(decisions["false"], 0);
  int overdue_now = 0;
  for (const WorkOrder& wo : snapshot_->work_orders) overdue_now += wo.IsOverdue() ? 1 : 0;
  EXPECT_GT(overdue_now, 0);
}

TEST_F(DemoTest, RefusesADatabaseThatHasTheDemo) {
  auto again = GenerateDemo(*store_, Options(7));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("jc"), std::string::npos);
}

TEST_F(DemoTest, IsDeterministicForASeed) {
  TempDir other;
  auto s = Open(other.File("demo.db"));
  auto summary = GenerateDemo(*s, Options(7));
  ASSERT_TRUE(summary.ok());
  ASSERT_EQ(summary->work_orders, summary_->work_orders);
  EXPECT_EQ(summary->events, summary_->events);
  const Snapshot copy = Read(*s, summary->jurisdiction.id, summary->work_orders);
  for (std::size_t i = 0; i < copy.work_orders.size(); ++i) {
    ASSERT_EQ(copy.work_orders[i], snapshot_->work_orders[i]) << "work order " << i + 1;
    const auto& a = copy.events.at(copy.work_orders[i].id);
    const auto& b = snapshot_->events.at(copy.work_orders[i].id);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(a[k].seq, b[k].seq);
      EXPECT_EQ(a[k].data, b[k].data);
      EXPECT_EQ(a[k].hash, b[k].hash);
    }
  }
}

TEST(DemoStructureOnly, ZeroRequestsMakesStructureAndUsers) {
  TempDir dir;
  auto s = Open(dir.File("demo.db"));
  DemoOptions o = Options(1);
  o.requests = 0;
  auto summary = GenerateDemo(*s, o);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->work_orders, 0);
  EXPECT_GE(summary->users.size(), 16u);
  EXPECT_GT(summary->catalogue_entries, 30);
}

}  // namespace
}  // namespace lizheng::app
