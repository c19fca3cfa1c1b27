#include "linear_model.hpp"

#include <array>

namespace lizheng::insight::detail {

std::uint32_t FeatureIndex::Insert(std::uint64_t key) {
  std::size_t i = Slot(key);
  for (;;) {
    const Entry& e = slots_[i];
    if (e.row == kAbsent) break;
    if (e.key == key) return e.row;
    i = (i + 1) & mask_;
  }
  const auto row = static_cast<std::uint32_t>(keys_.size());
  keys_.push_back(key);
  slots_[i] = Entry{key, row};
  if (keys_.size() * 2 > slots_.size()) Rehash(slots_.size() * 2);
  return row;
}

void FeatureIndex::Rehash(std::size_t slots) {
  slots_.assign(slots, Entry{});
  mask_ = slots - 1;
  shift_ = 64;
  for (std::size_t m = slots; m > 1; m >>= 1) --shift_;
  for (std::uint32_t r = 0; r < keys_.size(); ++r) {
    std::size_t i = Slot(keys_[r]);
    while (slots_[i].row != kAbsent) i = (i + 1) & mask_;
    slots_[i] = Entry{keys_[r], r};
  }
}

void LinearModel::Pack() {
  const std::size_t rows = index.size();
  packed.assign(rows * stride(), 0.0f);
  for (std::size_t r = 0; r < rows; ++r) {
    float* record = packed.data() + r * stride();
    record[0] = idf[r];
    for (std::size_t k = 0; k < classes; ++k) record[1 + k] = weights[r * classes + k];
  }
  std::vector<float>().swap(idf);
  std::vector<float>().swap(weights);
}

void NormalizeBlocks(std::span<SparseEntry> x, const FeatureOptions& options) {
  std::array<double, kFeatureBlockCount> sum_sq{};
  for (const SparseEntry& e : x) sum_sq[e.block] += static_cast<double>(e.value) * e.value;
  std::array<float, kFeatureBlockCount> scale{};
  for (std::size_t b = 0; b < kFeatureBlockCount; ++b) {
    scale[b] = sum_sq[b] > 0 ? static_cast<float>(options.block_weight[b] / std::sqrt(sum_sq[b]))
                             : 0.0f;
  }
  for (SparseEntry& e : x) e.value *= scale[e.block];
}

void LinearModel::Vectorize(const KeyCounter& counter, std::vector<SparseEntry>& out) const {
  out.clear();
  // Three passes so that memory fetches overlap: the index slots, then the
  // packed records, then the arithmetic.
  counter.ForEach([&](std::uint64_t key, float) { index.Prefetch(key); });
  counter.ForEach([&](std::uint64_t key, float count) {
    const std::uint32_t row = index.Find(key);
    if (row == FeatureIndex::kAbsent) return;
    __builtin_prefetch(packed.data() + static_cast<std::size_t>(row) * stride());
    out.push_back({row, TermWeight(count, features.sublinear_tf),
                   static_cast<std::uint8_t>(BlockOfKey(key))});
  });
  for (SparseEntry& e : out) e.value *= packed[static_cast<std::size_t>(e.row) * stride()];
  NormalizeBlocks(out, features);
}

void LinearModel::Score(std::span<const SparseEntry> x, std::span<double> scores) const {
  for (std::size_t k = 0; k < classes; ++k) scores[k] = bias[k];
  for (const SparseEntry& e : x) {
    const float* w = packed.data() + static_cast<std::size_t>(e.row) * stride() + 1;
    for (std::size_t k = 0; k < classes; ++k) scores[k] += static_cast<double>(e.value) * w[k];
  }
}

}  // namespace lizheng::insight::detail
