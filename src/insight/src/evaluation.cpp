#include "lizheng/insight/evaluation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

#include "classifier_state.hpp"
#include "training_corpus.hpp"

namespace lizheng::insight {

namespace {

double SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

EvaluationReport ScoreClassification(std::span<const std::string> labels,
                                     std::span<const std::uint32_t> gold,
                                     std::span<const std::uint32_t> predicted) {
  EvaluationReport report;
  const std::size_t k = labels.size();
  std::vector<std::size_t> tp(k, 0), support(k, 0), predicted_count(k, 0);
  std::size_t correct = 0;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    ++support[gold[i]];
    ++predicted_count[predicted[i]];
    if (gold[i] == predicted[i]) {
      ++tp[gold[i]];
      ++correct;
    }
  }
  double f1_sum = 0.0;
  for (std::size_t c = 0; c < k; ++c) {
    ClassMetrics m;
    m.label = labels[c];
    m.support = support[c];
    m.predicted = predicted_count[c];
    m.precision = predicted_count[c] ? static_cast<double>(tp[c]) / predicted_count[c] : 0.0;
    m.recall = support[c] ? static_cast<double>(tp[c]) / support[c] : 0.0;
    m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0.0;
    f1_sum += m.f1;
    report.classes.push_back(std::move(m));
  }
  report.macro_f1 = k ? f1_sum / static_cast<double>(k) : 0.0;
  report.messages = gold.size();
  report.accuracy = gold.empty() ? 0.0 : static_cast<double>(correct) / gold.size();
  return report;
}

std::vector<std::uint32_t> StratifiedFolds(std::span<const std::uint32_t> labels,
                                           std::size_t folds, std::uint64_t seed) {
  std::vector<std::uint32_t> fold(labels.size(), 0);
  if (folds == 0) return fold;
  const std::size_t k = labels.empty() ? 0 : *std::max_element(labels.begin(), labels.end()) + 1;
  std::vector<std::vector<std::uint32_t>> members(k);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    members[labels[i]].push_back(static_cast<std::uint32_t>(i));
  }
  std::mt19937_64 rng(seed);
  std::size_t next = 0;
  for (auto& m : members) {
    std::shuffle(m.begin(), m.end(), rng);
    for (std::uint32_t i : m) fold[i] = static_cast<std::uint32_t>(next++ % folds);
  }
  return fold;
}

Result<EvaluationReport> CrossValidate(std::span<const LabelledMessage> rows,
                                       const ClassifierOptions& options,
                                       const text::Segmenter& segmenter,
                                       const CrossValidationOptions& cv) {
  const auto now = cv.now_seconds ? cv.now_seconds : SteadySeconds;
  std::vector<std::string> labels;
  std::vector<std::uint32_t> gold;
  LZ_RETURN_IF_ERROR(detail::IndexLabels(rows, labels, gold));
  std::vector<std::size_t> per_label(labels.size(), 0);
  for (std::uint32_t g : gold) ++per_label[g];
  const std::size_t smallest = *std::min_element(per_label.begin(), per_label.end());
  if (cv.folds < 2 || cv.folds > smallest) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "folds: " + std::to_string(cv.folds) +
                         " folds need 2 <= folds <= the smallest label's " +
                         std::to_string(smallest) + " messages",
                     "folds");
  }

  EvaluationReport total;
  detail::FeatureExtractor extractor(options.features, segmenter);
  double t0 = now();
  const detail::TrainingCorpus corpus = detail::ExtractCorpus(rows, extractor);
  total.extract_seconds = now() - t0;

  const std::vector<std::uint32_t> fold = StratifiedFolds(gold, cv.folds, cv.seed);
  std::vector<std::uint32_t> predicted(rows.size(), 0);
  double log_loss = 0.0;
  PredictionBuffers::Impl buffers;
  for (std::uint32_t f = 0; f < cv.folds; ++f) {
    std::vector<std::uint32_t> train, train_labels, test;
    for (std::uint32_t i = 0; i < rows.size(); ++i) {
      if (fold[i] == f) {
        test.push_back(i);
      } else {
        train.push_back(i);
        train_labels.push_back(gold[i]);
      }
    }
    t0 = now();
    const TextClassifier::State state{
        options, labels, extractor,
        detail::FitModel(corpus, train, train_labels, labels.size(), options, cv.seed + f)};
    total.train_seconds += now() - t0;
    t0 = now();
    for (std::uint32_t i : test) {
      const Prediction p = state.Predict(rows[i].title, rows[i].detail, buffers);
      predicted[i] = static_cast<std::uint32_t>(p.label_index);
      log_loss -= std::log(std::max(buffers.scores[gold[i]], 1e-15));
    }
    total.predict_seconds += now() - t0;
  }
  EvaluationReport report = ScoreClassification(labels, gold, predicted);
  report.folds = cv.folds;
  report.log_loss = log_loss / static_cast<double>(rows.size());
  report.extract_seconds = total.extract_seconds;
  report.train_seconds = total.train_seconds;
  report.predict_seconds = total.predict_seconds;
  return report;
}

}  // namespace lizheng::insight
