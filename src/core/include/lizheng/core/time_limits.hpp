// 时限: the limits matrix (request type x first-level category x urgency)
// and the other clock settings of a jurisdiction. Limits are data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lizheng/core/enums.hpp"
#include "lizheng/core/result.hpp"
#include "lizheng/core/time.hpp"
#include "lizheng/core/working_calendar.hpp"

namespace lizheng {

enum class LimitUnit {
  kMinutes,         // "m": natural minutes
  kHours,           // "h": natural hours
  kDays,            // "d": natural days
  kWorkingMinutes,  // "wm"
  kWorkingHours,    // "wh"
  kWorkingDays,     // "wd"
};

// An amount of time in one unit, written "15wm", "3wd", "1h".
struct LimitSpan {
  int amount = 0;
  LimitUnit unit = LimitUnit::kWorkingDays;

  std::string ToString() const;
  // Rejects anything but a positive integer followed by m|h|d|wm|wh|wd.
  static Result<LimitSpan> Parse(std::string_view text, std::string_view field);
  bool operator==(const LimitSpan&) const = default;
};

// The three limits that start when a work order is dispatched.
struct LimitSet {
  LimitSpan sign_for;  // 签收
  LimitSpan contact;   // 联系群众
  LimitSpan reply;     // 答复
  bool operator==(const LimitSet&) const = default;
};

// One row of the matrix; an empty optional or category matches anything.
struct TimeLimitRule {
  std::optional<RequestType> type;
  std::string category_code;  // a first-level category code, or empty
  std::optional<Urgency> urgency;
  LimitSet limits;
};

// The clock settings outside the matrix, written in the same file as
// "policy<TAB>name<TAB>value" rows (see data/time_limits.tsv).
struct ClockPolicy {
  LimitSpan callback{3, LimitUnit::kWorkingDays};      // 回访 after the reply is published
  LimitSpan supervision{3, LimitUnit::kWorkingDays};   // default 督办 deadline
  LimitSpan reopen_reply{3, LimitUnit::kWorkingDays};  // reply limit after 重办
  int dispute_window_days = 15;                        // natural days after closing
  int max_extension_working_days = 15;
  double warn_fraction = 0.8;  // warn when this share of the limit has elapsed

  // Sets one setting from its file form: callback, supervision and
  // reopen_reply take a span ("3wd"); dispute_window natural days ("15d");
  // max_extension working days ("15wd"); warn_at a percentage ("80%").
  Status Set(std::string_view name, std::string_view value);
  // Every setting as (name, value) in its file form, in a fixed order.
  std::vector<std::pair<std::string, std::string>> Settings() const;
  bool operator==(const ClockPolicy&) const = default;
};

// The matrix. Lookup picks the most specific matching rule (urgency, then
// type, then category each add specificity); a matrix always has a catch-all
// row, which Parse enforces.
class TimeLimitMatrix {
 public:
  explicit TimeLimitMatrix(std::vector<TimeLimitRule> rules, ClockPolicy policy = {});

  // TSV with header "type<TAB>category<TAB>urgency<TAB>sign_for<TAB>contact<TAB>reply";
  // '*' for any; "policy<TAB>name<TAB>value" rows set the ClockPolicy (the
  // settings not given keep their defaults). Errors name the line and column.
  static Result<TimeLimitMatrix> Parse(std::string_view tsv);
  std::string ToTsv() const;

  // category_code may be of any level; its first level is matched.
  LimitSet Lookup(RequestType type, std::string_view category_code, Urgency urgency) const;
  const std::vector<TimeLimitRule>& rules() const { return rules_; }
  const ClockPolicy& policy() const { return policy_; }

 private:
  std::vector<TimeLimitRule> rules_;
  ClockPolicy policy_;
};

// from + span on the calendar.
Timestamp AddSpan(const WorkingCalendar& calendar, Timestamp from, LimitSpan span);
// The warning instant of a clock running from `from` to `due`.
Timestamp WarnAt(Timestamp from, Timestamp due, double warn_fraction);

}  // namespace lizheng
