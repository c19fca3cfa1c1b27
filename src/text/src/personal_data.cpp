#include "lizheng/text/personal_data.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "lizheng/text/utf8.hpp"

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
    if (len >= 16 && len <= 19) return Match{PersonalDataKind::kBankCard, i, run_end};
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

// The common single-character surnames (百家姓 and the most frequent modern
// ones) and the compound ones still in use.
constexpr std::u32string_view kSurnames =
    U"赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛"
    U"奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康"
    U"伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵"
    U"席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗"
    U"丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫"
    U"乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄"
    U"印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮"
    U"牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡"
    U"国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查"
    U"后荆红游竺权逯盖益桓公覃钦";
constexpr std::array<std::u32string_view, 8> kCompoundSurnames{
    U"欧阳", U"司马", U"诸葛", U"上官", U"东方", U"皇甫", U"尉迟", U"令狐"};

// Characters that end a name: function words and what usually follows one
// ("我是张三的家属", "本人在...").
constexpr std::u32string_view kNameStops =
    U"是在的了和与及或从向对把被于为因所住家现今年月日号先女士生老师同学等均已也都就又还要想来去"
    U"说称系反映投诉举报请问再";

bool IsHanChar(char32_t c) { return IsHan(c); }

// After a would-be name, these make it a place (金井镇, 黄花村).
constexpr std::u32string_view kPlaceSuffixes = U"镇乡村区县市街路社组屯寨湾坪";
// Words that begin with a surname character but name no one.
constexpr std::array<std::u32string_view, 10> kNotNames{U"房子", U"房屋", U"小区", U"公司", U"单位",
                                                       U"学校", U"孩子", U"居民", U"业主", U"市民"};

// The triggers that introduce a name, longest first where one is a prefix.
constexpr std::array<std::u32string_view, 17> kNameTriggers{
    U"我的名字叫", U"我的名字是", U"本人名叫", U"本人姓名", U"本人叫", U"联系人", U"投诉人", U"反映人",
    U"举报人",     U"申请人",     U"姓名",     U"我叫",     U"名叫",   U"本人",   U"我是",   U"叫做",
    U"署名"};

std::optional<Match> MatchName(const Scanner& sc, std::size_t i) {
  const std::u32string& s = sc.s_;
  for (std::u32string_view trigger : kNameTriggers) {
    if (s.compare(i, trigger.size(), trigger) != 0) continue;
    std::size_t j = i + trigger.size();
    const char32_t c = sc.At(j);
    if (c == U':' || c == U'\uFF1A' || c == U' ' || c == U'\u3000' || c == U'是' || c == U'为') ++j;
    // The surname.
    std::size_t surname = 0;
    for (std::u32string_view compound : kCompoundSurnames)
      if (s.compare(j, compound.size(), compound) == 0) surname = compound.size();
    if (surname == 0 && kSurnames.find(sc.At(j)) != std::u32string_view::npos) surname = 1;
    if (surname == 0) return std::nullopt;
    // One or two given-name characters.
    std::size_t k = j + surname;
    std::size_t given = 0;
    while (given < 2 && IsHanChar(sc.At(k)) && kNameStops.find(sc.At(k)) == std::u32string_view::npos) {
      ++k;
      ++given;
    }
    if (given == 0) return std::nullopt;
    // "本人金井镇..." names a place, "本人房子..." a thing, not a person.
    for (std::size_t x = j + surname; x <= k; ++x)
      if (kPlaceSuffixes.find(sc.At(x)) != std::u32string_view::npos) return std::nullopt;
    for (std::u32string_view word : kNotNames)
      if (s.compare(j, word.size(), word) == 0) return std::nullopt;
    return Match{PersonalDataKind::kName, j, k};
  }
  return std::nullopt;
}

// A name in a greeting or an address form: 王建国您好, 李明先生, 张华同志.
constexpr std::array<std::u32string_view, 6> kNameFollowers{U"您好", U"你好", U"先生", U"女士", U"同志", U"老师"};

std::optional<Match> MatchGreetedName(const Scanner& sc, std::size_t i) {
  const std::u32string& s = sc.s_;
  std::size_t surname = 0;
  for (std::u32string_view compound : kCompoundSurnames)
    if (s.compare(i, compound.size(), compound) == 0) surname = compound.size();
  if (surname == 0 && kSurnames.find(sc.At(i)) != std::u32string_view::npos) surname = 1;
  if (surname == 0) return std::nullopt;
  // The greeting follows a full name directly: surname and one or two
  // given characters (王先生 alone names no one).
  for (std::size_t given = 2; given >= 1; --given) {
    const std::size_t end = i + surname + given;
    bool han = true;
    for (std::size_t k = i + surname; k < end; ++k)
      han = han && IsHanChar(sc.At(k)) && kNameStops.find(sc.At(k)) == std::u32string_view::npos;
    if (!han) continue;
    for (std::u32string_view follower : kNameFollowers)
      if (s.compare(end, follower.size(), follower) == 0) return Match{PersonalDataKind::kName, i, end};
  }
  return std::nullopt;
}

// The house numbers of an exact address: the digits before 栋, 幢, 单元, 室,
// 号楼, 楼 or 层, and before 号 after a street (路, 街, 巷, 道, 弄, 村, 组).
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
    if (auto m = MatchName(sc, i)) {
      take(*m);
      continue;
    }
    if (auto m = MatchGreetedName(sc, i)) {
      take(*m);
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
      std::size_t surname = 1;
      for (std::u32string_view compound : kCompoundSurnames)
        if (s.compare(m.begin, compound.size(), compound) == 0) surname = compound.size();
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
