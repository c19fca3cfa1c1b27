// Why the analytics suggest something: one reason, in words for staff.
#pragma once

#include <string>

namespace lizheng::insight {

// A reason behind a suggestion. `code` is stable for programs ("catalogue",
// "same_street", ...); `zh` and `en` are the sentence shown to people.
struct AdviceReason {
  std::string code;
  std::string zh;
  std::string en;
  bool operator==(const AdviceReason&) const = default;
};

}  // namespace lizheng::insight
