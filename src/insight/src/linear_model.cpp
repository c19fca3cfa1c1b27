#include "linear_model.hpp"

#include <algorithm>
#include <array>

namespace lizheng::insight::detail {

namespace {

// How many keys ahead of its use Vectorize starts fetching a slot: enough
// misses in flight to hide memory latency, few enough not to overrun the
// CPU's queue of outstanding misses (a prefetch into a full queue stalls).
constexpr std::size_t kPrefetchDistance = 32;

// Score for five to eight classes (seven in the data we serve): scores[k] +=
// x . w_k over rows of eight weights, padding lanes holding zeros. Also built
// for AVX, four lanes per instruction instead of two, and the build is
// picked when the library loads. Plain AVX has no fused multiply-add, so
// both builds do the same double multiplies and adds: bit-identical scores.
#if defined(__x86_64__)
[[gnu::target_clones("avx", "default")]]
#endif
void ScoreRowsOfEight(std::span<const SparseEntry> x, const float* packed,
                      std::span<double> scores) {
  std::array<double, 8> acc{};
  std::copy(scores.begin(), scores.end(), acc.begin());
  for (const SparseEntry& e : x) {
    const float* w = packed + static_cast<std::size_t>(e.row) * 8;
    const double v = e.value;
    for (std::size_t k = 0; k < 8; ++k) acc[k] += v * w[k];
  }
  std::copy_n(acc.begin(), scores.size(), scores.begin());
}

// Scales each entry by its block's weight over the block's L2 norm, given
// the blocks' sums of squares.
void ScaleBlocks(std::span<SparseEntry> x, const std::array<double, kFeatureBlockCount>& sum_sq,
                 const FeatureOptions& options) {
  std::array<float, kFeatureBlockCount> scale{};
  for (std::size_t b = 0; b < kFeatureBlockCount; ++b) {
    scale[b] =
        sum_sq[b] > 0 ? static_cast<float>(options.block_weight[b] / std::sqrt(sum_sq[b])) : 0.0f;
  }
  for (SparseEntry& e : x) e.value *= scale[e.block];
}

}  // namespace

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
  slots_[i] = Entry{key, row, 0.0f};
  if (keys_.size() * 2 > slots_.size()) Rehash(slots_.size() * 2);
  return row;
}

void FeatureIndex::SetIdf(std::uint32_t row, float idf) {
  std::size_t i = Slot(keys_[row]);
  while (slots_[i].row != row) i = (i + 1) & mask_;  // present: Insert added it
  slots_[i].idf = idf;
}

void FeatureIndex::Rehash(std::size_t slots) {
  decltype(slots_) old;
  old.swap(slots_);
  slots_.assign(slots, Entry{});
  mask_ = slots - 1;
  shift_ = 64;
  for (std::size_t m = slots; m > 1; m >>= 1) --shift_;
  // Re-inserted in row order, so the layout depends only on the keys.
  std::vector<float> idf(keys_.size(), 0.0f);
  for (const Entry& e : old) {
    if (e.row != kAbsent) idf[e.row] = e.idf;
  }
  for (std::uint32_t r = 0; r < keys_.size(); ++r) {
    std::size_t i = Slot(keys_[r]);
    while (slots_[i].row != kAbsent) i = (i + 1) & mask_;
    slots_[i] = Entry{keys_[r], r, idf[r]};
  }
}

std::size_t LinearModel::stride() const {
  if (classes > 16) return (classes + 15) / 16 * 16;
  std::size_t s = 1;
  while (s < classes) s *= 2;
  return s;
}

void LinearModel::Pack() {
  const std::size_t rows = index.size();
  const std::size_t s = stride();
  packed.assign(rows * s, 0.0f);
  for (std::size_t r = 0; r < rows; ++r) {
    std::copy_n(weights.data() + r * classes, classes, packed.data() + r * s);
    index.SetIdf(static_cast<std::uint32_t>(r), idf[r]);
  }
  std::vector<float>().swap(weights);
  // The same expression Vectorize would evaluate, so bit-identical; the
  // logf per key it saves was about 3% of prediction time.
  for (std::size_t c = 0; c < term_weight.size(); ++c) {
    term_weight[c] = TermWeight(static_cast<float>(c), features.sublinear_tf);
  }
}

void NormalizeBlocks(std::span<SparseEntry> x, const FeatureOptions& options) {
  std::array<double, kFeatureBlockCount> sum_sq{};
  for (const SparseEntry& e : x) sum_sq[e.block] += static_cast<double>(e.value) * e.value;
  ScaleBlocks(x, sum_sq, options);
}

std::span<const SparseEntry> LinearModel::Vectorize(const KeyCounter& counter,
                                                    std::vector<SparseEntry>& scratch) const {
  const std::size_t n = counter.size();
  if (scratch.size() < n) scratch.resize(n);
  SparseEntry* out = scratch.data();
  std::size_t found = 0;
  const std::size_t s = stride();
  // NormalizeBlocks' sums, accumulated in the same order while looking up.
  std::array<double, kFeatureBlockCount> sum_sq{};
  for (std::size_t j = 0; j < std::min(n, kPrefetchDistance); ++j) index.Prefetch(counter.key(j));
  for (std::size_t j = 0; j < n; ++j) {
    if (j + kPrefetchDistance < n) index.Prefetch(counter.key(j + kPrefetchDistance));
    const std::uint64_t key = counter.key(j);
    const FeatureIndex::Entry* e = index.Find(key);
    if (e == nullptr) continue;
    // Score reads these weights after the whole message is looked up.
    __builtin_prefetch(packed.data() + static_cast<std::size_t>(e->row) * s);
    const std::uint32_t count = counter.count(j);
    const float tf = count < term_weight.size()
                         ? term_weight[count]
                         : TermWeight(static_cast<float>(count), features.sublinear_tf);
    const float value = tf * e->idf;
    const auto block = static_cast<std::uint8_t>(BlockOfKey(key));
    sum_sq[block] += static_cast<double>(value) * value;
    out[found++] = SparseEntry{e->row, value, block};
  }
  const std::span<SparseEntry> x(out, found);
  ScaleBlocks(x, sum_sq, features);
  return x;
}

void LinearModel::Score(std::span<const SparseEntry> x, std::span<double> scores) const {
  for (std::size_t k = 0; k < classes; ++k) scores[k] = bias[k];
  if (stride() == 8) return ScoreRowsOfEight(x, packed.data(), scores);
  const std::size_t s = stride();
  for (const SparseEntry& e : x) {
    const float* w = packed.data() + static_cast<std::size_t>(e.row) * s;
    for (std::size_t k = 0; k < classes; ++k) scores[k] += static_cast<double>(e.value) * w[k];
  }
}

}  // namespace lizheng::insight::detail
