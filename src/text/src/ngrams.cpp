#include "lizheng/text/ngrams.hpp"

namespace lizheng::text {

std::vector<std::string> CharNgrams(std::string_view utf8, std::size_t min_n, std::size_t max_n) {
  const std::u32string cps = DecodeUtf8(utf8);
  const std::u32string_view view(cps);
  std::vector<std::string> out;
  ForEachCharNgram(view, min_n, max_n, [&](std::size_t begin, std::size_t length) {
    out.push_back(EncodeUtf8(view.substr(begin, length)));
  });
  return out;
}

}  // namespace lizheng::text
