#include "lizheng/insight/request_similarity.hpp"

#include <gtest/gtest.h>

#include "advice_directory.hpp"

namespace lizheng::insight {
namespace {

using namespace testing_data;
using std::chrono::hours;

Timestamp At(int day, int hour = 9) {
  return Timestamp{std::chrono::seconds{1767225600}} + hours(24 * day + hour);  // 2026-01-01 UTC
}

RequestText Req(std::int64_t id, std::string_view title, std::string_view detail, std::string_view area,
                int day, std::string_view category = "", std::string_view address = "") {
  return RequestText{id, title, detail, address, area, category, At(day)};
}

TEST(RequestSimilarityTest, TheSameProblemInOtherWordsIsSimilarAnUnrelatedOneIsNot) {
  const auto a = Req(1, "幸福小区门口路灯不亮", "幸福小区南门口的三盏路灯已经坏了一个月，晚上漆黑一片，老人出行不便。", "E1", 0);
  const auto b = Req(2, "幸福小区南门路灯坏了", "幸福小区南门口路灯坏了很久，晚上一片漆黑，请尽快维修。", "E1", 1);
  const auto c = Req(3, "孩子幼儿园学位咨询", "请问今年秋季幼儿园报名需要准备哪些材料，户籍不在本区可以报名吗？", "E1", 1);
  EXPECT_GT(TextSimilarity(a, b), 0.4);
  EXPECT_LT(TextSimilarity(a, c), 0.1);
  EXPECT_NEAR(TextSimilarity(a, a), 1.0, 1e-9);
}

TEST(RequestSimilarityTest, FindsTheRepeatAtTheSamePlaceWithReasons) {
  const Directory dir = AdviceDirectory();
  const auto probe = Req(10, "幸福小区门口路灯不亮", "幸福小区南门口的三盏路灯已经坏了一个月，晚上漆黑一片。", "E1", 5,
                         "01.03", "幸福小区南门");
  const std::vector<RequestText> pool = {
      Req(1, "幸福小区南门路灯坏了", "幸福小区南门口路灯坏了很久，晚上一片漆黑，请尽快维修。", "E1", 3, "01.03",
          "幸福小区南门"),
      Req(2, "学校门口交通拥堵", "每天早上学校门口接送孩子的车辆堵成一团，希望安排交警疏导。", "E1", 4, "02"),
      Req(3, "幸福小区门口路灯不亮", "幸福小区南门口的三盏路灯已经坏了一个月，晚上漆黑一片。", "W1", 4, "01.03"),
      Req(4, "幸福小区门口路灯不亮", "幸福小区南门口的三盏路灯已经坏了一个月，晚上漆黑一片。", "E1", -40, "01.03"),
  };
  const auto found = FindRepeats(probe, pool, dir);
  ASSERT_EQ(found.size(), 1u) << "another district (3) and older than 30 days (4) never match";
  EXPECT_EQ(found[0].id, 1);
  EXPECT_GT(found[0].score, 0.45);
  EXPECT_LE(found[0].score, found[0].text_similarity);
  std::vector<std::string> codes;
  for (const auto& r : found[0].reasons) codes.push_back(r.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"text", "same_area", "similar_address", "same_category", "recent"}));
  EXPECT_EQ(found[0].reasons[1].zh, "同一地点：滨河街道");
  EXPECT_EQ(found[0].reasons[4].zh, "2 天前提交");
}

TEST(RequestSimilarityTest, ANeighbouringStreetScoresLowerThanTheSameStreet) {
  const Directory dir = AdviceDirectory();
  const auto probe = Req(10, "小区垃圾无人清运", "东方花园小区垃圾堆了三天没人清运，臭气熏天，苍蝇很多。", "E1", 2);
  const std::vector<RequestText> pool = {
      Req(1, "小区垃圾没人清运", "东方花园小区垃圾堆放三天没人清运，臭气熏天。", "E2", 1),
      Req(2, "小区垃圾没人清运", "东方花园小区垃圾堆放三天没人清运，臭气熏天。", "E1", 1),
  };
  const auto found = FindRepeats(probe, pool, dir);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].id, 2);
  EXPECT_EQ(found[1].id, 1);
  EXPECT_EQ(found[1].reasons[1].code, "same_district");
}

TEST(RequestSimilarityTest, NeverMatchesItselfAndRespectsTheLimit) {
  const Directory dir = AdviceDirectory();
  const auto probe = Req(7, "路面塌陷", "滨河路中段路面塌陷出现大坑，车辆经过很危险。", "E1", 0);
  std::vector<RequestText> pool = {probe};
  for (int i = 0; i < 8; ++i) pool.push_back(Req(100 + i, "路面塌陷", "滨河路中段路面塌陷出现大坑，车辆经过很危险。", "E1", 0));
  RepeatOptions options;
  options.max_results = 3;
  const auto found = FindRepeats(probe, pool, dir, options);
  ASSERT_EQ(found.size(), 3u);
  for (const auto& m : found) EXPECT_NE(m.id, 7);
}

}  // namespace
}  // namespace lizheng::insight
