// Numbers as citizens write them: Arabic digits (ASCII or full-width, with
// thousands commas and a decimal point), Chinese numerals (两百, 三千五百,
// 一万二) and the approximate forms that say "about so many" (上百, 数十,
// 几千, 近百, 百余, 成百上千, 1.2万). Used wherever a count matters, for
// example how many people a request concerns.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace lizheng::text {

// A number found at a position of a code-point text.
struct ChineseNumber {
  double value = 0;          // the count; for approximate forms a cautious lower estimate
  std::size_t length = 0;    // code points consumed (>= 1)
  bool approximate = false;  // 上百, 数十, 几千, 近百, 百余, 300多, ...
};

// Parses the number that starts exactly at `text[pos]`, or nothing when no
// number starts there. Requires pos <= text.size(). A trailing 多, 余 or 来
// ("300多", "百余") is consumed and marks the number approximate. A bare
// 百, 千 or 万 without a leading numeral or 上/数/几/近/成 is not a number
// (百姓, 千万不要, 万一), and neither is 几 alone. The caller decides what
// may stand before the number (a digit before `pos` means it is inside a
// longer number). Pure function, any thread.
std::optional<ChineseNumber> ParseChineseNumber(std::u32string_view text, std::size_t pos);

}  // namespace lizheng::text
