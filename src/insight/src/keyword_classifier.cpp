#include "lizheng/insight/keyword_classifier.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "lizheng/text/normalize.hpp"
#include "lizheng/text/utf8.hpp"

namespace lizheng::insight {
namespace {

// Words of category names that say nothing about the category.
constexpr std::array<std::string_view, 24> kGenericWords{
    "其他", "其它", "问题", "管理", "服务", "相关", "工作", "综合", "事项", "方面", "有关", "政策",
    "咨询", "投诉", "建议", "办理", "举报", "求助", "一般", "情况", "领域", "类别", "行业", "事务"};

bool IsGeneric(std::string_view w) {
  return std::find(kGenericWords.begin(), kGenericWords.end(), w) != kGenericWords.end();
}

std::size_t CodePoints(std::string_view utf8) {
  return std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; });
}

int Depth(std::string_view code) { return 1 + static_cast<int>(std::count(code.begin(), code.end(), '.')); }

std::vector<std::string> NameWords(const std::string& name, const text::Segmenter& segmenter) {
  std::vector<std::string> out;
  if (CodePoints(name) >= 2 && !IsGeneric(name)) out.push_back(name);
  const std::u32string cps = text::NormalizeToCodePoints(name);
  std::vector<text::Token> tokens;
  segmenter.Cut(cps, tokens);
  for (const text::Token& t : tokens) {
    if (t.kind != text::TokenKind::kWord || t.end - t.begin < 2) continue;
    std::string w = text::EncodeUtf8(std::u32string_view(cps).substr(t.begin, t.end - t.begin));
    if (!IsGeneric(w) && w != name) out.push_back(std::move(w));
  }
  return out;
}

std::size_t Count(std::string_view hay, std::string_view needle) {
  std::size_t n = 0;
  for (auto pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + needle.size()))
    ++n;
  return n;
}

}  // namespace

KeywordClassifier KeywordClassifier::FromTaxonomy(std::span<const Category> categories,
                                                  const text::Segmenter& segmenter,
                                                  std::span<const KeywordRule> extra) {
  KeywordClassifier k;
  std::set<std::pair<std::string, std::string>> seen;  // (keyword, first level)
  auto add = [&](const std::string& code, const std::string& keyword, double depth_bonus) {
    const std::string norm = text::NormalizeText(keyword);
    const std::string first(FirstLevelCode(code));
    if (norm.empty() || !seen.emplace(norm, first).second) return;
    k.rules_.push_back({norm, first, static_cast<double>(CodePoints(norm)) * depth_bonus});
  };
  for (const Category& c : categories)
    for (const std::string& w : NameWords(c.name, segmenter)) add(c.code, w, 1.0 + 0.25 * (Depth(c.code) - 1));
  for (const KeywordRule& r : extra) add(r.category_code, r.keyword, 1.5);
  // A keyword that names several first levels points at none of them.
  std::map<std::string, int> firsts;
  for (const Rule& r : k.rules_) ++firsts[r.keyword];
  std::erase_if(k.rules_, [&](const Rule& r) { return firsts[r.keyword] > 1; });
  return k;
}

Result<std::vector<KeywordRule>> KeywordClassifier::ParseRules(std::string_view tsv,
                                                               std::string_view source_name,
                                                               const Directory& directory) {
  std::vector<KeywordRule> out;
  std::size_t line_no = 0;
  while (!tsv.empty()) {
    const auto nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::string where = std::string(source_name) + ":" + std::to_string(line_no);
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos)
      return MakeError(ErrorCode::kInvalidArgument,
                       where + ": expected 'category_code<TAB>keyword,keyword'", "keywords");
    const std::string code(line.substr(0, tab));
    if (!directory.FindCategory(code))
      return MakeError(ErrorCode::kInvalidArgument, where + ": unknown category '" + code + "'", "keywords");
    std::string_view words = line.substr(tab + 1);
    while (true) {
      // ASCII or full-width comma (three bytes in UTF-8).
      const auto comma = std::min(words.find(','), words.find("，"));
      std::string_view w = words.substr(0, comma);
      while (!w.empty() && w.front() == ' ') w.remove_prefix(1);
      while (!w.empty() && w.back() == ' ') w.remove_suffix(1);
      if (w.empty()) return MakeError(ErrorCode::kInvalidArgument, where + ": empty keyword", "keywords");
      out.push_back({code, std::string(w)});
      if (comma == std::string_view::npos) break;
      words = words.substr(comma + (words[comma] == ',' ? 1 : 3));
    }
  }
  return out;
}

std::optional<CategoryGuess> KeywordClassifier::Classify(std::string_view title,
                                                         std::string_view detail) const {
  const std::string t = text::NormalizeText(title);
  const std::string d = text::NormalizeText(detail);
  std::map<std::string, double> score;
  std::map<std::string, std::vector<std::pair<double, std::string>>> hits;
  double total = 0.0;
  for (const Rule& r : rules_) {
    const double n = 2.0 * static_cast<double>(Count(t, r.keyword)) + static_cast<double>(Count(d, r.keyword));
    if (n == 0) continue;
    const double s = r.weight * std::min(n, 4.0);
    score[r.first_level] += s;
    hits[r.first_level].emplace_back(s, r.keyword);
    total += s;
  }
  if (score.empty()) return std::nullopt;
  const auto best = std::max_element(score.begin(), score.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
  CategoryGuess g;
  g.category_code = best->first;
  // Agreement among the keywords, damped while there is little evidence.
  g.confidence = best->second / total * std::min(1.0, best->second / 8.0);
  auto& h = hits[best->first];
  std::sort(h.begin(), h.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [s, w] : h) g.matched.push_back(w);
  return g;
}

}  // namespace lizheng::insight
