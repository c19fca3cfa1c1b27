// The state of one open issue: its keyword profile, its counts and its
// recent days. Bounded: profile_terms keywords, 16 day counters, at most
// max_members ids and citizen hashes.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "lizheng/insight/hotspots/hotspot_tracker.hpp"
#include "request_place.hpp"

namespace lizheng::insight::hotspots::detail {

// A day number in the jurisdiction's local time (days since 1970-01-01).
using Day = std::int64_t;
Day DayOf(Timestamp t, int utc_offset_minutes);

// Two specific places are one when one name ends with the other
// (涉外经济学院 and 经济学院: citizens shorten names). Empty keys never match.
bool SamePlace(const std::string& a, const std::string& b);

// Messages per day over the last 16 days, in a ring.
class DayCounts {
 public:
  void Add(Day day);
  // Messages on days in (day - window, day].
  std::uint32_t Recent(Day day, int window) const;

 private:
  static constexpr std::size_t kSlots = 16;
  std::array<Day, kSlots> days_{};
  std::array<std::uint32_t, kSlots> counts_{};
};

struct ProfileTerm {
  std::uint64_t hash = 0;
  std::string text;
  double weight = 0;        // sum of the members' keyword weights
  double position_sum = 0;  // sum of the members' positions (reading order)
  std::uint32_t count = 0;  // members holding it
};

// How often members named one place (丽发新城 and 丽发新城小区 count as one).
struct PlaceTally {
  std::string key, name;
  PlaceKind kind = PlaceKind::kDistrict;
  bool firm = false;
  std::uint32_t count = 0;
};

// How many people words PeopleMask knows; see issue_summary.hpp.
inline constexpr std::size_t kPeopleWordCount = 16;

struct IssueState {
  IssueId id = 0;
  // The district first named, and the place most members name (firm ones
  // first): what the issue is matched and shown by.
  RequestPlace place;
  std::vector<PlaceTally> places;  // at most kMaxPlaces
  // Place names members mention, with how many mention each (at most
  // 2 * kMaxPlaces names).
  std::vector<std::pair<std::string, std::uint32_t>> place_names;
  std::string category;
  std::vector<ProfileTerm> profile;
  double profile_norm = 0;
  Timestamp first{}, last{};
  std::optional<Timestamp> last_alert;
  std::uint32_t messages = 0;
  std::uint32_t urgent = 0;
  std::uint64_t support = 0;
  std::uint64_t against = 0;
  std::unordered_set<std::uint64_t> citizen_hashes;
  std::uint32_t citizens = 0;
  DayCounts days;
  double peak_growth = 0;
  std::vector<std::string> members;
  bool members_truncated = false;
  std::array<std::uint32_t, kPeopleWordCount> people{};

  // Cosine similarity of a request's keywords (unit norm) to the profile.
  double Similarity(const std::vector<text::Keyword>& keywords) const;

  static constexpr std::size_t kMaxPlaces = 8;

  // Takes the request in. Appends to `new_terms` the hashes of keywords that
  // entered the profile (for the candidate index).
  void Absorb(const HotspotRequest& r, const RequestPlace& where,
              const std::vector<text::Keyword>& keywords,
              std::uint32_t people_mask, const HotspotOptions& options,
              std::vector<std::uint64_t>& new_terms);

  // Growth at `day`: messages in the growth window over the weekly
  // baseline before it (the prior for an issue younger than the window).
  double GrowthAt(Day day, const HotspotOptions& options, double* baseline = nullptr) const;

  HotnessInputs Inputs(double growth) const;

  // Whether the place is named by enough members to stand for the issue
  // (a third of them): otherwise it is one member's aside.
  bool PlaceIsRepresentative() const;

 private:
  void TallyPlace(const RequestPlace& where);
};

}  // namespace lizheng::insight::hotspots::detail
