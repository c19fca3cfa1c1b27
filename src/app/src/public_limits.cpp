#include "lizheng/app/public_limits.hpp"

#include <algorithm>
#include <vector>

namespace lizheng::app {
namespace {

// How long an address where the account signed in stays familiar.
constexpr std::chrono::days kFamiliarFor{30};

Error TooMany(std::string reason, Text text, std::chrono::seconds wait, std::string field = {}) {
  Error e = MakeError(ErrorCode::kTooManyRequests, std::move(reason), std::move(text), std::move(field));
  e.retry_after_seconds = static_cast<int>(std::max<long long>(wait.count(), 1));
  return e;
}

}  // namespace

Text WaitText(std::chrono::seconds wait) {
  const long long s = std::max<long long>(wait.count(), 1);
  if (s < 60) return Text{std::to_string(s) + " 秒", std::to_string(s) + (s == 1 ? " second" : " seconds")};
  if (s < 3600) {
    const long long m = (s + 59) / 60;
    return Text{std::to_string(m) + " 分钟", std::to_string(m) + (m == 1 ? " minute" : " minutes")};
  }
  const long long h = (s + 3599) / 3600;
  return Text{std::to_string(h) + " 小时", std::to_string(h) + (h == 1 ? " hour" : " hours")};
}

PublicLimits::PublicLimits(JurisdictionCache& cache, const TimeSource& time, bool enabled,
                           std::size_t max_keys)
    : cache_(cache),
      time_(time),
      enabled_(enabled),
      max_keys_(max_keys),
      intake_per_address_(time, max_keys),
      intake_total_(time, max_keys),
      lookups_per_address_(time, max_keys),
      lookup_failures_(time, max_keys),
      login_pairs_(time, max_keys),
      login_per_address_(time, max_keys),
      login_per_account_(time, max_keys) {}

RateLimitSettings PublicLimits::SettingsOf(JurisdictionId j) {
  auto data = cache_.Get(j);
  return data.ok() ? (*data)->rate_limits : RateLimitSettings{};
}

// A lookup names no jurisdiction (a citizen never has to), and its limits
// must not differ by whether the number exists: the default jurisdiction's
// settings apply to every lookup.
RateLimitSettings PublicLimits::LookupSettings() {
  auto data = cache_.Default();
  return data.ok() ? (*data)->rate_limits : RateLimitSettings{};
}

Status PublicLimits::AdmitSubmission(const JurisdictionData& data, const std::string& address) {
  if (!enabled_ || address.empty()) return OkStatus();
  const RateLimitSettings& s = data.rate_limits;
  const std::string j = std::to_string(data.directory.jurisdiction().id);
  const std::string key = j + "|" + address;
  if (Admission a = intake_per_address_.Take(key, s.intake_per_address); !a) {
    const Text wait = WaitText(a.retry_after);
    return TooMany("too_many_submissions",
                   Text{"此网络地址提交诉求过于频繁，请 " + wait.zh + "后再试；情况紧急请拨打 12345 热线",
                        "too many requests filed from this address; try again in " + wait.en +
                            ", or call the 12345 hotline if it is urgent"},
                   a.retry_after);
  }
  if (Admission a = intake_total_.Take(j, s.intake_total); !a) {
    // The address's allowance was not used after all.
    intake_per_address_.GiveBack(key, s.intake_per_address);
    const Text wait = WaitText(a.retry_after);
    return TooMany("intake_busy",
                   Text{"网上提交诉求的人数过多，请 " + wait.zh + "后再试，或拨打 12345 热线",
                        "online intake is busy; try again in " + wait.en +
                            ", or call the 12345 hotline"},
                   a.retry_after);
  }
  return OkStatus();
}

Status PublicLimits::BeginLookup(const std::string& address, const std::string& tracking_no) {
  if (!enabled_) return OkStatus();
  const RateLimitSettings s = LookupSettings();
  if (!address.empty()) {
    if (Admission a = lookups_per_address_.Take(address, s.lookups_per_address); !a) {
      const Text wait = WaitText(a.retry_after);
      return TooMany("too_many_lookups",
                     Text{"此网络地址查询过于频繁，请 " + wait.zh + "后再试",
                          "too many lookups from this address; try again in " + wait.en},
                     a.retry_after);
    }
  }
  // The N-th failure locks the number: N - 1 free strikes, then a block of
  // lookup_lock that does not grow.
  BackoffPolicy policy;
  policy.free_failures = std::max(s.lookup_failures_per_number - 1, 0);
  policy.first_block = s.lookup_lock;
  policy.max_block = s.lookup_lock;
  policy.forget_after = s.lookup_lock;
  if (Admission a = lookup_failures_.Take(tracking_no, policy); !a) {
    const Text wait = WaitText(a.retry_after);
    return TooMany("query_code_locked",
                   Text{"该编号的查询码输错次数过多，已暂时锁定，请 " + wait.zh +
                            "后再试，或拨打 12345 热线查询",
                        "too many wrong query codes for this tracking number; it is locked for " +
                            wait.en + "; call the 12345 hotline for help"},
                   a.retry_after, "query_code");
  }
  return OkStatus();
}

void PublicLimits::LookupSucceeded(const std::string& tracking_no) {
  if (enabled_) lookup_failures_.Clear(tracking_no);
}

Result<LoginAttempt> PublicLimits::BeginLogin(JurisdictionId j, const std::string& username,
                                              const std::string& address) {
  LoginAttempt at;
  if (!enabled_) return at;
  const RateLimitSettings s = SettingsOf(j);
  const std::string jj = std::to_string(j);
  at.limited = true;
  at.address_key = jj + "|" + address;
  at.account_key = jj + "|" + username;
  at.pair_key = at.account_key + "|" + address;
  at.address_rate = s.login_failures_per_address;
  at.account_rate = s.login_failures_per_account;

  if (Admission a = login_per_address_.Take(at.address_key, at.address_rate); !a) {
    const Text wait = WaitText(a.retry_after);
    return TooMany("too_many_logins_from_address",
                   Text{"此网络地址登录失败次数过多，请 " + wait.zh + "后再试",
                        "too many failed sign-ins from this address; try again in " + wait.en},
                   a.retry_after);
  }
  // The account's own user, from an address where they signed in lately,
  // is not held back by failures elsewhere.
  if (!Familiar(at.pair_key)) {
    if (Admission a = login_per_account_.Take(at.account_key, at.account_rate); !a) {
      login_per_address_.GiveBack(at.address_key, at.address_rate);
      const Text wait = WaitText(a.retry_after);
      return TooMany("too_many_logins_for_account",
                     Text{"该账号近期登录失败次数过多，请 " + wait.zh +
                              "后再试，或在以前登录过的网络中登录",
                          "too many failed sign-ins for this account; try again in " + wait.en +
                              ", or sign in from a network you used before"},
                     a.retry_after);
    }
    at.took_account = true;
  }
  BackoffPolicy pair;
  pair.free_failures = s.login_free_failures;
  pair.first_block = s.login_first_block;
  pair.max_block = s.login_max_block;
  if (Admission a = login_pairs_.Take(at.pair_key, pair); !a) {
    login_per_address_.GiveBack(at.address_key, at.address_rate);
    if (at.took_account) login_per_account_.GiveBack(at.account_key, at.account_rate);
    const Text wait = WaitText(a.retry_after);
    return TooMany("too_many_logins",
                   Text{"登录失败次数过多，请 " + wait.zh + "后再试",
                        "too many failed sign-ins; try again in " + wait.en},
                   a.retry_after);
  }
  return at;
}

void PublicLimits::EndLogin(const LoginAttempt& attempt, LoginOutcome outcome) {
  if (!attempt.limited || outcome == LoginOutcome::kFailed) return;
  login_per_address_.GiveBack(attempt.address_key, attempt.address_rate);
  if (attempt.took_account) login_per_account_.GiveBack(attempt.account_key, attempt.account_rate);
  if (outcome == LoginOutcome::kNotChecked) return;
  login_pairs_.Clear(attempt.pair_key);
  RememberFamiliar(attempt.pair_key);
}

bool PublicLimits::Familiar(const std::string& pair_key) {
  std::lock_guard lock(familiar_mu_);
  auto it = familiar_.find(pair_key);
  return it != familiar_.end() && time_.Now() - it->second < kFamiliarFor;
}

void PublicLimits::RememberFamiliar(const std::string& pair_key) {
  const Timestamp now = time_.Now();
  std::lock_guard lock(familiar_mu_);
  if (familiar_.size() >= max_keys_ && !familiar_.count(pair_key)) {
    std::erase_if(familiar_, [&](const auto& kv) { return now - kv.second >= kFamiliarFor; });
    if (familiar_.size() >= max_keys_) {
      // Forget the tenth least recently used.
      std::vector<std::pair<Timestamp, std::string>> order;
      for (const auto& [k, t] : familiar_) order.emplace_back(t, k);
      const std::size_t n = std::max<std::size_t>(1, order.size() / 10);
      std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n - 1), order.end());
      for (std::size_t i = 0; i < n; ++i) familiar_.erase(order[i].second);
    }
  }
  familiar_[pair_key] = now;
}

}  // namespace lizheng::app
