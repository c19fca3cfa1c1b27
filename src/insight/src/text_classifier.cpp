#include "lizheng/insight/text_classifier.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "classifier_state.hpp"
#include "training_corpus.hpp"

namespace lizheng::insight {

PredictionBuffers::PredictionBuffers() : impl_(std::make_unique<Impl>()) {}
PredictionBuffers::~PredictionBuffers() = default;
PredictionBuffers::PredictionBuffers(PredictionBuffers&&) noexcept = default;
PredictionBuffers& PredictionBuffers::operator=(PredictionBuffers&&) noexcept = default;

namespace detail {

Status IndexLabels(std::span<const LabelledMessage> rows, std::vector<std::string>& labels,
                   std::vector<std::uint32_t>& indices) {
  std::map<std::string, std::uint32_t> by_name;
  for (const LabelledMessage& m : rows) {
    if (m.label.empty()) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "label: empty label on the message of line " + std::to_string(m.line),
                       "label");
    }
    by_name.emplace(m.label, 0);
  }
  if (by_name.size() < 2) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "label: training needs messages of at least two labels, found " +
                         std::to_string(by_name.size()),
                     "label");
  }
  labels.clear();
  for (auto& [name, index] : by_name) {
    index = static_cast<std::uint32_t>(labels.size());
    labels.push_back(name);
  }
  indices.clear();
  for (const LabelledMessage& m : rows) indices.push_back(by_name[m.label]);
  return OkStatus();
}

void Softmax(std::span<double> scores, double scale) {
  if (scores.empty()) return;
  const double top = *std::max_element(scores.begin(), scores.end());
  double sum = 0.0;
  for (double& s : scores) {
    s = std::exp(scale * (s - top));
    sum += s;
  }
  for (double& s : scores) s /= sum;
}

}  // namespace detail

std::size_t TextClassifier::State::Score(std::string_view title, std::string_view detail,
                                         PredictionBuffers::Impl& buffers) const {
  extractor.Extract(title, detail, buffers.scratch);
  const std::span<const detail::SparseEntry> x =
      model.Vectorize(buffers.scratch.counter, buffers.x);
  buffers.scores.resize(model.classes);
  model.Score(x, buffers.scores);
  return static_cast<std::size_t>(
      std::max_element(buffers.scores.begin(), buffers.scores.end()) - buffers.scores.begin());
}

Prediction TextClassifier::State::Predict(std::string_view title, std::string_view detail,
                                          PredictionBuffers::Impl& buffers) const {
  const std::size_t best = Score(title, detail, buffers);
  detail::Softmax(buffers.scores, options.confidence_scale);
  return Prediction{best, labels[best], buffers.scores[best]};
}

Result<TextClassifier> TextClassifier::Train(std::span<const LabelledMessage> rows,
                                             const ClassifierOptions& options,
                                             text::Segmenter segmenter, std::uint64_t seed) {
  std::vector<std::string> labels;
  std::vector<std::uint32_t> label_index;
  LZ_RETURN_IF_ERROR(detail::IndexLabels(rows, labels, label_index));
  detail::FeatureExtractor extractor(options.features, std::move(segmenter));
  const detail::TrainingCorpus corpus = detail::ExtractCorpus(rows, extractor);
  std::vector<std::uint32_t> all(rows.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::uint32_t>(i);
  detail::LinearModel model =
      detail::FitModel(corpus, all, label_index, labels.size(), options, seed);
  return TextClassifier(std::make_shared<const State>(
      State{options, std::move(labels), std::move(extractor), std::move(model)}));
}

Prediction TextClassifier::Predict(std::string_view title, std::string_view detail,
                                   PredictionBuffers& buffers) const {
  return state_->Predict(title, detail, *buffers.impl_);
}

Prediction TextClassifier::Predict(std::string_view title, std::string_view detail) const {
  PredictionBuffers buffers;
  return Predict(title, detail, buffers);
}

std::vector<double> TextClassifier::Probabilities(std::string_view title,
                                                  std::string_view detail) const {
  PredictionBuffers buffers;
  state_->Score(title, detail, *buffers.impl_);
  detail::Softmax(buffers.impl_->scores, state_->options.confidence_scale);
  return buffers.impl_->scores;
}

const std::vector<std::string>& TextClassifier::labels() const { return state_->labels; }
const ClassifierOptions& TextClassifier::options() const { return state_->options; }
std::size_t TextClassifier::feature_count() const { return state_->model.index.size(); }

}  // namespace lizheng::insight
