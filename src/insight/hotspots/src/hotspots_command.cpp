#include "lizheng/insight/hotspots/hotspots_command.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

#include "lizheng/insight/hotspots/hot_issue_tables.hpp"

namespace lizheng::insight::hotspots {

namespace {

constexpr int kOk = 0;
constexpr int kFailure = 1;
constexpr int kUsage = 2;

constexpr std::string_view kUsageText =
    "usage: lizheng hotspots --data FILE --out DIR [--top N] [--format tsv|xlsx|both]\n"
    "                        [--idle-days N] [--dictionary PATH] [--user-dictionary PATH]\n"
    "  --data FILE     messages in the hot.tsv layout: 留言编号, 留言用户, 留言主题, 留言时间,\n"
    "                  留言详情, 反对数, 点赞数\n"
    "  --out DIR       where 热点问题表 and 热点问题留言明细表 (.tsv, .xlsx) are written\n"
    "  --top N         issues to list, 1 to 1000 (default 5)\n"
    "  --format F      tsv, xlsx or both (default both)\n"
    "  --idle-days N   an issue closes after N days without messages (default 30)\n";

struct Flags {
  std::string data;
  std::string out;
  std::size_t top = 5;
  bool tsv = true;
  bool xlsx = true;
  bool help = false;
  text::SegmenterOptions segmenter;
  HotspotOptions tracker;
};

// "" when `v` is a whole number in [low, high] (stored in `target`).
template <class T>
std::string WholeNumber(const std::string& name, const std::string& v, T low, T high,
                        T& target) {
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), target);
  if (ec == std::errc() && ptr == v.data() + v.size() && target >= low && target <= high) {
    return "";
  }
  return name + ": expected a whole number from " + std::to_string(low) + " to " +
         std::to_string(high) + ", got '" + v + "'";
}

std::string ParseFlags(std::span<const std::string> args, Flags& f) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& name = args[i];
    if (name == "--help" || name == "-h") {
      f.help = true;
      continue;
    }
    const bool takes_value = name == "--data" || name == "--out" || name == "--top" ||
                             name == "--format" || name == "--idle-days" ||
                             name == "--dictionary" || name == "--user-dictionary";
    if (!takes_value) return "unknown flag '" + name + "'";
    if (i + 1 >= args.size()) return name + ": missing value";
    const std::string& v = args[++i];
    std::string problem;
    if (name == "--data") {
      f.data = v;
    } else if (name == "--out") {
      f.out = v;
    } else if (name == "--top") {
      problem = WholeNumber<std::size_t>(name, v, 1, 1000, f.top);
    } else if (name == "--idle-days") {
      problem = WholeNumber(name, v, 1, 3650, f.tracker.idle_days);
    } else if (name == "--format") {
      f.tsv = v == "tsv" || v == "both";
      f.xlsx = v == "xlsx" || v == "both";
      if (!f.tsv && !f.xlsx) problem = name + ": expected tsv, xlsx or both, got '" + v + "'";
    } else if (name == "--dictionary") {
      f.segmenter.dictionary_path = v;
    } else {
      f.segmenter.user_dictionary_paths.push_back(v);
    }
    if (!problem.empty()) return problem;
  }
  if (f.help) return "";
  if (f.data.empty()) return "--data: required (the messages file)";
  if (f.out.empty()) return "--out: required (the folder for the tables)";
  return "";
}

int Fail(std::ostream& err, const Error& e) {
  err << "hotspots: " << e.message << "\n";
  return kFailure;
}

nlohmann::json AlertsJson(const std::deque<HotspotAlert>& alerts) {
  nlohmann::json out = nlohmann::json::array();
  for (const HotspotAlert& a : alerts) {
    out.push_back({{"kind", AlertKindName(a.kind)},
                   {"at", FormatMessageTime(a.at)},
                   {"recent_messages", a.recent_messages},
                   {"growth", a.growth},
                   {"place", a.place},
                   {"description", a.description}});
  }
  return out;
}

// Writes every file under a temporary name first and renames them only when
// all were written, so a failure leaves no partial tables behind.
Status WriteTables(const Flags& f, const HotIssueTables& tables, std::vector<std::string>& files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(f.out, ec);
  if (ec) {
    return MakeError(ErrorCode::kUnavailable, "--out: cannot create '" + f.out + "': " +
                     ec.message(), "out");
  }
  std::vector<std::pair<std::string, std::string>> written;  // temporary, final
  const auto target = [&](std::string_view name, std::string_view ext) {
    const std::string final_path = (fs::path(f.out) / (std::string(name) + std::string(ext))).string();
    written.emplace_back(final_path + ".tmp", final_path);
    return written.back().first;
  };
  Status status;
  if (f.tsv) {
    for (const auto& [name, body] :
         {std::pair{kHotIssueTableName, HotIssueTableTsv(tables)},
          std::pair{kHotIssueDetailTableName, HotIssueDetailTableTsv(tables)}}) {
      const std::string path = target(name, ".tsv");
      std::ofstream file(path, std::ios::binary);
      file << body;
      if (!file.flush()) {
        status = MakeError(ErrorCode::kUnavailable, path + ": cannot write", "out");
        break;
      }
    }
  }
  if (status.ok() && f.xlsx) {
    status = WriteHotIssueTableXlsx(tables, target(kHotIssueTableName, ".xlsx"));
    if (status.ok()) {
      status = WriteHotIssueDetailTableXlsx(tables, target(kHotIssueDetailTableName, ".xlsx"));
    }
  }
  for (const auto& [temporary, final_path] : written) {
    if (status.ok()) {
      fs::rename(temporary, final_path, ec);
      if (ec) status = MakeError(ErrorCode::kUnavailable, final_path + ": " + ec.message(), "out");
      files.push_back(final_path);
    } else {
      fs::remove(temporary, ec);
    }
  }
  return status;
}

}  // namespace

int RunHotspotsCommand(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
  Flags f;
  if (const std::string problem = ParseFlags(args, f); !problem.empty()) {
    err << "hotspots: " << problem << "\n" << kUsageText;
    return kUsage;
  }
  if (f.help) {
    out << kUsageText;
    return kOk;
  }
  const auto start = std::chrono::steady_clock::now();
  Result<std::vector<HotMessage>> messages = ReadHotMessagesTsv(f.data);
  if (!messages.ok()) return Fail(err, messages.error());
  Result<text::Segmenter> segmenter = text::Segmenter::Load(f.segmenter);
  if (!segmenter.ok()) return Fail(err, segmenter.error());

  // The file is not in order of time; a stream would be.
  std::vector<const HotMessage*> order;
  for (const HotMessage& m : *messages) order.push_back(&m);
  std::stable_sort(order.begin(), order.end(),
                   [](const HotMessage* a, const HotMessage* b) { return a->time < b->time; });
  HotspotTracker tracker(*segmenter, f.tracker);
  for (const HotMessage* m : order) {
    Result<AddOutcome> added = tracker.Add(ToHotspotRequest(*m));
    if (!added.ok()) return Fail(err, added.error());  // the reader already checked every rule
  }
  const std::vector<IssueSummary> top = tracker.TopIssues(f.top);
  Result<HotIssueTables> tables = BuildHotIssueTables(top, *messages);
  if (!tables.ok()) return Fail(err, tables.error());
  std::vector<std::string> files;
  if (Status s = WriteTables(f, *tables, files); !s.ok()) return Fail(err, s.error());

  const TrackerStats stats = tracker.stats();
  out << nlohmann::json{{"messages", messages->size()},
                        {"issues_opened", stats.issues_opened},
                        {"listed", top.size()},
                        {"alerts", AlertsJson(tracker.RecentAlerts())},
                        {"files", files},
                        {"segmenter", segmenter->status()},
                        {"seconds", std::chrono::duration<double>(
                                        std::chrono::steady_clock::now() - start)
                                        .count()}}
             .dump()
      << "\n";
  return kOk;
}

}  // namespace lizheng::insight::hotspots
