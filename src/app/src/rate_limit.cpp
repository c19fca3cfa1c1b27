#include "lizheng/app/rate_limit.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

namespace lizheng::app {
namespace {

std::int64_t Millis(Timestamp t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// Whole seconds until `until_ms`, at least one (a Retry-After of 0 would
// invite an immediate retry that fails again).
std::chrono::seconds SecondsUntil(std::int64_t until_ms, std::int64_t now_ms) {
  const std::int64_t ms = std::max<std::int64_t>(until_ms - now_ms, 1);
  return std::chrono::seconds((ms + 999) / 1000);
}

// Evicts about a tenth of `map` (at least one entry): those whose
// `importance` (a time: when the entry stops mattering) is lowest.
template <class Map, class Importance>
void EvictLeastImportant(Map& map, Importance importance) {
  std::vector<std::pair<std::int64_t, typename Map::const_iterator>> order;
  order.reserve(map.size());
  for (auto it = map.cbegin(); it != map.cend(); ++it) order.emplace_back(importance(it->second), it);
  const std::size_t n = std::max<std::size_t>(1, map.size() / 10);
  std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n - 1), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < n; ++i) map.erase(order[i].second);
}

}  // namespace

Result<std::chrono::seconds> ParseDuration(std::string_view text, std::string_view field) {
  auto bad = [&] {
    return MakeError(ErrorCode::kInvalidArgument,
                     std::string(field) + ": expected a duration such as 90s, 15m, 1h or 1d, got '" +
                         std::string(text) + "'",
                     std::string(field));
  };
  if (text.size() < 2) return bad();
  long long n = 0;
  const char* end = text.data() + text.size() - 1;
  auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (ec != std::errc() || ptr != end || n <= 0 || n > 366LL * 86400) return bad();
  switch (text.back()) {
    case 's': return std::chrono::seconds(n);
    case 'm': return std::chrono::seconds(n * 60);
    case 'h': return std::chrono::seconds(n * 3600);
    case 'd': return std::chrono::seconds(n * 86400);
    default: return bad();
  }
}

std::string FormatDuration(std::chrono::seconds d) {
  const long long s = d.count();
  if (s > 0 && s % 86400 == 0) return std::to_string(s / 86400) + "d";
  if (s > 0 && s % 3600 == 0) return std::to_string(s / 3600) + "h";
  if (s > 0 && s % 60 == 0) return std::to_string(s / 60) + "m";
  return std::to_string(s) + "s";
}

Result<Rate> Rate::Parse(std::string_view text, std::string_view field) {
  const auto slash = text.find('/');
  int count = 0;
  if (slash != std::string_view::npos) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + slash, count);
    if (ec == std::errc() && ptr == text.data() + slash && count > 0 && count <= 1'000'000) {
      auto window = ParseDuration(text.substr(slash + 1), field);
      if (window.ok()) return Rate{count, *window};
    }
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string(field) +
                       ": expected a count per window such as 30/1h or 60/1m "
                       "(a count from 1 to 1000000), got '" +
                       std::string(text) + "'",
                   std::string(field));
}

std::string Rate::ToString() const { return std::to_string(count) + "/" + FormatDuration(window); }

RateLimiter::RateLimiter(const TimeSource& time, std::size_t max_keys)
    : time_(time), max_keys_(std::max<std::size_t>(max_keys, 1)) {}

Admission RateLimiter::Take(const std::string& key, Rate rate) {
  const std::int64_t now = Millis(time_.Now());
  // Each admission moves the theoretical arrival time on by one interval;
  // the bucket allows arrival times up to a whole window ahead of now.
  const std::int64_t interval =
      std::max<std::int64_t>(1, std::chrono::milliseconds(rate.window).count() / rate.count);
  const std::int64_t tolerance = std::chrono::milliseconds(rate.window).count();
  std::lock_guard lock(mu_);
  auto it = tat_ms_.find(key);
  if (it == tat_ms_.end()) {
    if (tat_ms_.size() >= max_keys_) MakeRoom(now);
    it = tat_ms_.emplace(key, now).first;
  }
  const std::int64_t tat = std::max(it->second, now);
  if (tat + interval - now > tolerance) return Admission{false, SecondsUntil(tat + interval - tolerance, now)};
  it->second = tat + interval;
  return Admission{};
}

void RateLimiter::GiveBack(const std::string& key, Rate rate) {
  const std::int64_t interval =
      std::max<std::int64_t>(1, std::chrono::milliseconds(rate.window).count() / rate.count);
  std::lock_guard lock(mu_);
  auto it = tat_ms_.find(key);
  if (it != tat_ms_.end()) it->second -= interval;
}

std::size_t RateLimiter::size() const {
  std::lock_guard lock(mu_);
  return tat_ms_.size();
}

void RateLimiter::MakeRoom(std::int64_t now_ms) {
  // Full buckets carry nothing; forget them first.
  std::erase_if(tat_ms_, [&](const auto& kv) { return kv.second <= now_ms; });
  if (tat_ms_.size() >= max_keys_) EvictLeastImportant(tat_ms_, [](std::int64_t tat) { return tat; });
}

Backoff::Backoff(const TimeSource& time, std::size_t max_keys)
    : time_(time), max_keys_(std::max<std::size_t>(max_keys, 1)) {}

Admission Backoff::Take(const std::string& key, const BackoffPolicy& policy) {
  const Timestamp now = time_.Now();
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    if (entries_.size() >= max_keys_) MakeRoom(now);
    it = entries_.emplace(key, Entry{}).first;
  }
  Entry& e = it->second;
  if (e.blocked_until > now)
    return Admission{false, std::chrono::duration_cast<std::chrono::seconds>(e.blocked_until - now)};
  if (e.strikes > 0 && now - e.last >= policy.forget_after) e.strikes = 0;
  ++e.strikes;
  e.last = now;
  if (e.strikes > policy.free_failures) {
    // first_block, doubled for every strike past the first blocking one.
    const int doublings = std::min(e.strikes - policy.free_failures - 1, 30);
    const auto block = std::min<std::chrono::seconds>(policy.first_block * (1LL << doublings),
                                                      policy.max_block);
    e.blocked_until = now + block;
  }
  e.forget_at = std::max(e.blocked_until, now + policy.forget_after);
  return Admission{};
}

void Backoff::Clear(const std::string& key) {
  std::lock_guard lock(mu_);
  entries_.erase(key);
}

std::size_t Backoff::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

void Backoff::MakeRoom(Timestamp now) {
  std::erase_if(entries_, [&](const auto& kv) { return kv.second.forget_at <= now; });
  if (entries_.size() >= max_keys_)
    EvictLeastImportant(entries_, [](const Entry& e) { return Millis(e.forget_at); });
}

FairSlots::FairSlots(int slots) : free_(std::max(slots, 1)) {}

bool FairSlots::Acquire(std::chrono::milliseconds wait) {
  std::unique_lock lock(mu_);
  if (free_ > 0 && queue_.empty()) {
    --free_;
    return true;
  }
  Waiter me;
  queue_.push_back(&me);
  const bool granted = cv_.wait_for(lock, wait, [&] { return me.granted; });
  if (!granted) queue_.erase(std::find(queue_.begin(), queue_.end(), &me));
  return granted;
}

void FairSlots::Release() {
  std::lock_guard lock(mu_);
  if (queue_.empty()) {
    ++free_;
    return;
  }
  // The slot passes straight to the longest waiter.
  queue_.front()->granted = true;
  queue_.pop_front();
  cv_.notify_all();
}

}  // namespace lizheng::app
