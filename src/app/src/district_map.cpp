#include "lizheng/app/district_map.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace lizheng::app {
namespace {

using nlohmann::json;

Error MapError(const std::string& where, const std::string& rule) {
  return MakeError(ErrorCode::kInvalidArgument, "map: " + where + ": " + rule, "map");
}

// A linear ring: at least four [lon, lat] positions, closed.
Status CheckRing(const json& ring, const std::string& where) {
  if (!ring.is_array() || ring.size() < 4)
    return MapError(where, "a ring needs at least four positions");
  for (const json& pos : ring) {
    if (!pos.is_array() || pos.size() < 2 || !pos[0].is_number() || !pos[1].is_number())
      return MapError(where, "a position is [longitude, latitude] in numbers");
    const double lon = pos[0].get<double>(), lat = pos[1].get<double>();
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
      return MapError(where, "a position lies outside longitude -180..180, latitude -90..90");
  }
  if (ring.front() != ring.back()) return MapError(where, "a ring must end where it starts");
  return OkStatus();
}

// The string member `key` of an object, or "" when it is missing or not a
// string (json::value would throw type_error for {"type": 1}).
std::string StringMember(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Status CheckPolygon(const json& rings, const std::string& where) {
  if (!rings.is_array() || rings.empty()) return MapError(where, "a polygon needs a ring");
  for (const json& ring : rings) LZ_RETURN_IF_ERROR(CheckRing(ring, where));
  return OkStatus();
}

}  // namespace

Status ValidateDistrictMap(std::string_view geojson, const Directory& dir) {
  const json doc = json::parse(geojson, nullptr, false);
  if (doc.is_discarded()) return MapError("the file", "not valid JSON");
  if (!doc.is_object() || StringMember(doc, "type") != "FeatureCollection" ||
      !doc.contains("features") || !doc["features"].is_array())
    return MapError("the file", "expected a GeoJSON FeatureCollection with a features array");
  if (doc["features"].empty()) return MapError("the file", "no features");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < doc["features"].size(); ++i) {
    const json& f = doc["features"][i];
    std::string where = "feature " + std::to_string(i + 1);
    if (!f.is_object() || StringMember(f, "type") != "Feature")
      return MapError(where, "expected a GeoJSON Feature");
    const json* props = f.contains("properties") ? &f["properties"] : nullptr;
    if (!props || !props->is_object() || !props->contains("code") || !(*props)["code"].is_string())
      return MapError(where, "properties.code must name the district's area code");
    const std::string code = (*props)["code"];
    where += " (" + code + ")";
    const Area* area = dir.FindArea(code);
    if (!area) return MapError(where, "no area of the jurisdiction has this code");
    if (!area->parent_code.empty())
      return MapError(where, "a district or county (a first-level area) is expected, not " + area->name);
    if (!seen.insert(code).second) return MapError(where, "the district appears twice");
    if (!f.contains("geometry") || !f["geometry"].is_object())
      return MapError(where, "a geometry is required");
    const json& g = f["geometry"];
    const std::string type = StringMember(g, "type");
    if (!g.contains("coordinates")) return MapError(where, "the geometry has no coordinates");
    if (type == "Polygon") {
      LZ_RETURN_IF_ERROR(CheckPolygon(g["coordinates"], where));
    } else if (type == "MultiPolygon") {
      if (!g["coordinates"].is_array() || g["coordinates"].empty())
        return MapError(where, "a MultiPolygon needs polygons");
      for (const json& polygon : g["coordinates"]) LZ_RETURN_IF_ERROR(CheckPolygon(polygon, where));
    } else {
      return MapError(where, "the geometry must be a Polygon or MultiPolygon, not '" + type + "'");
    }
  }
  return OkStatus();
}

}  // namespace lizheng::app
