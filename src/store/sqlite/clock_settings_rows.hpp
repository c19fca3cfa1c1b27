// The rows behind a jurisdiction's clocks: its working-calendar exceptions
// (calendar_days) and its time-limit matrix (time_limits).
#pragma once

#include <vector>

#include "connection.hpp"
#include "lizheng/core/directory.hpp"
#include "lizheng/core/result.hpp"
#include "lizheng/core/time_limits.hpp"
#include "lizheng/core/working_calendar.hpp"

namespace lizheng::store::sqlite {

// Deletes the stored exceptions of `year` and of every year present in
// `days`, then stores `days`. kConflict if `days` names a day twice.
Status ReplaceCalendar(Connection& conn, JurisdictionId j, int year,
                       const std::vector<CalendarException>& days);
// Every stored exception of the jurisdiction, by day.
Result<std::vector<CalendarException>> LoadCalendar(Connection& conn, JurisdictionId j);

// Replaces the whole matrix, keeping the rules' order.
Status ReplaceTimeLimits(Connection& conn, JurisdictionId j, const TimeLimitMatrix& m);
// kNotFound when the jurisdiction has no time limits stored.
Result<TimeLimitMatrix> LoadTimeLimits(Connection& conn, JurisdictionId j);

}  // namespace lizheng::store::sqlite
