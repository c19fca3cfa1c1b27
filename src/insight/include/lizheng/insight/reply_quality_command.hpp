// The `lizheng reply-quality` command line: scores every reply of a data
// file in the replies.tsv layout.
#pragma once

#include <ostream>
#include <span>
#include <string>

namespace lizheng::insight {

// Runs `reply-quality [flags]`; `args` are the words after "reply-quality":
//   --data FILE        messages with replies (replies.tsv layout), required
//   --out FILE         the per-reply TSV to write, required
//   --limit-days N     the reply time limit in calendar days (default 15)
//   --dictionary PATH  jieba dict.txt (default the Debian path)
//   --user-dictionary PATH  repeatable
//   --idf PATH         jieba idf.txt (default the Debian path)
//   --help             the usage text on `out`
// Writes one TSV row per reply (id, overall, verdict, the five scores, the
// problem codes, and each dimension's reasons in Chinese and English) and
// prints a JSON summary to `out`: count, and per dimension and overall the
// mean and a histogram in bins of ten; the verdict and problem counts.
// Errors go to `err`, naming the flag, or the file and line, and the rule.
// Returns 0 on success, 1 on a failure, 2 on a usage error.
int RunReplyQualityCommand(std::span<const std::string> args, std::ostream& out,
                           std::ostream& err);

}  // namespace lizheng::insight
