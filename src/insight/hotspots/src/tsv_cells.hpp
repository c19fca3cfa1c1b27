// The data set's tab-separated cells: splitting lines and cells, and the
// two-character "\n" escape for line breaks inside a cell.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lizheng::insight::hotspots::detail {

// Splits content into lines at '\n', dropping a trailing '\r' of each.
std::vector<std::string_view> SplitLines(std::string_view content);

// Splits a line into its cells at tabs.
std::vector<std::string_view> SplitCells(std::string_view line);

// The two characters '\' 'n' become a line break.
std::string UnescapeCell(std::string_view cell);

// For writing: a line break ("\r\n", "\n" or "\r") becomes the two
// characters '\' 'n' and a tab a space, so that the cell stays on one line
// and in one column. A backslash is kept as it is (the data set has no
// escape for it).
std::string EscapeCell(std::string_view text);

}  // namespace lizheng::insight::hotspots::detail
