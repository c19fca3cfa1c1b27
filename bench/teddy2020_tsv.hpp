// The rows of a teddy2020 data-set file (shared/datasets/teddy2020) for the
// benchmarks: any of messages.tsv, hot.tsv, replies.tsv. Header-only, bench
// use only; the classifier's reader (labelled_messages.hpp) needs labels.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/text/tsv_cells.hpp"

namespace lizheng::bench {

struct TsvRow {
  std::string id;        // 留言编号; may be empty
  std::string title;     // 留言主题
  std::string detail;    // 留言详情
  std::string category;  // 一级标签, when the file has it
  std::string reply;     // 答复意见, when the file has it
};

// Reads `path`; an unreadable file gives no rows.
inline std::vector<TsvRow> ReadTeddy2020(const std::string& path) {
  std::ifstream in(path);
  std::vector<TsvRow> rows;
  std::string line;
  if (!std::getline(in, line)) return rows;
  const std::vector<text::TsvCell> header = text::SplitTsvCells(line);
  auto column = [&](std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i].text == name) return static_cast<int>(i);
    return -1;
  };
  const int id = column("留言编号"), title = column("留言主题"), detail = column("留言详情"),
            category = column("一级标签"), reply = column("答复意见");
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::vector<text::TsvCell> cells = text::SplitTsvCells(line);
    auto cell = [&](int i) {
      return i >= 0 && static_cast<std::size_t>(i) < cells.size() ? text::UnescapeTsvCell(cells[i].text)
                                                                  : std::string();
    };
    rows.push_back(TsvRow{cell(id), cell(title), cell(detail), cell(category), cell(reply)});
  }
  return rows;
}

}  // namespace lizheng::bench
