#include "lizheng/insight/hotspots/hotspot_tracker.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "test_support.hpp"

namespace lizheng::insight::hotspots {
namespace {

using namespace std::chrono_literals;
using testing_support::SmallSegmenter;

// 2020-01-06 09:00 in China.
const Timestamp kMonday = std::chrono::sys_days(std::chrono::year(2020) / 1 / 6) + 1h;

HotspotRequest Request(std::string id, std::string citizen, Timestamp time, std::string title,
                       std::string details = "") {
  HotspotRequest r;
  r.id = std::move(id);
  r.citizen = std::move(citizen);
  r.time = time;
  r.title = std::move(title);
  r.details = std::move(details);
  return r;
}

IssueId AddOk(HotspotTracker& t, const HotspotRequest& r) {
  Result<AddOutcome> out = t.Add(r);
  EXPECT_TRUE(out.ok()) << out.error().message;
  return out.ok() ? out->issue : 0;
}

TEST(HotspotTrackerTest, SamePlaceAndProblemGroupOthersDoNot) {
  HotspotTracker t(SmallSegmenter());
  const IssueId a = AddOk(t, Request("1", "u1", kMonday, "丽发新城小区搅拌站噪音扰民"));
  const IssueId b = AddOk(t, Request("2", "u2", kMonday + 1h, "A2区丽发新城搅拌站噪音严重"));
  const IssueId c = AddOk(t, Request("3", "u3", kMonday + 2h, "丽发新城小区旁搅拌站灰尘噪音"));
  const IssueId d = AddOk(t, Request("4", "u4", kMonday + 3h, "金桥花园物业乱收停车费"));
  const IssueId e = AddOk(t, Request("5", "u5", kMonday + 4h, "银湖小区搅拌站噪音扰民"));
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, c);
  EXPECT_NE(a, d);
  EXPECT_NE(a, e);  // the same problem at another estate is another issue
  const std::optional<IssueSummary> s = t.Issue(a);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->member_ids, (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(s->district, "A2区");
  EXPECT_EQ(s->place, "丽发新城小区");
  EXPECT_EQ(s->inputs.citizens, 3u);
  EXPECT_NE(s->description.find("搅拌站"), std::string::npos) << s->description;
}

TEST(HotspotTrackerTest, CategoriesAndDistrictsKeepIssuesApart) {
  HotspotTracker t(SmallSegmenter());
  HotspotRequest a = Request("1", "u1", kMonday, "搅拌站噪音扰民");
  a.area_code = "430104001";
  a.category = "城乡建设";
  HotspotRequest same = a;
  same.id = "2";
  HotspotRequest other_area = a;
  other_area.id = "3";
  other_area.area_code = "430105002";
  HotspotRequest other_category = a;
  other_category.id = "4";
  other_category.category = "环境保护";
  const IssueId first = AddOk(t, a);
  EXPECT_EQ(AddOk(t, same), first);
  EXPECT_NE(AddOk(t, other_area), first);
  EXPECT_NE(AddOk(t, other_category), first);
  EXPECT_EQ(t.stats().issues_opened, 3u);
  EXPECT_EQ(t.Issue(first)->district, "430104001");  // no area name: the code
}

TEST(HotspotTrackerTest, AnIssueClosesAfterIdleDays) {
  HotspotOptions options;
  options.idle_days = 10;
  HotspotTracker t(SmallSegmenter(), options);
  const IssueId first = AddOk(t, Request("1", "u1", kMonday, "丽发新城小区搅拌站噪音"));
  AddOk(t, Request("2", "u2", kMonday + 24h, "丽发新城小区搅拌站噪音"));
  // Within the window the issue takes more; after ten quiet days it is closed.
  EXPECT_EQ(AddOk(t, Request("3", "u3", kMonday + 24h * 9, "丽发新城小区搅拌站噪音")), first);
  const IssueId later = AddOk(t, Request("4", "u4", kMonday + 24h * 25, "丽发新城小区搅拌站噪音"));
  EXPECT_NE(later, first);
  EXPECT_EQ(t.stats().open_issues, 1u);
  EXPECT_EQ(t.stats().archived_issues, 1u);
  const std::optional<IssueSummary> closed = t.Issue(first);
  ASSERT_TRUE(closed.has_value());
  EXPECT_FALSE(closed->open);
  EXPECT_EQ(closed->inputs.messages, 3u);
  // The period's table lists both; "hot now" only the open one.
  EXPECT_EQ(t.TopIssues(10).size(), 2u);
  const std::vector<IssueSummary> now = t.TopIssues(10, kMonday + 24h * 25);
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0].id, later);
}

TEST(HotspotTrackerTest, HotterIssuesRankFirst) {
  HotspotTracker t(SmallSegmenter());
  // Three citizens about one estate; one citizen three times about another.
  for (int i = 0; i < 3; ++i) {
    AddOk(t, Request("a" + std::to_string(i), "u" + std::to_string(i), kMonday + i * 1h,
                     "丽发新城小区搅拌站噪音"));
    AddOk(t, Request("b" + std::to_string(i), "same", kMonday + i * 1h, "金桥花园物业乱收停车费"));
  }
  HotspotRequest voted = Request("c", "v", kMonday, "银湖小区道路路面还没修复");
  voted.support_votes = 5;
  AddOk(t, voted);
  const std::vector<IssueSummary> top = t.TopIssues(3);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0].place, "丽发新城小区");
  EXPECT_EQ(top[1].place, "金桥花园");
  EXPECT_EQ(top[2].place, "银湖小区");
  EXPECT_GT(top[0].hotness, top[1].hotness);
  EXPECT_GT(top[1].hotness, top[2].hotness);
}

TEST(HotnessTest, FormulaAsDocumented) {
  EXPECT_EQ(HotnessIndex({}), 0.0);
  HotnessInputs in;
  in.messages = 1;
  in.citizens = 1;
  EXPECT_NEAR(HotnessIndex(in), 10 * (std::log(2.0) + 1.5 * std::log(2.0)), 1e-9);
  HotnessInputs more_citizens = in;
  more_citizens.messages = 3;
  more_citizens.citizens = 3;
  HotnessInputs one_voice = in;
  one_voice.messages = 3;
  EXPECT_GT(HotnessIndex(more_citizens), HotnessIndex(one_voice));
  HotnessInputs votes = in;
  votes.support_votes = 10;
  votes.against_votes = 20;  // more against than for: no bonus, no penalty
  EXPECT_EQ(HotnessIndex(votes), HotnessIndex(in));
  HotnessInputs urgent = in;
  urgent.urgent_messages = 1;
  EXPECT_GT(HotnessIndex(urgent), HotnessIndex(in));
  HotnessInputs growing = in;
  growing.growth = 0.5;  // decline does not subtract
  EXPECT_EQ(HotnessIndex(growing), HotnessIndex(in));
}

TEST(HotspotTrackerTest, SuddenNewTopicRaisesOneAlert) {
  HotspotTracker t(SmallSegmenter());
  AddOk(t, Request("0", "x", kMonday - 24h * 20, "金桥花园物业乱收停车费"));
  std::vector<HotspotAlert> alerts;
  for (int i = 0; i < 7; ++i) {
    Result<AddOutcome> out = t.Add(Request("s" + std::to_string(i), "c" + std::to_string(i),
                                           kMonday + i * 6h, "共享单车押金无法退还"));
    ASSERT_TRUE(out.ok());
    if (out->alert) alerts.push_back(*out->alert);
  }
  ASSERT_EQ(alerts.size(), 1u);  // raised by the fifth request, then cooling down
  EXPECT_EQ(alerts[0].kind, AlertKind::kNewTopic);
  EXPECT_EQ(alerts[0].recent_messages, 5u);
  EXPECT_EQ(alerts[0].at, kMonday + 4 * 6h);
  EXPECT_NE(alerts[0].description.find("押金"), std::string::npos) << alerts[0].description;
  EXPECT_EQ(t.RecentAlerts().size(), 1u);
}

TEST(HotspotTrackerTest, SurgeOverAnIssuesOwnBaseline) {
  HotspotTracker t(SmallSegmenter());
  // One complaint a week for six weeks, then eight in two days.
  for (int w = 0; w < 6; ++w) {
    Result<AddOutcome> out = t.Add(Request("w" + std::to_string(w), "c" + std::to_string(w),
                                           kMonday + w * 24h * 7, "丽发新城小区搅拌站噪音"));
    ASSERT_TRUE(out.ok());
    EXPECT_FALSE(out->alert.has_value());
  }
  std::optional<HotspotAlert> alert;
  for (int i = 0; i < 8 && !alert; ++i) {
    Result<AddOutcome> out = t.Add(Request("s" + std::to_string(i), "s" + std::to_string(i),
                                           kMonday + 24h * 42 + i * 5h, "丽发新城小区搅拌站噪音"));
    ASSERT_TRUE(out.ok());
    alert = out->alert;
  }
  ASSERT_TRUE(alert.has_value());
  EXPECT_EQ(alert->kind, AlertKind::kSurge);
  EXPECT_GE(alert->growth, 3.0);
}

TEST(HotspotTrackerTest, BadRequestsChangeNothing) {
  HotspotTracker t(SmallSegmenter());
  Result<AddOutcome> no_id = t.Add(Request("", "u", kMonday, "噪音"));
  ASSERT_FALSE(no_id.ok());
  EXPECT_EQ(no_id.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(no_id.error().field, "id");
  Result<AddOutcome> no_text = t.Add(Request("7", "u", kMonday, ""));
  ASSERT_FALSE(no_text.ok());
  EXPECT_EQ(no_text.error().field, "details");
  EXPECT_NE(no_text.error().message.find("'7'"), std::string::npos);
  EXPECT_EQ(t.stats().requests, 0u);
  EXPECT_EQ(t.stats().issues_opened, 0u);
}

TEST(HotspotTrackerTest, StateStaysBoundedOverALongStream) {
  HotspotOptions options;
  options.idle_days = 5;
  HotspotTracker t(SmallSegmenter(), options);
  // 400 days, three unrelated requests a day at places that never repeat.
  std::size_t most_open = 0;
  for (int day = 0; day < 400; ++day) {
    for (int k = 0; k < 3; ++k) {
      const std::string n = std::to_string(day * 3 + k);
      AddOk(t, Request(n, "u" + n, kMonday + day * 24h + k * 1h, "第" + n + "号小区噪音扰民"));
    }
    most_open = std::max(most_open, t.stats().open_issues);
  }
  EXPECT_LE(most_open, 3u * 7u);  // the idle window's worth, never the history
  EXPECT_LE(t.stats().archived_issues, options.archive_capacity);
}

}  // namespace
}  // namespace lizheng::insight::hotspots
