#include "lizheng/text/phone_number.hpp"

#include <algorithm>
#include <array>

#include "lizheng/text/normalize.hpp"

namespace lizheng::text {

std::string NormalizePhone(std::string_view utf8) {
  NormalizeOptions fold;
  fold.lower_ascii = false;
  fold.literal_backslash_n = false;
  const std::string folded = NormalizeText(utf8, fold);
  // The dashes people paste from documents (‐ ‑ ‒ – — ― −), which full-width
  // folding leaves alone.
  static constexpr std::array<std::string_view, 7> kDashes = {
      "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212"};
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size();) {
    const std::string_view rest = std::string_view(folded).substr(i);
    const auto dash = std::find_if(kDashes.begin(), kDashes.end(),
                                   [&](std::string_view d) { return rest.starts_with(d); });
    if (dash != kDashes.end()) {
      out += '-';
      i += dash->size();
    } else {
      out += folded[i++];
    }
  }
  return out;
}

}  // namespace lizheng::text
