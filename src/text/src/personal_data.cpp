#include "lizheng/text/personal_data.hpp"

#include <algorithm>
#include <array>
#include <optional>

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
  // `seps` between them; stops at anything else. Returns the end.
  std::size_t DigitsWithSeparators(std::size_t i, std::u32string_view seps, std::string* digits) const {
    std::size_t j = i;
    while (j < s_.size()) {
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
  if (end > run_end && !IsDigit(sc.At(end)) && !IsLatin(sc.At(end))) {
    if (grouped.size() == 11 && grouped[0] == '1' && grouped[1] >= '3' && grouped[1] <= '9')
      return Match{PersonalDataKind::kMobilePhone, i, end};
    if (grouped.size() >= 10 && grouped.size() <= 12 && grouped[0] == '0' && len >= 3 && len <= 4)
      return Match{PersonalDataKind::kLandline, i, end};
    if (grouped.size() >= 16 && grouped.size() <= 19)
      return Match{PersonalDataKind::kBankCard, i, end};
  }
  return std::nullopt;
}

// (0731)84567890 and （0731）84567890.
std::optional<Match> MatchBracketedLandline(const Scanner& sc, std::size_t i) {
  const char32_t open = sc.At(i);
  if (open != U'(' && open != U'\uFF08') return std::nullopt;
  const std::size_t area_end = sc.DigitRun(i + 1);
  const std::size_t area = area_end - (i + 1);
  if (area < 3 || area > 4 || DigitValue(sc.At(i + 1)) != 0) return std::nullopt;
  const char32_t close = sc.At(area_end);
  if (close != U')' && close != U'\uFF09') return std::nullopt;
  const std::size_t local_end = sc.DigitRun(area_end + 1);
  const std::size_t local = local_end - (area_end + 1);
  if (local < 7 || local > 8 || IsLatin(sc.At(local_end))) return std::nullopt;
  return Match{PersonalDataKind::kLandline, i, local_end};
}

bool IsEmailLocal(char32_t c) {
  return (c < 0x80 && (IsDigit(c) || IsLatin(c))) || c == U'.' || c == U'_' || c == U'%' ||
         c == U'+' || c == U'-';
}
bool IsEmailDomain(char32_t c) { return (c < 0x80 && (IsDigit(c) || IsLatin(c))) || c == U'.' || c == U'-'; }

// An e-mail address around the '@' at `at`.
std::optional<Match> MatchEmail(const Scanner& sc, std::size_t at, std::size_t floor) {
  const std::u32string& s = sc.s_;
  std::size_t b = at;
  while (b > floor && IsEmailLocal(s[b - 1])) --b;
  std::size_t e = at + 1;
  bool dot = false;
  while (e < s.size() && IsEmailDomain(s[e])) {
    dot = dot || s[e] == U'.';
    ++e;
  }
  while (e > at + 1 && (s[e - 1] == U'.' || s[e - 1] == U'-')) --e;  // a sentence's full stop
  if (b == at || e <= at + 3 || !dot || s[e - 1] == U'.') return std::nullopt;
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
  // 3-2-501 style: digits joined by '-' count as one number.
  while (end < s.size() && (s[end] == U'-' || s[end] == U'\uFF0D') && IsDigit(sc.At(end + 1)))
    end = sc.DigitRun(end + 1);
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
  return std::nullopt;
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
    if (c == U'@') {
      if (auto m = MatchEmail(sc, i, floor)) {
        // The local part was scanned past as ordinary text; take it back.
        out.push_back(*m);
        i = floor = m->end;
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
      for (std::size_t k = m.begin + surname; k < m.end; ++k) out += "某";
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
        if (IsDigit(s[k]) || IsLatin(s[k])) {
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
  }
  return "unknown";
}

}  // namespace lizheng::text
