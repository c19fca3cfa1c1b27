// Private: reading the demo's data files (data/demo/*.tsv, compiled into the
// binary). Lines starting with '#' and blank lines are comments; the first
// other line is the header.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/result.hpp"

namespace lizheng::app::demo {

struct TsvRow {
  int line = 0;                     // 1-based line number in the file
  std::vector<std::string> fields;  // exactly the requested number
};

// The rows of data/demo/<name>, each with `columns` fields (missing trailing
// fields read as empty). kInternal naming the file and line if the file is
// missing or a row has too many fields: the data ships with the binary, so
// either is our bug.
Result<std::vector<TsvRow>> ReadDemoTsv(std::string_view name, std::size_t columns);

// "data/demo/units.tsv line 12: unknown parent 'x'" as a kInternal error.
Error DataError(std::string_view name, int line, const std::string& message);

}  // namespace lizheng::app::demo
