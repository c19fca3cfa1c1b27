// SQLite-specific behaviour behind the contract: pragmas, migrations
// bookkeeping, durability across a killed process, a full disk, and the
// query plans of the queues.
#include "lizheng/store/sqlite_store.hpp"

#include "schema.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "connection.hpp"
#include "event_rows.hpp"
#include "group_committer.hpp"
#include "migrations.hpp"
#include "store_contract_fixture.hpp"
#include "work_order_query.hpp"

namespace lizheng::store::testsupport {
namespace {

using sqlite::Connection;
using sqlite::ConnectionOptions;
using sqlite::OpenMode;
using ::testing::HasSubstr;

std::unique_ptr<Connection> OpenConnection(const std::string& path, OpenMode mode,
                                           bool synchronous_full = true) {
  ConnectionOptions options;
  options.path = path;
  options.mode = mode;
  options.synchronous_full = synchronous_full;
  return Must(Connection::Open(options));
}

std::unique_ptr<Store> OpenStore(const std::string& path) {
  SqliteOptions options;
  options.path = path;
  options.log_key = TestLogKey();
  return Must(OpenSqliteStore(options));
}

TEST(SqliteConnectionTest, AppliesDurabilitySettings) {
  TempDir dir;
  const std::string path = dir.path() + "/db.sqlite";
  auto full = OpenConnection(path, OpenMode::kReadWrite, true);
  EXPECT_EQ(Must(full->QueryText("PRAGMA synchronous")), "2");  // FULL
  EXPECT_EQ(Must(full->QueryText("PRAGMA journal_mode")), "wal");
  EXPECT_NE(Must(full->QueryText("PRAGMA busy_timeout")), "0");
  auto normal = OpenConnection(path, OpenMode::kReadWrite, false);
  EXPECT_EQ(Must(normal->QueryText("PRAGMA synchronous")), "1");  // NORMAL

  auto reader = OpenConnection(path, OpenMode::kReadOnly);
  Status write = reader->Exec("CREATE TABLE t (x INTEGER)");
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(write.error().message, ::testing::Not(HasSubstr("CREATE")));
  EXPECT_THAT(write.error().detail, HasSubstr("CREATE"));
}

TEST(SqliteConnectionTest, StatementsAreCachedAndNestedUsesWork) {
  TempDir dir;
  auto conn = OpenConnection(dir.path() + "/db.sqlite", OpenMode::kReadWrite);
  Must(conn->Exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2)"));
  auto outer = Must(conn->Prepare("SELECT x FROM t ORDER BY x"));
  ASSERT_TRUE(Must(outer.Step()));
  {
    // The same SQL while the cached statement is in use gets its own.
    auto inner = Must(conn->Prepare("SELECT x FROM t ORDER BY x"));
    ASSERT_TRUE(Must(inner.Step()));
    EXPECT_EQ(inner.Int(0), 1);
  }
  EXPECT_EQ(outer.Int(0), 1);
  ASSERT_TRUE(Must(outer.Step()));
  EXPECT_EQ(outer.Int(0), 2);
}

TEST(SqliteStoreTest, MigrationsAreRecordedOnce) {
  TempDir dir;
  const std::string path = dir.path() + "/db.sqlite";
  OpenStore(path).reset();
  OpenStore(path).reset();
  auto conn = OpenConnection(path, OpenMode::kReadOnly);
  const std::string count = std::to_string(SchemaMigrations().size());
  EXPECT_EQ(Must(conn->QueryText("SELECT COUNT(*) FROM schema_migrations")), count);
  EXPECT_EQ(Must(conn->QueryText("SELECT MAX(version) FROM schema_migrations")),
            std::to_string(SchemaMigrations().back().version));
}

// A database made before the clock policy table and the figures columns
// existed is brought up to date on open, keeps its data, gets the default
// policy, and has its work orders' figures filled in from their documents.
TEST(SqliteStoreTest, AVersionOneDatabaseIsMigratedAndKeepsItsData) {
  TempDir dir;
  const std::string path = dir.path() + "/db.sqlite";
  {
    auto store = OpenStore(path);
    Must(store->Write([](WriteTxn& txn) -> Status {
      LZ_RETURN_IF_ERROR(txn.InsertJurisdiction(Jurisdiction{1, "jc", "江川市", 480}));
      LZ_ASSIGN_OR_RETURN(TimeLimitMatrix m,
                          TimeLimitMatrix::Parse("type\tcategory\turgency\tsign_for\tcontact\treply\n"
                                                 "*\t*\t*\t15wm\t30wm\t5wd\n"));
      LZ_RETURN_IF_ERROR(txn.ReplaceTimeLimits(1, m));
      // Replied, called back, rated: every figure has a value.
      LZ_RETURN_IF_ERROR(txn.InsertWorkOrder(FullWorkOrder(1, "20261123000001")));
      return OkStatus();
    }));
  }
  {
    // Back to version 1, as an older lizheng left it.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "DROP TABLE clock_policy; DROP TABLE jurisdiction_files; "
                           "DROP INDEX work_orders_figures; "
                           "ALTER TABLE work_orders DROP COLUMN replied_at; "
                           "ALTER TABLE work_orders DROP COLUMN reply_on_time; "
                           "ALTER TABLE work_orders DROP COLUMN closed_at; "
                           "ALTER TABLE work_orders DROP COLUMN resolved; "
                           "ALTER TABLE work_orders DROP COLUMN satisfaction; "
                           "ALTER TABLE work_order_units DROP COLUMN assisting; "
                           "DROP INDEX work_orders_suspected_flood; "
                           "ALTER TABLE work_orders DROP COLUMN suspected_flood; "
                           "ALTER TABLE events DROP COLUMN work_order_digest; "
                           "DROP TABLE unkeyed_events; "
                           "DELETE FROM schema_migrations WHERE version > 1",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = OpenStore(path);
  EXPECT_EQ(store->SchemaVersion(), SchemaMigrations().back().version);
  Must(store->Read([](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto all, txn.ListJurisdictions());
    EXPECT_EQ(all.size(), 1u);
    LZ_ASSIGN_OR_RETURN(TimeLimitMatrix m, txn.LoadTimeLimits(1));
    EXPECT_EQ(m.rules().size(), 1u);
    EXPECT_EQ(m.policy(), ClockPolicy{});
    return OkStatus();
  }));
  store.reset();
  auto conn = OpenConnection(path, OpenMode::kReadOnly);
  EXPECT_EQ(Must(conn->QueryText("SELECT COUNT(*) FROM work_orders WHERE replied_at IS NOT NULL "
                                 "AND reply_on_time IS NOT NULL AND resolved IS NOT NULL "
                                 "AND satisfaction IS NOT NULL AND closed_at IS NOT NULL")),
            "1");
}

// Before version 6 every jurisdiction counted its own tracking numbers, so
// two could hold the same one. After the migration the old numbers still
// find their work orders (all of them), and new numbers continue above the
// highest any jurisdiction reached that day.
TEST(SqliteStoreTest, PerJurisdictionTrackingNumbersMigrateToOneSequence) {
  TempDir dir;
  const std::string path = dir.path() + "/db.sqlite";
  const Date day = std::chrono::year{2026} / 11 / 23;
  {
    auto store = OpenStore(path);
    Must(store->Write([](WriteTxn& txn) -> Status {
      LZ_RETURN_IF_ERROR(txn.InsertJurisdiction(Jurisdiction{1, "jc", "江川市", 480}));
      LZ_RETURN_IF_ERROR(txn.InsertJurisdiction(Jurisdiction{2, "hx", "河西县", 480}));
      LZ_RETURN_IF_ERROR(txn.InsertWorkOrder(FullWorkOrder(1, "20261123000007")));
      LZ_RETURN_IF_ERROR(txn.InsertWorkOrder(FullWorkOrder(2, "20261123000007")));
      return OkStatus();
    }));
  }
  {
    // As version 5 left it: a counter per jurisdiction and day (and the
    // later migrations undone too).
    auto conn = OpenConnection(path, OpenMode::kReadWrite);
    Must(conn->Exec("DELETE FROM tracking_counters; "
                    "INSERT INTO tracking_counters VALUES (1, '2026-11-23', 7), "
                    "(2, '2026-11-23', 41), (2, '2026-11-22', 3); "
                    "DROP INDEX work_orders_suspected_flood; "
                    "ALTER TABLE work_orders DROP COLUMN suspected_flood; "
                    "ALTER TABLE events DROP COLUMN work_order_digest; "
                    "DROP TABLE unkeyed_events; "
                    "DELETE FROM schema_migrations WHERE version > 5"));
  }
  auto store = OpenStore(path);
  Must(store->Write([&](WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(std::string next, txn.NextTrackingNo(1, day));
    EXPECT_EQ(next, "20261123000042");
    LZ_ASSIGN_OR_RETURN(std::string earlier_day, txn.NextTrackingNo(1, std::chrono::year{2026} / 11 / 22));
    EXPECT_EQ(earlier_day, "20261122000004");
    LZ_ASSIGN_OR_RETURN(std::vector<WorkOrder> both, txn.ListByTrackingNo("20261123000007"));
    EXPECT_EQ(both.size(), 2u);
    return OkStatus();
  }));
}

// A flood of a million requests a day does not exhaust the numbers: the
// sequence widens, and the wider numbers stay distinct from the others.
TEST(SqliteStoreTest, TrackingNumbersWidenPastAMillionADay) {
  TempDir dir;
  const std::string path = dir.path() + "/db.sqlite";
  OpenStore(path).reset();
  {
    auto conn = OpenConnection(path, OpenMode::kReadWrite);
    Must(conn->Exec("INSERT INTO tracking_counters VALUES (0, '2026-11-23', 999998)"));
  }
  auto store = OpenStore(path);
  std::vector<std::string> got;
  Must(store->Write([&](WriteTxn& txn) -> Status {
    for (int i = 0; i < 3; ++i) {
      LZ_ASSIGN_OR_RETURN(std::string no, txn.NextTrackingNo(1, std::chrono::year{2026} / 11 / 23));
      got.push_back(no);
    }
    return OkStatus();
  }));
  EXPECT_EQ(got, (std::vector<std::string>{"20261123999999", "202611231000000", "202611231000001"}));
}

TEST(SqliteStoreTest, ClosingCheckpointsAndRemovesTheWal) {
  TempDir dir;
  const std::string path = dir.path() + "/db.sqlite";
  auto store = OpenStore(path);
  Must(store->Write([](WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.InsertJurisdiction(Jurisdiction{1, "jc", "江川市", 480}));
    return OkStatus();
  }));
  Must(store->Read([](ReadTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.ListJurisdictions());
    return OkStatus();
  }));
  EXPECT_TRUE(std::filesystem::exists(path + "-wal"));
  store.reset();
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(SqliteStoreTest, RefusesADatabaseFromANewerVersion) {
  TempDir dir;
  const std::string path = dir.path() + "/db.sqlite";
  OpenStore(path).reset();
  {
    auto conn = OpenConnection(path, OpenMode::kReadWrite);
    Must(conn->Exec("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')"));
  }
  SqliteOptions options;
  options.path = path;
  auto store = OpenSqliteStore(options);
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.error().message, HasSubstr("newer"));
  EXPECT_THAT(store.error().message, HasSubstr("99"));
}

TEST(SqliteStoreTest, RefusesBadOptionsAndUnopenablePaths) {
  SqliteOptions options;
  EXPECT_EQ(OpenSqliteStore(options).error().field, "path");
  options.path = "/nonexistent-dir-lz/db.sqlite";
  auto missing_dir = OpenSqliteStore(options);
  ASSERT_FALSE(missing_dir.ok());
  EXPECT_EQ(missing_dir.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(missing_dir.error().message, HasSubstr("/nonexistent-dir-lz/db.sqlite"));
  TempDir dir;
  options.path = dir.path() + "/db.sqlite";
  options.read_connections = 0;
  EXPECT_EQ(OpenSqliteStore(options).error().field, "read_connections");
  options.read_connections = 1;
  options.max_batch = 0;
  EXPECT_EQ(OpenSqliteStore(options).error().field, "max_batch");
}

// An acknowledged write survives the process being killed right after.
TEST(SqliteStoreTest, AcknowledgedWritesSurviveAKill) {
  TempDir dir;
  const std::string path = dir.path() + "/db.sqlite";
  int acks[2];
  ASSERT_EQ(::pipe(acks), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(acks[0]);
    auto store = OpenStore(path);
    for (int i = 0; i < 20; ++i) {
      Status s = store->Write([i](WriteTxn& txn) -> Status {
        if (i == 0)
          LZ_RETURN_IF_ERROR(txn.InsertJurisdiction(Jurisdiction{1, "jc", "江川市", 480}));
        Event e = MakeEvent(1, 1, Action::kContact, i);
        return txn.AppendEvent(e);
      });
      const char ack = s.ok() ? 'y' : 'n';
      if (::write(acks[1], &ack, 1) != 1) ::_exit(2);
    }
    ::pause();  // wait to be killed with everything still open
    ::_exit(0);
  }
  ::close(acks[1]);
  int acknowledged = 0;
  char ack = 0;
  while (acknowledged < 20 && ::read(acks[0], &ack, 1) == 1 && ack == 'y') ++acknowledged;
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ::close(acks[0]);
  ASSERT_EQ(acknowledged, 20);

  auto store = OpenStore(path);
  Must(store->Read([](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto events, txn.ListEvents(1, 1));
    EXPECT_EQ(events.size(), 20u);
    return OkStatus();
  }));
  auto reports = Must(store->VerifyChains());
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].first_bad_seq, std::nullopt);
}

// A full disk fails the write with kUnavailable and a client-safe message;
// what was committed before stays, and smaller writes go on working.
TEST(SqliteStoreTest, AFullDiskIsUnavailableAndLosesNothingCommitted) {
  TempDir dir;
  auto conn = OpenConnection(dir.path() + "/db.sqlite", OpenMode::kReadWrite);
  Must(sqlite::Migrate(*conn));
  const std::int64_t pages = std::stoll(Must(conn->QueryText("PRAGMA page_count")));
  Must(conn->QueryText("PRAGMA max_page_count = " + std::to_string(pages + 8)));
  sqlite::GroupCommitter writer(std::move(conn), 16, TestLogKey());

  Must(writer.Submit([](WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.InsertJurisdiction(Jurisdiction{1, "jc", "江川市", 480}));
    Event e = MakeEvent(1, 1, Action::kSubmit, 1);
    return txn.AppendEvent(e);
  }));
  Status full = writer.Submit([](WriteTxn& txn) -> Status {
    WorkOrder wo = FullWorkOrder(1, "big");
    wo.detail = std::string(200'000, 'x');
    LZ_RETURN_IF_ERROR(txn.InsertWorkOrder(wo));
    return OkStatus();
  });
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(full.error().message, HasSubstr("full"));
  EXPECT_THAT(full.error().message, ::testing::Not(HasSubstr("INSERT")));

  Must(writer.Submit([](WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto events, txn.ListEvents(1, 1));
    EXPECT_EQ(events.size(), 1u);
    LZ_ASSIGN_OR_RETURN(auto big, txn.ListByTrackingNo("big"));
    EXPECT_TRUE(big.empty());
    Event e = MakeEvent(1, 1, Action::kAccept, 2);
    return txn.AppendEvent(e);
  }));
}

// A database written before the keyed log: its events keep their plain
// SHA-256 chain, the upgrade records the row each work order's newest event
// leaves (so an edited row is found from then on), and what follows is
// keyed and also guards the plain events before it.
TEST(SqliteStoreTest, AnUpgradedDatabaseKeepsItsPlainChainAndKeysWhatFollows) {
  TempDir dir;
  const std::string path = dir.path() + "/db.sqlite";
  WorkOrder wo = FullWorkOrder(1, "20260101000001");
  {
    auto store = OpenStore(path);
    Must(store->Write([&](WriteTxn& txn) -> Status {
      LZ_RETURN_IF_ERROR(txn.InsertJurisdiction(Jurisdiction{1, "jc", "江川市", 480}));
      wo.version = 1;
      LZ_ASSIGN_OR_RETURN(wo.id, txn.InsertWorkOrder(wo));
      Event e = MakeEvent(1, wo.id, Action::kSubmit, 1);
      LZ_RETURN_IF_ERROR(txn.AppendEvent(e));
      wo.version = 2;
      wo.address = "潇楚南路 2 号";
      LZ_RETURN_IF_ERROR(txn.UpdateWorkOrder(wo));
      Event second = MakeEvent(1, wo.id, Action::kAccept, 2);
      return txn.AppendEvent(second);
    }));
  }
  // Make it the database an older lizheng wrote: plain hashes, no digests,
  // no bookkeeping of the keyed log, the keyed-log migration not applied.
  // (This undoes only that migration, so it must be the newest one.)
  const auto migrations = SchemaMigrations();
  ASSERT_EQ(migrations.back().name, "keyed event log")
      << "a later migration exists: build the old database of this test differently";
  {
    auto conn = OpenConnection(path, OpenMode::kReadWrite);
    auto events = Must(sqlite::ListEvents(*conn, 1, wo.id));
    std::string prev;
    for (Event& e : events) {
      e.work_order_digest.clear();
      const std::string hash = ChainHash(e, prev);
      auto stmt = Must(conn->Prepare("UPDATE events SET prev_hash = ?1, hash = ?2 WHERE seq = ?3"));
      Must(stmt.BindText(1, prev).BindText(2, hash).BindInt(3, e.seq).Run());
      prev = hash;
    }
    Must(conn->Exec("ALTER TABLE events DROP COLUMN work_order_digest"));
    Must(conn->Exec("DROP TABLE unkeyed_events"));
    Must(conn->Exec("DELETE FROM schema_migrations WHERE version = " +
                    std::to_string(migrations.back().version)));
  }

  auto store = OpenStore(path);
  auto report = Must(store->VerifyChains())[0];
  EXPECT_TRUE(report.intact()) << report.message;
  EXPECT_EQ(report.unkeyed_events, 2);
  EXPECT_THAT(report.message, HasSubstr("without the key"));
  Must(store->Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto events, txn.ListEvents(1, wo.id));
    EXPECT_EQ(events.at(0).work_order_digest, "");
    EXPECT_EQ(events.at(1).work_order_digest.size(), 64u) << "the upgrade digests the newest";
    return OkStatus();
  }));
  Must(store->Write([&](WriteTxn& txn) -> Status {
    wo.version = 3;
    LZ_RETURN_IF_ERROR(txn.UpdateWorkOrder(wo));
    Event third = MakeEvent(1, wo.id, Action::kDispatch, 3);
    LZ_RETURN_IF_ERROR(txn.AppendEvent(third));
    EXPECT_EQ(third.hash, KeyedChainHash(third, third.prev_hash, TestLogKey()));
    return OkStatus();
  }));
  report = Must(store->VerifyChains())[0];
  EXPECT_TRUE(report.intact()) << report.message;
  EXPECT_EQ(report.events_checked, 3);
  EXPECT_EQ(report.unkeyed_events, 2);
  store.reset();

  // Rewriting the plain events, even with their plain hashes recomputed,
  // breaks the link of the keyed event after them.
  {
    auto conn = OpenConnection(path, OpenMode::kReadWrite);
    auto events = Must(sqlite::ListEvents(*conn, 1, wo.id));
    std::string prev;
    for (int i = 0; i < 2; ++i) {
      Event e = events.at(static_cast<std::size_t>(i));
      e.actor_name = "冒名者";
      const std::string hash = ChainHash(e, prev);
      auto stmt = Must(conn->Prepare(
          "UPDATE events SET actor_name = ?1, prev_hash = ?2, hash = ?3 WHERE seq = ?4"));
      Must(stmt.BindText(1, e.actor_name).BindText(2, prev).BindText(3, hash).BindInt(4, e.seq).Run());
      prev = hash;
    }
  }
  store = OpenStore(path);
  report = Must(store->VerifyChains())[0];
  EXPECT_EQ(report.first_bad_seq, std::optional<std::int64_t>(3)) << report.message;
}

TEST(SqliteStoreTest, WriteFromInsideAWriteIsRefusedNotDeadlocked) {
  TempDir dir;
  auto store = OpenStore(dir.path() + "/db.sqlite");
  Status inner_status;
  Must(store->Write([&](WriteTxn&) -> Status {
    inner_status = store->Write([](WriteTxn&) { return OkStatus(); });
    return OkStatus();
  }));
  ASSERT_FALSE(inner_status.ok());
  EXPECT_EQ(inner_status.error().code, ErrorCode::kInternal);
}

// ---- query plans ----

std::string Plan(Connection& conn, const sqlite::BuiltQuery& q) {
  auto stmt = Must(conn.Prepare("EXPLAIN QUERY PLAN " + q.sql));
  sqlite::BindAll(stmt, q.params);
  std::string plan;
  while (Must(stmt.Step())) plan += stmt.Text(3) + "\n";
  return plan;
}

class SqliteQueryPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    OpenStore(dir_.path() + "/db.sqlite").reset();
    conn_ = OpenConnection(dir_.path() + "/db.sqlite", OpenMode::kReadOnly);
  }
  std::string ListPlan(WorkOrderQuery q) {
    q.jurisdiction = 1;
    return Plan(*conn_, Must(sqlite::BuildListQuery(q)));
  }
  TempDir dir_;
  std::unique_ptr<Connection> conn_;
};

// No full scan of a table, and no sort except the outer merge of arms.
void ExpectIndexedNewestFirst(const std::string& plan, bool merges_arms) {
  EXPECT_THAT(plan, ::testing::Not(::testing::ContainsRegex("SCAN (w|u|work_orders)( |$)")))
      << plan;
  if (!merges_arms) {
    EXPECT_THAT(plan, ::testing::Not(HasSubstr("USE TEMP B-TREE FOR ORDER BY"))) << plan;
  }
}

TEST_F(SqliteQueryPlanTest, QueuesReadIndexesNewestFirst) {
  struct Case {
    const char* name;
    std::function<void(WorkOrderQuery&)> set;
    bool merges_arms;  // the outer sort of the arms' few rows is expected
  };
  const std::vector<Case> cases = {
      {"newest", [](WorkOrderQuery&) {}, false},
      {"one state", [](WorkOrderQuery& q) { q.states = {State::kInProgress}; }, false},
      {"unit, every state", [](WorkOrderQuery& q) { q.handling_units = {5}; }, true},
      {"units and states",
       [](WorkOrderQuery& q) {
         q.states = {State::kDispatched, State::kInProgress};
         q.handling_units = {5, 6};
       },
       true},
      {"subtree",
       [](WorkOrderQuery& q) {
         q.visible_to_subtree_of = UnitId{2};
         q.visible_units = {2, 3, 4};
       },
       true},
      {"subtree by state",
       [](WorkOrderQuery& q) {
         q.visible_to_subtree_of = UnitId{2};
         q.visible_units = {2, 3};
         q.states = {State::kInProgress, State::kReturned};
         q.urgency = Urgency::kUrgent;
       },
       true},
      {"one unit visible",
       [](WorkOrderQuery& q) {
         q.visible_to_subtree_of = UnitId{2};
         q.visible_units = {2};
       },
       true},
      {"watched", [](WorkOrderQuery& q) { q.watched_by = UserId{9}; }, true},
      {"mailbox", [](WorkOrderQuery& q) { q.mailbox = MailboxId{3}; }, false},
      {"overdue", [](WorkOrderQuery& q) { q.overdue_only = true; }, false},
      {"second page", [](WorkOrderQuery& q) { q.after = std::make_pair(At(100), WorkOrderId{5}); },
       false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ExpectIndexedNewestFirst(ListPlan(Query(c.set)), c.merges_arms);
  }
}

// A district's overdue (or supervised, fast-lane, instructed) queue reads the
// flag's small partial index and probes each row's units, rather than every
// work order of the district.
TEST_F(SqliteQueryPlanTest, AUnitsFlagQueueReadsTheFlagsIndex) {
  WorkOrderQuery q;
  q.jurisdiction = 1;
  q.visible_to_subtree_of = UnitId{2};
  q.visible_units = {2, 3, 4};
  q.overdue_only = true;
  const std::string list = ListPlan(q);
  EXPECT_THAT(list, HasSubstr("work_orders_overdue")) << list;
  EXPECT_THAT(list, HasSubstr("sqlite_autoindex_work_order_units_1")) << list;
  ExpectIndexedNewestFirst(list, false);
  const std::string count = Plan(*conn_, sqlite::BuildCountQuery(q));
  EXPECT_THAT(count, HasSubstr("work_orders_overdue")) << count;
}

}  // namespace
}  // namespace lizheng::store::testsupport
