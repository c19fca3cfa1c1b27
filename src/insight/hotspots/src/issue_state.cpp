#include "issue_state.hpp"

#include <algorithm>
#include <cmath>

namespace lizheng::insight::hotspots::detail {

Day DayOf(Timestamp t, int utc_offset_minutes) {
  const std::int64_t seconds = t.time_since_epoch().count() + utc_offset_minutes * 60LL;
  return seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
}

void DayCounts::Add(Day day) {
  const std::size_t slot = static_cast<std::size_t>(((day % kSlots) + kSlots) % kSlots);
  if (days_[slot] == day) {
    ++counts_[slot];
  } else if (days_[slot] < day) {  // the slot held an older day: reuse it
    days_[slot] = day;
    counts_[slot] = 1;
  }
  // else: a late request older than the ring; it counts only in the totals.
}

std::uint32_t DayCounts::Recent(Day day, int window) const {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < kSlots; ++i) {
    if (counts_[i] > 0 && days_[i] <= day && days_[i] > day - window) sum += counts_[i];
  }
  return sum;
}

double IssueState::Similarity(const std::vector<text::Keyword>& keywords) const {
  if (profile_norm <= 0) return 0;
  double dot = 0;
  for (const text::Keyword& k : keywords) {
    for (const ProfileTerm& t : profile) {
      if (t.hash == k.hash) {
        dot += t.weight * k.weight;
        break;
      }
    }
  }
  return dot / profile_norm;
}

namespace {

std::uint64_t CitizenHash(const std::string& citizen) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : citizen) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

bool SamePlace(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  return a.size() >= b.size() ? a.ends_with(b) : b.ends_with(a);
}

void IssueState::TallyPlace(const RequestPlace& where) {
  if (place.district_key.empty() && !where.district_key.empty()) {
    place.district_key = where.district_key;
    place.district_name = where.district_name;
  } else if (place.district_name.empty()) {
    place.district_name = where.district_name;  // a city alone names, never keys
  }
  for (const std::string& name : where.mentioned) {
    const auto it = std::find_if(place_names.begin(), place_names.end(),
                                 [&](const auto& p) { return p.first == name; });
    if (it != place_names.end()) {
      ++it->second;
    } else if (place_names.size() < 2 * kMaxPlaces) {
      place_names.emplace_back(name, 1);
    }
  }
  if (where.place_key.empty()) return;
  auto it = std::find_if(places.begin(), places.end(),
                         [&](const PlaceTally& t) { return SamePlace(t.key, where.place_key); });
  if (it != places.end()) {
    ++it->count;
    it->firm = it->firm || where.firm;
  } else if (places.size() < kMaxPlaces) {
    places.push_back({where.place_key, where.place_name, where.kind, where.firm, 1});
  }
  const PlaceTally* best = nullptr;
  for (const PlaceTally& t : places) {
    if (best == nullptr || (t.firm && !best->firm) ||
        (t.firm == best->firm && t.count > best->count)) {
      best = &t;
    }
  }
  place.place_key = best->key;
  place.place_name = best->name;
  place.kind = best->kind;
  place.firm = best->firm;
}

bool IssueState::PlaceIsRepresentative() const {
  for (const PlaceTally& t : places) {
    if (t.key == place.place_key) return 3 * t.count >= messages;
  }
  return false;
}

void IssueState::Absorb(const HotspotRequest& r, const RequestPlace& where,
                        const std::vector<text::Keyword>& keywords,
                        std::uint32_t people_mask, const HotspotOptions& options,
                        std::vector<std::uint64_t>& new_terms) {
  if (messages == 0 || r.time < first) first = r.time;
  if (messages == 0 || r.time > last) last = r.time;
  ++messages;
  TallyPlace(where);
  if (r.urgency != Urgency::kNormal) ++urgent;
  support += r.support_votes;
  against += r.against_votes;
  // Distinct citizens: exact up to max_members remembered hashes; past that
  // a citizen not remembered counts as new (an over-count, never an under-).
  if (r.citizen.empty() || citizen_hashes.size() >= options.max_members) {
    if (r.citizen.empty() || !citizen_hashes.contains(CitizenHash(r.citizen))) ++citizens;
  } else if (citizen_hashes.insert(CitizenHash(r.citizen)).second) {
    ++citizens;
  }
  days.Add(DayOf(r.time, options.utc_offset_minutes));
  if (members.size() < options.max_members) {
    members.push_back(r.id);
  } else {
    members_truncated = true;
  }
  for (std::size_t i = 0; i < people.size(); ++i) people[i] += (people_mask >> i) & 1u;

  for (const text::Keyword& k : keywords) {
    auto it = std::find_if(profile.begin(), profile.end(),
                           [&](const ProfileTerm& t) { return t.hash == k.hash; });
    if (it == profile.end()) {
      profile.push_back({k.hash, k.text, 0, 0, 0});
      it = profile.end() - 1;
      new_terms.push_back(k.hash);
    }
    it->weight += k.weight;
    it->position_sum += k.position;
    ++it->count;
  }
  if (profile.size() > options.profile_terms) {
    std::sort(profile.begin(), profile.end(),
              [](const ProfileTerm& a, const ProfileTerm& b) { return a.weight > b.weight; });
    profile.resize(options.profile_terms);
  }
  profile_norm = 0;
  for (const ProfileTerm& t : profile) profile_norm += t.weight * t.weight;
  profile_norm = std::sqrt(profile_norm);

  const double growth = GrowthAt(DayOf(last, options.utc_offset_minutes), options);
  peak_growth = std::max(peak_growth, growth);
}

double IssueState::GrowthAt(Day day, const HotspotOptions& options, double* baseline) const {
  const int window = options.growth_window_days;
  const std::uint32_t recent = days.Recent(day, window);
  const Day first_day = DayOf(first, options.utc_offset_minutes);
  double base = options.baseline_prior_per_week;
  if (first_day <= day - window) {
    // The issue's own weekly rate before the window, never below the prior
    // (so that a rare issue's second week is no surge).
    const double weeks = std::max(1.0, static_cast<double>(day - window - first_day + 1) / 7.0);
    const double before = static_cast<double>(messages > recent ? messages - recent : 0);
    base = std::max(base, before / weeks);
  }
  if (baseline != nullptr) *baseline = base;
  return base > 0 ? static_cast<double>(recent) / base : 0.0;
}

HotnessInputs IssueState::Inputs(double growth) const {
  HotnessInputs in;
  in.messages = messages;
  in.citizens = citizens;
  in.support_votes = support;
  in.against_votes = against;
  in.urgent_messages = urgent;
  in.growth = growth;
  return in;
}

}  // namespace lizheng::insight::hotspots::detail
