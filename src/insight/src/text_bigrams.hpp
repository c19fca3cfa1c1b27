// Private: the character bigrams of a request's text, which the repeat
// finder (request_similarity) and the flood check (flood_detector) compare.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace lizheng::insight {

// Sorted (bigram key, weight) pairs of one request: each pair of adjacent
// Han or ASCII letters and digits of the normalised text, the title's
// counted twice, equal keys summed.
using BigramBag = std::vector<std::pair<std::uint64_t, float>>;
BigramBag BagOf(std::string_view title, std::string_view detail);

// The dot product of two sorted sparse vectors of unit length (bags
// normalised by the caller), clamped to [0, 1]: their cosine.
template <class Weight>
double SparseCosine(const std::vector<std::pair<std::uint64_t, Weight>>& a,
                    const std::vector<std::pair<std::uint64_t, Weight>>& b) {
  double dot = 0.0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      dot += static_cast<double>(i->second) * static_cast<double>(j->second);
      ++i;
      ++j;
    }
  }
  return std::clamp(dot, 0.0, 1.0);
}

}  // namespace lizheng::insight
