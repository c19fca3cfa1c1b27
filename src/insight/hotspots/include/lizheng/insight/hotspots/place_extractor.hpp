// 地点: places named in free text. Citizens rarely fill a structured address,
// and the public data set has none, so a place is found from how Chinese
// place names end: an estate (…小区, …花园, …苑, …新城), a school (…学院,
// …中学), a hospital, a company (…公司, …厂), a station (…站, …号线), a road
// (…路, …大道, …街), a public space (…广场, …公园) or a town, street office
// or village (…街道, …镇, …村); and the anonymised districts of the data set
// ("A市", "A5区", "K7县"). The name runs back from its ending over the
// segmenter's words until a function word, a verb of complaint, punctuation
// or a district (so "反映A市A5区魅力之城小区噪音" gives the district A市A5区
// and the estate 魅力之城小区).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/text/segmenter.hpp"

namespace lizheng::insight::hotspots {

// From most to least specific; a request is placed at its most specific one.
enum class PlaceKind {
  kEstate,       // 小区 花园 苑 新城 公寓 大厦 ...
  kSchool,       // 学院 大学 中学 小学 幼儿园 ...
  kHospital,     // 医院 卫生院 ...
  kCompany,      // 公司 集团 厂 银行 商场 酒店 ...
  kStation,      // 地铁站 站 号线 ...
  kPublicSpace,  // 广场 公园 景区 ...
  kRoad,         // 路 大道 街 巷 大桥 ...
  kTown,         // 街道 镇 乡 村 社区
  kDistrict,     // A市, A5区, K7县 (the data set's anonymised names)
};

// The kind's name for logs, tests and JSON ("estate", "school", ...).
std::string_view PlaceKindName(PlaceKind kind);

struct Place {
  std::string name;  // as written, e.g. "丽发新城小区", "A市A5区"
  // What two mentions of one place share: the name without a generic tail
  // (小区, 社区) and with ASCII upper-cased, e.g. "丽发新城".
  std::string key;
  PlaceKind kind = PlaceKind::kDistrict;
  std::size_t position = 0;  // code point offset of the name in the text
};

// Finds places in text. Immutable; any thread may call Find concurrently.
class PlaceExtractor {
 public:
  explicit PlaceExtractor(text::Segmenter segmenter);

  // Every place named in `utf8`, in order of position. Overlapping mentions
  // are merged into the longest ("丽发新城小区", not also "丽发新城").
  std::vector<Place> Find(std::string_view utf8) const;

 private:
  text::Segmenter segmenter_;
};

// The first of the most specific kind in `places` (kDistrict never counts:
// districts are looked up separately), or nullptr.
const Place* MostSpecificPlace(const std::vector<Place>& places);

}  // namespace lizheng::insight::hotspots
