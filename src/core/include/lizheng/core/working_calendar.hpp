// 工作日历: the official working calendar of a jurisdiction, with public
// holidays and the weekend days declared working days (调休).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/result.hpp"
#include "lizheng/core/time.hpp"

namespace lizheng {

// A day that differs from the Monday-to-Friday rule.
struct CalendarException {
  Date day;
  bool working = false;  // true: a make-up working day (调休上班); false: a holiday
  std::string name;      // e.g. "春节", "国庆节调休上班"
};

// One period of the working day, in local minutes after midnight [begin, end).
struct WorkPeriod {
  int begin_minute = 0;
  int end_minute = 0;
};

// Answers "is this a working day" and adds working time to an instant.
// Years without an exceptions file fall back to Monday to Friday. Immutable
// after construction, so any thread may call it.
class WorkingCalendar {
 public:
  // Default working hours are 09:00-12:00 and 13:30-17:30 (7 hours).
  WorkingCalendar(int utc_offset_minutes, std::vector<CalendarException> exceptions,
                  std::vector<WorkPeriod> periods = DefaultPeriods());

  static std::vector<WorkPeriod> DefaultPeriods();

  // Parses one year's file: one line per exceptional day,
  // "YYYY-MM-DD<TAB>holiday|workday<TAB>name", '#' comments, blank lines.
  // Every date must lie in `year`; the error names the line.
  static Result<std::vector<CalendarException>> ParseYearFile(std::string_view text, int year);

  bool IsWorkingDay(Date d) const;
  // Whether an exceptions file was loaded for the year.
  bool CoversYear(int year) const;
  int utc_offset_minutes() const { return utc_offset_minutes_; }
  const std::vector<WorkPeriod>& periods() const { return periods_; }
  std::vector<CalendarException> Exceptions(int year) const;

  // `from` plus `minutes` of working time: only minutes inside working
  // periods of working days count. A start outside working hours begins
  // counting at the next working period.
  Timestamp AddWorkingMinutes(Timestamp from, std::int64_t minutes) const;
  // The end (23:59:59 local) of the `days`-th working day after the local day
  // of `from`; the starting day itself is not counted. days >= 1.
  Timestamp AddWorkingDays(Timestamp from, int days) const;
  // Working minutes in [a, b); 0 when b <= a.
  std::int64_t WorkingMinutesBetween(Timestamp a, Timestamp b) const;
  // Working days strictly after a's local day up to and including b's.
  int WorkingDaysBetween(Timestamp a, Timestamp b) const;

 private:
  int utc_offset_minutes_;
  std::map<std::chrono::sys_days, CalendarException> exceptions_;
  std::vector<int> covered_years_;
  std::vector<WorkPeriod> periods_;
};

}  // namespace lizheng
