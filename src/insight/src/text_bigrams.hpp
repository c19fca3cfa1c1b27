// Private: the character bigrams of a request's text, which the repeat
// finder (request_similarity) and the flood check (flood_detector) compare.
#pragma once

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

}  // namespace lizheng::insight
