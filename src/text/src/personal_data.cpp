#include "lizheng/text/personal_data.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>

#include "lizheng/text/utf8.hpp"
#include "personal_names.hpp"

namespace lizheng::text {
namespace {

// The input as code points with the byte offset of each (and one past the
// end), so spans found on code points map back to bytes.
struct Decoded {
  std::u32string cps;
  std::vector<std::size_t> offsets;  // offsets[i]: byte where cps[i] starts; size cps+1
};

Decoded Decode(std::string_view utf8) {
  Decoded d;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const DecodedCodePoint one = DecodeOne(utf8, pos);
    d.cps.push_back(one.code_point);
    d.offsets.push_back(pos);
    pos += one.length == 0 ? 1 : one.length;
  }
  d.offsets.push_back(utf8.size());
  return d;
}

// ASCII and full-width digits.
int DigitValue(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}
bool IsDigit(char32_t c) { return DigitValue(c) >= 0; }
bool IsLatin(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A);
}
bool IsUpperLatin(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= 0xFF21 && c <= 0xFF3A); }

// A digit written as a Chinese numeral, as people read numbers out
// (一三八…, 幺 for one, 洞 for zero); -1 for anything else.
int ChineseDigitValue(char32_t c) {
  static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  const std::size_t at = kDigits.find(c);
  if (at != std::u32string_view::npos) return static_cast<int>(at);
  if (c == U'零' || c == U'洞') return 0;
  if (c == U'幺') return 1;
  if (c == U'两') return 2;
  return -1;
}
// The numerals of a number written in words (一百二十三).
bool IsChineseNumeral(char32_t c) {
  return ChineseDigitValue(c) >= 0 || c == U'十' || c == U'百' || c == U'千';
}

struct Match {
  PersonalDataKind kind;
  std::size_t begin;  // code points
  std::size_t end;
};

class Scanner {
 public:
  explicit Scanner(const std::u32string& cps) : s_(cps) {}

  char32_t At(std::size_t i) const { return i < s_.size() ? s_[i] : U'\0'; }
  bool DigitBefore(std::size_t i) const { return i > 0 && IsDigit(s_[i - 1]); }

  // The digits of a run starting at i, allowing single separators from
  // `seps` between them; stops at anything else, or after kMaxDigits digits:
  // no number has that many, and a run of "1 1 1 ..." read whole from each
  // of its digits would take time quadratic in its length. Returns the end.
  static constexpr std::size_t kMaxDigits = 20;
  std::size_t DigitsWithSeparators(std::size_t i, std::u32string_view seps, std::string* digits) const {
    std::size_t j = i;
    while (j < s_.size() && digits->size() < kMaxDigits) {
      if (IsDigit(s_[j])) {
        digits->push_back(static_cast<char>('0' + DigitValue(s_[j])));
        ++j;
      } else if (seps.find(s_[j]) != std::u32string_view::npos && j > i && IsDigit(At(j + 1))) {
        ++j;
      } else {
        break;
      }
    }
    return j;
  }

  std::size_t DigitRun(std::size_t i) const {
    std::size_t j = i;
    while (j < s_.size() && IsDigit(s_[j])) ++j;
    return j;
  }

  const std::u32string& s_;
};

bool PlausibleDate(std::string_view yyyymmdd) {
  auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) v = v * 10 + (yyyymmdd[at + k] - '0');
    return v;
  };
  const int year = num(0, 4), month = num(4, 2), day = num(6, 2);
  return year >= 1900 && year <= 2030 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

constexpr std::u32string_view kDateUnits = U"年月日";

// Numbers: ID cards, bank cards, mobiles and landlines, from the run of
// digits starting at i (which has no digit before it).
std::optional<Match> MatchNumber(const Scanner& sc, std::size_t i) {
  const std::u32string& s = sc.s_;
  const std::size_t run_end = sc.DigitRun(i);
  const std::size_t len = run_end - i;
  std::string digits;
  for (std::size_t k = i; k < run_end; ++k) digits.push_back(static_cast<char>('0' + DigitValue(s[k])));
  const char32_t after = sc.At(run_end);

  // ID card: 17 digits and a check character, or the old 15 digits.
  if (len == 17 && (after == U'X' || after == U'x') && !IsLatin(sc.At(run_end + 1)) &&
      PlausibleDate(digits.substr(6, 8))) {
    return Match{PersonalDataKind::kIdCard, i, run_end + 1};
  }
  if (!IsLatin(after)) {
    if (len == 18 && PlausibleDate(digits.substr(6, 8)))
      return Match{PersonalDataKind::kIdCard, i, run_end};
    if (len == 15 && PlausibleDate("19" + digits.substr(6, 6)))
      return Match{PersonalDataKind::kIdCard, i, run_end};
    // A card number is never followed by 年, 月 or 日: "2010201120122013年"
    // is four years run together.
    if (len >= 16 && len <= 19 && kDateUnits.find(after) == std::u32string_view::npos)
      return Match{PersonalDataKind::kBankCard, i, run_end};
    if (len == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9')
      return Match{PersonalDataKind::kMobilePhone, i, run_end};
    if (len >= 10 && len <= 12 && digits[0] == '0' && digits[1] != '0')
      return Match{PersonalDataKind::kLandline, i, run_end};
  }

  // Written with separators: 138-1234-5678, 138 1234 5678, 0731-84567890.
  std::string grouped;
  const std::size_t end = sc.DigitsWithSeparators(i, U"- \u2014\uFF0D", &grouped);
  // 110105-19491231-006X: an ID card in groups, the check letter last.
  if (end > run_end && grouped.size() == 17 && (sc.At(end) == U'X' || sc.At(end) == U'x') &&
      !IsLatin(sc.At(end + 1)) && PlausibleDate(grouped.substr(6, 8)))
    return Match{PersonalDataKind::kIdCard, i, end + 1};
  if (end > run_end && !IsDigit(sc.At(end)) && !IsLatin(sc.At(end))) {
    if (grouped.size() == 18 && PlausibleDate(grouped.substr(6, 8)))
      return Match{PersonalDataKind::kIdCard, i, end};
    if (grouped.size() == 11 && grouped[0] == '1' && grouped[1] >= '3' && grouped[1] <= '9')
      return Match{PersonalDataKind::kMobilePhone, i, end};
    if (grouped.size() >= 10 && grouped.size() <= 12 && grouped[0] == '0' && len >= 3 && len <= 4)
      return Match{PersonalDataKind::kLandline, i, end};
    if (grouped.size() >= 16 && grouped.size() <= 19)
      return Match{PersonalDataKind::kBankCard, i, end};
  }
  // 138.1234.5678 and 0731.8456.7890: dots only for a phone with its usual
  // first group; tables of decimals (27.64 78.80 ...) run together like
  // card numbers otherwise.
  std::string dotted;
  const std::size_t dot_end = sc.DigitsWithSeparators(i, U".\uFF0E", &dotted);
  if (dot_end > run_end && !IsDigit(sc.At(dot_end)) && !IsLatin(sc.At(dot_end))) {
    if (len == 3 && dotted.size() == 11 && dotted[0] == '1' && dotted[1] >= '3')
      return Match{PersonalDataKind::kMobilePhone, i, dot_end};
    if (len >= 3 && len <= 4 && dotted[0] == '0' && dotted.size() >= 10 && dotted.size() <= 12)
      return Match{PersonalDataKind::kLandline, i, dot_end};
  }
  return std::nullopt;
}

// (0731)84567890 and （0731）84567890.
std::optional<Match> MatchBracketedLandline(const Scanner& sc, std::size_t i) {
  const char32_t open = sc.At(i);
  if (open != U'(' && open != U'\uFF08') return std::nullopt;
  const std::size_t area_end = sc.DigitRun(i + 1);
  const std::size_t area = area_end - (i + 1);
  const char32_t close = sc.At(area_end);
  if (close != U')' && close != U'\uFF09') return std::nullopt;
  // (138)1234-5678: a mobile's first three digits in brackets.
  if (area == 3 && DigitValue(sc.At(i + 1)) == 1 && DigitValue(sc.At(i + 2)) >= 3) {
    std::string rest;
    const std::size_t end = sc.DigitsWithSeparators(area_end + 1, U"- .", &rest);
    if (rest.size() == 8 && !IsDigit(sc.At(end)) && !IsLatin(sc.At(end)))
      return Match{PersonalDataKind::kMobilePhone, i, end};
    return std::nullopt;
  }
  if (area < 3 || area > 4 || DigitValue(sc.At(i + 1)) != 0) return std::nullopt;
  const std::size_t local_end = sc.DigitRun(area_end + 1);
  const std::size_t local = local_end - (area_end + 1);
  if (local < 7 || local > 8 || IsLatin(sc.At(local_end))) return std::nullopt;
  return Match{PersonalDataKind::kLandline, i, local_end};
}

// ASCII or full-width (ｗｘｍ４＠ｑｑ．ｃｏｍ) letters, digits and dots.
bool IsEmailDot(char32_t c) { return c == U'.' || c == U'\uFF0E'; }
bool IsEmailLocal(char32_t c) {
  return IsDigit(c) || IsLatin(c) || IsEmailDot(c) || c == U'_' || c == U'%' || c == U'+' ||
         c == U'-' || c == U'\uFF3F' || c == U'\uFF0D';
}
bool IsEmailDomain(char32_t c) { return IsDigit(c) || IsLatin(c) || IsEmailDot(c) || c == U'-'; }
bool IsAt(char32_t c) { return c == U'@' || c == U'\uFF20'; }

// An e-mail address around the '@' at `at`.
std::optional<Match> MatchEmail(const Scanner& sc, std::size_t at, std::size_t floor) {
  const std::u32string& s = sc.s_;
  std::size_t b = at;
  while (b > floor && IsEmailLocal(s[b - 1])) --b;
  std::size_t e = at + 1;
  bool dot = false;
  while (e < s.size() && IsEmailDomain(s[e])) {
    dot = dot || IsEmailDot(s[e]);
    ++e;
  }
  while (e > at + 1 && (IsEmailDot(s[e - 1]) || s[e - 1] == U'-')) --e;  // a sentence's full stop
  if (b == at || e <= at + 3 || !dot) return std::nullopt;
  return Match{PersonalDataKind::kEmail, b, e};
}

constexpr std::u32string_view kProvinces =
    U"京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领";

// 湘A12345, 湘A·12345, 粤BD12345 (new-energy plates have six).
std::optional<Match> MatchPlate(const Scanner& sc, std::size_t i) {
  if (kProvinces.find(sc.At(i)) == std::u32string_view::npos) return std::nullopt;
  if (!IsLatin(sc.At(i + 1))) return std::nullopt;
  std::size_t j = i + 2;
  const char32_t sep = sc.At(j);
  if (sep == U'\u00B7' || sep == U'\u2022' || sep == U'.' || sep == U' ' || sep == U'-') ++j;
  const std::size_t start = j;
  int digits = 0;
  while (j < sc.s_.size() && (IsDigit(sc.s_[j]) || IsUpperLatin(sc.s_[j]))) {
    digits += IsDigit(sc.s_[j]) ? 1 : 0;
    ++j;
  }
  const std::size_t n = j - start;
  if ((n != 5 && n != 6) || digits < 2 || IsLatin(sc.At(j)) || IsDigit(sc.At(j))) return std::nullopt;
  return Match{PersonalDataKind::kLicencePlate, i, j};
}

// The house numbers of an exact address: the digits before 栋, 幢, 单元, 室,
// 号楼, 楼 or 层, and before 号 after a street (路, 街, 巷, 道, 弄, 村, 组).
constexpr std::u32string_view kSmallNumerals = U"一二两三四五";
constexpr std::array<std::u32string_view, 7> kHouseUnits{U"号楼", U"单元", U"栋", U"幢", U"室", U"楼", U"层"};
constexpr std::u32string_view kStreetEnds = U"路街巷道弄村组里";

std::optional<Match> MatchHouseNumber(const Scanner& sc, std::size_t i) {
  const std::u32string& s = sc.s_;
  std::size_t end = sc.DigitRun(i);
  // 3-2-501 style: digits joined by '-' count as one number, of at most
  // four groups (building, entrance, floor, flat). A longer chain is no
  // address, and reading it whole from each of its groups would take time
  // quadratic in its length.
  auto joined = [&](std::size_t at) {
    return at < s.size() && (s[at] == U'-' || s[at] == U'\uFF0D') && IsDigit(sc.At(at + 1));
  };
  for (int groups = 1; joined(end); ++groups) {
    if (groups == 4) return std::nullopt;
    end = sc.DigitRun(end + 1);
  }
  for (std::u32string_view unit : kHouseUnits) {
    if (s.compare(end, unit.size(), unit) == 0) {
      // "3楼" and "2层" alone are floors of a shop or office more often than
      // an address; they count only next to another address part.
      if ((unit == U"楼" || unit == U"层") && !(i > 0 && (s[i - 1] == U'元' || s[i - 1] == U'栋' || s[i - 1] == U'幢')))
        return std::nullopt;
      // "3室2厅" is the layout of a flat, not its number.
      const char32_t next = sc.At(end + 1);
      if (unit == U"室" && (IsDigit(next) || kSmallNumerals.find(next) != std::u32string_view::npos) &&
          sc.At(end + 2) == U'厅')
        return std::nullopt;
      return Match{PersonalDataKind::kHouseNumber, i, end};
    }
  }
  if (sc.At(end) == U'号' && i > 0 && kStreetEnds.find(s[i - 1]) != std::u32string_view::npos &&
      sc.At(end + 1) != U'线')
    return Match{PersonalDataKind::kHouseNumber, i, end};
  // 7-2-301: building, entrance and flat; the flat has three or four digits
  // and the building few, so dates (2024-3-15) stay.
  const std::size_t first = sc.DigitRun(i) - i;
  if (end > i + first && first <= 3) {
    std::size_t groups = 1, last = 0, k = i + first;
    while (k < end) {
      const std::size_t g = sc.DigitRun(k + 1);
      last = g - (k + 1);
      ++groups;
      k = g;
    }
    if (groups == 3 && last >= 3 && last <= 4 && !IsLatin(sc.At(end)))
      return Match{PersonalDataKind::kHouseNumber, i, end};
  }
  // 2单元301, 7栋1201: the flat after its entrance or building.
  const std::size_t run = sc.DigitRun(i) - i;
  static constexpr std::u32string_view kNotFlat = U"元米平方人户天年月日个次块万千百斤吨台辆名号楼层";
  if (end == i + run && run >= 3 && run <= 4 && i > 0 &&
      ((i > 1 && s[i - 2] == U'单' && s[i - 1] == U'元') || s[i - 1] == U'栋' || s[i - 1] == U'幢') &&
      !IsLatin(sc.At(end)) &&
      kNotFlat.find(sc.At(end)) == std::u32string_view::npos)
    return Match{PersonalDataKind::kHouseNumber, i, end};
  return std::nullopt;
}

// +8613812345678, +86 138-1234-5678, 0086 13812345678, 8613812345678: a
// mobile behind the country code; the span takes the code too.
std::optional<Match> MatchCountryCode(const Scanner& sc, std::size_t i) {
  std::size_t j = i;
  const bool plus = sc.At(j) == U'+' || sc.At(j) == U'\uFF0B';
  if (plus) ++j;
  if (!plus && DigitValue(sc.At(j)) == 0 && DigitValue(sc.At(j + 1)) == 0) j += 2;
  if (DigitValue(sc.At(j)) != 8 || DigitValue(sc.At(j + 1)) != 6) return std::nullopt;
  j += 2;
  const bool bare = j == i + 2;  // 86 with neither '+' nor 00 before it
  if (!bare && (sc.At(j) == U' ' || sc.At(j) == U'-' || sc.At(j) == U'.')) ++j;
  if (DigitValue(sc.At(j)) != 1) return std::nullopt;
  auto m = MatchNumber(sc, j);
  if (!m || m->kind != PersonalDataKind::kMobilePhone) return std::nullopt;
  return Match{PersonalDataKind::kMobilePhone, i, m->end};
}

// A phone number read out in Chinese numerals: 一三八一二三四五六七八,
// 幺三九 零七三一 八八八八 六六六六; seven or more digit words in a row
// (with single spaces or dashes) are a number no ordinary sentence has.
std::optional<Match> MatchSpokenNumber(const Scanner& sc, std::size_t i) {
  if (i > 0 && ChineseDigitValue(sc.s_[i - 1]) >= 0) return std::nullopt;
  std::size_t j = i;
  std::string digits;
  while (j < sc.s_.size()) {
    const int v = ChineseDigitValue(sc.s_[j]);
    if (v >= 0) {
      digits.push_back(static_cast<char>('0' + v));
      ++j;
    } else if ((sc.s_[j] == U' ' || sc.s_[j] == U'-') && ChineseDigitValue(sc.At(j + 1)) >= 0) {
      ++j;
    } else {
      break;
    }
  }
  if (digits.size() < 7) return std::nullopt;
  const bool mobile = digits.size() == 11 && digits[0] == '1' && digits[1] >= '3';
  return Match{mobile ? PersonalDataKind::kMobilePhone : PersonalDataKind::kLandline, i, j};
}

// A house number in words after a street (解放路一百二十三号), or before
// 号楼 / 单元 (三号楼, 二单元).
std::optional<Match> MatchSpokenHouseNumber(const Scanner& sc, std::size_t i) {
  const std::u32string& s = sc.s_;
  if (i > 0 && IsChineseNumeral(s[i - 1])) return std::nullopt;
  std::size_t end = i;
  while (end < s.size() && IsChineseNumeral(s[end])) ++end;
  if (end == i) return std::nullopt;
  const bool after_street = i > 0 && kStreetEnds.find(s[i - 1]) != std::u32string_view::npos;
  if (after_street && sc.At(end) == U'号' && sc.At(end + 1) != U'线')
    return Match{PersonalDataKind::kHouseNumber, i, end};
  // 第一单元 is a chapter, not an entrance.
  if ((s.compare(end, 2, U"单元") == 0 || s.compare(end, 2, U"号楼") == 0) &&
      !(i > 0 && s[i - 1] == U'第'))
    return Match{PersonalDataKind::kHouseNumber, i, end};
  return std::nullopt;
}

// "name at qq dot com", "name(at)qq(dot)com": an address spelled out so
// that it is not taken for one.
constexpr std::array<std::u32string_view, 6> kSpelledAt{U" at ", U" AT ", U"(at)", U"[at]",
                                                        U" (at) ", U" [at] "};
constexpr std::array<std::u32string_view, 7> kSpelledDot{U" dot ", U" DOT ", U"(dot)", U"[dot]",
                                                         U" (dot) ", U" [dot] ", U"."};

std::size_t StartsWithAny(const std::u32string& s, std::size_t i,
                          std::span<const std::u32string_view> words) {
  for (std::u32string_view w : words)
    if (s.compare(i, w.size(), w) == 0) return w.size();
  return 0;
}

bool IsAsciiAlnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

std::optional<Match> MatchSpelledEmail(const Scanner& sc, std::size_t i, std::size_t floor) {
  const std::u32string& s = sc.s_;
  const std::size_t at_len = StartsWithAny(s, i, kSpelledAt);
  if (at_len == 0) return std::nullopt;
  std::size_t b = i;
  while (b > floor && IsEmailLocal(s[b - 1])) --b;
  if (b == i) return std::nullopt;
  std::size_t e = i + at_len;
  int labels = 0;
  while (true) {
    const std::size_t label = e;
    while (e < s.size() && (IsAsciiAlnum(s[e]) || s[e] == U'-')) ++e;
    if (e == label) return std::nullopt;
    ++labels;
    const std::size_t dot = StartsWithAny(s, e, kSpelledDot);
    if (dot == 0 || !IsAsciiAlnum(sc.At(e + dot))) break;
    e += dot;
  }
  // The last label is the top-level domain, letters only ("at 5.30" is a time).
  bool tld = true;
  for (std::size_t k = e; k > 0 && s[k - 1] != U' ' && s[k - 1] != U')' && s[k - 1] != U']' &&
                          s[k - 1] != U'.';
       --k)
    tld = tld && IsLatin(s[k - 1]);
  if (labels < 2 || !tld) return std::nullopt;
  return Match{PersonalDataKind::kEmail, b, e};
}

// A WeChat id or QQ number after the word that names it (微信号：abc_123,
// vx: abc123, QQ号1234567891), or a WeChat id by its own prefix (wxid_...).
constexpr std::array<std::u32string_view, 16> kAccountWords{
    U"微信号码", U"微信号", U"微信", U"weixin", U"WeChat", U"wechat", U"VX", U"vx", U"WX", U"wx",
    U"QQ号码",  U"QQ号",   U"qq号", U"QQ",     U"qq",     U"扣扣号"};

bool IsAccountChar(char32_t c) { return IsDigit(c) || IsLatin(c) || c == U'_' || c == U'-'; }

std::optional<Match> MatchAccount(const Scanner& sc, std::size_t i) {
  const std::u32string& s = sc.s_;
  if (i > 0 && IsLatin(s[i - 1])) return std::nullopt;
  if (s.compare(i, 5, U"wxid_") == 0) {
    std::size_t e = i + 5;
    while (e < s.size() && IsAccountChar(s[e])) ++e;
    if (e - i >= 8) return Match{PersonalDataKind::kAccount, i, e};
  }
  const std::size_t word = StartsWithAny(s, i, kAccountWords);
  if (word == 0) return std::nullopt;
  std::size_t j = i + word;
  // "微信号是", "QQ: ", "vx："
  if (sc.At(j) == U'是' || sc.At(j) == U'为') ++j;
  if (sc.At(j) == U':' || sc.At(j) == U'\uFF1A') ++j;
  while (sc.At(j) == U' ') ++j;
  std::size_t e = j;
  int digits = 0;
  // Past 21 characters it is too long for either kind: stop there, so that
  // a long run ("wx-wx-wx-...") is not read whole from each of its words.
  while (e < s.size() && IsAccountChar(s[e]) && e - j <= 20) {
    digits += IsDigit(s[e]) ? 1 : 0;
    ++e;
  }
  // "wxabc123@qq.com" is an e-mail address, found at its '@'.
  if (IsAt(sc.At(e)) || IsEmailDot(sc.At(e))) return std::nullopt;
  const std::size_t n = e - j;
  // QQ numbers are 5 to 11 digits; WeChat ids 6 to 20 characters.
  const bool qq = s[i] == U'Q' || s[i] == U'q' || s[i] == U'扣';
  if (qq ? (n < 5 || n > 12 || digits != static_cast<int>(n)) : (n < 6 || n > 20)) return std::nullopt;
  return Match{PersonalDataKind::kAccount, j, e};
}

std::vector<Match> FindMatches(const std::u32string& s) {
  const Scanner sc(s);
  std::vector<Match> out;
  std::size_t i = 0;
  std::size_t floor = 0;  // the end of the last match: spans never overlap
  auto take = [&](const Match& m) {
    out.push_back(m);
    i = m.end;
    floor = m.end;
  };
  while (i < s.size()) {
    const char32_t c = s[i];
    if (IsAt(c)) {
      if (auto m = MatchEmail(sc, i, floor)) {
        // The local part was scanned past as ordinary text; take it back.
        out.push_back(*m);
        i = floor = m->end;
        continue;
      }
    }
    if (c == U' ' || c == U'(' || c == U'[') {
      if (auto m = MatchSpelledEmail(sc, i, floor)) {
        out.push_back(*m);
        i = floor = m->end;
        continue;
      }
    }
    if (c == U'+' || c == U'\uFF0B' || (IsDigit(c) && !sc.DigitBefore(i))) {
      if (auto m = MatchCountryCode(sc, i)) {
        take(*m);
        continue;
      }
    }
    if (ChineseDigitValue(c) >= 0 || c == U'十') {
      if (auto m = MatchSpokenNumber(sc, i)) {
        take(*m);
        continue;
      }
      if (auto m = MatchSpokenHouseNumber(sc, i)) {
        take(*m);
        continue;
      }
    }
    if (c == U'微' || c == U'扣' || (c < 0x80 && IsLatin(c))) {
      if (auto m = MatchAccount(sc, i)) {
        take(*m);
        continue;
      }
    }
    if (IsDigit(c) && !sc.DigitBefore(i) && !(i > 0 && IsLatin(s[i - 1]))) {
      if (auto m = MatchNumber(sc, i)) {
        take(*m);
        continue;
      }
      if (auto m = MatchHouseNumber(sc, i)) {
        take(*m);
        continue;
      }
      i = sc.DigitRun(i);
      continue;
    }
    if (auto m = MatchBracketedLandline(sc, i)) {
      take(*m);
      continue;
    }
    if (auto m = MatchPlate(sc, i)) {
      take(*m);
      continue;
    }
    if (auto n = detail::MatchIntroducedName(s, i)) {
      take(Match{PersonalDataKind::kName, n->begin, n->end});
      continue;
    }
    if (auto n = detail::MatchDescribedName(s, i)) {
      take(Match{PersonalDataKind::kName, n->begin, n->end});
      continue;
    }
    if (auto n = detail::MatchGreetedName(s, i)) {
      take(Match{PersonalDataKind::kName, n->begin, n->end});
      continue;
    }
    ++i;
  }
  return out;
}

void AppendMasked(const Match& m, const std::u32string& s, std::string& out) {
  switch (m.kind) {
    case PersonalDataKind::kEmail:
      out += "***@***";
      return;
    case PersonalDataKind::kName: {
      const std::size_t surname = std::max<std::size_t>(1, detail::SurnameLength(s, m.begin));
      for (std::size_t k = m.begin; k < m.begin + surname; ++k) AppendUtf8(s[k], out);
      for (std::size_t k = m.begin + surname; k < m.end; ++k) {
        if (IsHan(s[k])) {
          out += "某";
        } else {
          AppendUtf8(s[k], out);  // the spaces of "陈 建 国"
        }
      }
      return;
    }
    case PersonalDataKind::kLicencePlate:
      AppendUtf8(s[m.begin], out);
      AppendUtf8(s[m.begin + 1], out);
      for (std::size_t k = m.begin + 2; k < m.end; ++k) {
        if (IsDigit(s[k]) || IsLatin(s[k])) {
          out += '*';
        } else {
          AppendUtf8(s[k], out);
        }
      }
      return;
    default:
      for (std::size_t k = m.begin; k < m.end; ++k) {
        if (IsDigit(s[k]) || IsLatin(s[k]) || IsChineseNumeral(s[k]) || s[k] == U'_') {
          out += '*';
        } else {
          AppendUtf8(s[k], out);
        }
      }
      return;
  }
}

}  // namespace

std::vector<PersonalDataSpan> FindPersonalData(std::string_view utf8) {
  const Decoded d = Decode(utf8);
  std::vector<PersonalDataSpan> out;
  for (const Match& m : FindMatches(d.cps))
    out.push_back(PersonalDataSpan{m.kind, d.offsets[m.begin], d.offsets[m.end]});
  return out;
}

std::string MaskPersonalData(std::string_view utf8) {
  const Decoded d = Decode(utf8);
  const std::vector<Match> matches = FindMatches(d.cps);
  if (matches.empty()) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size());
  std::size_t byte = 0;
  for (const Match& m : matches) {
    out.append(utf8.substr(byte, d.offsets[m.begin] - byte));
    AppendMasked(m, d.cps, out);
    byte = d.offsets[m.end];
  }
  out.append(utf8.substr(byte));
  return out;
}

std::string_view PersonalDataKindName(PersonalDataKind kind) {
  switch (kind) {
    case PersonalDataKind::kMobilePhone: return "mobile_phone";
    case PersonalDataKind::kLandline: return "landline";
    case PersonalDataKind::kIdCard: return "id_card";
    case PersonalDataKind::kBankCard: return "bank_card";
    case PersonalDataKind::kEmail: return "email";
    case PersonalDataKind::kLicencePlate: return "licence_plate";
    case PersonalDataKind::kName: return "name";
    case PersonalDataKind::kHouseNumber: return "house_number";
    case PersonalDataKind::kAccount: return "account";
  }
  return "unknown";
}

}  // namespace lizheng::text
