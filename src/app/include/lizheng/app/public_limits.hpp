// The rate limits where the public touches the platform: anonymous intake,
// lookups by query code, and staff sign-in. Each check takes its slot
// before the work it guards and answers kTooManyRequests, with the seconds
// to wait in retry_after_seconds (the API's Retry-After) and a message
// saying when to retry. The limits of each jurisdiction come from its
// RateLimitSettings (through the JurisdictionCache); the counters live in
// this process's memory (one server process; a restart forgets them).
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

#include "lizheng/app/environment.hpp"
#include "lizheng/app/jurisdiction_cache.hpp"
#include "lizheng/app/rate_limit.hpp"
#include "lizheng/app/rate_limit_settings.hpp"

namespace lizheng::app {

// What a sign-in attempt holds while its password is checked; hand it back
// to PublicLimits::EndLogin.
struct LoginAttempt {
  bool limited = false;  // false when the limits are off
  std::string pair_key, address_key, account_key;
  Rate address_rate, account_rate;
  bool took_account = false;  // the address is not one the account used lately
};

// How a sign-in attempt ended.
enum class LoginOutcome {
  kSucceeded,
  kFailed,
  kNotChecked,  // the password was not checked (busy, storage error)
};

// Thread-safe. Keys are held per limit up to `max_keys` (older ones are
// forgotten first), so memory stays bounded whatever the callers send.
class PublicLimits {
 public:
  // `enabled` false: every check admits (for load tests and test harnesses
  // that file thousands of requests from one address; `lizheng serve
  // --rate-limits off`).
  PublicLimits(JurisdictionCache& cache, const TimeSource& time, bool enabled = true,
               std::size_t max_keys = 100'000);

  // An anonymous submission from `address` (empty: staff, never limited),
  // against the address's and the jurisdiction's allowance.
  Status AdmitSubmission(const JurisdictionData& data, const std::string& address);

  // A lookup (or rate, dispute) of `tracking_no` by query code from
  // `address` (empty: not limited per address). Counts a failure for the
  // tracking number before the code is compared, whether the number exists
  // or not; kTooManyRequests "query_code_locked" while it is locked.
  Status BeginLookup(const std::string& address, const std::string& tracking_no);
  // The code was right: the number's failures are forgiven.
  void LookupSucceeded(const std::string& tracking_no);

  // A sign-in of `username` from `address`: the (account, address) pair's
  // back-off, the address's and the account's failure allowances. Takes a
  // failure from each before the password is checked.
  Result<LoginAttempt> BeginLogin(JurisdictionId j, const std::string& username,
                                  const std::string& address);
  // Ends an attempt: a success gives the failures back, clears the pair's
  // back-off and remembers the address as one the account uses; an attempt
  // whose password was not checked gives back the address's and account's
  // failures (the pair's strike stays: its first ones are free).
  void EndLogin(const LoginAttempt& attempt, LoginOutcome outcome);

 private:
  RateLimitSettings SettingsOf(JurisdictionId j);
  RateLimitSettings LookupSettings();
  bool Familiar(const std::string& pair_key);
  void RememberFamiliar(const std::string& pair_key);

  JurisdictionCache& cache_;
  const TimeSource& time_;
  bool enabled_;
  std::size_t max_keys_;
  RateLimiter intake_per_address_, intake_total_, lookups_per_address_;
  Backoff lookup_failures_;
  Backoff login_pairs_;
  RateLimiter login_per_address_, login_per_account_;
  std::mutex familiar_mu_;
  std::unordered_map<std::string, Timestamp> familiar_;  // pair -> last success
};

// "3 分钟" / "3 minutes" (seconds under a minute, hours from an hour on):
// how long to wait, for the messages of a 429.
Text WaitText(std::chrono::seconds wait);

}  // namespace lizheng::app
