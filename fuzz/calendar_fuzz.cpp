// The working-calendar importer (`lizheng calendar import --year Y`):
// WorkingCalendar::ParseYearFile. The year is the one the first date names
// when it lies in the range the command accepts (2000-2100), else 2026, so
// that accepted files are reached. An accepted year then drives the clock
// arithmetic the deadlines use.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "lizheng/core/working_calendar.hpp"

namespace {

int YearOf(std::string_view text) {
  if (text.size() < 4) return 2026;
  int year = 0;
  for (char c : text.substr(0, 4)) {
    if (c < '0' || c > '9') return 2026;
    year = year * 10 + (c - '0');
  }
  return year >= 2000 && year <= 2100 ? year : 2026;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace std::chrono;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const int year = YearOf(text);
  auto days = lizheng::WorkingCalendar::ParseYearFile(text, year);
  if (!days.ok()) {
    lizheng::fuzz::CheckImportError(days.error());
    return 0;
  }
  const auto count = days->size();
  const lizheng::WorkingCalendar cal(480, std::move(*days));
  FUZZ_CHECK(cal.CoversYear(year));
  FUZZ_CHECK(cal.Exceptions(year).size() == count);
  const sys_days first{std::chrono::year{year} / January / 1};
  const lizheng::Timestamp start = time_point_cast<lizheng::Timestamp::duration>(first + hours(1));
  for (int n : {1, 5, 30}) {
    const lizheng::Timestamp due = cal.AddWorkingDays(start, n);
    FUZZ_CHECK(due > start);
    FUZZ_CHECK(cal.WorkingDaysBetween(start, due) == n);
  }
  const lizheng::Timestamp later = cal.AddWorkingMinutes(start, 7 * 60 * 20);
  FUZZ_CHECK(cal.WorkingMinutesBetween(start, later) == 7 * 60 * 20);
  return 0;
}
