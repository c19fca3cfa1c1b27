// Messages turned into counted feature ids once, so that cross-validation
// folds re-fit vocabulary, IDF and weights without re-segmenting any text.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "feature_extractor.hpp"
#include "linear_model.hpp"
#include "lizheng/insight/labelled_messages.hpp"

namespace lizheng::insight::detail {

struct TrainingCorpus {
  FeatureIndex keys;  // every key seen in any message; id = row of this index
  std::vector<std::size_t> offsets{0};
  std::vector<std::uint32_t> ids;  // message m: ids[offsets[m], offsets[m + 1])
  std::vector<float> counts;       // parallel to ids

  std::size_t messages() const { return offsets.size() - 1; }
};

TrainingCorpus ExtractCorpus(std::span<const LabelledMessage> rows,
                             const FeatureExtractor& extractor);

// Fits a model on the messages `subset` of the corpus with class indices
// `labels` (parallel to subset): vocabulary (min_df), IDF, and the weights.
LinearModel FitModel(const TrainingCorpus& corpus, std::span<const std::uint32_t> subset,
                     std::span<const std::uint32_t> labels, std::size_t classes,
                     const ClassifierOptions& options, std::uint64_t seed);

}  // namespace lizheng::insight::detail
