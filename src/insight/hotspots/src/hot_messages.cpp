#include "lizheng/insight/hotspots/hot_messages.hpp"

#include <array>
#include <charconv>
#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_map>

#include "lizheng/text/utf8.hpp"
#include "lizheng/text/tsv_cells.hpp"

namespace lizheng::insight::hotspots {

namespace {

enum Column { kId, kUser, kTitle, kTime, kDetails, kAgainst, kSupport, kColumnCount };

constexpr std::array<std::string_view, kColumnCount> kNames = {
    "留言编号", "留言用户", "留言主题", "留言时间", "留言详情", "反对数", "点赞数"};

Error RowError(std::string_view source, std::size_t line, std::string_view column,
               const std::string& rule) {
  std::string where = std::string(source) + ":" + std::to_string(line) + ": ";
  if (!column.empty()) where += std::string(column) + ": ";
  return MakeError(ErrorCode::kInvalidArgument, where + rule, std::string(column));
}

Result<std::array<std::size_t, kColumnCount>> HeaderColumns(std::string_view header,
                                                            std::string_view source) {
  const std::vector<text::TsvCell> cells = text::SplitTsvCells(header);
  std::array<std::size_t, kColumnCount> index{};
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    std::size_t found = cells.size();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].text == kNames[c]) found = i;
    }
    if (found == cells.size()) {
      std::string expected;
      for (const std::string_view n : kNames) expected += (expected.empty() ? "" : ", ") + std::string(n);
      return RowError(source, 1, kNames[c],
                      "missing from the header row; expected the columns " + expected);
    }
    index[c] = found;
  }
  return index;
}

bool ParseVotes(std::string_view cell, std::uint32_t& out) {
  if (cell.empty()) {
    out = 0;  // an empty count is no votes
    return true;
  }
  const auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), out);
  return ec == std::errc() && ptr == cell.data() + cell.size();
}

// One data row into `m`, or the rule it breaks.
Status ParseRow(std::string_view line, std::size_t line_no, std::string_view source,
                const std::array<std::size_t, kColumnCount>& col, std::size_t needed,
                HotMessage& m) {
  if (!text::IsValidUtf8(line)) return RowError(source, line_no, "", "invalid UTF-8");
  const std::vector<text::TsvCell> cells = text::SplitTsvCells(line);
  if (cells.size() < needed) {
    return RowError(source, line_no, "",
                    "expected at least " + std::to_string(needed) +
                        " tab-separated cells, found " + std::to_string(cells.size()));
  }
  m.line = line_no;
  m.id = std::string(cells[col[kId]].text);
  if (m.id.find_first_not_of(' ') == std::string::npos) {
    return RowError(source, line_no, kNames[kId], "empty; every message needs its number");
  }
  m.user = std::string(cells[col[kUser]].text);
  m.title = text::UnescapeTsvCell(cells[col[kTitle]].text);
  m.details = text::UnescapeTsvCell(cells[col[kDetails]].text);
  if (m.title.find_first_not_of(" \n") == std::string::npos &&
      m.details.find_first_not_of(" \n") == std::string::npos) {
    return RowError(source, line_no, kNames[kDetails],
                    "留言主题 and 留言详情 are both empty; a message needs text");
  }
  Result<Timestamp> t = ParseMessageTime(cells[col[kTime]].text, kNames[kTime]);
  if (!t.ok()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     std::string(source) + ":" + std::to_string(line_no) + ": " +
                         t.error().message,
                     std::string(kNames[kTime]));
  }
  m.time = *t;
  for (const Column c : {kAgainst, kSupport}) {
    std::uint32_t& votes = c == kAgainst ? m.against_votes : m.support_votes;
    if (!ParseVotes(cells[col[c]].text, votes)) {
      return RowError(source, line_no, kNames[c],
                      "'" + std::string(cells[col[c]].text) +
                          "' is not a whole number from 0 to 4294967295");
    }
  }
  return OkStatus();
}

}  // namespace

Result<std::vector<HotMessage>> ParseHotMessagesTsv(std::string_view content,
                                                     std::string_view source) {
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  const std::vector<std::string_view> lines = text::SplitTsvLines(content);
  if (lines.empty() || lines[0].empty()) {
    return RowError(source, 1, "", "empty file; expected a header row naming the columns");
  }
  LZ_ASSIGN_OR_RETURN(const auto col, HeaderColumns(lines[0], source));
  std::size_t needed = 0;
  for (const std::size_t c : col) needed = std::max(needed, c + 1);

  std::vector<HotMessage> rows;
  rows.reserve(lines.size());
  std::unordered_map<std::string, std::size_t> first_line;  // 留言编号 -> line
  for (std::size_t n = 1; n < lines.size(); ++n) {
    if (lines[n].find_first_not_of(" \t") == std::string_view::npos) continue;
    HotMessage m;
    LZ_RETURN_IF_ERROR(ParseRow(lines[n], n + 1, source, col, needed, m));
    const auto [it, inserted] = first_line.emplace(m.id, m.line);
    if (!inserted) {
      return RowError(source, m.line, kNames[kId],
                      "'" + m.id + "' repeats the message on line " + std::to_string(it->second) +
                          "; numbers must be unique");
    }
    rows.push_back(std::move(m));
  }
  return rows;
}

Result<std::vector<HotMessage>> ReadHotMessagesTsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kNotFound, path + ": cannot open the data file", "data");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ParseHotMessagesTsv(ss.view(), path);
}

HotspotRequest ToHotspotRequest(const HotMessage& m) {
  HotspotRequest r;
  r.id = m.id;
  r.citizen = m.user;
  r.time = m.time;
  r.title = m.title;
  r.details = m.details;
  r.support_votes = m.support_votes;
  r.against_votes = m.against_votes;
  return r;
}

}  // namespace lizheng::insight::hotspots
