#include "lizheng/app/setup.hpp"

#include "embedded_data.hpp"
#include "lizheng/core/time_limits.hpp"
#include "lizheng/core/working_calendar.hpp"

namespace lizheng::app {

std::vector<int> BundledCalendarYears() {
  std::vector<int> years;
  for (int y = 2020; y <= 2040; ++y)
    if (data::EmbeddedFile("calendars/" + std::to_string(y) + ".tsv")) years.push_back(y);
  return years;
}

Result<std::string_view> BundledFile(std::string_view path) {
  if (auto f = data::EmbeddedFile(path)) return *f;
  return MakeError(ErrorCode::kNotFound, "no bundled data file '" + std::string(path) + "'");
}

Result<JurisdictionId> CreateJurisdiction(store::WriteTxn& txn, const Jurisdiction& j) {
  LZ_ASSIGN_OR_RETURN(JurisdictionId id, txn.InsertJurisdiction(j));
  for (int year : BundledCalendarYears()) {
    LZ_ASSIGN_OR_RETURN(std::string_view text, BundledFile("calendars/" + std::to_string(year) + ".tsv"));
    LZ_ASSIGN_OR_RETURN(auto days, WorkingCalendar::ParseYearFile(text, year));
    LZ_RETURN_IF_ERROR(txn.ReplaceCalendar(id, year, days));
  }
  LZ_ASSIGN_OR_RETURN(std::string_view limits_text, BundledFile("time_limits.tsv"));
  LZ_ASSIGN_OR_RETURN(TimeLimitMatrix limits, TimeLimitMatrix::Parse(limits_text));
  LZ_RETURN_IF_ERROR(txn.ReplaceTimeLimits(id, limits));
  return id;
}

}  // namespace lizheng::app
