// One request (诉求) as the hot-spot tracker sees it. The same struct carries
// a work order of the platform (area code, address, category, urgency) and a
// message (留言) of the public data set (text, user, votes only): every field
// but id, time and some text is optional.
#pragma once

#include <cstdint>
#include <string>

#include "lizheng/core/enums.hpp"
#include "lizheng/core/time.hpp"

namespace lizheng::insight::hotspots {

struct HotspotRequest {
  // Required and unique: the work order number, or 留言编号. Issues list
  // their members by it.
  std::string id;
  // The citizen's account or 留言用户; counts distinct citizens. Empty: an
  // anonymous request, counted as a citizen of its own.
  std::string citizen;
  // When the request was received (留言时间).
  Timestamp time{};
  // 留言主题 and 留言详情. At least one must hold text.
  std::string title;
  std::string details;
  // Optional: the area (street) code the platform assigned. When set it is
  // the request's district and wins over any district named in the text.
  std::string area_code;
  // Optional: the area's display name, shown in 地点/人群 (e.g. "A市A5区").
  std::string area_name;
  // Optional: the address the citizen gave; searched for a place before the
  // title and the details.
  std::string address;
  // Optional: a category code. Requests of different non-empty categories
  // never share an issue; pass the first-level code for a coarser grouping.
  std::string category;
  std::uint32_t support_votes = 0;  // 点赞数
  std::uint32_t against_votes = 0;  // 反对数
  Urgency urgency = Urgency::kNormal;
};

}  // namespace lizheng::insight::hotspots
