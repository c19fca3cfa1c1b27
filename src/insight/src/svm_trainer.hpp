// A linear SVM trained by dual coordinate descent (Hsieh et al., ICML 2008;
// the algorithm of liblinear's L2R_L2LOSS_SVC_DUAL), one-vs-rest for many
// classes. Our own so that training is deterministic for a seed, takes a
// weight per message, and trains classes in parallel without global state.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "linear_model.hpp"
#include "lizheng/insight/classifier_options.hpp"

namespace lizheng::insight::detail {

// Training messages as rows of sparse feature vectors (CSR).
struct SparseRows {
  std::vector<std::size_t> offsets{0};  // row r is entries[offsets[r], offsets[r + 1])
  std::vector<SparseEntry> entries;
  std::size_t columns = 0;

  std::size_t rows() const { return offsets.size() - 1; }
  std::span<const SparseEntry> row(std::size_t r) const {
    return {entries.data() + offsets[r], offsets[r + 1] - offsets[r]};
  }
};

// Solves min_w 1/2 |w|^2 + sum_i c_i max(0, 1 - y_i w.x_i)^2 (w includes a
// bias weight on a constant feature of value `bias` when bias > 0). y[i] is
// +1 or -1. Returns columns + 1 values; the last is the bias weight times
// `bias` (0 when disabled). When `scale` is not empty every feature j is
// multiplied by scale[j] first (the NB-SVM transform). Stops when the
// projected-gradient spread falls under epsilon, or after max_iterations
// passes.
std::vector<double> TrainBinarySvm(const SparseRows& x, std::span<const std::int8_t> y,
                                   std::span<const double> c, std::span<const float> scale,
                                   double bias, double epsilon, std::uint64_t seed,
                                   int max_iterations = 1000);

// Naive-Bayes log-count ratios of binary feature presence, per feature and
// class (row-major like LinearModel::weights): ln((p_k / |p_k|) / (q_k / |q_k|))
// with p_k = alpha + messages of class k holding the feature, q_k the same
// for the other classes.
std::vector<float> LogCountRatios(const SparseRows& x, std::span<const std::uint32_t> labels,
                                  std::size_t classes, double alpha);

// Fills model.weights and model.bias (model.classes must be set) with one
// binary SVM per class against the rest, averaged with the NB-SVM as
// options.nb_svm_share says. labels[i] < model.classes.
void TrainOneVsRest(const SparseRows& x, std::span<const std::uint32_t> labels,
                    const LinearOptions& options, std::uint64_t seed, LinearModel& model);

}  // namespace lizheng::insight::detail
