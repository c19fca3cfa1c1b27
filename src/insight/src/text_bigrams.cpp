#include "text_bigrams.hpp"

#include <algorithm>

#include "lizheng/text/normalize.hpp"
#include "lizheng/text/utf8.hpp"

namespace lizheng::insight {
namespace {

bool IsContent(char32_t c) { return text::IsHan(c) || text::IsAsciiAlnum(c); }

// Adds the bigrams of consecutive content characters, `weight` each.
void AddBigrams(std::string_view utf8, float weight, BigramBag& out) {
  const std::u32string cps = text::NormalizeToCodePoints(utf8);
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
    if (!IsContent(cps[i]) || !IsContent(cps[i + 1])) continue;
    out.emplace_back((static_cast<std::uint64_t>(cps[i]) << 21) | cps[i + 1], weight);
  }
}

}  // namespace

BigramBag BagOf(std::string_view title, std::string_view detail) {
  BigramBag raw;
  AddBigrams(title, 2.0F, raw);
  AddBigrams(detail, 1.0F, raw);
  std::sort(raw.begin(), raw.end());
  BigramBag bag;
  for (const auto& [key, w] : raw) {
    if (!bag.empty() && bag.back().first == key) {
      bag.back().second += w;
    } else {
      bag.emplace_back(key, w);
    }
  }
  return bag;
}

}  // namespace lizheng::insight
