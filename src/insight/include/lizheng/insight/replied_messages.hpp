// Citizens' messages with the replies they got (留言 + 答复意见), and the
// reader for the data-set layout (shared/datasets/teddy2020/replies.tsv).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/result.hpp"
#include "lizheng/core/time.hpp"

namespace lizheng::insight {

// One message and its reply.
struct RepliedMessage {
  std::string id;      // 留言编号
  std::string title;   // 留言主题; may be empty
  std::string detail;  // 留言详情
  std::string reply;   // 答复意见
  Timestamp asked_at;    // 留言时间, local time read as if it were UTC
  Timestamp replied_at;  // 答复时间, likewise: only differences are meaningful
  std::size_t line = 0;  // 1-based line in the source file

  // Calendar days from the message to the reply (fractional).
  double ElapsedDays() const;
};

// Header names of the columns the reader needs; other columns are ignored.
inline constexpr std::string_view kMessageIdColumn = "留言编号";
inline constexpr std::string_view kAskedAtColumn = "留言时间";
inline constexpr std::string_view kReplyColumn = "答复意见";
inline constexpr std::string_view kRepliedAtColumn = "答复时间";

// A time as the data set writes it: "2019/4/25 9:32:09", "2019/4/25 9:32",
// a date alone ("2018/4/24", midnight) or an Excel day serial number
// ("43563.36", days since 1899-12-30). `field` names it in the error.
Result<Timestamp> ParseDataSetTime(std::string_view text, std::string_view field);

// Parses tab-separated text: UTF-8, one header row naming the columns
// (留言编号, 留言主题, 留言详情, 留言时间, 答复意见, 答复时间), one message
// per line; "\n" inside a cell becomes a line break; blank lines are
// skipped. Errors name "source:line:column" and the rule broken: a missing
// header column, too few cells, an empty id or 答复意见, a message with
// neither 留言主题 nor 留言详情, an unreadable time, a reply time before the
// message time, invalid UTF-8, an empty file.
Result<std::vector<RepliedMessage>> ParseRepliedMessagesTsv(std::string_view content,
                                                             std::string_view source_name);

// Reads and parses a file; a file that cannot be read is kNotFound.
Result<std::vector<RepliedMessage>> ReadRepliedMessagesTsv(const std::string& path);

}  // namespace lizheng::insight
