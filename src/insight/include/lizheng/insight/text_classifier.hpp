// 分类: assigns a message the first-level category of the jurisdiction's
// taxonomy, with a confidence, by a linear model over character n-grams and
// jieba words, trained from the jurisdiction's labelled history.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/result.hpp"
#include "lizheng/insight/classifier_options.hpp"
#include "lizheng/insight/labelled_messages.hpp"
#include "lizheng/text/segmenter.hpp"

namespace lizheng::insight {

struct Prediction {
  std::size_t label_index = 0;  // into TextClassifier::labels()
  std::string label;
  // softmax(confidence_scale * decision values) of the chosen label, in
  // (0, 1]; roughly the probability that the label is right.
  double confidence = 0.0;
};

// Reusable working memory for Predict, so that predicting many messages
// allocates nothing. Not thread-safe: one per thread.
class PredictionBuffers {
 public:
  PredictionBuffers();
  ~PredictionBuffers();
  PredictionBuffers(PredictionBuffers&&) noexcept;
  PredictionBuffers& operator=(PredictionBuffers&&) noexcept;

  struct Impl;

 private:
  friend class TextClassifier;
  std::unique_ptr<Impl> impl_;
};

// A trained classifier. Immutable and cheap to copy (the model is shared);
// any thread may call Predict with its own PredictionBuffers.
class TextClassifier {
 public:
  // Trains on `rows` (at least two distinct labels; every row labelled).
  // Labels are ordered by their UTF-8 bytes. The segmenter must be the one
  // used later for prediction (the model file records which it was).
  // `seed` fixes the order of the solver's passes: same data, same model.
  static Result<TextClassifier> Train(std::span<const LabelledMessage> rows,
                                      const ClassifierOptions& options,
                                      text::Segmenter segmenter, std::uint64_t seed = 1);

  Prediction Predict(std::string_view title, std::string_view detail,
                     PredictionBuffers& buffers) const;
  // Allocates buffers per call; prefer the overload above for many messages.
  Prediction Predict(std::string_view title, std::string_view detail) const;
  // The confidence of every label, in the order of labels(); sums to 1.
  std::vector<double> Probabilities(std::string_view title, std::string_view detail) const;

  const std::vector<std::string>& labels() const;
  const ClassifierOptions& options() const;
  std::size_t feature_count() const;

  // The model as bytes: a versioned little-endian binary format with a
  // checksum, the same on every platform.
  std::string Serialize() const;
  // Reads Serialize() output. Errors (kInvalidArgument) name `source_name`
  // and the byte offset: bad magic, unsupported version, truncation, a
  // checksum mismatch, or a segmenter other than the one trained with.
  static Result<TextClassifier> Deserialize(std::string_view bytes, std::string_view source_name,
                                            text::Segmenter segmenter);

  // Writes the model file (via a temporary file and rename).
  Status Save(const std::string& path) const;
  static Result<TextClassifier> Load(const std::string& path, text::Segmenter segmenter);

  struct State;

 private:
  explicit TextClassifier(std::shared_ptr<const State> state) : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;
};

}  // namespace lizheng::insight
