// Reply quality on real replies: every reply of
// shared/datasets/teddy2020/replies.tsv is scored, and the scores must be
// sensible — in range, spread over the scale, neither all good nor all poor.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "lizheng/insight/replied_messages.hpp"
#include "lizheng/insight/reply_quality.hpp"

#ifndef LIZHENG_TEDDY2020_REPLIES
#error "LIZHENG_TEDDY2020_REPLIES must name the data file"
#endif

namespace lizheng::insight {
namespace {

TEST(Teddy2020ReplyQualityTest, EveryReplyIsScoredAndTheScoresSpread) {
  const std::string path = LIZHENG_TEDDY2020_REPLIES;
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "data set not found at " << path
                 << " (the shared/ folder beside the checkout is absent)";
  }
  Result<std::vector<RepliedMessage>> rows = ReadRepliedMessagesTsv(path);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2816u);
  Result<ReplyScorer> scorer = ReplyScorer::Load({});
  ASSERT_TRUE(scorer.ok()) << scorer.error().message;
  std::cout << "scorer: " << scorer->status() << "\n";

  std::array<std::array<std::size_t, 5>, kReplyDimensionCount> bins{};  // 20-point bins
  std::map<ReplyVerdict, std::size_t> verdicts;
  for (const RepliedMessage& m : *rows) {
    const ReplyToScore input{m.title, m.detail, m.reply,
                             ReplyTiming{m.ElapsedDays(), LimitSpan{15, LimitUnit::kDays}}};
    Result<ReplyAssessment> a = scorer->Score(input);
    ASSERT_TRUE(a.ok()) << "line " << m.line << ": " << a.error().message;
    ASSERT_GE(a->overall, 0);
    ASSERT_LE(a->overall, 100);
    ++verdicts[a->verdict];
    for (const DimensionScore& d : a->dimensions) {
      ASSERT_TRUE(d.assessed);
      ASSERT_GE(d.score, 0);
      ASSERT_LE(d.score, 100);
      ASSERT_FALSE(d.reasons.empty()) << "line " << m.line << " " << DimensionName(d.dimension);
      ++bins[static_cast<std::size_t>(d.dimension)][static_cast<std::size_t>(std::min(d.score, 99) / 20)];
    }
  }
  // Not degenerate: every verdict occurs with some weight, and no dimension
  // puts more than 80 % of the replies into one 20-point bin.
  for (const ReplyVerdict v : {ReplyVerdict::kGood, ReplyVerdict::kNeedsAttention, ReplyVerdict::kPoor}) {
    EXPECT_GE(verdicts[v], rows->size() / 20) << VerdictName(v);
    std::cout << VerdictName(v) << ": " << verdicts[v] << "\n";
  }
  for (std::size_t d = 0; d < kReplyDimensionCount; ++d) {
    const std::size_t largest = *std::max_element(bins[d].begin(), bins[d].end());
    EXPECT_LE(largest, rows->size() * 8 / 10) << DimensionName(static_cast<ReplyDimension>(d));
  }
}

}  // namespace
}  // namespace lizheng::insight
