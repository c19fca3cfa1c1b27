#include "lizheng/insight/flood_detector.hpp"

#include <gtest/gtest.h>

#include <string>

namespace lizheng::insight {
namespace {

const Timestamp kStart = Timestamp{std::chrono::seconds{1'795'000'000}};

// One anonymous post of a flood: the same words with a changing number,
// as a script would vary them.
std::string GasLeak(int k) {
  return "幸福小区3栋燃气泄漏，味道很大，楼道里都能闻到，请马上派人处理！编号" + std::to_string(k);
}

// Files `posts` near-identical requests from `sources` addresses in turn,
// one a minute; returns how many were suspected.
int Flood(FloodDetector& d, int posts, int sources) {
  int suspected = 0;
  for (int k = 0; k < posts; ++k) {
    const std::string detail = GasLeak(k);
    FloodProbe p{static_cast<std::uint64_t>(1000 + k % sources), "燃气泄漏", detail,
                 kStart + std::chrono::minutes(k)};
    if (d.Check(p).suspected) ++suspected;
    d.Remember(p);
  }
  return suspected;
}

TEST(FloodDetectorTest, NearIdenticalPostsFromOneAddressAreSuspectedAfterTheFirst) {
  FloodDetector d;
  EXPECT_EQ(Flood(d, 150, 1), 149);
}

TEST(FloodDetectorTest, NearIdenticalPostsFromThreeAddressesCountOncePerAddress) {
  FloodDetector d;
  EXPECT_EQ(Flood(d, 150, 3), 147);
  FloodDetector two;
  EXPECT_EQ(Flood(two, 20, 2), 18);
}

// A real outage: the same complaint from 150 different addresses.
TEST(FloodDetectorTest, TheSameComplaintFromManyAddressesIsNotAFlood) {
  FloodDetector d;
  EXPECT_EQ(Flood(d, 150, 150), 0);
}

TEST(FloodDetectorTest, DifferentRequestsFromOneAddressAreNotAFlood) {
  FloodDetector d;
  const std::string texts[][2] = {
      {"小区停水", "东湖区滨江街道幸福小区从昨晚开始停水，至今没有恢复，也没有通知。"},
      {"路灯不亮", "解放路与建设路路口的路灯已经坏了一个星期，晚上过马路很危险。"},
      {"噪音扰民", "工地夜间施工到凌晨两点，噪音很大，影响休息，希望有关部门管一管。"},
      {"物业乱收费", "物业公司每月多收停车费二百元，没有任何依据，业主很不满。"},
  };
  int k = 0;
  for (const auto& t : texts) {
    FloodProbe p{7, t[0], t[1], kStart + std::chrono::minutes(k++)};
    const FloodVerdict v = d.Check(p);
    EXPECT_FALSE(v.suspected) << t[0];
    EXPECT_EQ(v.similar_from_source, 0) << t[0];
    d.Remember(p);
  }
}

TEST(FloodDetectorTest, TheWindowForgets) {
  FloodDetector d;  // a window of 24 hours
  const std::string detail = GasLeak(1);
  FloodProbe first{9, "燃气泄漏", detail, kStart};
  d.Remember(first);
  FloodProbe soon = first;
  soon.at = kStart + std::chrono::hours(23);
  EXPECT_TRUE(d.Check(soon).suspected);
  FloodProbe next_day = first;
  next_day.at = kStart + std::chrono::hours(25);
  EXPECT_FALSE(d.Check(next_day).suspected);
  EXPECT_EQ(d.SourceCount(), 0u);
}

TEST(FloodDetectorTest, AHigherAllowanceCountsMorePostsPerAddress) {
  FloodOptions o;
  o.max_per_source = 3;
  FloodDetector d(o);
  EXPECT_EQ(Flood(d, 10, 1), 7);
}

TEST(FloodDetectorTest, MemoryStaysBounded) {
  FloodOptions o;
  o.max_sources = 50;
  o.max_kept_per_source = 4;
  FloodDetector d(o);
  Flood(d, 500, 500);
  EXPECT_LE(d.SourceCount(), 50u);
  // A source keeps its newest requests only, and still floods.
  FloodDetector one(o);
  EXPECT_EQ(Flood(one, 100, 1), 99);
}

TEST(FloodDetectorTest, SimilarityOfNearIdenticalAndOfDifferentTexts) {
  EXPECT_GE(FloodTextSimilarity("燃气泄漏", GasLeak(1), "燃气泄漏", GasLeak(2)), 0.8);
  EXPECT_LT(FloodTextSimilarity("燃气泄漏", GasLeak(1), "小区停水",
                                "幸福小区从昨晚开始停水，至今没有恢复。"),
            0.5);
  EXPECT_EQ(FloodTextSimilarity("", "", "", ""), 0.0);
}

}  // namespace
}  // namespace lizheng::insight
