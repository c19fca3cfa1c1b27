// The shared state behind a Segmenter, and the building steps that fill it.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "code_point_trie.hpp"
#include "lizheng/text/segmenter.hpp"

namespace lizheng::text {

struct Segmenter::Impl {
  // Stored in log_prob for trie nodes that are only prefixes (jieba's FREQ 0).
  static constexpr double kNotAWord = 1.0;

  SegmenterMode mode = SegmenterMode::kCharBigrams;
  std::string status;
  detail::CodePointTrie trie;
  std::vector<std::uint64_t> frequency;  // per node; 0 = prefix only
  std::vector<double> log_prob;          // per node: log(freq) - log(total)
  std::uint64_t total = 0;
  std::size_t words = 0;

  bool IsWord(std::uint32_t node) const { return log_prob[node] <= 0.0; }

  // Adds or replaces a word as jieba's gen_pfdict/add_word do: the frequency
  // is overwritten, the total grows. False when the trie is full or the word
  // is not storable.
  bool AddWord(std::u32string_view word, std::uint64_t freq);
  // jieba's suggest_freq(word, tune=False) under the current frequencies.
  std::uint64_t SuggestFrequency(std::u32string_view word) const;
  // Computes log_prob from frequency and total; call after the last AddWord.
  void Finalize();

  // Cuts one block of jieba's "han" characters into `out` (kWord tokens).
  // `scratch_*` are reused buffers of at least end - begin + 1 entries.
  // `use_frequency` computes probabilities from the raw frequencies (while
  // building, before Finalize).
  void CutBlock(std::u32string_view text, std::uint32_t begin, std::uint32_t end,
                std::vector<Token>& out, std::vector<double>& scratch_prob,
                std::vector<std::uint32_t>& scratch_next, bool use_frequency = false) const;
  void CutBigramBlock(std::u32string_view text, std::uint32_t begin, std::uint32_t end,
                      std::vector<Token>& out) const;
  void Cut(std::u32string_view text, std::vector<Token>& out, bool use_frequency) const;
};

}  // namespace lizheng::text
