// The acceptance check on real messages: the hot issues of
// shared/datasets/teddy2020/hot.tsv. The data set's known big issues must
// surface among the five hottest, and the tables must be consistent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include "lizheng/insight/hotspots/hot_issue_tables.hpp"

#ifndef LIZHENG_TEDDY2020_HOT
#error "LIZHENG_TEDDY2020_HOT must name the data file"
#endif

namespace lizheng::insight::hotspots {
namespace {

bool AnyMentions(const std::vector<IssueSummary>& top, std::string_view what) {
  return std::any_of(top.begin(), top.end(), [&](const IssueSummary& s) {
    return s.place_or_people.find(what) != std::string::npos ||
           s.description.find(what) != std::string::npos;
  });
}

TEST(Teddy2020HotTest, KnownIssuesSurfaceInTheTopFive) {
  const std::string path = LIZHENG_TEDDY2020_HOT;
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "data set not found at " << path
                 << " (the shared/ folder beside the checkout is absent)";
  }
  Result<std::vector<HotMessage>> messages = ReadHotMessagesTsv(path);
  ASSERT_TRUE(messages.ok()) << messages.error().message;
  ASSERT_EQ(messages->size(), 4326u);
  Result<text::Segmenter> segmenter = text::Segmenter::Load({});
  ASSERT_TRUE(segmenter.ok()) << segmenter.error().message;
  if (segmenter->mode() != text::SegmenterMode::kDictionary) {
    GTEST_SKIP() << "jieba dictionary not installed: " << segmenter->status();
  }
  std::vector<const HotMessage*> order;
  for (const HotMessage& m : *messages) order.push_back(&m);
  std::stable_sort(order.begin(), order.end(),
                   [](const HotMessage* a, const HotMessage* b) { return a->time < b->time; });
  HotspotTracker tracker(*segmenter);
  for (const HotMessage* m : order) ASSERT_TRUE(tracker.Add(ToHotspotRequest(*m)).ok());

  const std::vector<IssueSummary> top = tracker.TopIssues(10);
  ASSERT_EQ(top.size(), 10u);
  for (const IssueSummary& s : top) {
    std::cout << s.hotness << "\t" << FormatTimeRange(s.first, s.last) << "\t"
              << s.place_or_people << "\t" << s.description << "\tV=" << s.inputs.messages
              << " C=" << s.inputs.citizens << " S=" << s.inputs.support_votes
              << " G=" << s.inputs.growth << "\n";
  }
  const std::vector<IssueSummary> top5(top.begin(), top.begin() + 5);
  // The four issues the data set is known for: a concrete plant's noise and
  // dust at an estate, parking spaces sold bundled with flats, a failed
  // lending platform, restaurants' fumes and noise under an estate.
  EXPECT_TRUE(AnyMentions(top5, "丽发新城"));
  EXPECT_TRUE(AnyMentions(top5, "伊景园滨河苑"));
  EXPECT_TRUE(AnyMentions(top5, "58车贷"));
  EXPECT_TRUE(AnyMentions(top5, "魅力之城"));
  EXPECT_GE(top[0].inputs.messages, 30u);

  Result<HotIssueTables> tables = BuildHotIssueTables(top5, *messages);
  ASSERT_TRUE(tables.ok()) << tables.error().message;
  std::set<std::size_t> listed;
  for (const HotIssueRow& r : tables->issues) listed.insert(r.issue_id);
  std::set<std::string> seen;
  for (const HotIssueDetailRow& d : tables->details) {
    EXPECT_TRUE(listed.contains(d.issue_id)) << d.message.id;
    EXPECT_TRUE(seen.insert(d.message.id).second) << d.message.id << " listed twice";
  }
  for (std::size_t i = 1; i < top.size(); ++i) EXPECT_GE(top[i - 1].hotness, top[i].hotness);
}

}  // namespace
}  // namespace lizheng::insight::hotspots
