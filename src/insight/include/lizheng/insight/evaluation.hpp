// Measuring the classifier: per-class precision, recall and F1, macro-F1
// (the measure that counts, DESIGN.md §5), and stratified k-fold
// cross-validation.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "lizheng/core/result.hpp"
#include "lizheng/insight/classifier_options.hpp"
#include "lizheng/insight/labelled_messages.hpp"
#include "lizheng/text/segmenter.hpp"

namespace lizheng::insight {

struct ClassMetrics {
  std::string label;
  double precision = 0.0;  // 0 when nothing was predicted as this label
  double recall = 0.0;
  double f1 = 0.0;
  std::size_t support = 0;    // gold messages of this label
  std::size_t predicted = 0;  // messages predicted as this label
};

struct EvaluationReport {
  std::vector<ClassMetrics> classes;  // in label order
  double macro_f1 = 0.0;
  double accuracy = 0.0;
  double log_loss = 0.0;  // mean -ln(confidence of the gold label)
  std::size_t messages = 0;
  std::size_t folds = 0;          // 0 for a plain evaluation
  double extract_seconds = 0.0;   // cross-validation: segmenting all text once
  double train_seconds = 0.0;     // sum over folds of fitting
  double predict_seconds = 0.0;   // predicting every evaluated message from raw text
};

// Metrics of predictions against gold labels (indices into `labels`);
// log_loss is left 0.
EvaluationReport ScoreClassification(std::span<const std::string> labels,
                                     std::span<const std::uint32_t> gold,
                                     std::span<const std::uint32_t> predicted);

// Assigns each message a fold in [0, folds): the messages of each label are
// shuffled with `seed` and dealt round-robin, continuing from one label to
// the next, so every fold gets each label's share give or take one.
std::vector<std::uint32_t> StratifiedFolds(std::span<const std::uint32_t> labels,
                                           std::size_t folds, std::uint64_t seed);

struct CrossValidationOptions {
  std::size_t folds = 5;
  std::uint64_t seed = 1;
  // Seconds on a monotonic clock, for the timing figures; injectable.
  std::function<double()> now_seconds;
};

// Stratified k-fold cross-validation: each fold's model is fitted on the other
// folds only (vocabulary and IDF included) and predicts the fold from raw
// text. Errors: fewer than 2 folds, more folds than messages of the smallest
// label, or the errors of training.
Result<EvaluationReport> CrossValidate(std::span<const LabelledMessage> rows,
                                       const ClassifierOptions& options,
                                       const text::Segmenter& segmenter,
                                       const CrossValidationOptions& cv = {});

}  // namespace lizheng::insight
