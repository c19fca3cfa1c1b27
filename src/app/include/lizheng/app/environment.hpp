// The process's view of time and randomness, injected so that deadline and
// scheduler tests run on a simulated clock and tokens can be made
// deterministic in tests.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "lizheng/core/time.hpp"

namespace lizheng::app {

// Where "now" comes from. Thread-safe.
class TimeSource {
 public:
  virtual ~TimeSource() = default;
  virtual Timestamp Now() const = 0;
};

// The real clock.
class SystemTime final : public TimeSource {
 public:
  Timestamp Now() const override;
};

// The real clock's pace from a chosen start: `lizheng serve --now` rehearses
// a date (the run-up to a new year, say) on a live server.
class ShiftedTime final : public TimeSource {
 public:
  // Now() is `start` at construction and runs on with `real`.
  ShiftedTime(const TimeSource& real, Timestamp start) : real_(real), offset_(start - real.Now()) {}
  Timestamp Now() const override { return real_.Now() + offset_; }

 private:
  const TimeSource& real_;
  std::chrono::seconds offset_;
};

// A clock that moves only when told to; for tests and demo generation.
class ManualTime final : public TimeSource {
 public:
  explicit ManualTime(Timestamp start) : now_(start.time_since_epoch().count()) {}
  Timestamp Now() const override { return Timestamp(std::chrono::seconds(now_.load())); }
  void Set(Timestamp t) { now_ = t.time_since_epoch().count(); }
  void Advance(std::chrono::seconds d) { now_ += d.count(); }

 private:
  std::atomic<std::int64_t> now_;
};

// Randomness for tokens and query codes. Thread-safe.
class RandomSource {
 public:
  virtual ~RandomSource() = default;
  // `bytes` random bytes as lower-case hex.
  virtual std::string HexToken(int bytes) = 0;
  // `n` random decimal digits.
  virtual std::string Digits(int n) = 0;
};

// Cryptographically secure randomness (libsodium).
class SecureRandom final : public RandomSource {
 public:
  SecureRandom();
  std::string HexToken(int bytes) override;
  std::string Digits(int n) override;
};

}  // namespace lizheng::app
