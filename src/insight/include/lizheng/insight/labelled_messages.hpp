// Labelled citizen messages (留言) for training and evaluating the classifier,
// and the reader for the data-set layout (shared/datasets/teddy2020).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/result.hpp"

namespace lizheng::insight {

// One message with its gold first-level category.
struct LabelledMessage {
  std::string title;   // 留言主题; may be empty
  std::string detail;  // 留言详情
  std::string label;   // 一级标签, e.g. "城乡建设"
  std::size_t line = 0;  // 1-based line in the source file (0 when built in code)
};

// Header names of the columns the reader needs; other columns are ignored.
inline constexpr std::string_view kTitleColumn = "留言主题";
inline constexpr std::string_view kDetailColumn = "留言详情";
inline constexpr std::string_view kLabelColumn = "一级标签";

// Parses tab-separated text: UTF-8, one header row naming the columns, one
// message per line. The two characters '\' 'n' inside a cell become a line
// break; a trailing '\r' is dropped; blank lines are skipped. Errors name
// "source:line:column" (column counted in bytes from 1) and the rule broken:
// a missing header column, a row with too few cells, an empty label, a
// message with neither title nor detail, invalid UTF-8. An empty file is an
// error too.
Result<std::vector<LabelledMessage>> ParseLabelledMessagesTsv(std::string_view content,
                                                               std::string_view source_name);

// Reads and parses a file; a file that cannot be read is kNotFound.
Result<std::vector<LabelledMessage>> ReadLabelledMessagesTsv(const std::string& path);

}  // namespace lizheng::insight
