// The two tables of the data set's hot-issue task, as tab-separated text and
// as Excel workbooks:
//   热点问题表:         热度排名, 问题ID, 热度指数, 时间范围, 地点/人群, 问题描述
//   热点问题留言明细表: 问题ID, 留言编号, 留言用户, 留言主题, 留言时间, 留言详情,
//                       点赞数, 反对数
// 问题ID numbers the listed issues 1..N by rank (the tracker's own issue ids
// are not shown).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/result.hpp"
#include "lizheng/insight/hotspots/hot_messages.hpp"
#include "lizheng/insight/hotspots/hotspot_tracker.hpp"

namespace lizheng::insight::hotspots {

inline constexpr std::string_view kHotIssueTableName = "热点问题表";
inline constexpr std::string_view kHotIssueDetailTableName = "热点问题留言明细表";

struct HotIssueRow {
  std::size_t rank = 0;      // 热度排名, from 1
  std::size_t issue_id = 0;  // 问题ID (= rank)
  double hotness = 0;        // 热度指数
  Timestamp first{}, last{};  // 时间范围
  std::string place_or_people;  // 地点/人群
  std::string description;      // 问题描述
};

struct HotIssueDetailRow {
  std::size_t issue_id = 0;  // 问题ID
  HotMessage message;        // 留言编号 ... 反对数
};

struct HotIssueTables {
  std::vector<HotIssueRow> issues;
  std::vector<HotIssueDetailRow> details;  // by issue, then by time and 留言编号
};

// The tables for `top` (ranked, hottest first) with their members looked up
// in `messages` by 留言编号. A member id missing from `messages` is an error
// (kNotFound naming it): the tracker and the file disagree.
Result<HotIssueTables> BuildHotIssueTables(std::span<const IssueSummary> top,
                                           std::span<const HotMessage> messages);

// "2019/07/21 至 2019/09/25", in the data set's local time.
std::string FormatTimeRange(Timestamp first, Timestamp last);

// The tables as UTF-8 TSV with a header row; cells escaped so that each row
// stays one line (a line break becomes the two characters "\n", a tab a
// space); 热度指数 with two decimals, 留言时间 as YYYY/MM/DD HH:MM:SS.
std::string HotIssueTableTsv(const HotIssueTables& tables);
std::string HotIssueDetailTableTsv(const HotIssueTables& tables);

// Writes each table as a one-sheet workbook (the sheet named as the table;
// 留言时间 a real Excel date). Fails with kUnavailable naming the path when
// the file cannot be written.
Status WriteHotIssueTableXlsx(const HotIssueTables& tables, const std::string& path);
Status WriteHotIssueDetailTableXlsx(const HotIssueTables& tables, const std::string& path);

}  // namespace lizheng::insight::hotspots
