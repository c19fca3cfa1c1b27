// Keyed limits on what the public may do: a token bucket per key (so many
// per window, with bursts up to the whole allowance) and a back-off per key
// (a few free failures, then blocks that double). Both take a slot *before*
// the expensive work they guard, so concurrent callers cannot all pass one
// check; both hold a bounded number of keys, so a caller cycling keys cannot
// grow memory without bound. Time comes from the injected TimeSource.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "lizheng/app/environment.hpp"
#include "lizheng/core/result.hpp"

namespace lizheng::app {

// "count per window", e.g. 30 per hour. Written "30/1h" (units s, m, h, d).
struct Rate {
  int count = 1;
  std::chrono::seconds window{60};

  // Parses "30/1h"; an error names `field` and says what is accepted.
  static Result<Rate> Parse(std::string_view text, std::string_view field);
  std::string ToString() const;
  bool operator==(const Rate&) const = default;
};

// A duration written "15m", "1h", "90s", "1d".
Result<std::chrono::seconds> ParseDuration(std::string_view text, std::string_view field);
std::string FormatDuration(std::chrono::seconds d);

// The answer of a limiter: admitted, or refused with the wait until a retry
// can succeed (at least one second).
struct Admission {
  bool admitted = true;
  std::chrono::seconds retry_after{0};
  explicit operator bool() const { return admitted; }
};

// A token bucket per key (GCRA): `rate.count` admissions at once, refilled
// evenly over `rate.window`. Thread-safe. At most `max_keys` keys are held;
// past that, keys whose bucket is full again are forgotten first, then the
// ones nearest to full (forgetting a key only forgives it).
class RateLimiter {
 public:
  RateLimiter(const TimeSource& time, std::size_t max_keys);

  // Takes one admission for `key` if the bucket has one.
  Admission Take(const std::string& key, Rate rate);
  // Gives back an admission taken by Take (the guarded work turned out not
  // to count, e.g. a login that succeeded when only failures are limited).
  void GiveBack(const std::string& key, Rate rate);
  std::size_t size() const;

 private:
  void MakeRoom(std::int64_t now_ms);

  const TimeSource& time_;
  std::size_t max_keys_;
  mutable std::mutex mu_;
  // key -> theoretical arrival time in ms since the epoch: the bucket is
  // full when it is <= now.
  std::unordered_map<std::string, std::int64_t> tat_ms_;
};

// When a key is blocked after repeated failures.
struct BackoffPolicy {
  int free_failures = 3;                    // strikes that block nothing
  std::chrono::seconds first_block{1};      // after strike free_failures + 1
  std::chrono::seconds max_block{900};      // blocks double up to this
  std::chrono::seconds forget_after{86400}; // strikes are forgotten after this quiet
};

// A strike count per key. Take() counts a strike before the guarded work
// runs and, once the strikes pass the free ones, blocks the key for the
// policy's (doubling) time at once; a success calls Clear(). So concurrent
// attempts never run more guarded work than the policy allows. Thread-safe;
// bounded like RateLimiter.
class Backoff {
 public:
  Backoff(const TimeSource& time, std::size_t max_keys);

  Admission Take(const std::string& key, const BackoffPolicy& policy);
  // Forgets the key's strikes and any block.
  void Clear(const std::string& key);
  std::size_t size() const;

 private:
  struct Entry {
    int strikes = 0;
    Timestamp last{};           // of the last strike
    Timestamp blocked_until{};
    Timestamp forget_at{};      // when the entry no longer matters
  };
  void MakeRoom(Timestamp now);

  const TimeSource& time_;
  std::size_t max_keys_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

// At most `slots` holders at once, granted in the order they asked (a
// plain semaphore lets an unlucky waiter lose every race and time out while
// later arrivals pass). Thread-safe.
class FairSlots {
 public:
  explicit FairSlots(int slots);

  // Waits up to `wait` for a slot; false if none came free in time.
  bool Acquire(std::chrono::milliseconds wait);
  // Frees a slot taken by Acquire.
  void Release();

 private:
  struct Waiter {
    bool granted = false;
  };
  std::mutex mu_;
  std::condition_variable cv_;
  int free_;
  std::deque<Waiter*> queue_;
};

}  // namespace lizheng::app
