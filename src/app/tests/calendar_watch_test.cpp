// The calendar watch: which years the clocks reach, and a warning per day,
// not per scheduler pass, while a reached year has no calendar.
#include "lizheng/app/calendar_watch.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "lizheng/app/setup.hpp"
#include "lizheng/store/sqlite_store.hpp"
#include "temp_dir.hpp"

namespace lizheng::app {
namespace {

Timestamp At(const std::string& rfc3339) {
  return ParseTimestamp(rfc3339, "at").value();
}

TEST(CalendarWatchTest, TheNextYearIsReachedSixtyDaysBeforeItBegins) {
  EXPECT_EQ(YearsClocksReach(At("2026-11-01T23:59:59+08:00"), 480), std::vector<int>{2026});
  EXPECT_EQ(YearsClocksReach(At("2026-11-02T00:00:00+08:00"), 480), (std::vector<int>{2026, 2027}));
  // Local time decides: 2026-11-01T16:00Z is already 2 November in China.
  EXPECT_EQ(YearsClocksReach(At("2026-11-01T16:00:00Z"), 480), (std::vector<int>{2026, 2027}));
  EXPECT_EQ(YearsClocksReach(At("2027-01-01T00:00:00+08:00"), 480), std::vector<int>{2027});
}

TEST(CalendarWatchTest, WarnsOncePerDayWhileAReachedYearHasNoCalendar) {
  test_support::TempDir dir;
  store::SqliteOptions o;
  o.path = dir.File("db");
  o.log_key = store::LogKey::FromHex(std::string(64, '7')).value();  // events need a key
  auto opened = store::OpenSqliteStore(o);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  store::Store& s = **opened;
  const Status created = s.Write([](store::WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(JurisdictionId id,
                        CreateJurisdiction(txn, Jurisdiction{0, "jc", "江川市", 480}));
    (void)id;
    return OkStatus();
  });
  ASSERT_TRUE(created.ok()) << created.error().message;
  ManualTime time(At("2026-10-01T09:00:00+08:00"));
  JurisdictionCache cache(s, time, std::chrono::seconds(0));
  CalendarWatch watch(s, cache, time);

  std::ostringstream log;
  EXPECT_TRUE(watch.WarnDaily(log).empty());
  EXPECT_EQ(log.str(), "");

  time.Set(At("2026-12-07T09:00:00+08:00"));
  const std::vector<CalendarGap> gaps = watch.WarnDaily(log);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].year, 2027);
  EXPECT_EQ(gaps[0].jurisdiction_code, "jc");
  EXPECT_NE(log.str().find("jc has no working calendar for 2027"), std::string::npos) << log.str();

  // Later passes the same day stay quiet; the next day warns again.
  const std::string first = log.str();
  time.Advance(std::chrono::hours(1));
  EXPECT_EQ(watch.WarnDaily(log).size(), 1u);
  EXPECT_EQ(log.str(), first);
  time.Advance(std::chrono::hours(24));
  watch.WarnDaily(log);
  EXPECT_EQ(log.str(), first + first);
}

}  // namespace
}  // namespace lizheng::app
