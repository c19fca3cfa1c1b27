// The leader dashboard's figures (GET /api/v1/figures): counted from the
// real work orders, for the centre and leaders only, with the window's
// parameters checked.
#include <set>

#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

class FiguresTest : public ServerSuite {};

TEST_F(FiguresTest, FiguresFollowTheClosedLoop) {
  const std::string leader = Token("leader");
  ApiResponse before = api().Get("/api/v1/figures", leader);
  ASSERT_EQ(before.status, 200) << before.Describe();
  const std::int64_t received = before["totals"]["received"];
  const std::int64_t closed = before["totals"]["closed"];

  loop().File({{"title", "统计口径测试：新诉求"}});
  const std::int64_t id = loop().Closed("dh-01");
  (void)id;
  ApiResponse after = api().Get("/api/v1/figures", leader);
  ASSERT_EQ(after.status, 200) << after.Describe();
  EXPECT_EQ(after["totals"]["received"], received + 2);
  EXPECT_EQ(after["totals"]["closed"], closed + 1);
  // The groups add up to the totals.
  for (const char* by : {"by_day", "by_channel", "by_type", "by_category", "by_district", "by_unit"}) {
    std::int64_t sum = 0;
    for (const json& g : after[by]) sum += g["received"].get<std::int64_t>();
    EXPECT_EQ(sum, after["totals"]["received"].get<std::int64_t>()) << by;
  }
  bool district = false;
  for (const json& g : after["by_district"]) district = district || g["label"] == "东湖区";
  EXPECT_TRUE(district) << after["by_district"];
  const json& rate = after["totals"]["satisfaction_rate"];
  ASSERT_TRUE(rate.is_number()) << after["totals"];
  EXPECT_GE(rate.get<double>(), 0.0);
  EXPECT_LE(rate.get<double>(), 1.0);
}

TEST_F(FiguresTest, OnlyTheCentreAndLeadersSeeThem) {
  EXPECT_EQ(api().Get("/api/v1/figures", Token("dispatcher")).status, 200);
  ApiResponse unit = api().Get("/api/v1/figures", Token("dh01_handler"));
  EXPECT_EQ(unit.status, 403) << unit.Describe();
  EXPECT_EQ(api().Get("/api/v1/figures").status, 401);
}

TEST_F(FiguresTest, TheWindowIsChecked) {
  const std::string leader = Token("leader");
  ApiResponse reversed =
      api().Get("/api/v1/figures?from=2026-11-02T00:00:00%2B08:00&to=2026-11-01T00:00:00%2B08:00", leader);
  EXPECT_EQ(reversed.status, 400);
  EXPECT_EQ(reversed.ErrorField(), "from");
  ApiResponse too_long =
      api().Get("/api/v1/figures?from=2020-01-01T00:00:00%2B08:00&to=2026-11-01T00:00:00%2B08:00", leader);
  EXPECT_EQ(too_long.status, 400);
  EXPECT_EQ(too_long.ErrorField(), "to");
  ApiResponse garbled = api().Get("/api/v1/figures?from=yesterday", leader);
  EXPECT_EQ(garbled.status, 400);
  EXPECT_EQ(garbled.ErrorField(), "from");
  ApiResponse unknown = api().Get("/api/v1/figures?unit=3", leader);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.ErrorField(), "unit");
}

// The dashboard draws the districts from the map the jurisdiction provides;
// the demo city ships one, with one feature per district.
TEST_F(FiguresTest, TheDistrictMapIsServed) {
  ApiResponse map = api().Get("/api/v1/map");
  ASSERT_EQ(map.status, 200) << map.Describe();
  EXPECT_NE(map.headers.find("Content-Type")->second.find("geo+json"), std::string::npos);
  EXPECT_EQ(map["type"], "FeatureCollection");
  std::set<std::string> codes;
  for (const json& f : map["features"]) codes.insert(f["properties"]["code"].get<std::string>());
  std::set<std::string> districts;
  const ApiResponse areas = api().Get("/api/v1/areas");
  for (const json& a : areas["items"])
    if (a["level"] == 1) districts.insert(a["code"].get<std::string>());
  EXPECT_EQ(codes, districts);
}

}  // namespace
}  // namespace lizheng::e2e
