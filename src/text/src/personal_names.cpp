#include "personal_names.hpp"

#include <array>

#include "lizheng/text/utf8.hpp"

namespace lizheng::text::detail {
namespace {

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
constexpr std::array<std::u32string_view, 8> kCompoundSurnames{U"欧阳", U"司马", U"诸葛", U"上官",
                                                               U"东方", U"皇甫", U"尉迟", U"令狐"};

// After the weak triggers 本人 and 我是 only these, the most common modern
// surnames, minus those that are also everyday words at the start of a
// clause (高, 曾, 于, 向, 万, 任, 付, 白, 常, 文, 方, 江 ...).
constexpr std::u32string_view kCommonSurnames =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭肖田董袁潘蒋蔡余杜叶程"
    U"苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦邹孟熊秦邱尹薛闫阎段雷侯史陶黎贺顾毛郝龚邵"
    U"钱严覃戴莫孔汤";

// Surnames that are far more often a function word right after a trigger
// ("姓名和电话", "本人向贵单位"); no trigger takes them.
constexpr std::u32string_view kFunctionWordSurnames =
    U"和向于从家通时国文都能连那相后空全双东明平成计应干习容古易居步满广师养须终别充宁却";

// Characters that end a name: function words and what usually follows one
// ("我是张三的家属", "本人在...").
constexpr std::u32string_view kNameStops =
    U"是在的了和与及或从向对把被于为因所住家现今年月日号先女士生老师同学等均已也都就又还要想来去"
    U"说称系反映投诉举报请问再";
// Characters no given name is made of in practice: words that follow 本人
// or 我是 at the start of a clause (本人认为, 本人多次, 我是一名).
constexpr std::u32string_view kNotGiven =
    U"认多次们个些一名位岁不没很曾经这那该其此自亲通过未作全述";
// The last character of a title or an organisation, never of a name
// (胡书记, 李市长, 王主任, 刘经理, 林业局).
constexpr std::u32string_view kNotNameEnd =
    U"记长任理总傅官师席员局委办院所厂司队站部处科校馆店会组人们导";
// After a would-be name, these make it a place (金井镇, 黄花村).
constexpr std::u32string_view kPlaceSuffixes = U"镇乡村区县市街路社组屯寨湾坪";
// Words that begin with a surname character but name no one.
constexpr std::array<std::u32string_view, 10> kNotNames{
    U"房子", U"房屋", U"小区", U"公司", U"单位", U"学校", U"孩子", U"居民", U"业主", U"市民"};
// What may follow a name: these words, punctuation, a digit or the end.
constexpr std::array<std::u32string_view, 27> kAfterName{
    U"男",   U"女",   U"反映",   U"投诉", U"举报", U"系",   U"现年", U"今年", U"家住",
    U"住在", U"现住", U"身份证", U"电话", U"手机", U"联系", U"是",   U"在",   U"于",
    U"因",   U"向",   U"与",     U"和",   U"的",   U"同志", U"等",   U"户主", U"代表"};

// The triggers that introduce a name, longest first where one is a prefix;
// the last two are weak.
// The last ones, people named by their relation to the writer (邻居周杰,
// 同事王芳), are weak too.
constexpr std::array<std::u32string_view, 30> kNameTriggers{
    U"我的名字叫", U"我的名字是", U"本人名叫", U"本人姓名", U"本人叫", U"联系人",
    U"投诉人",     U"反映人",     U"举报人",   U"申请人",   U"姓名",   U"我叫",
    U"名叫",       U"叫做",       U"署名",     U"本人",     U"我是",   U"邻居",
    U"同事",       U"朋友",       U"丈夫",     U"妻子",     U"老公",   U"老婆",
    U"儿子",       U"女儿",       U"房东",     U"租客",     U"室友",   U"同学"};
constexpr std::size_t kStrongTriggers = 15;

constexpr std::array<std::u32string_view, 5> kNameFollowers{U"您好", U"你好", U"先生", U"女士",
                                                            U"同志"};
// A greeted name starts the text or a clause, or follows one of these
// ("尊敬的", "联系", "主任", "致"); "当时曹老师" and "主任邓冰" would
// otherwise start a name one character early.
constexpr std::u32string_view kBeforeGreetedName =
    U"的对向给和与是叫找系经被请让及问任长记员师致敬您";

char32_t At(std::u32string_view s, std::size_t i) {
  return i < s.size() ? s[i] : U'\0';
}
bool In(std::u32string_view set, char32_t c) {
  return set.find(c) != std::u32string_view::npos;
}

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\u3000';
}

bool GivenChar(char32_t c) {
  return IsHan(c) && !In(kNameStops, c) && !In(kNotGiven, c);
}

// Whether a name may end before s[k].
bool NameEndsAt(std::u32string_view s, std::size_t k) {
  if (k >= s.size() || !IsHan(s[k])) return true;
  for (std::u32string_view w : kAfterName)
    if (s.substr(k).starts_with(w)) return true;
  return false;
}

// The name starting at s[j] (surname then one or two given characters),
// longest first, that ends where a name ends.
std::optional<NameSpan> NameAt(std::u32string_view s, std::size_t j, bool common_only) {
  const std::size_t surname = SurnameLength(s, j);
  if (surname == 0) return std::nullopt;
  if (common_only && surname == 1 && !In(kCommonSurnames, s[j])) return std::nullopt;
  if (surname == 1 && In(kFunctionWordSurnames, s[j])) return std::nullopt;
  for (std::u32string_view word : kNotNames)
    if (s.substr(j).starts_with(word)) return std::nullopt;
  // "陈 建 国": a name written with a space before each given character.
  const bool spaced = surname == 1 && IsSpace(At(s, j + 1));
  const std::size_t step = spaced ? 2 : 1;
  for (std::size_t given = 2; given >= 1; --given) {
    const std::size_t end = j + surname + given * step;
    bool ok = end <= s.size();
    for (std::size_t k = j + surname; ok && k < end; k += step)
      ok = (!spaced || IsSpace(s[k])) && GivenChar(s[k + step - 1]);
    // "本人金井镇..." names a place; "林业局" an organisation.
    ok = ok && !In(kPlaceSuffixes, At(s, end)) && !In(kNotNameEnd, s[end - 1]);
    if (ok && NameEndsAt(s, end)) return NameSpan{j, end};
  }
  return std::nullopt;
}

}  // namespace

std::size_t SurnameLength(std::u32string_view s, std::size_t i) {
  for (std::u32string_view compound : kCompoundSurnames)
    if (s.substr(i).starts_with(compound)) return compound.size();
  return i < s.size() && In(kSurnames, s[i]) ? 1 : 0;
}

std::optional<NameSpan> MatchIntroducedName(std::u32string_view s, std::size_t i) {
  // Most characters start no trigger: one look instead of thirty.
  static constexpr std::u32string_view kTriggerStarts = U"我本联投反举申姓名叫署邻同朋丈妻老儿女房租室";
  if (i >= s.size() || !In(kTriggerStarts, s[i])) return std::nullopt;
  for (std::size_t t = 0; t < kNameTriggers.size(); ++t) {
    const std::u32string_view trigger = kNameTriggers[t];
    if (!s.substr(i).starts_with(trigger)) continue;
    std::size_t j = i + trigger.size();
    const char32_t c = At(s, j);
    if (c == U':' || c == U'\uFF1A' || c == U' ' || c == U'\u3000' || c == U'是' || c == U'为') ++j;
    return NameAt(s, j, t >= kStrongTriggers);
  }
  return std::nullopt;
}

std::optional<NameSpan> MatchDescribedName(std::u32string_view s, std::size_t i) {
  std::size_t j;
  if (s.substr(i).starts_with(U"我是")) {
    j = i + 2;
  } else if (s.substr(i).starts_with(U"本人是")) {
    j = i + 3;
  } else {
    return std::nullopt;
  }
  // A short description without punctuation, then 的 and the name.
  for (std::size_t k = j + 1; k < s.size() && k <= j + 14; ++k) {
    if (!IsHan(s[k]) && !(s[k] >= U'0' && s[k] <= U'9')) return std::nullopt;
    if (s[k] == U'的') return NameAt(s, k + 1, true);
  }
  return std::nullopt;
}

std::optional<NameSpan> MatchGreetedName(std::u32string_view s, std::size_t i) {
  if (i > 0 && IsHan(s[i - 1]) && !In(kBeforeGreetedName, s[i - 1])) return std::nullopt;
  const std::size_t surname = SurnameLength(s, i);
  if (surname == 0) return std::nullopt;
  // The greeting follows a full name directly: surname and one or two
  // given characters (王先生 alone names no one).
  for (std::size_t given = 2; given >= 1; --given) {
    const std::size_t end = i + surname + given;
    if (end > s.size() || In(kNotNameEnd, s[end - 1])) continue;
    bool han = true;
    for (std::size_t k = i + surname; k < end; ++k) han = han && GivenChar(s[k]);
    if (!han) continue;
    for (std::u32string_view follower : kNameFollowers)
      if (s.substr(end).starts_with(follower)) return NameSpan{i, end};
  }
  return std::nullopt;
}

}  // namespace lizheng::text::detail
