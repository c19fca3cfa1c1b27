// Counts 64-bit feature keys of one message: an open-addressing table that is
// cleared in O(1) by bumping a generation stamp, so extracting the features
// of many messages allocates nothing after warm-up.
#pragma once

#include <cstdint>
#include <vector>

namespace lizheng::insight::detail {

class KeyCounter {
 public:
  KeyCounter() { Resize(1u << 12); }

  void Clear() {
    used_.clear();
    if (++generation_ == 0) {  // wrapped: stamps from long ago could match
      std::fill(stamp_.begin(), stamp_.end(), 0u);
      generation_ = 1;
    }
  }

  void Add(std::uint64_t key, float weight) {
    std::size_t i = Slot(key);
    for (;;) {
      if (stamp_[i] != generation_) {
        stamp_[i] = generation_;
        keys_[i] = key;
        counts_[i] = weight;
        used_.push_back(static_cast<std::uint32_t>(i));
        if (used_.size() * 2 > keys_.size()) Grow();
        return;
      }
      if (keys_[i] == key) {
        counts_[i] += weight;
        return;
      }
      i = (i + 1) & mask_;
    }
  }

  // Calls fn(key, count) for each distinct key, in insertion order.
  template <class Fn>
  void ForEach(Fn&& fn) const {
    for (std::uint32_t i : used_) fn(keys_[i], counts_[i]);
  }
  std::size_t size() const { return used_.size(); }

 private:
  std::size_t Slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void Resize(std::size_t n) {
    keys_.assign(n, 0);
    counts_.assign(n, 0.0f);
    stamp_.assign(n, 0u);
    mask_ = n - 1;
    shift_ = 64;
    for (std::size_t m = n; m > 1; m >>= 1) --shift_;
  }
  void Grow() {
    std::vector<std::uint64_t> keys;
    std::vector<float> counts;
    for (std::uint32_t i : used_) {
      keys.push_back(keys_[i]);
      counts.push_back(counts_[i]);
    }
    Resize(keys_.size() * 2);
    used_.clear();
    generation_ = 1;
    for (std::size_t j = 0; j < keys.size(); ++j) {
      std::size_t i = Slot(keys[j]);
      while (stamp_[i] == generation_) i = (i + 1) & mask_;
      stamp_[i] = generation_;
      keys_[i] = keys[j];
      counts_[i] = counts[j];
      used_.push_back(static_cast<std::uint32_t>(i));
    }
  }

  std::vector<std::uint64_t> keys_;
  std::vector<float> counts_;
  std::vector<std::uint32_t> stamp_;
  std::vector<std::uint32_t> used_;
  std::uint32_t generation_ = 1;
  std::size_t mask_ = 0;
  int shift_ = 0;
};

}  // namespace lizheng::insight::detail
