// Only some years' official calendars ship. When a year the clocks reach
// (the current one, and from 60 days before 1 January the next) has none,
// its deadlines would count Monday to Friday with 元旦 as a working day; so
// /api/v1/health says "degraded" naming the jurisdiction and year, and the
// log warns, until the administrator imports the year's calendar.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "test_server.hpp"

namespace lizheng::e2e {
namespace {

// A server over a fresh demo database whose clock starts at `now`.
std::unique_ptr<TestServer> ServerAt(const std::string& now) {
  return std::make_unique<TestServer>(TestServer::Options{.sync = "normal", .web = "", .now = now});
}

TEST(CalendarHealthTest, HealthIsOkWhileEveryReachedYearHasItsCalendar) {
  // 61 days before 2027 begins (local time): 2027 is not reached yet.
  auto server = ServerAt("2026-11-01T23:00:00+08:00");
  ApiResponse health = server->api().Get("/api/v1/health");
  EXPECT_EQ(health.status, 200) << health.Describe();
  EXPECT_EQ(health["status"], "ok") << health.Describe();
  EXPECT_TRUE(health["problems"].is_null()) << health.Describe();
  EXPECT_EQ(server->LogTail().find("calendar_missing"), std::string::npos) << server->LogTail();
}

TEST(CalendarHealthTest, AMissingYearDegradesHealthFromSixtyDaysBefore) {
  auto server = ServerAt("2026-11-02T00:30:00+08:00");
  ApiResponse health = server->api().Get("/api/v1/health");
  ASSERT_EQ(health.status, 200) << health.Describe();
  EXPECT_EQ(health["status"], "degraded") << health.Describe();
  ASSERT_EQ(health["problems"].size(), 1u) << health.Describe();
  const json& problem = health["problems"][0];
  EXPECT_EQ(problem["code"], "calendar_missing");
  EXPECT_EQ(problem["jurisdiction"], "jc");
  EXPECT_EQ(problem["year"], 2027);
  EXPECT_NE(problem["message"].get<std::string>().find("lizheng calendar import --year 2027"),
            std::string::npos)
      << problem.dump();
  EXPECT_NE(problem["message_zh"].get<std::string>().find("2027 年工作日历"), std::string::npos)
      << problem.dump();
  // The log says so at start.
  const std::string log = server->LogTail();
  EXPECT_NE(log.find("warning: calendar_missing: jc has no working calendar for 2027"),
            std::string::npos)
      << log;

  // The administrator imports the year's calendar; the server is well again.
  server->Stop();
  const std::string file = server->dir() + "/2027.tsv";
  std::ofstream(file) << "# a test calendar, not the State Council's\n"
                         "2027-01-01\tholiday\t元旦\n";
  std::string out;
  ASSERT_EQ(TestServer::RunCli(
                {"calendar", "import", "--db", server->db_path(), "--year", "2027", "--file", file},
                &out),
            0)
      << out;
  server->Start();
  health = server->api().Get("/api/v1/health");
  EXPECT_EQ(health["status"], "ok") << health.Describe();
}

TEST(CalendarHealthTest, TheCurrentYearWithoutItsCalendarIsAProblemAllYear) {
  auto server = ServerAt("2027-06-15T10:00:00+08:00");
  ApiResponse health = server->api().Get("/api/v1/health");
  EXPECT_EQ(health["status"], "degraded") << health.Describe();
  ASSERT_EQ(health["problems"].size(), 1u) << health.Describe();
  EXPECT_EQ(health["problems"][0]["year"], 2027);
}

}  // namespace
}  // namespace lizheng::e2e
