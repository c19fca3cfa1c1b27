// Counts 64-bit feature keys of one message: an open-addressing table that is
// cleared in O(1) by bumping a generation stamp, so extracting the features
// of many messages allocates nothing after warm-up.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace lizheng::insight::detail {

class KeyCounter {
 public:
  KeyCounter() { Resize(1u << 12); }

  void Clear() {
    used_.clear();
    if (++generation_ == 0) {  // wrapped: stamps from long ago could match
      for (Entry& e : slots_) e.stamp = 0;
      generation_ = 1;
    }
  }

  void Add(std::uint64_t key, float weight) {
    std::size_t i = Slot(key);
    for (;;) {
      Entry& e = slots_[i];
      if (e.stamp != generation_) {
        e = Entry{key, weight, generation_};
        used_.push_back(static_cast<std::uint32_t>(i));
        if (used_.size() * 2 > slots_.size()) Grow();
        return;
      }
      if (e.key == key) {
        e.count += weight;
        return;
      }
      i = (i + 1) & mask_;
    }
  }

  // Calls fn(key, count) for each distinct key, in insertion order.
  template <class Fn>
  void ForEach(Fn&& fn) const {
    for (std::uint32_t i : used_) fn(slots_[i].key, slots_[i].count);
  }
  std::size_t size() const { return used_.size(); }
  // The j-th distinct key in insertion order and its count; j < size().
  std::uint64_t key(std::size_t j) const { return slots_[used_[j]].key; }
  float count(std::size_t j) const { return slots_[used_[j]].count; }

 private:
  // Key, count and stamp side by side: one cache line per Add.
  struct Entry {
    std::uint64_t key = 0;
    float count = 0.0f;
    std::uint32_t stamp = 0;
  };

  std::size_t Slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void Resize(std::size_t n) {
    slots_.assign(n, Entry{});
    mask_ = n - 1;
    shift_ = 64;
    for (std::size_t m = n; m > 1; m >>= 1) --shift_;
  }
  void Grow() {
    std::vector<Entry> live;
    live.reserve(used_.size());
    for (std::uint32_t i : used_) live.push_back(slots_[i]);
    Resize(slots_.size() * 2);
    used_.clear();
    generation_ = 1;
    for (const Entry& e : live) {
      std::size_t i = Slot(e.key);
      while (slots_[i].stamp == generation_) i = (i + 1) & mask_;
      slots_[i] = Entry{e.key, e.count, generation_};
      used_.push_back(static_cast<std::uint32_t>(i));
    }
  }

  std::vector<Entry> slots_;
  std::vector<std::uint32_t> used_;  // slot indices in insertion order
  std::uint32_t generation_ = 1;
  std::size_t mask_ = 0;
  int shift_ = 0;
};

}  // namespace lizheng::insight::detail
