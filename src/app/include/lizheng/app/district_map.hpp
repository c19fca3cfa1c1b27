// The jurisdiction's district map: a GeoJSON file it provides, drawn by the
// leader dashboard (one feature per district, named by the area code).
#pragma once

#include <string>
#include <string_view>

#include "lizheng/core/directory.hpp"
#include "lizheng/core/result.hpp"

namespace lizheng::app {

// The name under which the map is kept with the jurisdiction.
inline constexpr std::string_view kDistrictMapFile = "map.geojson";

// Checks a district map: a GeoJSON FeatureCollection whose features have a
// Polygon or MultiPolygon geometry with numeric [lon, lat] positions and a
// "code" property naming a first-level area (district or county) of `dir`,
// each at most once. Errors name the feature and the rule it broke.
Status ValidateDistrictMap(std::string_view geojson, const Directory& dir);

}  // namespace lizheng::app
