#include "lizheng/app/rate_limit_settings.hpp"

#include <charconv>
#include <variant>

namespace lizheng::app {
namespace {

using Field = std::variant<Rate RateLimitSettings::*, int RateLimitSettings::*,
                           std::chrono::seconds RateLimitSettings::*>;

// The settings in file order; the one table behind Set, Settings and Parse.
const std::vector<std::pair<std::string_view, Field>>& Fields() {
  static const std::vector<std::pair<std::string_view, Field>> kFields = {
      {"intake_per_address", &RateLimitSettings::intake_per_address},
      {"intake_total", &RateLimitSettings::intake_total},
      {"lookups_per_address", &RateLimitSettings::lookups_per_address},
      {"lookup_failures_per_number", &RateLimitSettings::lookup_failures_per_number},
      {"lookup_lock", &RateLimitSettings::lookup_lock},
      {"login_free_failures", &RateLimitSettings::login_free_failures},
      {"login_first_block", &RateLimitSettings::login_first_block},
      {"login_max_block", &RateLimitSettings::login_max_block},
      {"login_failures_per_address", &RateLimitSettings::login_failures_per_address},
      {"login_failures_per_account", &RateLimitSettings::login_failures_per_account},
  };
  return kFields;
}

std::string Names() {
  std::string out;
  for (const auto& [name, field] : Fields()) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

}  // namespace

Status RateLimitSettings::Set(std::string_view name, std::string_view value) {
  for (const auto& [known, field] : Fields()) {
    if (known != name) continue;
    const std::string n(name);
    if (auto* rate = std::get_if<Rate RateLimitSettings::*>(&field)) {
      LZ_ASSIGN_OR_RETURN(this->**rate, Rate::Parse(value, n));
    } else if (auto* span = std::get_if<std::chrono::seconds RateLimitSettings::*>(&field)) {
      LZ_ASSIGN_OR_RETURN(this->**span, ParseDuration(value, n));
    } else {
      int count = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), count);
      if (ec != std::errc() || ptr != value.data() + value.size() || count < 0 || count > 1'000'000)
        return MakeError(ErrorCode::kInvalidArgument,
                         n + ": expected a whole number from 0 to 1000000, got '" +
                             std::string(value) + "'",
                         n);
      this->*std::get<int RateLimitSettings::*>(field) = count;
    }
    return OkStatus();
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "unknown setting '" + std::string(name) + "'; expected one of: " + Names(),
                   "name");
}

std::vector<std::pair<std::string, std::string>> RateLimitSettings::Settings() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, field] : Fields()) {
    std::string value;
    if (auto* rate = std::get_if<Rate RateLimitSettings::*>(&field)) {
      value = (this->**rate).ToString();
    } else if (auto* span = std::get_if<std::chrono::seconds RateLimitSettings::*>(&field)) {
      value = FormatDuration(this->**span);
    } else {
      value = std::to_string(this->*std::get<int RateLimitSettings::*>(field));
    }
    out.emplace_back(name, std::move(value));
  }
  return out;
}

Result<RateLimitSettings> RateLimitSettings::Parse(std::string_view tsv) {
  RateLimitSettings s;
  int line_no = 0;
  bool header = false;
  while (!tsv.empty()) {
    const auto nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto tab = line.find('\t');
    const std::string where = "line " + std::to_string(line_no) + ": ";
    if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos)
      return MakeError(ErrorCode::kInvalidArgument,
                       where + "expected two columns, name<TAB>value", "line");
    if (!header) {
      if (line != "name\tvalue")
        return MakeError(ErrorCode::kInvalidArgument,
                         where + "expected the header name<TAB>value", "line");
      header = true;
      continue;
    }
    Status st = s.Set(line.substr(0, tab), line.substr(tab + 1));
    if (!st.ok()) return MakeError(ErrorCode::kInvalidArgument, where + st.error().message, st.error().field);
  }
  if (!header)
    return MakeError(ErrorCode::kInvalidArgument, "expected the header name<TAB>value", "line");
  if (s.login_max_block < s.login_first_block)
    return MakeError(ErrorCode::kInvalidArgument,
                     "login_max_block: must not be shorter than login_first_block", "login_max_block");
  return s;
}

std::string RateLimitSettings::ToTsv() const {
  std::string out = "name\tvalue\n";
  for (const auto& [name, value] : Settings()) out += name + "\t" + value + "\n";
  return out;
}

}  // namespace lizheng::app
