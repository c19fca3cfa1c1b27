// Private: the words that carry a request's meaning, weighted by jieba's
// IDF table, and how many of them a reply takes up.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lizheng/core/result.hpp"
#include "lizheng/text/segmenter.hpp"

namespace lizheng::insight::reply {

// Inverse document frequencies ("word idf" per line, jieba's idf.txt).
// Unknown words get the median, as jieba's keyword extraction does; an empty
// table weighs every word 1.
class TermWeights {
 public:
  // Errors name the source and line of a malformed row.
  static Result<TermWeights> Parse(std::string_view text, std::string_view source_name);
  double Weight(std::wstring_view word) const;
  std::size_t size() const { return idf_.size(); }

 private:
  std::unordered_map<std::string, float> idf_;
  double median_ = 1.0;
};

// A content word and its weight in the text it came from.
struct Keyword {
  std::wstring word;
  double weight = 0;
};

// How far a reply contains `word`: 1 when it contains the whole word, else
// for words of three or more characters the share of the word's character
// pairs it contains (卫生院 -> 卫生: 0.5), which forgives paraphrase and
// segmentation slips around unknown names.
double MatchCredit(std::wstring_view word, std::wstring_view reply);

// Which keywords a reply takes up (credit 0.5 or more counts as found) and
// the share of the keywords' weight it covers, partial credit included.
struct KeywordCoverage {
  std::vector<const Keyword*> found;
  std::vector<const Keyword*> missing;
  double share = 0;  // credited weight / total weight; 0 when there are none
};
KeywordCoverage Cover(const std::vector<Keyword>& keywords, std::wstring_view reply);

// Segments text and keeps content words: two or more Chinese characters and
// not on the stop list of petition boilerplate (问题, 反映, 希望, 领导 ...).
// Immutable; any thread.
class KeywordExtractor {
 public:
  KeywordExtractor(text::Segmenter segmenter, TermWeights weights);

  // The tokens of `text` as words, white space dropped, in order.
  std::vector<std::wstring> Tokens(std::wstring_view text) const;
  // Up to `max_keywords` content words of `text`, heaviest first (weight:
  // IDF times 1 + ln(term frequency)); ties keep the order of appearance.
  std::vector<Keyword> Extract(std::wstring_view text, std::size_t max_keywords) const;
  bool IsContentWord(std::wstring_view word) const;

  const text::Segmenter& segmenter() const { return segmenter_; }
  const TermWeights& weights() const { return weights_; }

 private:
  text::Segmenter segmenter_;
  TermWeights weights_;
  std::unordered_set<std::wstring> stopwords_;
};

}  // namespace lizheng::insight::reply
