// The trained state of the classifier: the feature vocabulary (hashed keys to
// rows), IDF weights and one weight vector per class, and the arithmetic that
// turns counted keys into decision values.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "feature_extractor.hpp"
#include "key_counter.hpp"
#include "lizheng/insight/classifier_options.hpp"
#include "lizheng/text/huge_page_allocator.hpp"

namespace lizheng::insight::detail {

// Maps feature keys to dense rows 0..size()-1 in insertion order. A slot
// holds the key, its row and the feature's IDF (in what would otherwise be
// padding), so turning a key into its TF-IDF value touches one cache line.
class FeatureIndex {
 public:
  FeatureIndex() { Rehash(1u << 10); }

  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

  struct Entry {
    std::uint64_t key = 0;
    std::uint32_t row = kAbsent;
    float idf = 0.0f;  // 0 until SetIdf
  };

  // The slot of `key`, or nullptr when the key is not indexed.
  const Entry* Find(std::uint64_t key) const {
    std::size_t i = Slot(key);
    for (;;) {
      const Entry& e = slots_[i];
      if (e.row == kAbsent) return nullptr;
      if (e.key == key) return &e;
      i = (i + 1) & mask_;
    }
  }
  // Hints the CPU to fetch the slot of `key` ahead of a Find.
  void Prefetch(std::uint64_t key) const { __builtin_prefetch(&slots_[Slot(key)]); }
  // The row of `key`, adding it when new.
  std::uint32_t Insert(std::uint64_t key);
  // Stores the IDF of the feature in `row` (< size()) beside its key.
  void SetIdf(std::uint32_t row, float idf);
  std::size_t size() const { return keys_.size(); }
  const std::vector<std::uint64_t>& keys() const { return keys_; }

 private:
  std::size_t Slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void Rehash(std::size_t slots);

  std::vector<std::uint64_t> keys_;  // by row
  std::vector<Entry, text::HugePageAllocator<Entry>> slots_;
  std::size_t mask_ = 0;
  int shift_ = 0;
};

// One non-zero of a message's feature vector.
struct SparseEntry {
  std::uint32_t row = 0;
  float value = 0.0f;
  std::uint8_t block = 0;  // FeatureBlock
};

struct LinearModel {
  FeatureOptions features;
  std::size_t classes = 0;
  FeatureIndex index;
  // IDF by row, and weights row-major (weights[row * classes + k]) while
  // training. Pack() copies the IDF into the index, moves the weights into
  // `packed` and empties `weights`; `idf` stays for Serialize.
  std::vector<float> idf;
  std::vector<float> weights;
  // For prediction, the class weights of row r at packed[r * stride()],
  // padded with zeros so that no row straddles a cache line.
  std::vector<float, text::HugePageAllocator<float>> packed;
  std::vector<float> bias;  // by class
  // TermWeight of the small counts nearly every key has, filled by Pack().
  std::array<float, 64> term_weight{};

  void Pack();
  // classes rounded up to a power of two (to a multiple of 16 past 16).
  std::size_t stride() const;

  // The TF-IDF vector of counted keys: unknown keys are dropped, each block
  // is L2-normalised and scaled by its weight; entries follow the counter's
  // insertion order. They are written into `scratch` (grown as needed, never
  // shrunk) and the result views it. Requires Pack().
  std::span<const SparseEntry> Vectorize(const KeyCounter& counter,
                                         std::vector<SparseEntry>& scratch) const;
  // scores[k] = w_k . x + b_k; scores.size() == classes. Requires Pack().
  void Score(std::span<const SparseEntry> x, std::span<double> scores) const;
};

// TF-IDF weighting shared by training and prediction.
inline float TermWeight(float count, bool sublinear) {
  return sublinear ? 1.0f + std::log(count) : count;
}

// Applies per-block L2 normalisation and block weights in place.
void NormalizeBlocks(std::span<SparseEntry> x, const FeatureOptions& options);

}  // namespace lizheng::insight::detail
