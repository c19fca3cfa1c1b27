#include "lizheng/core/working_calendar.hpp"

#include <algorithm>
#include <optional>

namespace lizheng {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;

constexpr std::int64_t kSecondsPerDay = 24 * 60 * 60;
constexpr int kMinutesPerDay = 24 * 60;

bool IsWeekday(sys_days day) {
  const std::chrono::weekday wd{day};
  return wd != std::chrono::Saturday && wd != std::chrono::Sunday;
}

// Monday-to-Friday days in [first, last]; any 7 consecutive days hold 5.
std::int64_t CountWeekdays(sys_days first, sys_days last) {
  if (last < first) return 0;
  const std::int64_t total = (last - first).count() + 1;
  std::int64_t count = total / 7 * 5;
  for (sys_days d = first + days{total / 7 * 7}; d <= last; d += days{1}) {
    if (IsWeekday(d)) ++count;
  }
  return count;
}

// Sorted, clamped to one day and merged, so the arithmetic below can walk
// the periods in order without double counting.
std::vector<WorkPeriod> NormalisePeriods(std::vector<WorkPeriod> periods) {
  std::vector<WorkPeriod> cleaned;
  for (WorkPeriod p : periods) {
    p.begin_minute = std::clamp(p.begin_minute, 0, kMinutesPerDay);
    p.end_minute = std::clamp(p.end_minute, 0, kMinutesPerDay);
    if (p.begin_minute < p.end_minute) cleaned.push_back(p);
  }
  std::sort(cleaned.begin(), cleaned.end(), [](const WorkPeriod& a, const WorkPeriod& b) {
    return a.begin_minute < b.begin_minute;
  });
  std::vector<WorkPeriod> merged;
  for (const WorkPeriod& p : cleaned) {
    if (!merged.empty() && p.begin_minute <= merged.back().end_minute) {
      merged.back().end_minute = std::max(merged.back().end_minute, p.end_minute);
    } else {
      merged.push_back(p);
    }
  }
  // A day without working time would make every deadline infinite.
  return merged.empty() ? WorkingCalendar::DefaultPeriods() : merged;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(Trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

Error LineError(int line, std::string message) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "calendar line " + std::to_string(line) + ": " + std::move(message), "calendar");
}

using ExceptionMap = std::map<sys_days, CalendarException>;

bool IsWorkingDayIn(const ExceptionMap& exceptions, sys_days day) {
  if (const auto it = exceptions.find(day); it != exceptions.end()) return it->second.working;
  return IsWeekday(day);
}

// Working days in [first, last], in time proportional to the exceptions in
// the range rather than to its length.
std::int64_t CountWorkingDays(const ExceptionMap& exceptions, sys_days first, sys_days last) {
  if (last < first) return 0;
  std::int64_t count = CountWeekdays(first, last);
  for (auto it = exceptions.lower_bound(first); it != exceptions.end() && it->first <= last; ++it) {
    count += (it->second.working ? 1 : 0) - (IsWeekday(it->first) ? 1 : 0);
  }
  return count;
}

// The n-th working day after `start` (n >= 1; `start` itself is not counted).
sys_days NthWorkingDayAfter(const ExceptionMap& exceptions, sys_days start, std::int64_t n) {
  sys_days day = start;
  while (n > 0) {
    // Between exceptions every 7 consecutive days hold exactly 5 working
    // days, so whole weeks are jumped, always leaving at least one working
    // day to step onto; the stepping below handles the exceptions.
    const auto next = exceptions.upper_bound(day);
    const std::int64_t free_weeks =
        next == exceptions.end() ? (n - 1) / 5 : ((next->first - day).count() - 1) / 7;
    const std::int64_t weeks = std::min((n - 1) / 5, free_weeks);
    day += days{weeks * 7};
    n -= weeks * 5;
    day += days{1};
    if (IsWorkingDayIn(exceptions, day)) --n;
  }
  return day;
}

}  // namespace

WorkingCalendar::WorkingCalendar(int utc_offset_minutes, std::vector<CalendarException> exceptions,
                                 std::vector<WorkPeriod> periods)
    : utc_offset_minutes_(utc_offset_minutes), periods_(NormalisePeriods(std::move(periods))) {
  for (auto& e : exceptions) {
    if (!e.day.ok()) continue;  // ParseYearFile never yields one; hand-built lists might
    const int year = static_cast<int>(e.day.year());
    if (std::find(covered_years_.begin(), covered_years_.end(), year) == covered_years_.end()) {
      covered_years_.push_back(year);
    }
    const sys_days key{e.day};
    exceptions_.insert_or_assign(key, std::move(e));
  }
  std::sort(covered_years_.begin(), covered_years_.end());
}

std::vector<WorkPeriod> WorkingCalendar::DefaultPeriods() {
  return {{9 * 60, 12 * 60}, {13 * 60 + 30, 17 * 60 + 30}};
}

Result<std::vector<CalendarException>> WorkingCalendar::ParseYearFile(std::string_view text,
                                                                      int year) {
  std::vector<CalendarException> out;
  std::map<sys_days, int> seen;  // day -> line that declared it
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    if (Trim(line).empty()) continue;

    const auto fields = SplitTabs(Trim(line));
    if (fields.size() < 2 || fields.size() > 3) {
      return LineError(line_no, "expected 'YYYY-MM-DD<TAB>holiday|workday<TAB>name', found " +
                                    std::to_string(fields.size()) + " tab-separated fields");
    }
    auto date = ParseDate(fields[0], "date");
    if (!date.ok()) return LineError(line_no, date.error().message);
    if (static_cast<int>(date->year()) != year) {
      return LineError(line_no, "date " + std::string(fields[0]) + " is not in " +
                                    std::to_string(year) + ", the year of this file");
    }
    CalendarException e;
    e.day = *date;
    if (fields[1] == "holiday") {
      e.working = false;
    } else if (fields[1] == "workday") {
      e.working = true;
    } else {
      return LineError(
          line_no, "kind '" + std::string(fields[1]) + "' is unknown; expected holiday or workday");
    }
    if (fields.size() == 3) e.name = std::string(fields[2]);
    const auto [it, inserted] = seen.emplace(sys_days{e.day}, line_no);
    if (!inserted) {
      return LineError(line_no, "date " + std::string(fields[0]) + " is already listed on line " +
                                    std::to_string(it->second));
    }
    out.push_back(std::move(e));
  }
  // Every official year has public holidays (元旦 at least). A file without
  // one is a mistake, and once stored it would mark the year as covered:
  // the missing-calendar warning would stop while 元旦 counted as working.
  if (std::none_of(out.begin(), out.end(), [](const CalendarException& e) { return !e.working; }))
    return MakeError(ErrorCode::kInvalidArgument,
                     "no public holiday listed: an official calendar of " + std::to_string(year) +
                         " has at least 元旦; import the State Council's notice for the year");
  return out;
}

bool WorkingCalendar::IsWorkingDay(Date d) const {
  return IsWorkingDayIn(exceptions_, sys_days{d});
}

bool WorkingCalendar::CoversYear(int year) const {
  return std::binary_search(covered_years_.begin(), covered_years_.end(), year);
}

std::vector<CalendarException> WorkingCalendar::Exceptions(int year) const {
  std::vector<CalendarException> out;
  const sys_days first{std::chrono::year{year} / 1 / 1};
  const sys_days last{std::chrono::year{year} / 12 / 31};
  for (auto it = exceptions_.lower_bound(first); it != exceptions_.end() && it->first <= last;
       ++it) {
    out.push_back(it->second);
  }
  return out;
}

namespace {

// Working seconds of one working day's periods inside [from_s, to_s), both
// in local seconds after midnight.
std::int64_t SecondsInPeriods(const std::vector<WorkPeriod>& periods, std::int64_t from_s,
                              std::int64_t to_s) {
  std::int64_t total = 0;
  for (const WorkPeriod& p : periods) {
    const std::int64_t b = std::max<std::int64_t>(from_s, p.begin_minute * 60);
    const std::int64_t e = std::min<std::int64_t>(to_s, p.end_minute * 60);
    if (b < e) total += e - b;
  }
  return total;
}

// The local second of the day at which `amount` working seconds counted from
// `from_s` are used up, or nullopt when the day has fewer left. amount > 0.
std::optional<std::int64_t> EndWithinDay(const std::vector<WorkPeriod>& periods,
                                         std::int64_t from_s, std::int64_t& amount) {
  for (const WorkPeriod& p : periods) {
    const std::int64_t b = std::max<std::int64_t>(from_s, p.begin_minute * 60);
    const std::int64_t e = p.end_minute * 60;
    if (b >= e) continue;
    if (amount <= e - b) return b + amount;
    amount -= e - b;
  }
  return std::nullopt;
}

}  // namespace

Timestamp WorkingCalendar::AddWorkingMinutes(Timestamp from, std::int64_t minutes_to_add) const {
  if (minutes_to_add <= 0) return from;
  const auto local = from + minutes{utc_offset_minutes_};
  const sys_days start_day = std::chrono::floor<days>(local);
  const std::int64_t start_s = (local - start_day).count();
  const auto to_utc = [&](sys_days day, std::int64_t second_of_day) {
    return Timestamp{day} + seconds{second_of_day} - minutes{utc_offset_minutes_};
  };

  std::int64_t remaining = minutes_to_add * 60;
  if (IsWorkingDay(Date{start_day})) {
    if (auto end = EndWithinDay(periods_, start_s, remaining)) return to_utc(start_day, *end);
  }
  // Whole working days are skipped at once: the deadline falls on the k-th
  // working day after the start, k = ceil(remaining / day's capacity).
  const std::int64_t capacity = SecondsInPeriods(periods_, 0, kSecondsPerDay);
  const std::int64_t k = (remaining + capacity - 1) / capacity;
  const sys_days target = NthWorkingDayAfter(exceptions_, start_day, k);
  remaining -= (k - 1) * capacity;  // now in (0, capacity]
  const auto end = EndWithinDay(periods_, 0, remaining);
  return to_utc(target, end.value_or(kSecondsPerDay));  // always set: remaining <= capacity
}

Timestamp WorkingCalendar::AddWorkingDays(Timestamp from, int days_to_add) const {
  if (days_to_add <= 0) return from;
  const sys_days start_day{LocalDate(from, utc_offset_minutes_)};
  const sys_days target = NthWorkingDayAfter(exceptions_, start_day, days_to_add);
  return LocalMidnight(Date{target + days{1}}, utc_offset_minutes_) - seconds{1};
}

std::int64_t WorkingCalendar::WorkingMinutesBetween(Timestamp a, Timestamp b) const {
  if (b <= a) return 0;
  const auto la = a + minutes{utc_offset_minutes_};
  const auto lb = b + minutes{utc_offset_minutes_};
  const sys_days da = std::chrono::floor<days>(la);
  const sys_days db = std::chrono::floor<days>(lb);
  const std::int64_t sa = (la - da).count();
  const std::int64_t sb = (lb - db).count();

  std::int64_t total = 0;
  if (da == db) {
    if (IsWorkingDay(Date{da})) total = SecondsInPeriods(periods_, sa, sb);
  } else {
    if (IsWorkingDay(Date{da})) total += SecondsInPeriods(periods_, sa, kSecondsPerDay);
    total += CountWorkingDays(exceptions_, da + days{1}, db - days{1}) *
             SecondsInPeriods(periods_, 0, kSecondsPerDay);
    if (IsWorkingDay(Date{db})) total += SecondsInPeriods(periods_, 0, sb);
  }
  return total / 60;
}

int WorkingCalendar::WorkingDaysBetween(Timestamp a, Timestamp b) const {
  const sys_days da{LocalDate(a, utc_offset_minutes_)};
  const sys_days db{LocalDate(b, utc_offset_minutes_)};
  return static_cast<int>(CountWorkingDays(exceptions_, da + days{1}, db));
}

}  // namespace lizheng
