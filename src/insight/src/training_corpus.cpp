#include "training_corpus.hpp"

#include <cmath>

#include "svm_trainer.hpp"

namespace lizheng::insight::detail {

TrainingCorpus ExtractCorpus(std::span<const LabelledMessage> rows,
                             const FeatureExtractor& extractor) {
  TrainingCorpus corpus;
  ExtractionScratch scratch;
  for (const LabelledMessage& m : rows) {
    extractor.Extract(m.title, m.detail, scratch);
    scratch.counter.ForEach([&](std::uint64_t key, std::uint32_t count) {
      corpus.ids.push_back(corpus.keys.Insert(key));
      corpus.counts.push_back(static_cast<float>(count));
    });
    corpus.offsets.push_back(corpus.ids.size());
  }
  return corpus;
}

LinearModel FitModel(const TrainingCorpus& corpus, std::span<const std::uint32_t> subset,
                     std::span<const std::uint32_t> labels, std::size_t classes,
                     const ClassifierOptions& options, std::uint64_t seed) {
  const FeatureOptions& fo = options.features;
  std::vector<std::uint32_t> df(corpus.keys.size(), 0);
  for (std::uint32_t m : subset) {
    for (std::size_t j = corpus.offsets[m]; j < corpus.offsets[m + 1]; ++j) ++df[corpus.ids[j]];
  }
  LinearModel model;
  model.features = fo;
  model.classes = classes;
  // Rows follow corpus id order, so the model is the same for the same data.
  std::vector<std::uint32_t> row_of(corpus.keys.size(), FeatureIndex::kAbsent);
  const double n = static_cast<double>(subset.size());
  for (std::uint32_t id = 0; id < df.size(); ++id) {
    if (df[id] == 0 || df[id] < fo.min_df) continue;
    row_of[id] = model.index.Insert(corpus.keys.keys()[id]);
    // scikit-learn's smoothed IDF: ln((1 + n) / (1 + df)) + 1.
    model.idf.push_back(static_cast<float>(std::log((1.0 + n) / (1.0 + df[id])) + 1.0));
  }

  SparseRows x;
  x.columns = model.index.size();
  x.entries.reserve(corpus.ids.size() / std::max<std::size_t>(corpus.messages(), 1) * subset.size());
  for (std::uint32_t m : subset) {
    const std::size_t start = x.entries.size();
    for (std::size_t j = corpus.offsets[m]; j < corpus.offsets[m + 1]; ++j) {
      const std::uint32_t row = row_of[corpus.ids[j]];
      if (row == FeatureIndex::kAbsent) continue;
      x.entries.push_back({row, TermWeight(corpus.counts[j], fo.sublinear_tf) * model.idf[row],
                           static_cast<std::uint8_t>(BlockOfKey(corpus.keys.keys()[corpus.ids[j]]))});
    }
    NormalizeBlocks(std::span<SparseEntry>(x.entries).subspan(start), fo);
    x.offsets.push_back(x.entries.size());
  }
  TrainOneVsRest(x, labels, options.linear, seed, model);
  model.Pack();
  return model;
}

}  // namespace lizheng::insight::detail
