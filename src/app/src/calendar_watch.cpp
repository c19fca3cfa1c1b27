#include "lizheng/app/calendar_watch.hpp"

#include <ostream>

namespace lizheng::app {

std::vector<int> YearsClocksReach(Timestamp now, int utc_offset_minutes) {
  const int year = static_cast<int>(LocalDate(now, utc_offset_minutes).year());
  std::vector<int> years = {year};
  const Date ahead = LocalDate(now + std::chrono::days(kCalendarLeadDays), utc_offset_minutes);
  if (static_cast<int>(ahead.year()) > year) years.push_back(year + 1);
  return years;
}

std::vector<CalendarGap> FindCalendarGaps(const Jurisdiction& j, const WorkingCalendar& calendar,
                                          Timestamp now) {
  std::vector<CalendarGap> gaps;
  for (int year : YearsClocksReach(now, j.utc_offset_minutes)) {
    if (calendar.CoversYear(year)) continue;
    const std::string y = std::to_string(year);
    CalendarGap g;
    g.jurisdiction_code = j.code;
    g.jurisdiction_name = j.name;
    g.year = year;
    g.message_en = j.code + " has no working calendar for " + y + ": deadlines in " + y +
                   " count Monday to Friday, public holidays as working days. Import the "
                   "State Council's " +
                   y + " holiday notice with 'lizheng calendar import --year " + y +
                   " --file FILE'.";
    g.message_zh = j.name + "缺少 " + y + " 年工作日历：" + y +
                   " 年的期限将按周一至周五计算，法定节假日会被当作工作日。请按国务院办公厅 " + y +
                   " 年节假日安排通知，用 'lizheng calendar import --year " + y +
                   " --file 文件' 导入。";
    gaps.push_back(std::move(g));
  }
  return gaps;
}

CalendarWatch::CalendarWatch(store::Store& store, JurisdictionCache& cache, const TimeSource& time)
    : store_(store), cache_(cache), time_(time) {}

Result<std::vector<CalendarGap>> CalendarWatch::Gaps() {
  std::vector<Jurisdiction> all;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(all, txn.ListJurisdictions());
    return OkStatus();
  }));
  const Timestamp now = time_.Now();
  std::vector<CalendarGap> gaps;
  for (const Jurisdiction& j : all) {
    LZ_ASSIGN_OR_RETURN(auto data, cache_.Get(j.id));
    for (CalendarGap& g : FindCalendarGaps(j, data->calendar, now)) gaps.push_back(std::move(g));
  }
  return gaps;
}

std::vector<CalendarGap> CalendarWatch::WarnDaily(std::ostream& log) {
  auto gaps = Gaps();
  if (!gaps.ok()) {
    log << "calendar check: " << gaps.error().message << "\n";
    return {};
  }
  const Date today = LocalDate(time_.Now(), 0);
  std::lock_guard lock(mu_);
  if (gaps->empty() || last_warned_ == today) return *gaps;
  last_warned_ = today;
  for (const CalendarGap& g : *gaps) log << "warning: calendar_missing: " << g.message_en << "\n";
  log.flush();
  return *gaps;
}

}  // namespace lizheng::app
