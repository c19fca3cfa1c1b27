// The `lizheng hotspots` command line: hot issues of a data file in the
// hot-issue layout (hot_messages.hpp), as the two tables in TSV and Excel.
#pragma once

#include <ostream>
#include <span>
#include <string>

namespace lizheng::insight::hotspots {

// Runs `hotspots [flags]`; `args` are the words after "hotspots":
//   --data FILE         messages in the hot.tsv layout (required)
//   --out DIR           where the tables go (required; created if missing)
//   --top N             how many issues to list (default 5, 1 to 1000)
//   --format F          tsv, xlsx or both (default both)
//   --idle-days N       an issue closes after N quiet days (default 30)
//   --dictionary PATH   jieba dict.txt (default the Debian path)
//   --user-dictionary PATH   extra words, repeatable
//   --help
// The messages are fed to a HotspotTracker in order of time. On success it
// writes 热点问题表.tsv/.xlsx and 热点问题留言明细表.tsv/.xlsx into DIR and
// prints one JSON object (messages, issues, alerts with their kind, time
// and description, files, seconds) to `out`. Nothing is written unless
// every row of the file is valid: the error names the file, line, column
// and rule. Returns 0 on success, 1 on a failure, 2 on a usage error.
int RunHotspotsCommand(std::span<const std::string> args, std::ostream& out, std::ostream& err);

}  // namespace lizheng::insight::hotspots
