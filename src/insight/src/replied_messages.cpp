#include "lizheng/insight/replied_messages.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>

#include "lizheng/insight/labelled_messages.hpp"
#include "lizheng/text/tsv_cells.hpp"
#include "lizheng/text/utf8.hpp"

namespace lizheng::insight {

namespace {

using std::chrono::days;
using std::chrono::seconds;

using text::TsvCell;

Error ParseError(std::string_view source, std::size_t line, std::size_t column,
                 const std::string& what, std::string_view field) {
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string(source) + ":" + std::to_string(line) + ":" +
                       std::to_string(column) + ": " + what,
                   std::string(field));
}

// Reads unsigned whole numbers separated by `sep` from the front of `text`.
template <std::size_t N>
bool ReadNumbers(std::string_view text, char sep, std::array<int, N>& out, std::size_t need) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) {
      if (pos >= text.size() && i >= need) return true;
      if (pos >= text.size() || text[pos] != sep) return false;
      ++pos;
    }
    const auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + text.size(), out[i]);
    if (ec != std::errc() || out[i] < 0) return false;
    pos = static_cast<std::size_t>(ptr - text.data());
  }
  return pos == text.size();
}

std::optional<Timestamp> ParseSlashTime(std::string_view text) {
  const std::size_t space = text.find(' ');
  std::array<int, 3> ymd{};
  if (!ReadNumbers(text.substr(0, space), '/', ymd, 3)) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(ymd[0]),
                                         std::chrono::month(static_cast<unsigned>(ymd[1])),
                                         std::chrono::day(static_cast<unsigned>(ymd[2]))};
  if (!date.ok() || ymd[0] < 1900) return std::nullopt;
  std::array<int, 3> hms{};
  if (space != std::string_view::npos &&
      (!ReadNumbers(text.substr(space + 1), ':', hms, 2) || hms[0] > 23 || hms[1] > 59 ||
       hms[2] > 59)) {
    return std::nullopt;
  }
  return Timestamp(std::chrono::sys_days(date)) + seconds(hms[0] * 3600 + hms[1] * 60 + hms[2]);
}

}  // namespace

double RepliedMessage::ElapsedDays() const {
  return static_cast<double>((replied_at - asked_at).count()) / 86400.0;
}

Result<Timestamp> ParseDataSetTime(std::string_view text, std::string_view field) {
  if (std::optional<Timestamp> t = ParseSlashTime(text)) return *t;
  double serial = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), serial);
  // Excel serials from 1 (1900-01-01) to 2958465 (9999-12-31).
  if (ec == std::errc() && ptr == text.data() + text.size() && serial >= 1 && serial < 2958466) {
    const std::chrono::sys_days epoch = std::chrono::sys_days(std::chrono::year(1899) /
                                                              std::chrono::December / 30);
    return Timestamp(epoch) + seconds(std::llround(serial * 86400.0));
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string(field) + ": unreadable time '" + std::string(text) +
                       "'; expected YYYY/M/D H:MM:SS, YYYY/M/D or an Excel day number",
                   std::string(field));
}

namespace {

enum Column { kId, kTitle, kDetail, kAskedAt, kReply, kRepliedAt, kColumnCount };

constexpr std::string_view kColumnNames[kColumnCount] = {
    kMessageIdColumn, kTitleColumn, kDetailColumn, kAskedAtColumn, kReplyColumn, kRepliedAtColumn};

Result<std::array<std::size_t, kColumnCount>> FindColumns(std::string_view header_line,
                                                          std::string_view source) {
  const std::vector<TsvCell> header = text::SplitTsvCells(header_line);
  std::array<std::size_t, kColumnCount> index{};
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    std::size_t i = 0;
    while (i < header.size() && header[i].text != kColumnNames[c]) ++i;
    if (i == header.size()) {
      std::string seen;
      for (const TsvCell& h : header) seen += (seen.empty() ? "" : ", ") + std::string(h.text);
      return ParseError(source, 1, 1,
                        "missing column " + std::string(kColumnNames[c]) +
                            " in the header; found: " + seen,
                        kColumnNames[c]);
    }
    index[c] = i;
  }
  return index;
}

Result<RepliedMessage> ParseRow(std::string_view line, std::size_t line_no,
                                const std::array<std::size_t, kColumnCount>& index,
                                std::string_view source) {
  if (!text::IsValidUtf8(line)) {
    std::size_t pos = 0;
    while (text::DecodeOne(line, pos).valid) pos += text::DecodeOne(line, pos).length;
    return ParseError(source, line_no, pos + 1, "invalid UTF-8", "");
  }
  const std::vector<TsvCell> cells = text::SplitTsvCells(line);
  const std::size_t needed = *std::max_element(index.begin(), index.end()) + 1;
  if (cells.size() < needed) {
    return ParseError(source, line_no, line.size() + 1,
                      "expected at least " + std::to_string(needed) +
                          " tab-separated cells, found " + std::to_string(cells.size()),
                      "");
  }
  const auto cell = [&](Column c) { return cells[index[c]]; };
  for (const Column c : {kId, kReply}) {
    if (cell(c).text.find_first_not_of(' ') == std::string_view::npos) {
      return ParseError(source, line_no, cell(c).column,
                        "empty " + std::string(kColumnNames[c]), kColumnNames[c]);
    }
  }
  if (cell(kTitle).text.empty() && cell(kDetail).text.empty()) {
    return ParseError(source, line_no, cell(kDetail).column,
                      "empty " + std::string(kTitleColumn) + " and " + std::string(kDetailColumn),
                      kDetailColumn);
  }
  RepliedMessage m;
  for (const Column c : {kAskedAt, kRepliedAt}) {
    Result<Timestamp> t = ParseDataSetTime(cell(c).text, kColumnNames[c]);
    if (!t.ok()) return ParseError(source, line_no, cell(c).column, t.error().message, kColumnNames[c]);
    (c == kAskedAt ? m.asked_at : m.replied_at) = *t;
  }
  if (m.replied_at < m.asked_at) {
    return ParseError(source, line_no, cell(kRepliedAt).column,
                      std::string(kRepliedAtColumn) + " '" + std::string(cell(kRepliedAt).text) +
                          "' is before " + std::string(kAskedAtColumn) + " '" +
                          std::string(cell(kAskedAt).text) + "'",
                      kRepliedAtColumn);
  }
  m.id = std::string(cell(kId).text);
  m.title = text::UnescapeTsvCell(cell(kTitle).text);
  m.detail = text::UnescapeTsvCell(cell(kDetail).text);
  m.reply = text::UnescapeTsvCell(cell(kReply).text);
  m.line = line_no;
  return m;
}

}  // namespace

Result<std::vector<RepliedMessage>> ParseRepliedMessagesTsv(std::string_view content,
                                                             std::string_view source_name) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);  // BOM
  std::vector<RepliedMessage> rows;
  std::array<std::size_t, kColumnCount> index{};
  const std::vector<std::string_view> lines = text::SplitTsvLines(content);
  if (lines.empty()) return ParseError(source_name, 1, 1, "empty file; expected a header row", "header");
  for (std::size_t line_no = 1; line_no <= lines.size(); ++line_no) {
    const std::string_view line = lines[line_no - 1];
    if (line_no == 1) {
      if (line.empty()) return ParseError(source_name, 1, 1, "empty file; expected a header row", "header");
      LZ_ASSIGN_OR_RETURN(index, FindColumns(line, source_name));
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    LZ_ASSIGN_OR_RETURN(RepliedMessage m, ParseRow(line, line_no, index, source_name));
    rows.push_back(std::move(m));
  }
  return rows;
}

Result<std::vector<RepliedMessage>> ReadRepliedMessagesTsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kNotFound, path + ": cannot open the data file", "data");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ParseRepliedMessagesTsv(ss.view(), path);
}

}  // namespace lizheng::insight
