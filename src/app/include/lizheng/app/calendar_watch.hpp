// Whether every year the clocks reach has its official working calendar.
// A year without one silently falls back to Monday to Friday (元旦 would be
// a working day), so the gap is reported on /api/v1/health, to the
// administrator and in the log, from 60 days before the year begins.
#pragma once

#include <iosfwd>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "lizheng/app/environment.hpp"
#include "lizheng/app/jurisdiction_cache.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::app {

// How long before 1 January the next year counts as reached.
inline constexpr int kCalendarLeadDays = 60;

// A year the clocks of a jurisdiction reach whose calendar is missing.
struct CalendarGap {
  std::string jurisdiction_code;
  std::string jurisdiction_name;
  int year = 0;
  std::string message_en;  // says what is missing and how to supply it
  std::string message_zh;
};

// The years the clocks reach at `now` in local time: the current year and,
// from kCalendarLeadDays before 1 January, the next one.
std::vector<int> YearsClocksReach(Timestamp now, int utc_offset_minutes);

// The gaps of one jurisdiction's calendar at `now`.
std::vector<CalendarGap> FindCalendarGaps(const Jurisdiction& j, const WorkingCalendar& calendar,
                                          Timestamp now);

// Checks every jurisdiction; thread-safe.
class CalendarWatch {
 public:
  CalendarWatch(store::Store& store, JurisdictionCache& cache, const TimeSource& time);

  // Every jurisdiction's gaps now (cached calendars, so at most the cache's
  // TTL behind an import).
  Result<std::vector<CalendarGap>> Gaps();
  // Writes a warning per gap to `log`, at most once per local day per gap
  // set; returns the gaps. Errors reading the store are logged too.
  std::vector<CalendarGap> WarnDaily(std::ostream& log);

 private:
  store::Store& store_;
  JurisdictionCache& cache_;
  const TimeSource& time_;
  std::mutex mu_;
  std::optional<Date> last_warned_;  // the UTC day of the last warning
};

}  // namespace lizheng::app
