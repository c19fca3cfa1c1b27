// Character n-grams, the segmentation-free features of Chinese text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/text/utf8.hpp"

namespace lizheng::text {

// Calls fn(begin, length) for every n-gram of `text` with min_n <= length <=
// max_n, in order of begin and then length. N-grams never cross white space:
// the text is split into runs at white-space characters first. Requires
// 1 <= min_n <= max_n.
template <class Fn>
void ForEachCharNgram(std::u32string_view text, std::size_t min_n, std::size_t max_n, Fn&& fn) {
  std::size_t run_begin = 0;
  while (run_begin < text.size()) {
    while (run_begin < text.size() && IsSpace(text[run_begin])) ++run_begin;
    std::size_t run_end = run_begin;
    while (run_end < text.size() && !IsSpace(text[run_end])) ++run_end;
    for (std::size_t i = run_begin; i < run_end; ++i) {
      for (std::size_t n = min_n; n <= max_n && i + n <= run_end; ++n) fn(i, n);
    }
    run_begin = run_end;
  }
}

// The n-grams of UTF-8 text as UTF-8 strings (for tests and tools; the
// classifier hashes code points through ForEachCharNgram instead).
std::vector<std::string> CharNgrams(std::string_view utf8, std::size_t min_n, std::size_t max_n);

}  // namespace lizheng::text
