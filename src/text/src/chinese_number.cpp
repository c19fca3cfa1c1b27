#include "lizheng/text/chinese_number.hpp"

#include <array>

namespace lizheng::text {
namespace {

int ArabicDigit(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}

int ChineseDigit(char32_t c) {
  constexpr std::u32string_view kDigits = U"零一二三四五六七八九";
  if (c == U'〇') return 0;
  if (c == U'两') return 2;
  const std::size_t at = kDigits.find(c);
  return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
}

// 十 百 千 万 亿 as multipliers; 0 for anything else.
double UnitValue(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': return 1e4;
    case U'亿': return 1e8;
    default: return 0;
  }
}

char32_t At(std::u32string_view s, std::size_t i) {
  return i < s.size() ? s[i] : U'\0';
}

// 多, 余, 来 after a number: "300多", "百余", "十来".
std::size_t ApproximateSuffix(std::u32string_view s, std::size_t i) {
  const char32_t c = At(s, i);
  return (c == U'多' || c == U'余' || c == U'来') ? 1 : 0;
}

// A trailing 万 or 亿 (or 千, 百 after digits: "3千", "5百") scales the number.
std::size_t ScaleSuffix(std::u32string_view s, std::size_t i, double& value) {
  std::size_t used = 0;
  while (UnitValue(At(s, i + used)) >= 100) {
    value *= UnitValue(At(s, i + used));
    ++used;
  }
  return used;
}

std::optional<ChineseNumber> ParseArabic(std::u32string_view s, std::size_t pos) {
  std::size_t i = pos;
  double value = 0;
  while (true) {
    if (ArabicDigit(At(s, i)) >= 0) {
      value = value * 10 + ArabicDigit(s[i]);
      ++i;
    } else if (At(s, i) == U',' && i > pos && ArabicDigit(At(s, i + 1)) >= 0 &&
               ArabicDigit(At(s, i + 2)) >= 0 && ArabicDigit(At(s, i + 3)) >= 0 &&
               ArabicDigit(At(s, i + 4)) < 0) {
      ++i;  // thousands separator: exactly three digits follow
    } else {
      break;
    }
  }
  if (i == pos) return std::nullopt;
  if ((At(s, i) == U'.' || At(s, i) == U'．') && ArabicDigit(At(s, i + 1)) >= 0) {
    double scale = 0.1;
    for (++i; ArabicDigit(At(s, i)) >= 0; ++i, scale /= 10) value += scale * ArabicDigit(s[i]);
  }
  ChineseNumber n{value, 0, false};
  i += ScaleSuffix(s, i, n.value);
  const std::size_t approx = ApproximateSuffix(s, i);
  n.approximate = approx > 0;
  n.length = i + approx - pos;
  return n;
}

// Chinese numerals: 三, 十五, 两百五十, 三千五百, 一万二, 二十几, 三四百.
std::optional<ChineseNumber> ParseHan(std::u32string_view s, std::size_t pos) {
  const char32_t first = At(s, pos);
  if (ChineseDigit(first) < 0 && first != U'十' && first != U'几') return std::nullopt;
  double total = 0, section = 0, digit = -1, last_unit = 0;
  bool approximate = false;
  std::size_t i = pos;
  for (;; ++i) {
    const char32_t c = At(s, i);
    const int d = ChineseDigit(c);
    const double unit = UnitValue(c);
    if (c == U'零' || c == U'〇') {
      continue;  // 一百零八: a zero only keeps the places apart
    }
    if (d >= 0 || c == U'几') {
      const double v = d >= 0 ? d : 2;  // 几 ("a few") counts cautiously as 2
      if (c == U'几') approximate = true;
      if (digit >= 0) {
        approximate = true;  // 三四百: two digits in a row, keep the smaller
        if (v < digit) digit = v;
      } else {
        digit = v;
      }
    } else if (unit == 10 || unit == 100 || unit == 1000) {
      if (digit < 0 && unit != 10) break;  // 十百 is not a number
      section += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
      last_unit = unit;
    } else if (unit >= 1e4) {
      if (section == 0 && digit < 0 && total == 0) break;
      total = (total + section + (digit < 0 ? 0 : digit)) * unit;
      section = 0;
      digit = -1;
      last_unit = unit;
    } else {
      break;
    }
  }
  if (i == pos) return std::nullopt;
  // 两百五 means 250 and 一万二 12000: a last digit right after a unit
  // counts one place lower.
  if (digit >= 0 && last_unit >= 100 && ChineseDigit(At(s, i - 2)) < 0 &&
      UnitValue(At(s, i - 2)) == last_unit) {
    digit *= last_unit / 10;
  }
  if (i == pos + 1 && first == U'几') return std::nullopt;  // 几 alone asks, it does not count
  ChineseNumber n{total + section + (digit < 0 ? 0 : digit), 0, approximate};
  const std::size_t approx = ApproximateSuffix(s, i);
  n.approximate = n.approximate || approx > 0;
  n.length = i + approx - pos;
  return n;
}

// Approximate forms led by a word: 上百, 上千万, 近百, 近200, 数十, 数百, 好几千,
// 百余, 千多, 成百上千, 数以万计.
std::optional<ChineseNumber> ParseApproximate(std::u32string_view s, std::size_t pos) {
  struct Fixed {
    std::u32string_view text;
    double value;
  };
  constexpr std::array<Fixed, 4> kFixed{
      {{U"成百上千", 100}, {U"数以百计", 100}, {U"数以千计", 1000}, {U"数以万计", 1e4}}};
  for (const Fixed& f : kFixed)
    if (s.substr(pos).starts_with(f.text)) return ChineseNumber{f.value, f.text.size(), true};
  const char32_t c = At(s, pos);
  std::size_t lead = 0;
  double factor = 1;
  if (c == U'上') {
    lead = 1;
  } else if (c == U'近') {
    lead = 1;
    factor = 0.9;
  } else if (c == U'数') {
    lead = 1;
    factor = 2;
  } else if (c == U'好' && At(s, pos + 1) == U'几') {
    lead = 2;
    factor = 2;
  } else if (UnitValue(c) >= 100 && ApproximateSuffix(s, pos + 1) > 0) {
    return ChineseNumber{UnitValue(c), 2, true};  // 百余, 千多, 万余
  } else {
    return std::nullopt;
  }
  const std::size_t at = pos + lead;
  ChineseNumber n;
  if (UnitValue(At(s, at)) > 0) {
    n.value = UnitValue(s[at]) * factor;
    n.length = lead + 1;
    n.length += ScaleSuffix(s, pos + n.length, n.value);
  } else if (c == U'近' && ArabicDigit(At(s, at)) >= 0) {
    std::optional<ChineseNumber> inner = ParseArabic(s, at);
    if (!inner) return std::nullopt;
    n.value = inner->value * factor;
    n.length = lead + inner->length;
  } else {
    return std::nullopt;
  }
  n.approximate = true;
  n.length += ApproximateSuffix(s, pos + n.length);
  return n;
}

}  // namespace

std::optional<ChineseNumber> ParseChineseNumber(std::u32string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  if (ArabicDigit(text[pos]) >= 0) return ParseArabic(text, pos);
  if (std::optional<ChineseNumber> n = ParseApproximate(text, pos)) return n;
  return ParseHan(text, pos);
}

}  // namespace lizheng::text
