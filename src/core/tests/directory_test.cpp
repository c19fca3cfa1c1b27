#include "lizheng/core/directory.hpp"

#include <gtest/gtest.h>

namespace lizheng {
namespace {

using std::chrono::year;

// Ids of the small 江川市 tree used below.
constexpr UnitId kCentre = 1;
constexpr UnitId kCityGov = 2;
constexpr UnitId kDistrictEast = 10;
constexpr UnitId kDistrictWest = 11;
constexpr UnitId kStreetRiver = 100;
constexpr UnitId kStreetHill = 101;
constexpr UnitId kStreetWestA = 110;
constexpr UnitId kHousing = 20;
constexpr UnitId kHousingEast = 21;  // the housing bureau's eastern office
constexpr UnitId kWater = 30;
constexpr UnitId kTransport = 40;

Date D(int y, unsigned m, unsigned d) {
  return Date{year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Directory MakeDirectory(std::vector<CatalogueEntry> catalogue = {}) {
  std::vector<Unit> units = {
      {kCentre, std::nullopt, "centre", "市12345热线中心", UnitKind::kCentre, "", true},
      {kCityGov, std::nullopt, "gov", "江川市人民政府", UnitKind::kGovernment, "", true},
      {kDistrictEast, kCityGov, "east", "东城区人民政府", UnitKind::kDistrict, "E", true},
      {kDistrictWest, kCityGov, "west", "西城区人民政府", UnitKind::kDistrict, "W", true},
      {kStreetRiver, kDistrictEast, "river", "滨河街道", UnitKind::kStreet, "E.1", true},
      {kStreetHill, kDistrictEast, "hill", "山前街道", UnitKind::kStreet, "E.2", true},
      {kStreetWestA, kDistrictWest, "westa", "西一街道", UnitKind::kStreet, "W.1", true},
      {kHousing, kCityGov, "housing", "市住房和城乡建设局", UnitKind::kDepartment, "", true},
      {kHousingEast, kHousing, "housing-e", "住建局东城分局", UnitKind::kDepartment, "E", true},
      {kWater, std::nullopt, "water", "市自来水公司", UnitKind::kUtility, "", true},
      {kTransport, kCityGov, "transport", "市交通运输局", UnitKind::kDepartment, "", false},
  };
  std::vector<Area> areas = {
      {"E", "东城区", "", 1},      {"W", "西城区", "", 1},      {"E.1", "滨河街道", "E", 2},
      {"E.2", "山前街道", "E", 2}, {"W.1", "西一街道", "W", 2},
  };
  std::vector<Category> categories = {
      {"01", "城乡建设", "", 1},
      {"01.02", "物业管理", "01", 2},
      {"01.02.03", "电梯故障", "01.02", 3},
      {"02", "交通运输", "", 1},
  };
  std::vector<Mailbox> mailboxes = {
      {1, "mayor", "市长信箱", MailboxLevel::kCity, kCityGov, 7},
      {2, "east-head", "东城区长信箱", MailboxLevel::kDistrict, kDistrictEast, std::nullopt},
  };
  return Directory(Jurisdiction{1, "jc", "江川市", 480}, std::move(units), std::move(areas),
                   std::move(categories), std::move(mailboxes), std::move(catalogue));
}

TEST(DirectoryTest, FindsByIdAndCode) {
  const Directory dir = MakeDirectory();
  ASSERT_NE(dir.FindUnit(kStreetRiver), nullptr);
  EXPECT_EQ(dir.FindUnit(kStreetRiver)->name, "滨河街道");
  EXPECT_EQ(dir.FindUnit(999), nullptr);
  ASSERT_NE(dir.FindUnitByCode("housing-e"), nullptr);
  EXPECT_EQ(dir.FindUnitByCode("housing-e")->id, kHousingEast);
  EXPECT_EQ(dir.FindUnitByCode("nope"), nullptr);
  ASSERT_NE(dir.FindArea("E.2"), nullptr);
  EXPECT_EQ(dir.FindArea("E.2")->parent_code, "E");
  EXPECT_EQ(dir.FindArea("X"), nullptr);
  ASSERT_NE(dir.FindCategory("01.02.03"), nullptr);
  EXPECT_EQ(dir.FindCategory("01.02.03")->level, 3);
  EXPECT_EQ(dir.FindCategory("03"), nullptr);
  ASSERT_NE(dir.FindMailbox(2), nullptr);
  EXPECT_EQ(dir.FindMailbox(2)->code, "east-head");
  ASSERT_NE(dir.FindMailboxByCode("mayor"), nullptr);
  EXPECT_EQ(dir.FindMailboxByCode("mayor")->leader, UserId{7});
  EXPECT_EQ(dir.FindMailbox(3), nullptr);
  EXPECT_EQ(dir.jurisdiction().code, "jc");
  EXPECT_EQ(Directory().FindUnit(kCentre), nullptr);
}

TEST(DirectoryTest, FirstLevelCode) {
  EXPECT_EQ(FirstLevelCode("01.02.03"), "01");
  EXPECT_EQ(FirstLevelCode("01"), "01");
  EXPECT_EQ(FirstLevelCode(""), "");
}

TEST(DirectoryTest, DistrictOfIsTheTopLevelArea) {
  const Directory dir = MakeDirectory();
  EXPECT_EQ(dir.DistrictOf("E.1"), "E");
  EXPECT_EQ(dir.DistrictOf("E"), "E");
  EXPECT_EQ(dir.DistrictOf("nowhere"), "nowhere");
}

TEST(DirectoryTest, AncestorChecksWalkTheTree) {
  const Directory dir = MakeDirectory();
  EXPECT_TRUE(dir.IsSelfOrAncestor(kStreetRiver, kStreetRiver));
  EXPECT_TRUE(dir.IsSelfOrAncestor(kDistrictEast, kStreetRiver));
  EXPECT_TRUE(dir.IsSelfOrAncestor(kCityGov, kStreetRiver));
  EXPECT_TRUE(dir.IsSelfOrAncestor(kHousing, kHousingEast));
  EXPECT_FALSE(dir.IsSelfOrAncestor(kStreetRiver, kDistrictEast));  // not downwards
  EXPECT_FALSE(dir.IsSelfOrAncestor(kDistrictWest, kStreetRiver));  // a sibling branch
  EXPECT_FALSE(dir.IsSelfOrAncestor(kCentre, kStreetRiver));        // another root
  EXPECT_FALSE(dir.IsSelfOrAncestor(kCityGov, kWater));
  EXPECT_FALSE(dir.IsSelfOrAncestor(kCityGov, 999));
}

TEST(DirectoryTest, SubtreeListsUnitAndDescendants) {
  const Directory dir = MakeDirectory();
  EXPECT_EQ(dir.Subtree(kDistrictEast),
            (std::vector<UnitId>{kDistrictEast, kStreetRiver, kStreetHill}));
  EXPECT_EQ(dir.Subtree(kStreetHill), (std::vector<UnitId>{kStreetHill}));
  const auto city = dir.Subtree(kCityGov);
  EXPECT_EQ(city.size(), 9u);
  EXPECT_EQ(city.front(), kCityGov);
  for (UnitId id : city) EXPECT_TRUE(dir.IsSelfOrAncestor(kCityGov, id)) << id;
  EXPECT_TRUE(dir.Subtree(999).empty());
}

TEST(DirectoryTest, AncestorsListTheUnitsAboveNearestFirst) {
  const Directory dir = MakeDirectory();
  EXPECT_EQ(dir.Ancestors(kStreetRiver), (std::vector<UnitId>{kDistrictEast, kCityGov}));
  EXPECT_TRUE(dir.Ancestors(kCityGov).empty());
  EXPECT_TRUE(dir.Ancestors(999).empty());
}

TEST(DirectoryTest, ParentCyclesDoNotHang) {
  const Directory dir(Jurisdiction{},
                      {{1, 2, "a", "a", UnitKind::kDepartment, "", true},
                       {2, 1, "b", "b", UnitKind::kDepartment, "", true},
                       {3, 2, "c", "c", UnitKind::kDepartment, "", true}},
                      {{"X", "x", "Y", 1}, {"Y", "y", "X", 1}}, {}, {}, {});
  EXPECT_TRUE(dir.IsSelfOrAncestor(1, 3));
  EXPECT_FALSE(dir.IsSelfOrAncestor(4, 3));
  EXPECT_EQ(dir.Subtree(1), (std::vector<UnitId>{1, 2, 3}));
  EXPECT_LE(dir.Ancestors(3).size(), 3u);
  EXPECT_TRUE(dir.AreaWithin("X", "Y"));
  EXPECT_FALSE(dir.AreaWithin("X", "Z"));
}

TEST(DirectoryTest, AreaWithinWalksAreaParents) {
  const Directory dir = MakeDirectory();
  EXPECT_TRUE(dir.AreaWithin("E.1", "E.1"));
  EXPECT_TRUE(dir.AreaWithin("E.1", "E"));
  EXPECT_FALSE(dir.AreaWithin("E", "E.1"));
  EXPECT_FALSE(dir.AreaWithin("W.1", "E"));
  EXPECT_FALSE(dir.AreaWithin("", "E"));
  EXPECT_FALSE(dir.AreaWithin("Q", "E"));
}

TEST(DirectoryTest, CatalogueOrdersMostSpecificFirst) {
  const Date from = D(2025, 1, 1);
  const Directory dir = MakeDirectory({
      {"", "", kCityGov, from, std::nullopt},              // fallback for everything
      {"01", "", kHousing, from, std::nullopt},            // all of 城乡建设
      {"01", "E", kHousingEast, from, std::nullopt},       // ... in 东城区
      {"01.02.03", "", kWater, from, std::nullopt},        // a deep category, any area
      {"01.02", "E.1", kStreetRiver, from, std::nullopt},  // level 2, street area
      {"01.02", "E", kDistrictEast, from, std::nullopt},   // level 2, district area
      {"02", "", kTransport, from, std::nullopt},
  });
  const Date day = D(2026, 3, 10);
  // Deeper category first; within a category level, deeper area first;
  // kHousingEast (01 in E) before kHousing (01 anywhere), kCityGov last.
  EXPECT_EQ(
      dir.CatalogueUnits("01.02.03", "E.1", day),
      (std::vector<UnitId>{kWater, kStreetRiver, kDistrictEast, kHousingEast, kHousing, kCityGov}));
  EXPECT_EQ(dir.CatalogueUnits("01.02.03", "E.2", day),
            (std::vector<UnitId>{kWater, kDistrictEast, kHousingEast, kHousing, kCityGov}));
  EXPECT_EQ(dir.CatalogueUnits("01.05", "W.1", day), (std::vector<UnitId>{kHousing, kCityGov}));
  EXPECT_EQ(dir.CatalogueUnits("02.01", "", day), (std::vector<UnitId>{kTransport, kCityGov}));
  // "01" is an ancestor of "01.02" but not of "010".
  EXPECT_EQ(dir.CatalogueUnits("010", "E", day), (std::vector<UnitId>{kCityGov}));
}

TEST(DirectoryTest, CatalogueHonoursValidityAndDeduplicates) {
  const Directory dir = MakeDirectory({
      {"01", "", kHousing, D(2025, 1, 1), D(2025, 12, 31)},  // moved at the new year
      {"01", "", kHousingEast, D(2026, 1, 1), std::nullopt},
      {"01.02", "", kHousingEast, D(2026, 1, 1), std::nullopt},  // listed twice
      {"", "", kCityGov, D(2026, 6, 1), std::nullopt},           // not yet valid
  });
  EXPECT_EQ(dir.CatalogueUnits("01.02", "E", D(2025, 12, 31)), (std::vector<UnitId>{kHousing}));
  EXPECT_EQ(dir.CatalogueUnits("01.02", "E", D(2026, 1, 1)), (std::vector<UnitId>{kHousingEast}));
  EXPECT_EQ(dir.CatalogueUnits("01.02", "E", D(2026, 6, 1)),
            (std::vector<UnitId>{kHousingEast, kCityGov}));
  EXPECT_TRUE(dir.CatalogueUnits("01", "E", D(2024, 12, 31)).empty());
}

}  // namespace
}  // namespace lizheng
