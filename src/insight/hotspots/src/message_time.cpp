// 留言时间: the data set's two ways of writing a time.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

#include "lizheng/insight/hotspots/hot_messages.hpp"

namespace lizheng::insight::hotspots {

namespace {

using std::chrono::days;
using std::chrono::seconds;

// Days from 1899-12-30 (Excel's day 0, as it counts 1900 as a leap year) to
// 1970-01-01.
constexpr std::int64_t kExcelEpochDays = 25569;

// Reads a whole number from the front of `s`, advancing it.
bool TakeNumber(std::string_view& s, int& out, std::size_t max_digits) {
  std::size_t n = 0;
  while (n < s.size() && n < max_digits && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0) return false;
  std::from_chars(s.data(), s.data() + n, out);
  s.remove_prefix(n);
  return true;
}

bool TakeChar(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

std::optional<Timestamp> ParseText(std::string_view s, int offset_minutes) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  const char sep = s.find('/') != std::string_view::npos ? '/' : '-';
  if (!TakeNumber(s, y, 4) || !TakeChar(s, sep) || !TakeNumber(s, mo, 2) || !TakeChar(s, sep) ||
      !TakeNumber(s, d, 2)) {
    return std::nullopt;
  }
  if (!s.empty()) {
    if (!TakeChar(s, ' ') || !TakeNumber(s, h, 2) || !TakeChar(s, ':') || !TakeNumber(s, mi, 2)) {
      return std::nullopt;
    }
    if (!s.empty() && (!TakeChar(s, ':') || !TakeNumber(s, sec, 2))) return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(mo),
                                        std::chrono::day(d)};
  if (!s.empty() || !ymd.ok() || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  return std::chrono::sys_days(ymd) + std::chrono::hours(h) + std::chrono::minutes(mi) +
         seconds(sec) - std::chrono::minutes(offset_minutes);
}

std::optional<Timestamp> ParseSerial(std::string_view s, int offset_minutes) {
  double serial = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), serial);
  // 1 (1900-01-01) to 2958465 (9999-12-31).
  if (ec != std::errc() || ptr != s.data() + s.size() || !(serial >= 1 && serial < 2958466)) {
    return std::nullopt;
  }
  const auto whole = static_cast<std::int64_t>(std::floor(serial));
  const auto second = static_cast<std::int64_t>(std::llround((serial - double(whole)) * 86400.0));
  return Timestamp(days(whole - kExcelEpochDays)) + seconds(second) -
         std::chrono::minutes(offset_minutes);
}

}  // namespace

Result<Timestamp> ParseMessageTime(std::string_view text, std::string_view field,
                                   int utc_offset_minutes) {
  const bool serial = !text.empty() && text.find_first_not_of("0123456789.") == std::string_view::npos;
  const std::optional<Timestamp> t =
      serial ? ParseSerial(text, utc_offset_minutes) : ParseText(text, utc_offset_minutes);
  if (t) return *t;
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string(field) + ": cannot read '" + std::string(text) +
                       "' as a time; expected YYYY/M/D H:MM:SS or an Excel day serial such as "
                       "42894.73",
                   std::string(field));
}

std::string FormatMessageTime(Timestamp t, int utc_offset_minutes) {
  const auto local = t + std::chrono::minutes(utc_offset_minutes);
  const auto day = std::chrono::floor<days>(local);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{local - day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d/%02u/%02u %02ld:%02ld:%02ld", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                long(hms.minutes().count()), long(hms.seconds().count()));
  return buf;
}

double ExcelSerial(Timestamp t, int utc_offset_minutes) {
  const auto local = (t + std::chrono::minutes(utc_offset_minutes)).time_since_epoch();
  return double(local.count()) / 86400.0 + double(kExcelEpochDays);
}

}  // namespace lizheng::insight::hotspots
