#include "place_words.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace lizheng::insight::hotspots::detail {

namespace {

using K = PlaceKind;

// The longest matching ending wins (搅拌站 over 站, 幼儿园 over 园).
constexpr std::array kSuffixes = {
    PlaceSuffix{U"小区", K::kEstate},     PlaceSuffix{U"花园", K::kEstate},
    PlaceSuffix{U"家园", K::kEstate},     PlaceSuffix{U"新城", K::kEstate},
    PlaceSuffix{U"公寓", K::kEstate},     PlaceSuffix{U"大厦", K::kEstate},
    PlaceSuffix{U"山庄", K::kEstate},     PlaceSuffix{U"华庭", K::kEstate},
    PlaceSuffix{U"苑", K::kEstate},       PlaceSuffix{U"园", K::kEstate},
    PlaceSuffix{U"城", K::kEstate},       PlaceSuffix{U"府", K::kEstate},
    PlaceSuffix{U"湾", K::kEstate},       PlaceSuffix{U"公馆", K::kEstate},
    PlaceSuffix{U"学院", K::kSchool},     PlaceSuffix{U"大学", K::kSchool},
    PlaceSuffix{U"中学", K::kSchool},     PlaceSuffix{U"小学", K::kSchool},
    PlaceSuffix{U"学校", K::kSchool},     PlaceSuffix{U"幼儿园", K::kSchool},
    PlaceSuffix{U"职院", K::kSchool},     PlaceSuffix{U"医院", K::kHospital},
    PlaceSuffix{U"卫生院", K::kHospital}, PlaceSuffix{U"诊所", K::kHospital},
    PlaceSuffix{U"公司", K::kCompany},    PlaceSuffix{U"集团", K::kCompany},
    PlaceSuffix{U"工厂", K::kCompany},    PlaceSuffix{U"厂", K::kCompany},
    PlaceSuffix{U"银行", K::kCompany},    PlaceSuffix{U"商场", K::kCompany},
    PlaceSuffix{U"超市", K::kCompany},    PlaceSuffix{U"酒店", K::kCompany},
    PlaceSuffix{U"市场", K::kCompany},    PlaceSuffix{U"搅拌站", K::kCompany},
    PlaceSuffix{U"站", K::kStation},      PlaceSuffix{U"号线", K::kStation},
    PlaceSuffix{U"广场", K::kPublicSpace}, PlaceSuffix{U"公园", K::kPublicSpace},
    PlaceSuffix{U"景区", K::kPublicSpace}, PlaceSuffix{U"湿地", K::kPublicSpace},
    PlaceSuffix{U"路", K::kRoad},         PlaceSuffix{U"大道", K::kRoad},
    PlaceSuffix{U"街", K::kRoad},         PlaceSuffix{U"巷", K::kRoad},
    PlaceSuffix{U"大桥", K::kRoad},       PlaceSuffix{U"立交", K::kRoad},
    PlaceSuffix{U"隧道", K::kRoad},       PlaceSuffix{U"高速", K::kRoad},
    PlaceSuffix{U"街道", K::kTown},       PlaceSuffix{U"镇", K::kTown},
    PlaceSuffix{U"乡", K::kTown},         PlaceSuffix{U"村", K::kTown},
    PlaceSuffix{U"社区", K::kTown},
};

constexpr std::array kBreakers = {
    // single-character function words, pronouns, relations
    U"的", U"在", U"和", U"与", U"及", U"了", U"是", U"对", U"把", U"被", U"给", U"从", U"到",
    U"向", U"将", U"请", U"让", U"由", U"我", U"你", U"他", U"她", U"它", U"这", U"那", U"有",
    U"无", U"不", U"也", U"都", U"就", U"又", U"还", U"很", U"太", U"要", U"会", U"能", U"可",
    U"该", U"本", U"为", U"因", U"以", U"于", U"至", U"等", U"各", U"每", U"近", U"旁", U"边",
    U"内", U"外", U"里", U"前", U"后", U"上", U"下", U"附", U"位", U"住", U"买", U"即", U"或",
    U"并", U"但", U"却", U"才", U"再", U"已", U"去", U"来", U"说", U"问",
    // complaint verbs and relations that precede a place
    U"关于", U"反映", U"投诉", U"举报", U"咨询", U"建议", U"希望", U"请求", U"要求", U"请问",
    U"位于", U"附近", U"旁边", U"门口", U"对面", U"周边", U"周围", U"里面", U"对于", U"我们",
    U"我家", U"住在", U"楼下", U"楼上", U"隔壁", U"强烈", U"恳请", U"市民", U"业主", U"居民",
    U"村民", U"学生", U"家长", U"一个", U"这个", U"那个", U"整个", U"所在", U"所有", U"小区内",
    U"严重", U"为什么", U"何时", U"能否", U"是否", U"怎么", U"什么", U"如何", U"没有", U"目前",
    U"现在", U"已经", U"一直", U"我市", U"全市", U"我省", U"全省", U"省", U"市", U"区", U"县",
    U"套", U"个", U"栋", U"间", U"家", U"所", U"座", U"条", U"名", U"聚", U"齐", U"政府",
    U"市政府", U"省政府", U"区政府", U"县政府", U"地方政府", U"人民政府", U"购买", U"入住",
    U"居住", U"租住", U"搬进", U"物业", U"除了", U"包括", U"比如", U"例如", U"还是", U"就是",
};

// Common words that end like a place but name none (跑路 is no road).
constexpr std::array kNotPlaceWords = {
    U"跑路", U"道路", U"公路", U"马路", U"铁路", U"出路", U"思路", U"线路", U"一路", U"修路",
    U"走路", U"上路", U"电路", U"网路", U"水路", U"小路", U"进城", U"县城", U"省城", U"全城",
    U"王府", U"学府", U"官府", U"海湾", U"港湾", U"车站", U"网站", U"工厂", U"菜园", U"果园",
    U"校园", U"乐园", U"田园", U"家乡", U"老乡", U"城乡", U"下乡", U"农村", U"乡村",
    U"山村", U"上街", U"逛街", U"大街", U"城管", U"长城", U"古城", U"京城", U"满城", U"街头", U"站长",
    U"车间", U"园区", U"校区", U"厂家", U"厂区", U"厂房", U"城区", U"市区",
};

constexpr std::array kTails = {U"小区", U"一期", U"二期", U"三期", U"四期", U"五期"};

constexpr std::array kGeneric = {
    U"水泥路", U"公路", U"马路", U"道路", U"铁路", U"小路", U"高速公路", U"县城", U"省城",
    U"城", U"新城", U"花园", U"家园", U"公园", U"广场", U"学校", U"医院", U"公司", U"市场",
    U"大学", U"学院", U"小学", U"中学", U"幼儿园", U"银行", U"超市", U"工厂", U"车站", U"农村",
    U"乡村", U"城乡", U"进城", U"全城", U"满城", U"商城", U"主城", U"城区", U"街道", U"社区",
    U"物业公司", U"开发商", U"房地产公司", U"安置小区", U"老旧小区", U"地铁站", U"公交站",
    U"高铁站", U"火车站", U"汽车站", U"加油站", U"服务站", U"派出所", U"停车场", U"菜市场",
    U"农贸市场", U"人行道", U"主干道", U"步行街", U"高速路", U"环城", U"园", U"苑", U"府",
};

// A list sorted once for binary search (the extractor asks per word).
struct SortedList {
  std::vector<std::u32string_view> words;
  template <class Array>
  explicit SortedList(const Array& a) : words(a.begin(), a.end()) {
    std::sort(words.begin(), words.end());
  }
  bool Contains(std::u32string_view w) const {
    return std::binary_search(words.begin(), words.end(), w);
  }
};

struct SortedSuffixes {
  std::vector<PlaceSuffix> suffixes;
  SortedSuffixes() : suffixes(kSuffixes.begin(), kSuffixes.end()) {
    std::sort(suffixes.begin(), suffixes.end(),
              [](const PlaceSuffix& a, const PlaceSuffix& b) { return a.text < b.text; });
  }
  const PlaceSuffix* Find(std::u32string_view tail) const {
    const auto it = std::lower_bound(
        suffixes.begin(), suffixes.end(), tail,
        [](const PlaceSuffix& s, std::u32string_view t) { return s.text < t; });
    return it != suffixes.end() && it->text == tail ? &*it : nullptr;
  }
};

constexpr std::size_t kLongestSuffix = 3;

}  // namespace

std::optional<PlaceSuffix> FindPlaceSuffix(std::u32string_view word) {
  static const SortedSuffixes sorted;  // built once, read-only after
  for (std::size_t n = std::min(kLongestSuffix, word.size()); n > 0; --n) {
    if (const PlaceSuffix* s = sorted.Find(word.substr(word.size() - n))) return *s;
  }
  return std::nullopt;
}

bool IsNameBreaker(std::u32string_view word) {
  static const SortedList list(kBreakers);
  return list.Contains(word);
}

bool IsPlaceTail(std::u32string_view word) {
  static const SortedList list(kTails);
  return list.Contains(word);
}

bool IsNotPlaceWord(std::u32string_view word) {
  static const SortedList list(kNotPlaceWords);
  return list.Contains(word);
}

bool IsGenericPlaceName(std::u32string_view name) {
  static const SortedList list(kGeneric);
  return list.Contains(name);
}

}  // namespace lizheng::insight::hotspots::detail
