// The district-map importer (`lizheng map import`): app::ValidateDistrictMap
// over GeoJSON, against a jurisdiction of two districts and one street. A
// map is either accepted or refused with an error; nothing may throw.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "lizheng/app/district_map.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const lizheng::Directory dir(
      lizheng::Jurisdiction{1, "jc", "江川市", 480}, {},
      {lizheng::Area{"dh", "东湖区", "", 1}, lizheng::Area{"xs", "西山区", "", 1},
       lizheng::Area{"dh-01", "滨江街道", "dh", 2}},
      {}, {}, {});
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const lizheng::Status s = lizheng::app::ValidateDistrictMap(text, dir);
  if (!s.ok()) lizheng::fuzz::CheckImportError(s.error());
  return 0;
}
