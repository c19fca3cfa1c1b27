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
  SegmenterMode mode = SegmenterMode::kCharBigrams;
  std::string status;
  // After Finalize, the tag of a trie node is 0 for a prefix only (jieba's
  // FREQ 0) and otherwise the index of its log(freq) - log(total) in
  // word_log_prob: a dictionary has a few thousand distinct frequencies, so
  // that table stays in cache while a per-node one would miss on every word.
  detail::CodePointTrie trie;
  std::vector<std::uint64_t> frequency;  // per node; 0 = prefix only
  std::vector<double> word_log_prob;     // by tag; [0] unused (not a word)
  std::uint64_t total = 0;
  double finalized_log_total = 0.0;  // log(total), set by Finalize
  std::size_t words = 0;

  // Adds or replaces a word as jieba's gen_pfdict/add_word do: the frequency
  // is overwritten, the total grows. False when the trie is full or the word
  // is not storable.
  bool AddWord(std::u32string_view word, std::uint64_t freq);
  // jieba's suggest_freq(word, tune=False) under the current frequencies.
  std::uint64_t SuggestFrequency(std::u32string_view word) const;
  // Computes word_log_prob and the trie's tags from frequency and total;
  // call after the last AddWord.
  void Finalize();

  // jieba's calc() over the block s[0, n): route_next[i] is one past the
  // word the best route takes at i, route_prob[i] that route's log
  // probability (n + 1 entries). kRawFrequency as use_frequency below.
  template <bool kRawFrequency>
  void Route(const char32_t* s, std::uint32_t n, double* route_prob,
             std::uint32_t* route_next) const;
  // Cuts one block of jieba's "han" characters into `out` (kWord tokens).
  // `route_prob` and `route_next` are scratch of at least end - begin + 1
  // entries. `use_frequency` computes probabilities from the raw frequencies
  // (while building, before Finalize).
  void CutBlock(std::u32string_view text, std::uint32_t begin, std::uint32_t end,
                std::vector<Token>& out, double* route_prob, std::uint32_t* route_next,
                bool use_frequency = false) const;
  void CutBigramBlock(std::u32string_view text, std::uint32_t begin, std::uint32_t end,
                      std::vector<Token>& out) const;
  void Cut(std::u32string_view text, std::vector<Token>& out, bool use_frequency) const;
};

}  // namespace lizheng::text
