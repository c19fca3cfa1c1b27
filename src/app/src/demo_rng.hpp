// Private: the demo generator's randomness. SplitMix64 with its own integer
// and real mappings, so a seed gives the same demo with every compiler and
// standard library (std::uniform_*_distribution are implementation-defined).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lizheng::app::demo {

class DemoRng {
 public:
  explicit DemoRng(std::uint64_t seed) : state_(seed) {}
  // An independent stream for item `index` of a run seeded with `seed`.
  static DemoRng Stream(std::uint64_t seed, std::uint64_t index) {
    DemoRng mix(seed ^ (index * 0xD1B54A32D192ED03ULL));
    return DemoRng(mix.Next() ^ index);
  }

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  // Uniform integer in [lo, hi]; lo <= hi. The modulo bias is below 1e-9
  // for the small ranges used here.
  std::int64_t Between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
  template <class T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }
  // `n` decimal digits.
  std::string Digits(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out.push_back(static_cast<char>('0' + Next() % 10));
    return out;
  }

 private:
  std::uint64_t state_;
};

// Picks an index with probability proportional to its weight.
class WeightedPick {
 public:
  WeightedPick() = default;
  explicit WeightedPick(const std::vector<double>& weights) {
    double sum = 0;
    for (double w : weights) cumulative_.push_back(sum += w);
  }
  bool empty() const { return cumulative_.empty() || cumulative_.back() <= 0; }
  // Requires !empty().
  std::size_t operator()(DemoRng& rng) const {
    const double x = rng.Unit() * cumulative_.back();
    std::size_t lo = 0, hi = cumulative_.size() - 1;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (cumulative_[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

 private:
  std::vector<double> cumulative_;
};

}  // namespace lizheng::app::demo
