#include "demo_tsv.hpp"

#include "embedded_data.hpp"

namespace lizheng::app::demo {

Error DataError(std::string_view name, int line, const std::string& message) {
  std::string where = "data/demo/" + std::string(name);
  if (line > 0) where += " line " + std::to_string(line);
  return MakeError(ErrorCode::kInternal, "the bundled demo data is broken", "", where + ": " + message);
}

Result<std::vector<TsvRow>> ReadDemoTsv(std::string_view name, std::size_t columns) {
  const auto text = data::EmbeddedFile("demo/" + std::string(name));
  if (!text) return DataError(name, 0, "not bundled");
  std::vector<TsvRow> rows;
  bool header_seen = false;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text->size()) {
    std::size_t end = text->find('\n', pos);
    if (end == std::string_view::npos) end = text->size();
    std::string_view line = text->substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    TsvRow row;
    row.line = line_no;
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      row.fields.emplace_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (row.fields.size() > columns)
      return DataError(name, line_no, "expected " + std::to_string(columns) + " columns");
    row.fields.resize(columns);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace lizheng::app::demo
