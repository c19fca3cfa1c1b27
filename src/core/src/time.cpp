#include "lizheng/core/time.hpp"

#include <cstdio>
#include <cstdlib>
#include <optional>

namespace lizheng {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::string_view kTimestampExample = "2026-11-23T09:05:00+08:00";
constexpr std::string_view kDateExample = "2026-11-23";

// Reads exactly `width` ASCII digits at `pos`; nullopt if any is not a digit.
std::optional<int> ReadDigits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Quotes client input for a message, cut short so a huge value cannot bloat it.
std::string Quote(std::string_view text) {
  constexpr std::size_t kMaxShown = 40;
  std::string out = "'";
  out += text.substr(0, kMaxShown);
  if (text.size() > kMaxShown) out += "...";
  out += "'";
  return out;
}

Error Invalid(std::string_view field, std::string reason, const Text& message) {
  const std::string name(field);
  return MakeError(ErrorCode::kInvalidArgument, std::move(reason),
                   Text{"参数 " + name + "：" + message.zh, name + ": " + message.en}, name);
}

// Parses "YYYY-MM-DD" at the start of `text`; the error says what is wrong.
Result<Date> ParseDatePrefix(std::string_view text, std::string_view field, const Text& expected) {
  const auto y = ReadDigits(text, 0, 4);
  const auto m = ReadDigits(text, 5, 2);
  const auto d = ReadDigits(text, 8, 2);
  if (!y || !m || !d || text[4] != '-' || text[7] != '-') {
    return Invalid(
        field, "wrong_format",
        Text{Quote(text) + " 格式不对，" + expected.zh, Quote(text) + " is not " + expected.en});
  }
  const Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                  std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.month().ok()) {
    return Invalid(
        field, "out_of_range",
        Text{Quote(text) + " 的月份为 " + std::to_string(*m) + "，月份应在 01 到 12 之间",
             Quote(text) + " has month " + std::to_string(*m) + "; months run from 01 to 12"});
  }
  if (!date.ok()) {
    return Invalid(
        field, "out_of_range",
        Text{Quote(text) + " 的日期为 " + std::to_string(*d) + " 日，该月没有这一天",
             Quote(text) + " has day " + std::to_string(*d) + ", which that month does not have"});
  }
  return date;
}

}  // namespace

std::string FormatTimestamp(Timestamp t, int utc_offset_minutes) {
  const auto local = t + minutes{utc_offset_minutes};
  const auto day = std::chrono::floor<days>(local);
  const Date date{day};
  const std::chrono::hh_mm_ss<seconds> tod{local - day};
  const int abs_offset = std::abs(utc_offset_minutes);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(tod.hours().count()),
                static_cast<int>(tod.minutes().count()), static_cast<int>(tod.seconds().count()),
                utc_offset_minutes < 0 ? '-' : '+', abs_offset / 60, abs_offset % 60);
  return buf;
}

Result<Timestamp> ParseTimestamp(std::string_view text, std::string_view field) {
  const Text expected{"应为带时区的 RFC 3339 时间，如 " + std::string(kTimestampExample) +
                          " 或 2026-11-23T01:05:00Z",
                      "an RFC 3339 timestamp with a zone, such as " +
                          std::string(kTimestampExample) + " or 2026-11-23T01:05:00Z"};
  if (text.size() < 19)
    return Invalid(
        field, "wrong_format",
        Text{Quote(text) + " 格式不对，" + expected.zh, Quote(text) + " is not " + expected.en});
  LZ_ASSIGN_OR_RETURN(const Date date, ParseDatePrefix(text, field, expected));

  const char sep = text[10];
  const auto hh = ReadDigits(text, 11, 2);
  const auto mm = ReadDigits(text, 14, 2);
  const auto ss = ReadDigits(text, 17, 2);
  if ((sep != 'T' && sep != 't' && sep != ' ') || !hh || !mm || !ss || text[13] != ':' ||
      text[16] != ':') {
    return Invalid(
        field, "wrong_format",
        Text{Quote(text) + " 格式不对，" + expected.zh, Quote(text) + " is not " + expected.en});
  }
  // Leap seconds (":60") are not representable in sys_seconds; reject them
  // rather than silently moving the instant.
  if (*hh > 23 || *mm > 59 || *ss > 59) {
    return Invalid(field, "out_of_range",
                   Text{Quote(text) + " 的时刻超出范围，应为 00:00:00 到 23:59:59",
                        Quote(text) + " has a time of day out of range; expected " +
                            "hh:mm:ss from 00:00:00 to 23:59:59"});
  }

  // Fractional seconds are accepted and truncated: instants are kept to the second.
  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const std::size_t digits_begin = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == digits_begin) {
      return Invalid(
          field, "wrong_format",
          Text{Quote(text) + " 的 '.' 后缺少小数位，" + expected.zh,
               Quote(text) + " has a '.' without fractional digits; expected " + expected.en});
    }
  }

  const std::string_view zone = text.substr(pos);
  int offset_minutes = 0;
  if (zone == "Z" || zone == "z") {
    offset_minutes = 0;
  } else {
    const auto oh = ReadDigits(zone, 1, 2);
    const auto om = ReadDigits(zone, 4, 2);
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' || !oh || !om) {
      return Invalid(
          field, "wrong_format",
          Text{Quote(text) + " 缺少有效的时区，末尾应为 'Z' 或 '+hh:mm'、'-hh:mm' 形式的时差，如 " +
                   std::string(kTimestampExample),
               Quote(text) + " has no valid zone; expected 'Z' or an offset " +
                   "'+hh:mm' or '-hh:mm' at the end, as in " + std::string(kTimestampExample)});
    }
    if (*oh > 23 || *om > 59) {
      return Invalid(
          field, "out_of_range",
          Text{Quote(text) + " 的时差超出范围，应为 '+hh:mm'，hh 不超过 23，mm 不超过 59",
               Quote(text) + " has an offset out of range; expected " +
                   "'+hh:mm' with hh up to 23 and mm up to 59"});
    }
    offset_minutes = (zone[0] == '-' ? -1 : 1) * (*oh * 60 + *om);
  }

  const auto local = std::chrono::sys_days{date} + hours{*hh} + minutes{*mm} + seconds{*ss};
  return Timestamp{local - minutes{offset_minutes}};
}

std::string FormatDate(Date d) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

Result<Date> ParseDate(std::string_view text, std::string_view field) {
  const Text expected{"应为 YYYY-MM-DD 格式的日期，如 " + std::string(kDateExample),
                      "a date written YYYY-MM-DD, such as " + std::string(kDateExample)};
  if (text.size() != 10)
    return Invalid(
        field, "wrong_format",
        Text{Quote(text) + " 格式不对，" + expected.zh, Quote(text) + " is not " + expected.en});
  return ParseDatePrefix(text, field, expected);
}

Date LocalDate(Timestamp t, int utc_offset_minutes) {
  return Date{std::chrono::floor<days>(t + minutes{utc_offset_minutes})};
}

Timestamp LocalMidnight(Date d, int utc_offset_minutes) {
  return Timestamp{std::chrono::sys_days{d}} - minutes{utc_offset_minutes};
}

}  // namespace lizheng
