// A jurisdiction's rate limits on the public edge (anonymous intake,
// citizen lookups, staff sign-in), kept as the jurisdiction file
// "rate_limits.tsv" and exported/imported with `lizheng rate-limits`.
// A jurisdiction without the file uses the defaults below.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lizheng/app/rate_limit.hpp"
#include "lizheng/core/result.hpp"

namespace lizheng::app {

// The jurisdiction file holding the settings.
inline constexpr std::string_view kRateLimitsFile = "rate_limits.tsv";

// The defaults are sized for a city of about ten million. A 12345 centre
// of that size takes some 30,000-50,000 requests a day on all channels, of
// which the web, app, WeChat and mailbox intake is a few thousand: a few a
// minute on average, a few dozen at a peak.
struct RateLimitSettings {
  // Anonymous submissions per source address. A citizen files one or two;
  // a community service centre's public Wi-Fi, an office NAT or a mobile
  // carrier's shared address may carry a few dozen people an hour.
  Rate intake_per_address{30, std::chrono::hours(1)};
  // Anonymous submissions of the whole jurisdiction: about ten times the
  // peak, so a flood from many addresses cannot fill the day's numbers or
  // the queues (300 a minute is 432,000 a day). Staff intake is never
  // limited, so the hotline goes on when the web is flooded.
  Rate intake_total{300, std::chrono::minutes(1)};
  // Lookups, ratings and disputes by query code, per source address: a
  // citizen's page makes a few; a script guessing codes is slowed to this.
  Rate lookups_per_address{60, std::chrono::minutes(1)};
  // Wrong query codes for one tracking number before its code is locked,
  // and how long the lock lasts (a correct code is refused too meanwhile;
  // the citizen is told to call 12345). Failures are forgotten after a
  // quiet lock period.
  int lookup_failures_per_number = 10;
  std::chrono::seconds lookup_lock{std::chrono::hours(1)};
  // Sign-in failures per account *and* address: this many are free, then
  // each failure blocks the pair for login_first_block, doubling up to
  // login_max_block. A success clears the pair. Nobody else is affected.
  int login_free_failures = 3;
  std::chrono::seconds login_first_block{2};
  std::chrono::seconds login_max_block{std::chrono::minutes(15)};
  // Sign-in failures per address over all accounts: loose, so a call
  // centre of 50 operators behind one NAT still signs in after typos.
  Rate login_failures_per_address{100, std::chrono::minutes(15)};
  // Sign-in failures per account over all addresses, from addresses where
  // the account has not signed in lately: 50 an hour makes guessing a
  // policy-compliant password hopeless, and the account's own user, from an
  // address where they signed in before, is never held back by it.
  Rate login_failures_per_account{50, std::chrono::hours(1)};

  // Sets one setting from its file form (a Rate "30/1h", a count "10" or a
  // duration "1h"); an error names the setting and what is accepted.
  Status Set(std::string_view name, std::string_view value);
  // Every setting as (name, value) in its file form, in a fixed order.
  std::vector<std::pair<std::string, std::string>> Settings() const;

  // TSV with the header "name<TAB>value"; '#' lines and blank lines are
  // skipped; settings not given keep their defaults. Errors name the line.
  static Result<RateLimitSettings> Parse(std::string_view tsv);
  std::string ToTsv() const;

  bool operator==(const RateLimitSettings&) const = default;
};

}  // namespace lizheng::app
