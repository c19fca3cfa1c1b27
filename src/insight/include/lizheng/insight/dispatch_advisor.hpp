// 派单建议: the lead units a work order should most likely go to, with the
// reasons. Candidates come from the responsibility catalogue (派单目录) and
// from the centre's own practice: dispatches that the unit kept teach that
// it handles such requests there; a returned dispatch teaches the opposite.
// A unit outside the catalogue is suggested only when practice clearly
// supports it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lizheng/core/directory.hpp"
#include "lizheng/insight/advice_reason.hpp"

namespace lizheng::insight {

// One finished dispatch decision: the unit kept it (signed for it and went
// on) or returned it.
struct DispatchOutcome {
  std::string category_code;
  std::string area_code;
  UnitId unit = 0;
  bool returned = false;
};

struct UnitSuggestion {
  UnitId unit = 0;
  double score = 0.0;  // in [0, 1]; higher is more likely right
  std::vector<AdviceReason> reasons;
};

// Learns from outcomes and suggests. Not thread-safe: the caller guards it
// (learning is a map update; suggesting reads a few maps).
class DispatchAdvisor {
 public:
  // Counts one outcome under every level of its category and under its area
  // and the area's district.
  void Learn(const DispatchOutcome& outcome, const Directory& directory);

  // At most `top` active units, best first, for a request of `category_code`
  // (may be empty: not classified yet) at `area_code`, with the catalogue
  // valid on `day`.
  std::vector<UnitSuggestion> Suggest(const Directory& directory, Date day,
                                      std::string_view category_code, std::string_view area_code,
                                      std::size_t top = 3) const;

  std::int64_t outcomes() const { return outcomes_; }

 private:
  struct Tally {
    int kept = 0;
    int returned = 0;
  };
  using Tallies = std::map<UnitId, Tally>;
  // The most specific key with enough history, and its tallies.
  const Tallies* Practice(const Directory& directory, std::string_view category,
                          std::string_view area, std::string* scope_zh, std::string* scope_en) const;

  std::unordered_map<std::string, Tallies> tallies_;  // "category|area" -> unit -> tally
  std::int64_t outcomes_ = 0;
};

}  // namespace lizheng::insight
