// The scheduler's housekeeping: a pass deletes the sessions that have
// expired by the (simulated) clock and keeps the live ones.
#include "lizheng/app/scheduler.hpp"

#include <gtest/gtest.h>

#include "lizheng/app/auth.hpp"
#include "lizheng/app/setup.hpp"
#include "lizheng/store/sqlite_store.hpp"
#include "temp_dir.hpp"

namespace lizheng::app {
namespace {

Timestamp At(const std::string& rfc3339) {
  return ParseTimestamp(rfc3339, "at").value();
}

TEST(SchedulerTest, APassPurgesExpiredSessionsAndKeepsLiveOnes) {
  test_support::TempDir dir;
  store::SqliteOptions o;
  o.path = dir.File("db");
  o.log_key = store::LogKey::FromHex(std::string(64, '7')).value();  // events need a key
  auto opened = store::OpenSqliteStore(o);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  store::Store& s = **opened;
  JurisdictionId j = 0;
  const Status created = s.Write([&](store::WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(j, CreateJurisdiction(txn, Jurisdiction{0, "jc", "江川市", 480}));
    return OkStatus();
  });
  ASSERT_TRUE(created.ok()) << created.error().message;
  ManualTime time(At("2026-10-01T09:00:00+08:00"));
  SecureRandom random;
  JurisdictionCache cache(s, time, std::chrono::seconds(0));
  WorkOrderService work_orders(s, cache, time, random);
  AuthOptions ao;
  ao.session_ttl = std::chrono::hours(12);
  AuthService auth(s, time, random, ao);
  ASSERT_TRUE(
      auth.CreateUser(j, "zhang", "张三", Role::kOperator, std::nullopt, "lizheng-demo").ok());
  Scheduler scheduler(s, work_orders, time, std::chrono::seconds(60));

  auto early = auth.Login(j, "zhang", "lizheng-demo", "test");
  ASSERT_TRUE(early.ok()) << early.error().message;
  time.Advance(std::chrono::hours(8));
  auto late = auth.Login(j, "zhang", "lizheng-demo", "test");
  ASSERT_TRUE(late.ok()) << late.error().message;
  auto stored = [&](const std::string& token) {
    bool found = false;
    EXPECT_TRUE(s.Read([&](store::ReadTxn& txn) -> Status {
                   LZ_ASSIGN_OR_RETURN(auto session, txn.FindSession(HashToken(token)));
                   found = session.has_value();
                   return OkStatus();
                 }).ok());
    return found;
  };

  // Both live: a pass keeps them.
  ASSERT_TRUE(scheduler.RunOnce().ok());
  EXPECT_TRUE(stored(early->token));
  EXPECT_TRUE(stored(late->token));

  // 13 hours after the first login it has expired, the second has not.
  time.Advance(std::chrono::hours(5));
  ASSERT_TRUE(scheduler.RunOnce().ok());
  EXPECT_FALSE(stored(early->token));
  EXPECT_TRUE(stored(late->token));
  EXPECT_TRUE(auth.Authenticate(late->token).ok());

  time.Advance(std::chrono::hours(8));
  ASSERT_TRUE(scheduler.RunOnce().ok());
  EXPECT_FALSE(stored(late->token));
}

}  // namespace
}  // namespace lizheng::app
