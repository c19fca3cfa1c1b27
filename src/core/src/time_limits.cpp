#include "lizheng/core/time_limits.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <tuple>

#include "lizheng/core/directory.hpp"

namespace lizheng {
namespace {

struct UnitSuffix {
  LimitUnit unit;
  std::string_view suffix;
};

// Two-letter suffixes come first so "wm" is not read as "m".
constexpr std::array<UnitSuffix, 6> kSuffixes{{
    {LimitUnit::kWorkingMinutes, "wm"},
    {LimitUnit::kWorkingHours, "wh"},
    {LimitUnit::kWorkingDays, "wd"},
    {LimitUnit::kMinutes, "m"},
    {LimitUnit::kHours, "h"},
    {LimitUnit::kDays, "d"},
}};

constexpr std::string_view kAny = "*";
constexpr std::array<std::string_view, 6> kColumns{"type",     "category", "urgency",
                                                   "sign_for", "contact",  "reply"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(Trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

Error MatrixError(int line, int column, std::string message) {
  std::string where = "time limits line " + std::to_string(line);
  if (column > 0) {
    where += ", column " + std::to_string(column) + " (" +
             std::string(kColumns[static_cast<std::size_t>(column - 1)]) + ")";
  }
  return MakeError(ErrorCode::kInvalidArgument, where + ": " + std::move(message), "time_limits");
}

template <class E>
Result<std::optional<E>> ParseAnyOr(std::string_view text, int line, int column,
                                    std::string_view what) {
  if (text == kAny) return std::optional<E>{};
  if (auto value = FromWire<E>(text)) return std::optional<E>{*value};
  return MatrixError(line, column,
                     "unknown " + std::string(what) + " '" + std::string(text) +
                         "'; expected * or one of " + WireNamesList<E>());
}

// Parses one data row; `line` is used in errors.
Result<TimeLimitRule> ParseRow(const std::vector<std::string_view>& f, int line) {
  TimeLimitRule rule;
  LZ_ASSIGN_OR_RETURN(rule.type, ParseAnyOr<RequestType>(f[0], line, 1, "request type"));
  if (f[1].empty()) return MatrixError(line, 2, "empty; expected * or a first-level code");
  if (f[1] != kAny) {
    if (FirstLevelCode(f[1]) != f[1]) {
      return MatrixError(line, 2,
                         "'" + std::string(f[1]) +
                             "' is not a first-level category code; expected * or a "
                             "code without '.', such as 01");
    }
    rule.category_code = std::string(f[1]);
  }
  LZ_ASSIGN_OR_RETURN(rule.urgency, ParseAnyOr<Urgency>(f[2], line, 3, "urgency"));
  LimitSpan* spans[] = {&rule.limits.sign_for, &rule.limits.contact, &rule.limits.reply};
  for (std::size_t i = 0; i < 3; ++i) {
    auto span = LimitSpan::Parse(f[3 + i], kColumns[3 + i]);
    if (!span.ok()) return MatrixError(line, static_cast<int>(4 + i), span.error().message);
    *spans[i] = *span;
  }
  return rule;
}

// How many of a rule's keys are set; urgency outweighs type outweighs
// category, so an urgency row beats any type or category row.
int Specificity(const TimeLimitRule& r) {
  return (r.urgency ? 4 : 0) + (r.type ? 2 : 0) + (r.category_code.empty() ? 0 : 1);
}

}  // namespace

std::string LimitSpan::ToString() const {
  for (const auto& s : kSuffixes) {
    if (s.unit == unit) return std::to_string(amount) + std::string(s.suffix);
  }
  return std::to_string(amount);  // unreachable: kSuffixes covers every LimitUnit
}

Result<LimitSpan> LimitSpan::Parse(std::string_view text, std::string_view field) {
  const auto fail = [&] {
    const std::string shown(text.substr(0, 40));
    return MakeError(ErrorCode::kInvalidArgument, "time_limit_invalid",
                     Text{std::string(field) + "：'" + shown +
                              "' 不是有效的时限；应为正整数加单位 m、h、d（自然时间）或 wm、wh、wd"
                              "（工作时间），如 15wm、3wd 或 1h",
                          std::string(field) + ": '" + shown +
                              "' is not a time limit; expected a positive whole number followed by "
                              "m, h, d (natural) or wm, wh, wd (working), such as 15wm, 3wd or 1h"},
                     std::string(field));
  };
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return fail();
  int amount = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + digits, amount);
  if (ec != std::errc{} || amount <= 0) return fail();
  const std::string_view suffix = text.substr(digits);
  for (const auto& s : kSuffixes) {
    if (s.suffix == suffix) return LimitSpan{amount, s.unit};
  }
  return fail();
}

Status ClockPolicy::Set(std::string_view name, std::string_view value) {
  const std::string field = "policy " + std::string(name);
  auto span_in = [&](LimitUnit only, Text example) -> Result<int> {
    LZ_ASSIGN_OR_RETURN(LimitSpan span, LimitSpan::Parse(value, field));
    if (span.unit != only)
      return MakeError(
          ErrorCode::kInvalidArgument, "time_limit_wrong_unit",
          Text{field + "：'" + std::string(value) + "' 应写成" + example.zh,
               field + ": '" + std::string(value) + "' must be given as " + example.en},
          field);
    return span.amount;
  };
  if (name == "callback" || name == "supervision" || name == "reopen_reply") {
    LZ_ASSIGN_OR_RETURN(LimitSpan span, LimitSpan::Parse(value, field));
    (name == "callback" ? callback : name == "supervision" ? supervision : reopen_reply) = span;
    return OkStatus();
  }
  if (name == "dispute_window") {
    LZ_ASSIGN_OR_RETURN(
        dispute_window_days,
        span_in(LimitUnit::kDays, Text{"自然日，如 15d", "natural days, such as 15d"}));
    return OkStatus();
  }
  if (name == "max_extension") {
    LZ_ASSIGN_OR_RETURN(
        max_extension_working_days,
        span_in(LimitUnit::kWorkingDays, Text{"工作日，如 15wd", "working days, such as 15wd"}));
    return OkStatus();
  }
  if (name == "warn_at") {
    int percent = 0;
    const bool has_sign = !value.empty() && value.back() == '%';
    const std::string_view digits = has_sign ? value.substr(0, value.size() - 1) : value;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), percent);
    if (!has_sign || ec != std::errc{} || ptr != digits.data() + digits.size() || percent < 1 ||
        percent > 99) {
      return MakeError(
          ErrorCode::kInvalidArgument, "warn_share_invalid",
          Text{field + "：'" + std::string(value) + "' 不是时限的比例；应为 1% 到 99%，如 80%",
               field + ": '" + std::string(value) +
                   "' is not a share of the limit; expected 1% to 99%, such as 80%"},
          field);
    }
    warn_fraction = percent / 100.0;
    return OkStatus();
  }
  return MakeError(ErrorCode::kInvalidArgument, "unknown_setting",
                   Text{"policy：没有设置项 '" + std::string(name) +
                            "'；可选 callback、supervision、reopen_reply、dispute_window、"
                            "max_extension 或 warn_at",
                        "policy: unknown setting '" + std::string(name) +
                            "'; expected callback, supervision, reopen_reply, dispute_window, "
                            "max_extension or warn_at"},
                   "policy");
}

std::vector<std::pair<std::string, std::string>> ClockPolicy::Settings() const {
  return {{"callback", callback.ToString()},
          {"supervision", supervision.ToString()},
          {"reopen_reply", reopen_reply.ToString()},
          {"dispute_window", std::to_string(dispute_window_days) + "d"},
          {"max_extension", std::to_string(max_extension_working_days) + "wd"},
          {"warn_at", std::to_string(std::lround(warn_fraction * 100)) + "%"}};
}

TimeLimitMatrix::TimeLimitMatrix(std::vector<TimeLimitRule> rules, ClockPolicy policy)
    : rules_(std::move(rules)), policy_(std::move(policy)) {}

Result<TimeLimitMatrix> TimeLimitMatrix::Parse(std::string_view tsv) {
  std::vector<TimeLimitRule> rules;
  ClockPolicy policy;
  std::map<std::string, int, std::less<>> policy_lines;  // setting -> its line
  std::map<std::tuple<int, std::string, int>, int> seen;  // rule key -> its line
  bool header_seen = false;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= tsv.size()) {
    const std::size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() + 1 : nl + 1;
    ++line_no;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    if (Trim(line).find_first_not_of('\t') == std::string_view::npos) continue;

    const auto fields = SplitTabs(Trim(line));
    if (header_seen && fields[0] == "policy") {
      if (fields.size() != 3)
        return MatrixError(line_no, 0, "a policy row has 3 columns: policy, setting, value");
      Status set = policy.Set(fields[1], fields[2]);
      if (!set.ok()) return MatrixError(line_no, 0, set.error().message);
      if (const auto [it, inserted] = policy_lines.emplace(std::string(fields[1]), line_no);
          !inserted) {
        return MatrixError(line_no, 0,
                           "repeats the policy setting of line " + std::to_string(it->second));
      }
      continue;
    }
    if (fields.size() != kColumns.size()) {
      return MatrixError(line_no, 0,
                         "expected 6 tab-separated columns (type, category, urgency, sign_for, "
                         "contact, reply), found " +
                             std::to_string(fields.size()));
    }
    if (!header_seen) {
      for (std::size_t i = 0; i < kColumns.size(); ++i) {
        if (fields[i] != kColumns[i]) {
          return MatrixError(line_no, static_cast<int>(i + 1),
                             "header expected '" + std::string(kColumns[i]) + "', found '" +
                                 std::string(fields[i]) + "'");
        }
      }
      header_seen = true;
      continue;
    }
    LZ_ASSIGN_OR_RETURN(TimeLimitRule rule, ParseRow(fields, line_no));
    // Two rows with the same keys would make Lookup depend on row order.
    const std::tuple key{rule.type ? static_cast<int>(*rule.type) : -1, rule.category_code,
                         rule.urgency ? static_cast<int>(*rule.urgency) : -1};
    if (const auto [it, inserted] = seen.emplace(key, line_no); !inserted) {
      return MatrixError(
          line_no, 0,
          "repeats the type, category and urgency of line " + std::to_string(it->second));
    }
    rules.push_back(std::move(rule));
  }
  if (!header_seen) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "time limits: no header; expected the first row to be "
                     "type, category, urgency, sign_for, contact, reply separated by tabs",
                     "time_limits");
  }
  const bool has_catch_all = std::any_of(
      rules.begin(), rules.end(), [](const TimeLimitRule& r) { return Specificity(r) == 0; });
  if (!has_catch_all) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "time limits: no catch-all row; add a row '*<TAB>*<TAB>*' with the "
                     "default limits so every work order gets one",
                     "time_limits");
  }
  return TimeLimitMatrix(std::move(rules), std::move(policy));
}

std::string TimeLimitMatrix::ToTsv() const {
  std::string out = "type\tcategory\turgency\tsign_for\tcontact\treply\n";
  for (const auto& r : rules_) {
    out += r.type ? std::string(ToWire(*r.type)) : std::string(kAny);
    out += '\t';
    out += r.category_code.empty() ? std::string(kAny) : r.category_code;
    out += '\t';
    out += r.urgency ? std::string(ToWire(*r.urgency)) : std::string(kAny);
    out += '\t' + r.limits.sign_for.ToString();
    out += '\t' + r.limits.contact.ToString();
    out += '\t' + r.limits.reply.ToString() + '\n';
  }
  for (const auto& [name, value] : policy_.Settings()) out += "policy\t" + name + '\t' + value + '\n';
  return out;
}

LimitSet TimeLimitMatrix::Lookup(RequestType type, std::string_view category_code,
                                 Urgency urgency) const {
  const std::string_view first_level = FirstLevelCode(category_code);
  const TimeLimitRule* best = nullptr;
  for (const auto& r : rules_) {
    if (r.type && *r.type != type) continue;
    if (r.urgency && *r.urgency != urgency) continue;
    if (!r.category_code.empty() && FirstLevelCode(r.category_code) != first_level) continue;
    // Strictly greater: among equals the earlier row wins.
    if (!best || Specificity(r) > Specificity(*best)) best = &r;
  }
  if (best) return best->limits;
  // Only a hand-built matrix can lack the catch-all; fall back to the
  // published defaults (DESIGN.md §1) rather than a zero limit.
  return LimitSet{{15, LimitUnit::kWorkingMinutes},
                  {30, LimitUnit::kWorkingMinutes},
                  {5, LimitUnit::kWorkingDays}};
}

Timestamp AddSpan(const WorkingCalendar& calendar, Timestamp from, LimitSpan span) {
  switch (span.unit) {
    case LimitUnit::kMinutes:
      return from + std::chrono::minutes{span.amount};
    case LimitUnit::kHours:
      return from + std::chrono::hours{span.amount};
    case LimitUnit::kDays:
      return from + std::chrono::days{span.amount};
    case LimitUnit::kWorkingMinutes:
      return calendar.AddWorkingMinutes(from, span.amount);
    case LimitUnit::kWorkingHours:
      return calendar.AddWorkingMinutes(from, std::int64_t{span.amount} * 60);
    case LimitUnit::kWorkingDays:
      return calendar.AddWorkingDays(from, span.amount);
  }
  return from;  // unreachable: the switch covers every LimitUnit
}

Timestamp WarnAt(Timestamp from, Timestamp due, double warn_fraction) {
  // A fraction outside [0, 1] (or NaN) is a configuration slip; clamping
  // keeps the warning between start and deadline instead of after it.
  const double f = warn_fraction >= 0.0 ? std::min(warn_fraction, 1.0) : 0.0;
  const double span = static_cast<double>((due - from).count());
  return from + std::chrono::seconds{std::llround(f * span)};
}

}  // namespace lizheng
