// Counts 64-bit feature keys of one message, in whole numbers (a key adds
// title_repeat or 1; a float sum of such weights is exact below 2^24, so the
// counts equal what float counting gave). The counted keys sit densely in
// insertion order; an open-addressing table of 32-bit indices into them finds
// a key. Both stay small enough for the L1 cache (a message has about a
// thousand distinct keys), Clear() costs one store per distinct key, and
// extracting the features of many messages allocates nothing after warm-up.
#pragma once

#include <cstdint>
#include <vector>

namespace lizheng::insight::detail {

class KeyCounter {
 public:
  KeyCounter() { Resize(1u << 12); }

  void Clear() {
    for (std::size_t j = 0; j < size_; ++j) table_[counted_[j].slot] = 0;
    size_ = 0;
  }

  // Inlined into the n-gram loops, so it is kept to loads, compares and
  // stores: counted_ always has room for the keys the table may hold.
  void Add(std::uint64_t key, std::uint32_t weight) {
    std::size_t i = Slot(key);
    for (;;) {
      const std::uint32_t at = table_[i];
      if (at == 0) break;
      Counted& c = counted_[at - 1];
      if (c.key == key) {
        c.count += weight;
        return;
      }
      i = (i + 1) & mask_;
    }
    counted_[size_] = Counted{key, weight, static_cast<std::uint32_t>(i)};
    table_[i] = static_cast<std::uint32_t>(++size_);
    if (size_ == counted_.size()) Grow();
  }

  // Calls fn(key, count) for each distinct key, in insertion order.
  template <class Fn>
  void ForEach(Fn&& fn) const {
    for (std::size_t j = 0; j < size_; ++j) fn(counted_[j].key, counted_[j].count);
  }
  std::size_t size() const { return size_; }
  // The j-th distinct key in insertion order and its count; j < size().
  std::uint64_t key(std::size_t j) const { return counted_[j].key; }
  std::uint32_t count(std::size_t j) const { return counted_[j].count; }

 private:
  struct Counted {
    std::uint64_t key = 0;
    std::uint32_t count = 0;
    std::uint32_t slot = 0;  // where table_ points at this entry
  };

  std::size_t Slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  // A table of n slots, filled at most half, and room for as many keys.
  void Resize(std::size_t n) {
    table_.assign(n, 0u);
    counted_.resize(n / 2);
    mask_ = n - 1;
    shift_ = 64;
    for (std::size_t m = n; m > 1; m >>= 1) --shift_;
  }
  // Doubles the table (rare: only messages longer than any before).
  [[gnu::noinline]] void Grow() {
    Resize(table_.size() * 2);
    for (std::size_t j = 0; j < size_; ++j) {
      std::size_t i = Slot(counted_[j].key);
      while (table_[i] != 0) i = (i + 1) & mask_;
      table_[i] = static_cast<std::uint32_t>(j + 1);
      counted_[j].slot = static_cast<std::uint32_t>(i);
    }
  }

  std::vector<std::uint32_t> table_;  // 1 + index into counted_; 0 = empty
  std::vector<Counted> counted_;      // [0, size_) in insertion order
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
  int shift_ = 0;
};

}  // namespace lizheng::insight::detail
