// The cue words of the risk flags (risk_flags.hpp) and their index. Private
// to the insight module.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/insight/risk_flags.hpp"

namespace lizheng::insight {

// What a cue word does when it is found.
enum class CueRole : std::uint8_t {
  kFlag,     // raises a flag of `kind` at `level` (before its context is read)
  kBlocker,  // a longer word that hides a cue inside it (跳楼价, 死亡率, 极端天气)
  kArrears,  // says wages are owed: worker counts become a wage-arrears flag
};

struct Cue {
  std::string_view word;  // UTF-8; starts with a Chinese character
  CueRole role = CueRole::kFlag;
  RiskKind kind = RiskKind::kDanger;
  RiskLevel level = RiskLevel::kWatch;
  std::string_view zh;        // the concept, for reasons: "燃气泄漏"
  std::string_view en;        // "gas leak"
  bool workers = false;       // a collective word naming workers (全体员工)
  bool first_person = false;  // a threat that counts in full only when the writer makes it
};

// The built-in cues, in no particular order.
std::span<const Cue> BuiltInCues();

// The cues compiled for matching: the longest cue starting at a position is
// found with one table lookup and a few comparisons.
class CueIndex {
 public:
  explicit CueIndex(std::span<const Cue> cues);

  // The longest cue that starts at text[pos], or nullptr.
  const Cue* LongestAt(std::u32string_view text, std::size_t pos, std::size_t* length) const;

 private:
  struct Entry {
    std::u32string word;
    const Cue* cue;
  };
  static constexpr char32_t kFirst = 0x4E00;  // cues start with CJK ideographs
  static constexpr char32_t kLast = 0x9FFF;
  std::vector<Entry> entries_;  // by first character, then longest first
  // For each first character c: entries_[start_[c - kFirst], start_[c - kFirst + 1]).
  std::vector<std::uint32_t> start_;
};

}  // namespace lizheng::insight
