// A small jurisdiction for the advice tests: two districts with streets, a
// few units and a responsibility catalogue.
#pragma once

#include "lizheng/core/directory.hpp"

namespace lizheng::insight::testing_data {

inline constexpr UnitId kEastGov = 10;
inline constexpr UnitId kWestGov = 11;
inline constexpr UnitId kRiverStreet = 100;
inline constexpr UnitId kHousing = 20;
inline constexpr UnitId kUrbanMgmt = 21;
inline constexpr UnitId kWater = 30;
inline constexpr UnitId kClosedUnit = 40;

inline Date Day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline Directory AdviceDirectory() {
  std::vector<Unit> units = {
      {kEastGov, std::nullopt, "east", "东城区人民政府", UnitKind::kDistrict, "E", true},
      {kWestGov, std::nullopt, "west", "西城区人民政府", UnitKind::kDistrict, "W", true},
      {kRiverStreet, kEastGov, "river", "滨河街道办事处", UnitKind::kStreet, "E1", true},
      {kHousing, std::nullopt, "housing", "市住房和城乡建设局", UnitKind::kDepartment, "", true},
      {kUrbanMgmt, std::nullopt, "cg", "市城市管理局", UnitKind::kDepartment, "", true},
      {kWater, std::nullopt, "water", "市自来水公司", UnitKind::kUtility, "", true},
      {kClosedUnit, std::nullopt, "old", "已撤销的单位", UnitKind::kDepartment, "", false},
  };
  std::vector<Area> areas = {{"E", "东城区", "", 1},       {"W", "西城区", "", 1},
                             {"E1", "滨河街道", "E", 2},   {"E2", "山前街道", "E", 2},
                             {"W1", "西一街道", "W", 2}};
  std::vector<Category> categories = {
      {"01", "城乡建设", "", 1},        {"01.01", "住房保障", "01", 2},
      {"01.02", "市容环境", "01", 2},   {"01.02.01", "噪音扰民", "01.02", 3},
      {"01.03", "供水供电", "01", 2},   {"02", "交通运输", "", 1},
      {"02.01", "公交出行", "02", 2},   {"03", "教育文体", "", 1},
      {"03.01", "学前教育", "03", 2},
  };
  std::vector<CatalogueEntry> catalogue = {
      {"", "E", kEastGov, Day(2025, 1, 1), std::nullopt},
      {"", "W", kWestGov, Day(2025, 1, 1), std::nullopt},
      {"01.01", "", kHousing, Day(2025, 1, 1), std::nullopt},
      {"01.02", "", kUrbanMgmt, Day(2025, 1, 1), std::nullopt},
      {"01.03", "", kWater, Day(2025, 1, 1), std::nullopt},
      {"01.03", "", kClosedUnit, Day(2025, 1, 1), std::nullopt},
  };
  return Directory(Jurisdiction{1, "jc", "江川市", 480}, std::move(units), std::move(areas),
                   std::move(categories), {}, std::move(catalogue));
}

}  // namespace lizheng::insight::testing_data
