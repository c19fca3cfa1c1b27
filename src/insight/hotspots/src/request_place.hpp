// Where a request is, resolved once when it arrives.
#pragma once

#include <string>
#include <vector>

#include "lizheng/insight/hotspots/hotspot_request.hpp"
#include "lizheng/insight/hotspots/place_extractor.hpp"

namespace lizheng::insight::hotspots::detail {

struct RequestPlace {
  std::string district_key;   // area code, or "A5区"; empty when unknown
  std::string district_name;  // area name, or "A市A5区" as written
  std::string place_key;      // the specific place's key ("丽发新城"); may be empty
  std::string place_name;     // as written ("丽发新城小区")
  PlaceKind kind = PlaceKind::kDistrict;
  // Found in the address or the title, where citizens say where the problem
  // is. A place found only in the details may be one mentioned in passing
  // (the company behind an estate, a government office written to): it is
  // shown, but never keeps two requests apart.
  bool firm = false;
  // Every place named where the specific one was found (劳动东路 beside
  // 魅力之城小区): their words describe where, not what.
  std::vector<std::string> mentioned;
};

// The district comes from the area code when there is one, else from the
// first district named in the address, the title or the details. The
// specific place is the most specific one of the address, else of the
// title, else of the details (the details are read only when needed: they
// are long).
RequestPlace LocateRequest(const PlaceExtractor& extractor, const HotspotRequest& request);

}  // namespace lizheng::insight::hotspots::detail
