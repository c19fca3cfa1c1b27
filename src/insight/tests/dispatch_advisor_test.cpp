#include "lizheng/insight/dispatch_advisor.hpp"

#include <gtest/gtest.h>

#include "advice_directory.hpp"

namespace lizheng::insight {
namespace {

using namespace testing_data;

const Date kToday = Day(2026, 3, 2);

std::vector<UnitId> Units(const std::vector<UnitSuggestion>& s) {
  std::vector<UnitId> out;
  for (const auto& u : s) out.push_back(u.unit);
  return out;
}

TEST(DispatchAdvisorTest, WithoutHistoryTheCatalogueDecidesMostSpecificFirst) {
  const Directory dir = AdviceDirectory();
  DispatchAdvisor advisor;
  const auto s = advisor.Suggest(dir, kToday, "01.02.01", "E1");
  EXPECT_EQ(Units(s), (std::vector<UnitId>{kUrbanMgmt, kEastGov}));
  ASSERT_FALSE(s[0].reasons.empty());
  EXPECT_EQ(s[0].reasons[0].code, "catalogue");
  EXPECT_NE(s[0].reasons[0].zh.find("噪音扰民·滨河街道"), std::string::npos) << s[0].reasons[0].zh;
  EXPECT_GT(s[0].score, s[1].score);
}

TEST(DispatchAdvisorTest, InactiveUnitsAreNeverSuggested) {
  const Directory dir = AdviceDirectory();
  DispatchAdvisor advisor;
  for (const auto& u : advisor.Suggest(dir, kToday, "01.03", "E1")) EXPECT_NE(u.unit, kClosedUnit);
}

TEST(DispatchAdvisorTest, KeptDispatchesOutsideTheCatalogueAreSuggestedWithTheirReason) {
  const Directory dir = AdviceDirectory();
  DispatchAdvisor advisor;
  // The centre sends noise at 滨河街道 to the street office, which keeps it.
  for (int i = 0; i < 6; ++i) advisor.Learn({"01.02.01", "E1", kRiverStreet, false}, dir);
  const auto s = advisor.Suggest(dir, kToday, "01.02.01", "E1");
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0].unit, kRiverStreet);
  EXPECT_EQ(s[0].reasons[0].code, "practice_off_catalogue");
  EXPECT_NE(s[0].reasons[0].zh.find("6 件"), std::string::npos) << s[0].reasons[0].zh;
  EXPECT_EQ(advisor.outcomes(), 6);
}

TEST(DispatchAdvisorTest, AReturnedDispatchTeachesTheOpposite) {
  const Directory dir = AdviceDirectory();
  DispatchAdvisor advisor;
  // The urban management bureau returns every noise case at 滨河街道 and the
  // district government keeps them.
  for (int i = 0; i < 5; ++i) {
    advisor.Learn({"01.02.01", "E1", kUrbanMgmt, true}, dir);
    advisor.Learn({"01.02.01", "E1", kEastGov, false}, dir);
  }
  const auto s = advisor.Suggest(dir, kToday, "01.02.01", "E1");
  ASSERT_GE(s.size(), 2u);
  EXPECT_EQ(s[0].unit, kEastGov);
  EXPECT_EQ(s[1].unit, kUrbanMgmt);
  bool said_returned = false;
  for (const auto& r : s[1].reasons) said_returned |= r.zh.find("5 件被退回") != std::string::npos;
  EXPECT_TRUE(said_returned);
}

TEST(DispatchAdvisorTest, AFewReturnsDoNotPromoteAnOffCatalogueUnit) {
  const Directory dir = AdviceDirectory();
  DispatchAdvisor advisor;
  for (int i = 0; i < 3; ++i) advisor.Learn({"01.01", "E1", kWater, true}, dir);
  for (int i = 0; i < 2; ++i) advisor.Learn({"01.01", "E1", kWater, false}, dir);
  for (const auto& u : advisor.Suggest(dir, kToday, "01.01", "E1")) EXPECT_NE(u.unit, kWater);
}

TEST(DispatchAdvisorTest, PracticeAtTheDistrictHelpsAStreetWithoutHistory) {
  const Directory dir = AdviceDirectory();
  DispatchAdvisor advisor;
  for (int i = 0; i < 4; ++i) advisor.Learn({"01.02.01", "E1", kRiverStreet, false}, dir);
  // 山前街道 (E2) has no history of its own; the district's practice applies.
  const auto s = advisor.Suggest(dir, kToday, "01.02.01", "E2");
  ASSERT_FALSE(s.empty());
  bool district_reason = false;
  for (const auto& u : s)
    for (const auto& r : u.reasons) district_reason |= r.zh.find("噪音扰民·东城区") != std::string::npos;
  EXPECT_TRUE(district_reason);
}

}  // namespace
}  // namespace lizheng::insight
