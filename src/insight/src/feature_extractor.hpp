// Turns a message into counted feature keys: hashed character n-grams, jieba
// words and word bigrams. A key is a 62-bit hash of the feature's code points
// with its FeatureBlock in the top two bits.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "key_counter.hpp"
#include "lizheng/insight/classifier_options.hpp"
#include "lizheng/text/segmenter.hpp"

namespace lizheng::insight::detail {

inline std::size_t BlockOfKey(std::uint64_t key) { return static_cast<std::size_t>(key >> 62); }

// Reusable buffers for one thread.
struct ExtractionScratch {
  KeyCounter counter;
  std::u32string title_buffer;   // working memory of text::NormalizeInto
  std::u32string detail_buffer;  // likewise
  std::vector<text::Token> tokens;
};

// Immutable; any thread may call Extract with its own scratch.
class FeatureExtractor {
 public:
  FeatureExtractor(const FeatureOptions& options, text::Segmenter segmenter)
      : options_(options), segmenter_(std::move(segmenter)) {}

  // Leaves the counted keys of the message in scratch.counter.
  void Extract(std::string_view title, std::string_view detail, ExtractionScratch& scratch) const;

  const text::Segmenter& segmenter() const { return segmenter_; }

 private:
  // Adds the n-grams and words of normalised text.
  void AddText(std::u32string_view s, std::uint32_t weight, ExtractionScratch& scratch) const;
  void AddCharNgrams(std::u32string_view s, std::uint32_t weight, FeatureBlock block,
                     KeyCounter& counter) const;

  FeatureOptions options_;
  text::Segmenter segmenter_;
};

}  // namespace lizheng::insight::detail
