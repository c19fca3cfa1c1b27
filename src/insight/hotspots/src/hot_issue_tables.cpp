#include "lizheng/insight/hotspots/hot_issue_tables.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "lizheng/text/tsv_cells.hpp"

namespace lizheng::insight::hotspots {

namespace {

std::string Hotness(double h) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", h);
  return buf;
}

void AppendRow(std::string& out, std::initializer_list<std::string_view> cells) {
  bool first = true;
  for (const std::string_view c : cells) {
    if (!first) out.push_back('\t');
    out += text::EscapeTsvCell(c);
    first = false;
  }
  out.push_back('\n');
}

}  // namespace

std::string FormatTimeRange(Timestamp first, Timestamp last) {
  return FormatMessageTime(first).substr(0, 10) + " 至 " + FormatMessageTime(last).substr(0, 10);
}

Result<HotIssueTables> BuildHotIssueTables(std::span<const IssueSummary> top,
                                           std::span<const HotMessage> messages) {
  std::unordered_map<std::string_view, const HotMessage*> by_id;
  by_id.reserve(messages.size());
  for (const HotMessage& m : messages) by_id.emplace(m.id, &m);
  HotIssueTables t;
  for (std::size_t i = 0; i < top.size(); ++i) {
    const IssueSummary& s = top[i];
    t.issues.push_back({i + 1, i + 1, s.hotness, s.first, s.last, s.place_or_people,
                        s.description});
    const std::size_t begin = t.details.size();
    for (const std::string& id : s.member_ids) {
      const auto it = by_id.find(id);
      if (it == by_id.end()) {
        return MakeError(ErrorCode::kNotFound,
                         "留言编号 '" + id + "' of a hot issue is not among the messages",
                         "留言编号");
      }
      t.details.push_back({i + 1, *it->second});
    }
    std::sort(t.details.begin() + static_cast<std::ptrdiff_t>(begin), t.details.end(),
              [](const HotIssueDetailRow& a, const HotIssueDetailRow& b) {
                return a.message.time != b.message.time ? a.message.time < b.message.time
                                                        : a.message.id < b.message.id;
              });
  }
  return t;
}

std::string HotIssueTableTsv(const HotIssueTables& tables) {
  std::string out;
  AppendRow(out, {"热度排名", "问题ID", "热度指数", "时间范围", "地点/人群", "问题描述"});
  for (const HotIssueRow& r : tables.issues) {
    AppendRow(out, {std::to_string(r.rank), std::to_string(r.issue_id), Hotness(r.hotness),
                    FormatTimeRange(r.first, r.last), r.place_or_people, r.description});
  }
  return out;
}

std::string HotIssueDetailTableTsv(const HotIssueTables& tables) {
  std::string out;
  AppendRow(out, {"问题ID", "留言编号", "留言用户", "留言主题", "留言时间", "留言详情", "点赞数",
                  "反对数"});
  for (const HotIssueDetailRow& r : tables.details) {
    const HotMessage& m = r.message;
    AppendRow(out, {std::to_string(r.issue_id), m.id, m.user, m.title, FormatMessageTime(m.time),
                    m.details, std::to_string(m.support_votes), std::to_string(m.against_votes)});
  }
  return out;
}

}  // namespace lizheng::insight::hotspots
