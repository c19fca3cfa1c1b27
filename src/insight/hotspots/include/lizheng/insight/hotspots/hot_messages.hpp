// The hot-issue layout of the public data set (shared/datasets/teddy2020/
// hot.tsv): 留言编号, 留言用户, 留言主题, 留言时间, 留言详情, 反对数, 点赞数
// (note: 反对数 before 点赞数), and its times.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/result.hpp"
#include "lizheng/core/time.hpp"
#include "lizheng/insight/hotspots/hotspot_request.hpp"

namespace lizheng::insight::hotspots {

// One message (留言) of the file.
struct HotMessage {
  std::string id;       // 留言编号
  std::string user;     // 留言用户
  std::string title;    // 留言主题 (a cell's "\n" escape is a real line break here)
  Timestamp time{};     // 留言时间
  std::string details;  // 留言详情
  std::uint32_t against_votes = 0;  // 反对数
  std::uint32_t support_votes = 0;  // 点赞数
  std::size_t line = 0;  // 1-based line in the file
};

// The local time zone of the data set's times (China, UTC+8).
inline constexpr int kHotMessagesUtcOffsetMinutes = 480;

// Parses 留言时间 in local time `utc_offset_minutes` east of UTC: text
// "YYYY/M/D H:MM[:SS]" (also with '-' between the date's parts), or an Excel
// day serial ("42894.73": days since 1899-12-30, the fraction the time of
// day, rounded to the second). Errors name `field` and the accepted forms.
Result<Timestamp> ParseMessageTime(std::string_view text, std::string_view field,
                                   int utc_offset_minutes = kHotMessagesUtcOffsetMinutes);

// "2019/02/28 11:25:05" (the inverse of ParseMessageTime's text form).
std::string FormatMessageTime(Timestamp t,
                              int utc_offset_minutes = kHotMessagesUtcOffsetMinutes);

// The Excel day serial of an instant, in the given local time.
double ExcelSerial(Timestamp t, int utc_offset_minutes = kHotMessagesUtcOffsetMinutes);

// Parses the file's content: UTF-8 (a BOM is skipped), one header row naming
// the seven columns in any order (others are ignored), one message per line;
// a trailing '\r' is dropped, blank lines skipped, the two characters '\' 'n'
// in a cell become a line break. Every row is checked before any is
// returned; the first failure is an error "source:line: column: rule" with
// the column's name as the field: a missing header column, too few cells,
// invalid UTF-8, an empty or repeated 留言编号, an unreadable 留言时间, a
// vote count that is not a whole number from 0 to 4294967295, a message
// whose 留言主题 and 留言详情 are both empty. An empty file is an error.
Result<std::vector<HotMessage>> ParseHotMessagesTsv(std::string_view content,
                                                     std::string_view source_name);

// Reads and parses a file; one that cannot be read is kNotFound.
Result<std::vector<HotMessage>> ReadHotMessagesTsv(const std::string& path);

// The message as a request for the tracker (no area, category or urgency).
HotspotRequest ToHotspotRequest(const HotMessage& m);

}  // namespace lizheng::insight::hotspots
