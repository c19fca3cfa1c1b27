#include "lizheng/core/working_calendar.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "lizheng/core/time.hpp"

namespace lizheng {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr int kOffset = 480;  // the jurisdiction's +08:00

Timestamp At(std::string_view text) {
  auto t = ParseTimestamp(text, "t");
  EXPECT_TRUE(t.ok()) << text;
  return t.ok() ? *t : Timestamp{};
}

Date Day(std::string_view text) {
  auto d = ParseDate(text, "d");
  EXPECT_TRUE(d.ok()) << text;
  return d.ok() ? *d : Date{};
}

std::string Local(Timestamp t) { return FormatTimestamp(t, kOffset); }

std::string ReadDataFile(const std::string& relative) {
  std::ifstream in(std::string(LIZHENG_DATA_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in.good()) << relative;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The official 2025 and 2026 calendars from data/calendars.
WorkingCalendar RealCalendar() {
  std::vector<CalendarException> all;
  for (int year : {2025, 2026}) {
    auto parsed = WorkingCalendar::ParseYearFile(
        ReadDataFile("calendars/" + std::to_string(year) + ".tsv"), year);
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
    if (parsed.ok()) all.insert(all.end(), parsed->begin(), parsed->end());
  }
  return WorkingCalendar(kOffset, std::move(all));
}

// Counts working minutes one by one: slow, obviously right, for cross-checks.
std::int64_t NaiveWorkingMinutes(const WorkingCalendar& cal, Timestamp a, Timestamp b) {
  std::int64_t count = 0;
  for (Timestamp t = a; t < b; t += minutes{1}) {
    const Date d = LocalDate(t, kOffset);
    if (!cal.IsWorkingDay(d)) continue;
    const auto m = (t - LocalMidnight(d, kOffset)) / minutes{1};
    for (const auto& p : cal.periods()) {
      if (m >= p.begin_minute && m < p.end_minute) ++count;
    }
  }
  return count;
}

class WorkingCalendarTest : public ::testing::Test {
 protected:
  WorkingCalendar cal_ = RealCalendar();
};

TEST_F(WorkingCalendarTest, MakeUpWorkingDaysAreWorkingDays) {
  EXPECT_TRUE(cal_.IsWorkingDay(Day("2026-02-14")));   // Saturday, 春节调休上班
  EXPECT_TRUE(cal_.IsWorkingDay(Day("2026-02-28")));   // Saturday
  EXPECT_TRUE(cal_.IsWorkingDay(Day("2025-01-26")));   // Sunday
  EXPECT_TRUE(cal_.IsWorkingDay(Day("2026-01-04")));   // Sunday after 元旦
  EXPECT_TRUE(cal_.IsWorkingDay(Day("2026-10-10")));   // Saturday after 国庆节
  EXPECT_FALSE(cal_.IsWorkingDay(Day("2026-02-21")));  // an ordinary Saturday in the holiday
  EXPECT_FALSE(cal_.IsWorkingDay(Day("2026-03-07")));  // an ordinary Saturday
}

TEST_F(WorkingCalendarTest, HolidaysAreNotWorkingDays) {
  EXPECT_FALSE(cal_.IsWorkingDay(Day("2026-02-16")));  // Monday, 春节
  EXPECT_FALSE(cal_.IsWorkingDay(Day("2026-10-01")));  // Thursday, 国庆节
  EXPECT_FALSE(cal_.IsWorkingDay(Day("2025-01-01")));  // Wednesday, 元旦
  EXPECT_TRUE(cal_.IsWorkingDay(Day("2026-03-10")));   // an ordinary Tuesday
}

TEST_F(WorkingCalendarTest, YearWithoutFileFallsBackToMondayToFriday) {
  EXPECT_TRUE(cal_.CoversYear(2025));
  EXPECT_TRUE(cal_.CoversYear(2026));
  EXPECT_FALSE(cal_.CoversYear(2027));
  EXPECT_TRUE(cal_.IsWorkingDay(Day("2027-01-01")));   // a Friday; no 2027 file
  EXPECT_FALSE(cal_.IsWorkingDay(Day("2027-01-02")));  // Saturday
  EXPECT_TRUE(cal_.Exceptions(2027).empty());
  EXPECT_EQ(cal_.Exceptions(2026).size(), 39u);
  EXPECT_EQ(cal_.Exceptions(2025).size(), 33u);
  EXPECT_EQ(cal_.Exceptions(2026).front().name, "元旦");
  EXPECT_TRUE(cal_.Exceptions(2026).back().working);

  // 5 working days of minutes from the last evening of 2026 run through
  // 2027-01-01, a working day without a file.
  EXPECT_EQ(Local(cal_.AddWorkingMinutes(At("2026-12-31T17:30:00+08:00"), 5 * 420)),
            "2027-01-07T17:30:00+08:00");
}

TEST_F(WorkingCalendarTest, AddWorkingDaysCrossesNationalDay) {
  const Timestamp from = At("2026-09-30T10:00:00+08:00");
  // 10-01..07 holidays; 10-08 (1), 10-09 (2), 10-10 Saturday make-up (3),
  // 10-12 (4), 10-13 (5).
  EXPECT_EQ(Local(cal_.AddWorkingDays(from, 5)), "2026-10-13T23:59:59+08:00");
  EXPECT_EQ(Local(cal_.AddWorkingDays(from, 3)), "2026-10-10T23:59:59+08:00");
  EXPECT_EQ(Local(cal_.AddWorkingDays(from, 1)), "2026-10-08T23:59:59+08:00");
}

TEST_F(WorkingCalendarTest, AddWorkingDaysCrossesSpringFestival) {
  const Timestamp from = At("2026-02-13T16:00:00+08:00");  // Friday
  EXPECT_EQ(Local(cal_.AddWorkingDays(from, 1)), "2026-02-14T23:59:59+08:00");
  EXPECT_EQ(Local(cal_.AddWorkingDays(from, 2)), "2026-02-24T23:59:59+08:00");
  // The starting day does not count even when it is late at night UTC-wise:
  // 2026-02-13T20:00Z is already 02-14 04:00 local.
  EXPECT_EQ(Local(cal_.AddWorkingDays(At("2026-02-13T20:00:00Z"), 1)), "2026-02-24T23:59:59+08:00");
}

TEST_F(WorkingCalendarTest, WorkingMinutesSkipLunchBreak) {
  EXPECT_EQ(Local(cal_.AddWorkingMinutes(At("2026-03-10T11:30:00+08:00"), 60)),
            "2026-03-10T14:00:00+08:00");
  // Ending exactly at the end of a period stays there, not at the next start.
  EXPECT_EQ(Local(cal_.AddWorkingMinutes(At("2026-03-10T11:00:00+08:00"), 60)),
            "2026-03-10T12:00:00+08:00");
  // A start inside the lunch break counts from 13:30.
  EXPECT_EQ(Local(cal_.AddWorkingMinutes(At("2026-03-10T12:10:00+08:00"), 15)),
            "2026-03-10T13:45:00+08:00");
}

TEST_F(WorkingCalendarTest, WorkingMinutesSkipEveningsAndWeekends) {
  EXPECT_EQ(Local(cal_.AddWorkingMinutes(At("2026-03-10T17:00:00+08:00"), 60)),
            "2026-03-11T09:30:00+08:00");
  EXPECT_EQ(Local(cal_.AddWorkingMinutes(At("2026-03-10T07:00:00+08:00"), 15)),
            "2026-03-10T09:15:00+08:00");
  EXPECT_EQ(Local(cal_.AddWorkingMinutes(At("2026-03-10T22:00:00+08:00"), 15)),
            "2026-03-11T09:15:00+08:00");
  EXPECT_EQ(Local(cal_.AddWorkingMinutes(At("2026-03-13T17:15:00+08:00"), 30)),  // Friday
            "2026-03-16T09:15:00+08:00");
  EXPECT_EQ(Local(cal_.AddWorkingMinutes(At("2026-03-14T10:00:00+08:00"), 30)),  // Saturday
            "2026-03-16T09:30:00+08:00");
  // Seconds of the start are kept.
  EXPECT_EQ(Local(cal_.AddWorkingMinutes(At("2026-03-10T09:00:30+08:00"), 1)),
            "2026-03-10T09:01:30+08:00");
  EXPECT_EQ(cal_.AddWorkingMinutes(At("2026-03-14T10:00:00+08:00"), 0),
            At("2026-03-14T10:00:00+08:00"));
}

TEST_F(WorkingCalendarTest, WorkingMinutesSkipSpringFestival) {
  // 30 minutes left on the make-up Saturday, then nine days off.
  EXPECT_EQ(Local(cal_.AddWorkingMinutes(At("2026-02-14T17:00:00+08:00"), 60)),
            "2026-02-24T09:30:00+08:00");
  EXPECT_EQ(Local(cal_.AddWorkingMinutes(At("2026-02-13T17:00:00+08:00"), 30 + 420 + 15)),
            "2026-02-24T09:15:00+08:00");
  EXPECT_EQ(
      cal_.WorkingMinutesBetween(At("2026-02-14T17:00:00+08:00"), At("2026-02-24T09:30:00+08:00")),
      60);
}

TEST_F(WorkingCalendarTest, LargeAmountsSkipWholeDays) {
  const Timestamp from = At("2026-01-05T17:30:00+08:00");
  const std::int64_t days = 1'000'000;  // centuries past the loaded years
  const Timestamp by_minutes = cal_.AddWorkingMinutes(from, days * 420);
  const Timestamp by_days = cal_.AddWorkingDays(from, static_cast<int>(days));
  EXPECT_EQ(LocalDate(by_minutes, kOffset), LocalDate(by_days, kOffset));
  EXPECT_EQ(Local(by_minutes).substr(10), "T17:30:00+08:00");
  EXPECT_EQ(cal_.WorkingMinutesBetween(from, by_minutes), days * 420);
  EXPECT_EQ(cal_.WorkingDaysBetween(from, by_days), days);
}

TEST_F(WorkingCalendarTest, BetweenAgreesWithAdd) {
  const std::int64_t amounts[] = {1, 15, 30, 179, 180, 181, 420, 421, 1000, 3000};
  for (const char* start : {"2026-02-10T08:17:00+08:00", "2026-09-28T11:41:00+08:00",
                            "2025-12-30T16:05:00+08:00", "2027-03-01T12:00:00+08:00"}) {
    for (int step = 0; step < 24; ++step) {
      const Timestamp from = At(start) + minutes{step * 97};
      for (const std::int64_t m : amounts) {
        const Timestamp end = cal_.AddWorkingMinutes(from, m);
        ASSERT_EQ(cal_.WorkingMinutesBetween(from, end), m) << Local(from) << " + " << m;
        // The earliest such instant: one minute less is one working minute short.
        ASSERT_EQ(cal_.WorkingMinutesBetween(from, end - minutes{1}), m - 1) << Local(from);
        if (m <= 420 && step % 6 == 0) {
          ASSERT_EQ(NaiveWorkingMinutes(cal_, from, end), m) << Local(from) << " + " << m;
        }
      }
      for (int n = 1; n <= 12; ++n) {
        const Timestamp due = cal_.AddWorkingDays(from, n);
        ASSERT_EQ(cal_.WorkingDaysBetween(from, due), n) << Local(from) << " + " << n << "wd";
        ASSERT_EQ(cal_.WorkingDaysBetween(from, due - std::chrono::days{1}), n - 1);
        ASSERT_TRUE(cal_.IsWorkingDay(LocalDate(due, kOffset)));
      }
    }
  }
}

TEST_F(WorkingCalendarTest, BetweenOfEmptyOrReversedRangeIsZero) {
  const Timestamp t = At("2026-03-10T10:00:00+08:00");
  EXPECT_EQ(cal_.WorkingMinutesBetween(t, t), 0);
  EXPECT_EQ(cal_.WorkingMinutesBetween(t, t - minutes{30}), 0);
  EXPECT_EQ(cal_.WorkingDaysBetween(t, t), 0);
  EXPECT_EQ(
      cal_.WorkingMinutesBetween(At("2026-03-10T08:00:00+08:00"), At("2026-03-11T08:00:00+08:00")),
      420);
}

TEST(WorkingCalendarCustomTest, PeriodsAndOffsetAreHonoured) {
  const WorkingCalendar utc(0, {}, {{8 * 60, 16 * 60}});
  EXPECT_EQ(FormatTimestamp(utc.AddWorkingMinutes(At("2026-03-10T15:00:00Z"), 120), 0),
            "2026-03-11T09:00:00+00:00");
  // Overlapping and unsorted periods are merged rather than counted twice.
  const WorkingCalendar messy(kOffset, {},
                              {{13 * 60, 15 * 60}, {9 * 60, 12 * 60}, {11 * 60, 13 * 60}});
  ASSERT_EQ(messy.periods().size(), 1u);
  EXPECT_EQ(messy.periods()[0].begin_minute, 9 * 60);
  EXPECT_EQ(messy.periods()[0].end_minute, 15 * 60);
  // No usable period would make every deadline infinite: defaults apply.
  const WorkingCalendar empty(kOffset, {}, {{600, 600}});
  EXPECT_EQ(empty.periods().size(), WorkingCalendar::DefaultPeriods().size());
}

TEST(WorkingCalendarParseTest, AcceptsCommentsBlankLinesAndCrLf) {
  const auto parsed = WorkingCalendar::ParseYearFile(
      "# header\r\n\r\n2026-02-14\tworkday\t春节调休上班\r\n2026-02-16\tholiday\t春节 # 初一\n"
      "2026-02-17\tholiday\n",
      2026);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 3u);
  EXPECT_TRUE((*parsed)[0].working);
  EXPECT_EQ((*parsed)[0].name, "春节调休上班");
  EXPECT_FALSE((*parsed)[1].working);
  EXPECT_EQ((*parsed)[1].name, "春节");
  EXPECT_EQ((*parsed)[2].name, "");
}

TEST(WorkingCalendarParseTest, ErrorsNameTheLine) {
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"# c\n2026-02-30\tholiday\tx\n", "line 2"},
      {"2026-01-01\tholiday\tx\n2025-12-31\tholiday\tx\n",
       "line 2: date 2025-12-31 is not in 2026"},
      {"\n\n2026-01-01\tvacation\tx\n", "line 3: kind 'vacation' is unknown"},
      {"2026-01-01\tholiday\tx\n2026-01-01\tworkday\ty\n", "already listed on line 1"},
      {"2026-01-01 holiday x\n", "line 1: expected"},
      {"2026-01-01\tholiday\tx\textra\n", "found 4 tab-separated fields"},
      {"# nothing yet\n", "no public holiday listed"},
      {"2026-02-14\tworkday\t春节调休上班\n", "no public holiday listed"},
  };
  for (const auto& c : cases) {
    const auto parsed = WorkingCalendar::ParseYearFile(c.text, 2026);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_NE(parsed.error().message.find(c.expected), std::string::npos) << parsed.error().message;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(TimeTest, FormatsInTheGivenOffset) {
  const Timestamp t{std::chrono::sys_days{Day("2026-11-23")} + std::chrono::hours{1} + minutes{5}};
  EXPECT_EQ(FormatTimestamp(t, 480), "2026-11-23T09:05:00+08:00");
  EXPECT_EQ(FormatTimestamp(t, 0), "2026-11-23T01:05:00+00:00");
  EXPECT_EQ(FormatTimestamp(t, -330), "2026-11-22T19:35:00-05:30");
  EXPECT_EQ(FormatDate(Day("2026-01-04")), "2026-01-04");
}

TEST(TimeTest, ParsesRfc3339) {
  const Timestamp t = At("2026-11-23T09:05:00+08:00");
  EXPECT_EQ(At("2026-11-23T01:05:00Z"), t);
  EXPECT_EQ(At("2026-11-22T19:35:00-05:30"), t);
  EXPECT_EQ(At("2026-11-23t01:05:00.987z"), t);  // fraction truncated
  EXPECT_EQ(FormatTimestamp(t, 480), "2026-11-23T09:05:00+08:00");
}

TEST(TimeTest, ParseErrorsNameTheFieldAndWhatIsAccepted) {
  for (const char* bad :
       {"", "2026-11-23", "2026-11-23T09:05:00", "2026-11-23T09:05+08:00", "2026-13-01T00:00:00Z",
        "2026-02-29T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T09:05:00+8:00",
        "2026-11-23T09:05:00+08:60", "2026-11-23T09:05:00.Z", "2026-11-23X09:05:00Z",
        "2026-11-23T09:05:00Zx"}) {
    const auto r = ParseTimestamp(bad, "received_at");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "received_at");
    EXPECT_EQ(r.error().message.rfind("received_at: ", 0), 0u) << r.error().message;
  }
  EXPECT_NE(ParseTimestamp("x", "f").error().message.find("2026-11-23T09:05:00+08:00"),
            std::string::npos);
  EXPECT_NE(ParseTimestamp("2026-11-23T09:05:00", "f").error().message.find("'Z'"),
            std::string::npos);
  for (const char* bad : {"2026-1-01", "2026/01/01", "2026-01-01T", "20260101"}) {
    const auto r = ParseDate(bad, "day");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "day");
    EXPECT_NE(r.error().message.find("YYYY-MM-DD"), std::string::npos) << r.error().message;
  }
  EXPECT_NE(ParseDate("2026-13-01", "day").error().message.find("month"), std::string::npos);
  EXPECT_NE(ParseDate("2026-02-29", "day").error().message.find("day 29"), std::string::npos);
}

TEST(TimeTest, LocalDateAndMidnight) {
  // 16:00Z is already the next day in +08:00.
  EXPECT_EQ(LocalDate(At("2026-03-10T16:00:00Z"), 480), Day("2026-03-11"));
  EXPECT_EQ(LocalDate(At("2026-03-10T15:59:59Z"), 480), Day("2026-03-10"));
  EXPECT_EQ(LocalMidnight(Day("2026-03-11"), 480), At("2026-03-10T16:00:00Z"));
  EXPECT_EQ(LocalDate(LocalMidnight(Day("2026-03-11"), -300), -300), Day("2026-03-11"));
}

}  // namespace
}  // namespace lizheng
