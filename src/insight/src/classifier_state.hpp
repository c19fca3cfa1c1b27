// What a TextClassifier holds, shared with cross-validation (which builds
// states fold by fold without going through the public Train).
#pragma once

#include <string>
#include <vector>

#include "feature_extractor.hpp"
#include "linear_model.hpp"
#include "lizheng/insight/text_classifier.hpp"

namespace lizheng::insight {

struct PredictionBuffers::Impl {
  detail::ExtractionScratch scratch;
  std::vector<detail::SparseEntry> x;  // scratch of LinearModel::Vectorize
  std::vector<double> scores;
};

struct TextClassifier::State {
  ClassifierOptions options;
  std::vector<std::string> labels;
  detail::FeatureExtractor extractor;
  detail::LinearModel model;

  // Leaves decision values in buffers.scores; returns the best class.
  std::size_t Score(std::string_view title, std::string_view detail,
                    PredictionBuffers::Impl& buffers) const;
  Prediction Predict(std::string_view title, std::string_view detail,
                     PredictionBuffers::Impl& buffers) const;
};

namespace detail {

// Distinct labels of `rows` in byte order, and each row's index into them.
// Errors when a label is empty or fewer than two labels occur.
Status IndexLabels(std::span<const LabelledMessage> rows, std::vector<std::string>& labels,
                   std::vector<std::uint32_t>& indices);

// softmax(scale * scores) in place.
void Softmax(std::span<double> scores, double scale);

}  // namespace detail
}  // namespace lizheng::insight
