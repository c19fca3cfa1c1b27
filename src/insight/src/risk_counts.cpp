#include "risk_counts.hpp"

#include <array>

#include "lizheng/text/chinese_number.hpp"
#include "lizheng/text/utf8.hpp"

namespace lizheng::insight {
namespace {

struct GroupNoun {
  std::u32string_view word;
  CountedGroup group;
};

// Longest first where one is a prefix of another (农民工 before 农民).
// clang-format off
constexpr auto kNouns = std::to_array<GroupNoun>({
    {U"农民工", CountedGroup::kWorkers}, {U"务工人员", CountedGroup::kWorkers},
    {U"施工人员", CountedGroup::kWorkers}, {U"教职工", CountedGroup::kWorkers},
    {U"环卫工", CountedGroup::kWorkers}, {U"工人", CountedGroup::kWorkers},
    {U"民工", CountedGroup::kWorkers}, {U"员工", CountedGroup::kWorkers},
    {U"职工", CountedGroup::kWorkers}, {U"工友", CountedGroup::kWorkers},
    {U"教师", CountedGroup::kWorkers}, {U"老师", CountedGroup::kWorkers},
    {U"保安", CountedGroup::kWorkers}, {U"司机", CountedGroup::kWorkers},
    {U"护士", CountedGroup::kWorkers}, {U"医生", CountedGroup::kWorkers},
    {U"人员", CountedGroup::kAnyone}, {U"群众", CountedGroup::kAnyone},
    {U"业主", CountedGroup::kResidents}, {U"居民", CountedGroup::kResidents},
    {U"住户", CountedGroup::kHouseholds}, {U"村民", CountedGroup::kResidents},
    {U"学生", CountedGroup::kResidents}, {U"家长", CountedGroup::kResidents},
    {U"孩子", CountedGroup::kResidents}, {U"小孩", CountedGroup::kResidents},
    {U"儿童", CountedGroup::kResidents}, {U"幼儿", CountedGroup::kResidents},
    {U"老人", CountedGroup::kResidents}, {U"市民", CountedGroup::kResidents},
    {U"老百姓", CountedGroup::kResidents}, {U"百姓", CountedGroup::kResidents},
    {U"商户", CountedGroup::kResidents}, {U"患者", CountedGroup::kResidents},
    {U"病人", CountedGroup::kResidents}, {U"乘客", CountedGroup::kResidents},
    {U"考生", CountedGroup::kResidents}, {U"租户", CountedGroup::kResidents},
    {U"家庭", CountedGroup::kHouseholds}, {U"人家", CountedGroup::kHouseholds},
});
// After 人, these make a word that is no count of people: 人次, 人民币, 人均,
// 人事, 人社局, 人行道, 人为.
constexpr std::u32string_view kNotAfterRen = U"次民均工份力事大才社身行造为情性文物气格权防头";
// Characters that, right before a number, put it inside a longer number or
// make it an ordinal or a label: 第200名, 3-200, A200.
constexpr std::u32string_view kNotBefore = U"第0123456789０１２３４５６７８９.．-零〇一二两三四五六七八九十百千万亿几";
// clang-format on

char32_t At(std::u32string_view s, std::size_t i) {
  return i < s.size() ? s[i] : U'\0';
}

const GroupNoun* NounAt(std::u32string_view s, std::size_t i) {
  for (const GroupNoun& n : kNouns)
    if (s.substr(i).starts_with(n.word)) return &n;
  return nullptr;
}

// A noun for people a few characters on, past a modifier: 200名外地农民工,
// 300多名一线工人. Nothing when a clause ends first.
const GroupNoun* NounAhead(std::u32string_view s, std::size_t i) {
  for (std::size_t k = i + 1; k <= i + 4 && k < s.size() && text::IsHan(s[k - 1]); ++k)
    if (const GroupNoun* n = NounAt(s, k)) return n;
  return nullptr;
}

// One past the noun `n` found at or a few characters after `i`.
std::size_t NounEnd(std::u32string_view s, std::size_t i, const GroupNoun& n) {
  for (std::size_t k = i; k < s.size(); ++k)
    if (s.substr(k).starts_with(n.word)) return k + n.word.size();
  return i;  // unreachable: `n` was found at or after i
}

bool IsAsciiLetter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// What follows a number at `i`: a measure word and perhaps a noun. Fills
// `count` (except the number) and returns whether it counts people.
bool ReadCounted(std::u32string_view s, std::size_t i, bool approximate, PeopleCount& count) {
  const char32_t c = At(s, i);
  const GroupNoun* noun = nullptr;
  if (c == U'户') {
    if (At(s, i + 1) == U'口' || At(s, i + 1) == U'籍' || At(s, i + 1) == U'型') return false;
    count.group = CountedGroup::kHouseholds;
    noun = NounAt(s, i + 1);
    count.end = noun ? i + 1 + noun->word.size() : i + 1;
    return true;
  }
  if (c == U'人') {
    if (kNotAfterRen.find(At(s, i + 1)) != std::u32string_view::npos) return false;
    count.group = CountedGroup::kAnyone;
    count.end = i + 1;
    return true;
  }
  if (c == U'名' || c == U'位' || c == U'个' || c == U'家' || c == U'口') {
    const bool ming = c == U'名' || c == U'位';
    noun = NounAt(s, i + 1);
    if (noun == nullptr && ming) noun = NounAhead(s, i + 1);
    // "200名" without a noun counts people only where the phrase ends:
    // "共200名，", "200名左右"; "200名额" and "240名出租车..." do not.
    const char32_t next = At(s, i + 1);
    const bool bare =
        ming && (!text::IsHan(next) || next == U'左' || next == U'以' || next == U'之');
    const bool ren = (c == U'个' || c == U'口') && next == U'人';
    if (noun == nullptr && !bare && !ren) return false;
    if (c == U'家' && (noun == nullptr || noun->group == CountedGroup::kWorkers)) return false;
    count.group = c == U'家' ? CountedGroup::kHouseholds
                  : noun     ? noun->group
                             : CountedGroup::kAnyone;
    count.end = noun ? NounEnd(s, i + 1, *noun) : i + 1 + (ren ? 1 : 0);
    return true;
  }
  // No measure word: only an approximate count reads safely (上千业主,
  // 数百村民); "1501业主" is a flat, "30万工人工资" an amount of money.
  if (!approximate) return false;
  noun = NounAt(s, i);
  if (noun == nullptr || noun->word == U"人家" || noun->word == U"人员") return false;
  count.group = noun->group;
  count.end = i + noun->word.size();
  return true;
}

}  // namespace

void FindPeopleCounts(std::u32string_view s, std::vector<PeopleCount>& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    const bool starts_ok = i == 0 || (kNotBefore.find(s[i - 1]) == std::u32string_view::npos &&
                                      !IsAsciiLetter(s[i - 1]));
    const std::optional<text::ChineseNumber> n =
        starts_ok ? text::ParseChineseNumber(s, i) : std::nullopt;
    if (!n) {
      ++i;
      continue;
    }
    PeopleCount count;
    count.begin = i;
    count.count = n->value;
    if (ReadCounted(s, i + n->length, n->approximate, count)) {
      out.push_back(count);
      i = count.end;
    } else {
      i += n->length;
    }
  }
}

}  // namespace lizheng::insight
