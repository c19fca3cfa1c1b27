// Tab-separated files in the data set's layout (shared/datasets): splitting
// lines and cells, and the two-character "\n" escape for line breaks inside
// a cell. Shared by every reader and writer of such files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lizheng::text {

// One cell of a line, with where it starts for error messages.
struct TsvCell {
  std::string_view text;
  std::size_t column = 0;  // 1-based byte column where the cell starts
};

// Splits content into lines at '\n', dropping a trailing '\r' of each.
std::vector<std::string_view> SplitTsvLines(std::string_view content);

// Splits a line into its cells at tabs.
std::vector<TsvCell> SplitTsvCells(std::string_view line);

// The two characters '\' 'n' become a line break.
std::string UnescapeTsvCell(std::string_view cell);

// For writing: a line break ("\r\n", "\n" or "\r") becomes the two
// characters '\' 'n' and a tab a space, so that the cell stays on one line
// and in one column. A backslash is kept as it is (the data set has no
// escape for it).
std::string EscapeTsvCell(std::string_view text);

}  // namespace lizheng::text
