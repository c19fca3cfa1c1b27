// Instants and local dates. core has no clock of its own: "now" is always
// passed in by the caller.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "lizheng/core/result.hpp"

namespace lizheng {

// An instant, UTC, to the second.
using Timestamp = std::chrono::sys_seconds;
// A calendar day in a jurisdiction's local time.
using Date = std::chrono::year_month_day;

// "2026-11-23T09:05:00+08:00" in the given fixed offset from UTC.
std::string FormatTimestamp(Timestamp t, int utc_offset_minutes);
// Accepts RFC 3339 with "Z" or "+hh:mm"/"-hh:mm"; the field name is used in
// the error message.
Result<Timestamp> ParseTimestamp(std::string_view text, std::string_view field);
// "2026-11-23".
std::string FormatDate(Date d);
Result<Date> ParseDate(std::string_view text, std::string_view field);
// The local calendar day of an instant.
Date LocalDate(Timestamp t, int utc_offset_minutes);
// The instant of a local day's midnight.
Timestamp LocalMidnight(Date d, int utc_offset_minutes);

}  // namespace lizheng
