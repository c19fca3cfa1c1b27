#include "request_place.hpp"

namespace lizheng::insight::hotspots::detail {

namespace {

bool IsCityOnly(const Place& p) { return p.key.ends_with("市"); }

// The first district proper (A5区), else the first city (A市), or nullptr.
const Place* FirstDistrict(const std::vector<Place>& places) {
  const Place* city = nullptr;
  for (const Place& p : places) {
    if (p.kind != PlaceKind::kDistrict) continue;
    if (!IsCityOnly(p)) return &p;
    if (city == nullptr) city = &p;
  }
  return city;
}

}  // namespace

RequestPlace LocateRequest(const PlaceExtractor& extractor, const HotspotRequest& request) {
  RequestPlace out;
  if (!request.area_code.empty()) {
    out.district_key = request.area_code;
    out.district_name = request.area_name.empty() ? request.area_code : request.area_name;
  }
  const std::string* sources[] = {&request.address, &request.title, &request.details};
  for (const std::string* source : sources) {
    if (source->empty()) continue;
    const bool need_district = out.district_key.empty();  // a city alone: keep looking
    const bool need_place = out.place_key.empty();
    if (!need_district && !need_place) break;
    const std::vector<Place> places = extractor.Find(*source);
    if (need_district) {
      if (const Place* d = FirstDistrict(places)) {
        // A city alone says nothing against a district of it: it only names.
        if (!IsCityOnly(*d)) out.district_key = d->key;
        if (out.district_name.empty() || !IsCityOnly(*d)) out.district_name = d->name;
      }
    }
    if (need_place) {
      if (const Place* p = MostSpecificPlace(places)) {
        out.place_key = p->key;
        out.place_name = p->name;
        out.kind = p->kind;
        out.firm = source != &request.details;
        for (const Place& q : places) out.mentioned.push_back(q.name);
      }
    }
  }
  return out;
}

}  // namespace lizheng::insight::hotspots::detail
