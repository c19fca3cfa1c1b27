#include "svm_trainer.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <random>
#include <thread>

namespace lizheng::insight::detail {

namespace {

template <bool kScaled>
std::vector<double> Solve(const SparseRows& x, std::span<const std::int8_t> y,
                          std::span<const double> c, std::span<const float> scale, double bias,
                          double epsilon, std::uint64_t seed, int max_iterations) {
  const std::size_t n = x.rows();
  const double bias_value = bias > 0 ? bias : 0.0;
  const auto value = [&](const SparseEntry& e) -> double {
    if constexpr (kScaled) {
      return static_cast<double>(e.value) * scale[e.row];
    } else {
      return e.value;
    }
  };
  std::vector<double> w(x.columns + 1, 0.0);
  std::vector<double> alpha(n, 0.0);
  std::vector<double> diag(n);  // D_ii = 1 / (2 c_i) for the squared hinge
  std::vector<double> qd(n);
  for (std::size_t i = 0; i < n; ++i) {
    diag[i] = 0.5 / c[i];
    double sq = bias_value * bias_value;
    for (const SparseEntry& e : x.row(i)) sq += value(e) * value(e);
    qd[i] = sq + diag[i];
  }
  std::vector<std::uint32_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
  std::mt19937_64 rng(seed);
  for (int iter = 0; iter < max_iterations; ++iter) {
    std::shuffle(order.begin(), order.end(), rng);
    double pg_max = -std::numeric_limits<double>::infinity();
    double pg_min = std::numeric_limits<double>::infinity();
    for (std::uint32_t i : order) {
      const auto row = x.row(i);
      double dot = w[x.columns] * bias_value;
      for (const SparseEntry& e : row) dot += w[e.row] * value(e);
      const double yi = y[i];
      const double g = yi * dot - 1.0 + diag[i] * alpha[i];
      const double pg = alpha[i] == 0.0 ? std::min(g, 0.0) : g;
      pg_max = std::max(pg_max, pg);
      pg_min = std::min(pg_min, pg);
      if (std::fabs(pg) <= 1e-12) continue;
      const double old = alpha[i];
      alpha[i] = std::max(old - g / qd[i], 0.0);
      const double delta = (alpha[i] - old) * yi;
      for (const SparseEntry& e : row) w[e.row] += delta * value(e);
      w[x.columns] += delta * bias_value;
    }
    if (pg_max - pg_min <= epsilon) break;
  }
  w[x.columns] *= bias_value;  // the bias term of the decision function
  return w;
}

}  // namespace

std::vector<double> TrainBinarySvm(const SparseRows& x, std::span<const std::int8_t> y,
                                   std::span<const double> c, std::span<const float> scale,
                                   double bias, double epsilon, std::uint64_t seed,
                                   int max_iterations) {
  return scale.empty() ? Solve<false>(x, y, c, scale, bias, epsilon, seed, max_iterations)
                       : Solve<true>(x, y, c, scale, bias, epsilon, seed, max_iterations);
}

std::vector<float> LogCountRatios(const SparseRows& x, std::span<const std::uint32_t> labels,
                                  std::size_t classes, double alpha) {
  const std::size_t f_count = x.columns;
  std::vector<double> in_class(f_count * classes, 0.0);
  std::vector<double> total(f_count, 0.0);
  for (std::size_t i = 0; i < x.rows(); ++i) {
    for (const SparseEntry& e : x.row(i)) {
      if (e.value == 0.0f) continue;
      in_class[e.row * classes + labels[i]] += 1.0;
      total[e.row] += 1.0;
    }
  }
  std::vector<float> ratio(f_count * classes, 0.0f);
  for (std::size_t k = 0; k < classes; ++k) {
    double p_sum = 0.0;
    double q_sum = 0.0;
    for (std::size_t f = 0; f < f_count; ++f) {
      p_sum += in_class[f * classes + k] + alpha;
      q_sum += total[f] - in_class[f * classes + k] + alpha;
    }
    for (std::size_t f = 0; f < f_count; ++f) {
      const double p = (in_class[f * classes + k] + alpha) / p_sum;
      const double q = (total[f] - in_class[f * classes + k] + alpha) / q_sum;
      ratio[f * classes + k] = static_cast<float>(std::log(p / q));
    }
  }
  return ratio;
}

void TrainOneVsRest(const SparseRows& x, std::span<const std::uint32_t> labels,
                    const LinearOptions& options, std::uint64_t seed, LinearModel& model) {
  const std::size_t k_classes = model.classes;
  const std::size_t n = x.rows();
  const std::size_t f_count = x.columns;
  std::vector<std::size_t> class_count(k_classes, 0);
  for (std::uint32_t l : labels) ++class_count[l];
  model.weights.assign(f_count * k_classes, 0.0f);
  model.bias.assign(k_classes, 0.0f);
  const double nb_share = std::clamp(options.nb_svm_share, 0.0, 1.0);
  const std::vector<float> ratios =
      nb_share > 0 ? LogCountRatios(x, labels, k_classes, options.nb_alpha) : std::vector<float>{};

  std::atomic<std::size_t> next{0};
  const auto worker = [&]() {
    std::vector<std::int8_t> y(n);
    std::vector<double> c(n);
    std::vector<float> scale;
    for (std::size_t k = next++; k < k_classes; k = next++) {
      const double positive_weight =
          options.balanced_class_weights && class_count[k] > 0
              ? static_cast<double>(n) / (static_cast<double>(k_classes) * class_count[k])
              : 1.0;
      for (std::size_t i = 0; i < n; ++i) {
        y[i] = labels[i] == k ? 1 : -1;
        c[i] = options.c * (y[i] > 0 ? positive_weight : 1.0);
      }
      std::vector<double> mixed(f_count + 1, 0.0);
      if (nb_share < 1.0) {
        const std::vector<double> w =
            TrainBinarySvm(x, y, c, {}, options.bias, options.epsilon, seed + k);
        for (std::size_t j = 0; j <= f_count; ++j) mixed[j] = (1.0 - nb_share) * w[j];
      }
      if (nb_share > 0.0) {
        scale.resize(f_count);
        for (std::size_t j = 0; j < f_count; ++j) scale[j] = ratios[j * k_classes + k];
        const std::vector<double> w =
            TrainBinarySvm(x, y, c, scale, options.bias, options.epsilon, seed + 1000 + k);
        // Scoring x with w on scaled features equals scoring x with w * scale.
        for (std::size_t j = 0; j < f_count; ++j) mixed[j] += nb_share * w[j] * scale[j];
        mixed[f_count] += nb_share * w[f_count];
      }
      for (std::size_t j = 0; j < f_count; ++j) {
        model.weights[j * k_classes + k] = static_cast<float>(mixed[j]);
      }
      model.bias[k] = static_cast<float>(mixed[f_count]);
    }
  };
  const std::size_t threads =
      std::clamp<std::size_t>(options.threads, 1, std::max<std::size_t>(k_classes, 1));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

}  // namespace lizheng::insight::detail
