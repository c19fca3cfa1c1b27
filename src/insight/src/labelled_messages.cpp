#include "lizheng/insight/labelled_messages.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "lizheng/text/tsv_cells.hpp"
#include "lizheng/text/utf8.hpp"

namespace lizheng::insight {

namespace {

using text::TsvCell;

Error ParseError(std::string_view source, std::size_t line, std::size_t column,
                 const std::string& what, std::string_view field) {
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string(source) + ":" + std::to_string(line) + ":" +
                       std::to_string(column) + ": " + what,
                   std::string(field));
}

std::optional<std::size_t> FindColumn(const std::vector<TsvCell>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i].text == name) return i;
  }
  return std::nullopt;
}

}  // namespace

Result<std::vector<LabelledMessage>> ParseLabelledMessagesTsv(std::string_view content,
                                                               std::string_view source_name) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);  // BOM
  const std::vector<std::string_view> lines = text::SplitTsvLines(content);
  if (lines.empty() || lines[0].empty()) {
    return ParseError(source_name, 1, 1, "empty file; expected a header row", "header");
  }
  const std::vector<TsvCell> header = text::SplitTsvCells(lines[0]);
  std::size_t index[3] = {0, 0, 0};
  const std::string_view names[3] = {kTitleColumn, kDetailColumn, kLabelColumn};
  for (int i = 0; i < 3; ++i) {
    const std::optional<std::size_t> found = FindColumn(header, names[i]);
    if (!found) {
      std::string seen;
      for (const TsvCell& c : header) seen += (seen.empty() ? "" : ", ") + std::string(c.text);
      return ParseError(source_name, 1, 1,
                        "missing column " + std::string(names[i]) + " in the header; found: " +
                            seen,
                        names[i]);
    }
    index[i] = *found;
  }
  const std::size_t needed = std::max({index[0], index[1], index[2]}) + 1;

  std::vector<LabelledMessage> rows;
  rows.reserve(lines.size());
  for (std::size_t n = 1; n < lines.size(); ++n) {
    const std::size_t line_no = n + 1;
    const std::string_view line = lines[n];
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (!text::IsValidUtf8(line)) {
      std::size_t pos = 0;
      for (;;) {
        const text::DecodedCodePoint d = text::DecodeOne(line, pos);
        if (!d.valid) break;
        pos += d.length;
      }
      return ParseError(source_name, line_no, pos + 1, "invalid UTF-8", "");
    }
    const std::vector<TsvCell> cells = text::SplitTsvCells(line);
    if (cells.size() < needed) {
      return ParseError(source_name, line_no, line.size() + 1,
                        "expected at least " + std::to_string(needed) + " tab-separated cells, found " +
                            std::to_string(cells.size()),
                        "");
    }
    const TsvCell& detail = cells[index[1]];
    const TsvCell& label = cells[index[2]];
    if (label.text.find_first_not_of(' ') == std::string_view::npos) {
      return ParseError(source_name, line_no, label.column,
                        "empty " + std::string(kLabelColumn) + "; every message needs its category",
                        kLabelColumn);
    }
    if (detail.text.empty() && cells[index[0]].text.empty()) {
      return ParseError(source_name, line_no, detail.column,
                        "empty " + std::string(kTitleColumn) + " and " + std::string(kDetailColumn),
                        kDetailColumn);
    }
    rows.push_back({text::UnescapeTsvCell(cells[index[0]].text), text::UnescapeTsvCell(detail.text), std::string(label.text),
                    line_no});
  }
  return rows;
}

Result<std::vector<LabelledMessage>> ReadLabelledMessagesTsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return MakeError(ErrorCode::kNotFound, path + ": cannot open the data file", "data");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ParseLabelledMessagesTsv(ss.view(), path);
}

}  // namespace lizheng::insight
