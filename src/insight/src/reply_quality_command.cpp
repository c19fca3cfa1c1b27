#include "lizheng/insight/reply_quality_command.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "lizheng/insight/replied_messages.hpp"
#include "lizheng/insight/reply_quality.hpp"

namespace lizheng::insight {

namespace {

constexpr int kOk = 0;
constexpr int kFailure = 1;
constexpr int kUsage = 2;

constexpr std::string_view kUsageText =
    "usage: reply-quality --data FILE --out FILE [--limit-days 15] [--dictionary PATH]\n"
    "                     [--user-dictionary PATH]... [--idf PATH]\n"
    "  scores every reply of FILE (columns 留言编号, 留言主题, 留言时间, 留言详情, 答复意见,\n"
    "  答复时间) for relevance, completeness, interpretability, timeliness and tone;\n"
    "  writes one TSV row per reply to --out and prints a JSON summary.\n"
    "  --limit-days N  the reply limit in calendar days, 1-365 (default 15)\n";

struct Flags {
  std::string data;
  std::string out;
  int limit_days = 15;
  bool help = false;
  ReplyScorerOptions scorer;
};

// Parses the flags; returns the problem or "".
std::string ParseFlags(std::span<const std::string> args, Flags& f) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& name = args[i];
    if (name == "--help" || name == "-h") {
      f.help = true;
      continue;
    }
    std::string* target = name == "--data"              ? &f.data
                          : name == "--out"             ? &f.out
                          : name == "--dictionary"      ? &f.scorer.segmenter.dictionary_path
                          : name == "--idf"             ? &f.scorer.idf_path
                                                        : nullptr;
    const bool known = target != nullptr || name == "--limit-days" || name == "--user-dictionary";
    if (!known) return "unknown flag '" + name + "'";
    // A flag where the value should be means the value was left out.
    if (i + 1 >= args.size() || args[i + 1].empty() || args[i + 1].rfind("--", 0) == 0) {
      return name + ": missing value";
    }
    const std::string& v = args[++i];
    if (target != nullptr) {
      *target = v;
    } else if (name == "--user-dictionary") {
      f.scorer.segmenter.user_dictionary_paths.push_back(v);
    } else {
      const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), f.limit_days);
      if (ec != std::errc() || ptr != v.data() + v.size() || f.limit_days < 1 ||
          f.limit_days > 365) {
        return name + ": expected a whole number of days from 1 to 365, got '" + v + "'";
      }
    }
  }
  if (!f.help && (f.data.empty() || f.out.empty())) return "--data and --out are required";
  return "";
}

// A cell for the output TSV: tabs and line breaks would break the layout.
std::string Cell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == '\t' || c == '\r') {
      out.push_back(' ');
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void WriteHeader(std::ostream& tsv) {
  tsv << kMessageIdColumn << "\toverall\tverdict";
  for (std::size_t i = 0; i < kReplyDimensionCount; ++i) {
    tsv << "\t" << DimensionName(static_cast<ReplyDimension>(i));
  }
  tsv << "\tproblems";
  for (std::size_t i = 0; i < kReplyDimensionCount; ++i) {
    const std::string_view name = DimensionName(static_cast<ReplyDimension>(i));
    tsv << "\t" << name << "_zh\t" << name << "_en";
  }
  tsv << "\n";
}

void WriteRow(std::ostream& tsv, const RepliedMessage& m, const ReplyAssessment& a) {
  tsv << Cell(m.id) << "\t" << a.overall << "\t" << VerdictName(a.verdict);
  std::string problems;
  for (const DimensionScore& d : a.dimensions) {
    tsv << "\t" << (d.assessed ? std::to_string(d.score) : "");
    for (const ReplyReason& r : d.reasons) {
      if (r.problem) problems += (problems.empty() ? "" : ",") + std::string(ReasonCodeName(r.code));
    }
  }
  tsv << "\t" << problems;
  for (const DimensionScore& d : a.dimensions) {
    tsv << "\t" << Cell(JoinReasonsZh(d)) << "\t" << Cell(JoinReasonsEn(d));
  }
  tsv << "\n";
}

// Mean and a histogram in bins of ten (0-9 ... 90-100) of one score.
struct Tally {
  std::size_t count = 0;
  double sum = 0;
  std::array<std::size_t, 10> bins{};

  void Add(int score) {
    ++count;
    sum += score;
    ++bins[static_cast<std::size_t>(std::min(score, 99) / 10)];
  }
  nlohmann::json Json() const {
    nlohmann::json histogram = nlohmann::json::object();
    for (std::size_t b = 0; b < bins.size(); ++b) {
      const std::string label =
          std::to_string(b * 10) + "-" + std::to_string(b == 9 ? 100 : b * 10 + 9);
      histogram[label] = bins[b];
    }
    const double mean = count > 0 ? sum / static_cast<double>(count) : 0.0;
    return {{"assessed", count},
            {"mean", std::round(mean * 10) / 10},
            {"histogram", histogram}};
  }
};

struct Summary {
  std::array<Tally, kReplyDimensionCount> dimensions;
  Tally overall;
  std::map<std::string, std::size_t> verdicts{{"good", 0}, {"needs_attention", 0}, {"poor", 0}};
  std::map<std::string, std::size_t> problems;

  void Add(const ReplyAssessment& a) {
    for (std::size_t i = 0; i < kReplyDimensionCount; ++i) {
      if (a.dimensions[i].assessed) dimensions[i].Add(a.dimensions[i].score);
      for (const ReplyReason& r : a.dimensions[i].reasons) {
        if (r.problem) ++problems[std::string(ReasonCodeName(r.code))];
      }
    }
    overall.Add(a.overall);
    ++verdicts[std::string(VerdictName(a.verdict))];
  }
};

nlohmann::json SummaryJson(const Flags& f, const Summary& s, const ReplyScorer& scorer) {
  nlohmann::json dims = nlohmann::json::object();
  for (std::size_t i = 0; i < kReplyDimensionCount; ++i) {
    dims[std::string(DimensionName(static_cast<ReplyDimension>(i)))] = s.dimensions[i].Json();
  }
  return {{"command", "reply-quality"}, {"data", f.data},
          {"out", f.out},               {"count", s.overall.count},
          {"limit_days", f.limit_days}, {"overall", s.overall.Json()},
          {"verdicts", s.verdicts},     {"dimensions", dims},
          {"problems", s.problems},     {"scorer", scorer.status()}};
}

int Fail(std::ostream& err, const std::string& message) {
  err << "reply-quality: " << message << "\n";
  return kFailure;
}

}  // namespace

int RunReplyQualityCommand(std::span<const std::string> args, std::ostream& out,
                           std::ostream& err) {
  Flags f;
  if (const std::string problem = ParseFlags(args, f); !problem.empty()) {
    err << "reply-quality: " << problem << "\n" << kUsageText;
    return kUsage;
  }
  if (f.help) {
    out << kUsageText;
    return kOk;
  }
  Result<ReplyScorer> scorer = ReplyScorer::Load(f.scorer);
  if (!scorer.ok()) return Fail(err, scorer.error().message);
  Result<std::vector<RepliedMessage>> rows = ReadRepliedMessagesTsv(f.data);
  if (!rows.ok()) return Fail(err, rows.error().message);
  std::ofstream tsv(f.out, std::ios::binary | std::ios::trunc);
  if (!tsv) return Fail(err, "--out: cannot write '" + f.out + "'");
  WriteHeader(tsv);
  Summary summary;
  for (const RepliedMessage& m : *rows) {
    const ReplyToScore input{m.title, m.detail, m.reply,
                             ReplyTiming{m.ElapsedDays(), LimitSpan{f.limit_days, LimitUnit::kDays}}};
    Result<ReplyAssessment> a = scorer->Score(input);
    if (!a.ok()) {
      return Fail(err, f.data + ":" + std::to_string(m.line) + ": " + std::string(kMessageIdColumn) +
                           " " + m.id + ": " + a.error().message);
    }
    WriteRow(tsv, m, *a);
    summary.Add(*a);
  }
  tsv.flush();
  if (!tsv) return Fail(err, "--out: writing '" + f.out + "' failed");
  out << SummaryJson(f, summary, *scorer).dump(2) << "\n";
  return kOk;
}

}  // namespace lizheng::insight
