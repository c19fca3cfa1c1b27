#include "lizheng/app/district_map.hpp"

#include <gtest/gtest.h>

#include <string>

namespace lizheng::app {
namespace {

Directory TwoDistricts() {
  return Directory(Jurisdiction{1, "jc", "江川市", 480}, {},
                   {Area{"dh", "东湖区", "", 1}, Area{"xs", "西山区", "", 1},
                    Area{"dh-01", "滨江街道", "dh", 2}},
                   {}, {}, {});
}

std::string Feature(const std::string& code, const std::string& geometry) {
  return R"({"type":"Feature","properties":{"code":")" + code + R"("},"geometry":)" + geometry + "}";
}

const std::string kSquare =
    R"({"type":"Polygon","coordinates":[[[112.9,28.1],[113.0,28.1],[113.0,28.2],[112.9,28.2],[112.9,28.1]]]})";

std::string Collection(const std::string& features) {
  return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

TEST(DistrictMapTest, AcceptsPolygonsAndMultiPolygonsOfDistricts) {
  const std::string multi =
      R"({"type":"MultiPolygon","coordinates":[[[[112.8,28.1],[112.9,28.1],[112.9,28.2],[112.8,28.1]]]]})";
  Status s = ValidateDistrictMap(Collection(Feature("dh", kSquare) + "," + Feature("xs", multi)),
                                 TwoDistricts());
  EXPECT_TRUE(s.ok()) << s.error().message;
}

TEST(DistrictMapTest, RefusalsNameTheFeatureAndTheRule) {
  const Directory dir = TwoDistricts();
  struct Case {
    std::string geojson;
    const char* expected;
  };
  const std::string open_ring =
      R"({"type":"Polygon","coordinates":[[[112.9,28.1],[113.0,28.1],[113.0,28.2],[112.9,28.2]]]})";
  const std::string off_earth =
      R"({"type":"Polygon","coordinates":[[[212.9,28.1],[113.0,28.1],[113.0,28.2],[212.9,28.1]]]})";
  const Case cases[] = {
      {"not json", "not valid JSON"},
      {R"({"type":"Feature"})", "FeatureCollection"},
      {Collection(""), "no features"},
      {Collection(Feature("zz", kSquare)), "feature 1 (zz): no area"},
      {Collection(Feature("dh-01", kSquare)), "first-level area"},
      {Collection(Feature("dh", kSquare) + "," + Feature("dh", kSquare)), "feature 2 (dh): the district appears twice"},
      {Collection(Feature("dh", open_ring)), "end where it starts"},
      {Collection(Feature("dh", off_earth)), "outside longitude"},
      {Collection(Feature("dh", R"({"type":"Point","coordinates":[112.9,28.1]})")), "not 'Point'"},
      {Collection(R"({"type":"Feature","properties":{},"geometry":null})"), "properties.code"},
  };
  for (const Case& c : cases) {
    Status s = ValidateDistrictMap(c.geojson, dir);
    ASSERT_FALSE(s.ok()) << c.geojson;
    EXPECT_NE(s.error().message.find(c.expected), std::string::npos) << s.error().message;
    EXPECT_EQ(s.error().field, "map");
  }
}

// Found by fuzzing: a "type" that is not a string threw nlohmann's
// type_error out of the validator instead of naming the rule.
TEST(DistrictMapTest, ATypeThatIsNotAStringIsRefusedNotThrown) {
  const Directory dir = TwoDistricts();
  const struct {
    std::string geojson;
    const char* expected;
  } cases[] = {
      {R"({"type":1})", "FeatureCollection"},
      {Collection(R"({"type":["Feature"],"properties":{"code":"dh"}})"), "feature 1: expected a GeoJSON Feature"},
      {Collection(Feature("dh", R"({"type":{"t":"Polygon"},"coordinates":[]})")), "Polygon or MultiPolygon"},
  };
  for (const auto& c : cases) {
    Status s = ValidateDistrictMap(c.geojson, dir);
    ASSERT_FALSE(s.ok()) << c.geojson;
    EXPECT_NE(s.error().message.find(c.expected), std::string::npos) << s.error().message;
  }
}

}  // namespace
}  // namespace lizheng::app
