#include "lizheng/insight/dispatch_advisor.hpp"

#include <algorithm>

namespace lizheng::insight {
namespace {

// A key needs this many outcomes before its practice counts.
constexpr int kMinPractice = 3;
// A unit the catalogue does not name needs this many kept dispatches.
constexpr int kMinOffCatalogue = 3;

std::string Key(std::string_view category, std::string_view area) {
  std::string k(category);
  k += '|';
  k += area;
  return k;
}

// "01.02.03" -> {"01.02.03", "01.02", "01"}; "" -> {""}.
std::vector<std::string_view> CategoryLevels(std::string_view code) {
  std::vector<std::string_view> out{code};
  for (auto dot = code.rfind('.'); dot != std::string_view::npos; dot = code.rfind('.')) {
    code = code.substr(0, dot);
    out.push_back(code);
  }
  return out;
}

// The area and its district, most specific first.
std::vector<std::string_view> AreaLevels(const Directory& dir, std::string_view area) {
  std::vector<std::string_view> out{area};
  if (const std::string_view district = dir.DistrictOf(area); district != area) out.push_back(district);
  return out;
}

std::string NameOfCategory(const Directory& dir, std::string_view code) {
  const Category* c = dir.FindCategory(code);
  return c ? c->name : (code.empty() ? std::string("未分类") : std::string(code));
}

std::string NameOfArea(const Directory& dir, std::string_view code) {
  const Area* a = dir.FindArea(code);
  return a ? a->name : std::string(code);
}


}  // namespace

void DispatchAdvisor::Learn(const DispatchOutcome& o, const Directory& directory) {
  if (o.unit == 0) return;
  for (std::string_view c : CategoryLevels(o.category_code)) {
    for (std::string_view a : AreaLevels(directory, o.area_code)) {
      Tally& t = tallies_[Key(c, a)][o.unit];
      (o.returned ? t.returned : t.kept) += 1;
    }
  }
  ++outcomes_;
}

const DispatchAdvisor::Tallies* DispatchAdvisor::Practice(const Directory& directory,
                                                          std::string_view category,
                                                          std::string_view area,
                                                          std::string* scope_zh,
                                                          std::string* scope_en) const {
  for (std::string_view c : CategoryLevels(category)) {
    for (std::string_view a : AreaLevels(directory, area)) {
      const auto it = tallies_.find(Key(c, a));
      if (it == tallies_.end()) continue;
      int total = 0;
      for (const auto& [unit, t] : it->second) total += t.kept + t.returned;
      if (total < kMinPractice) continue;
      *scope_zh = NameOfCategory(directory, c) + "·" + NameOfArea(directory, a);
      *scope_en = *scope_zh;
      return &it->second;
    }
  }
  return nullptr;
}

std::vector<UnitSuggestion> DispatchAdvisor::Suggest(const Directory& directory, Date day,
                                                     std::string_view category_code,
                                                     std::string_view area_code,
                                                     std::size_t top) const {
  std::map<UnitId, UnitSuggestion> found;
  std::map<UnitId, double> catalogue_prior;
  const std::vector<UnitId> listed = directory.CatalogueUnits(category_code, area_code, day);
  for (std::size_t r = 0; r < listed.size(); ++r) {
    if (catalogue_prior.count(listed[r])) continue;
    catalogue_prior[listed[r]] = 1.0 / (1.0 + static_cast<double>(catalogue_prior.size()));
    const std::string ord = std::to_string(catalogue_prior.size());
    found[listed[r]].reasons.push_back(
        {"catalogue",
         "派单目录：" + NameOfCategory(directory, category_code) + "·" + NameOfArea(directory, area_code) +
             "（第 " + ord + " 顺位）",
         "responsibility catalogue: " + std::string(category_code.empty() ? "any category" : category_code) +
             " at " + std::string(area_code) + " (choice " + ord + ")"});
  }
  std::string scope_zh, scope_en;
  const Tallies* practice = Practice(directory, category_code, area_code, &scope_zh, &scope_en);
  int kept_total = 0;
  if (practice)
    for (const auto& [unit, t] : *practice) kept_total += t.kept;
  if (practice) {
    for (const auto& [unit, t] : *practice) {
      const bool named = catalogue_prior.count(unit) > 0;
      if (!named && (t.kept < kMinOffCatalogue || t.kept <= t.returned)) continue;
      UnitSuggestion& s = found[unit];
      const std::string k = std::to_string(t.kept), r = std::to_string(t.returned);
      s.reasons.push_back({named ? "practice" : "practice_off_catalogue",
                           std::string(named ? "" : "目录外，") + "近期" + scope_zh + "的诉求 " + k +
                               " 件派给该单位承办" + (t.returned ? "，" + r + " 件被退回" : "，无退回"),
                           std::string(named ? "" : "outside the catalogue; ") + k +
                               " recent dispatches of " + scope_en + " kept, " + r + " returned"});
    }
  }
  for (auto& [unit, s] : found) {
    s.unit = unit;
    const auto prior = catalogue_prior.find(unit);
    double share = 0.0, keep_rate = 1.0;
    if (practice) {
      const auto t = practice->find(unit);
      if (t != practice->end()) {
        share = kept_total ? static_cast<double>(t->second.kept) / kept_total : 0.0;
        keep_rate = (t->second.kept + 1.0) / (t->second.kept + t->second.returned + 2.0);
      } else {
        keep_rate = 0.5;  // the catalogue names it but the centre never sends there
      }
    }
    const double cat = prior == catalogue_prior.end() ? 0.0 : prior->second;
    s.score = practice ? (0.5 * cat + 0.5 * share) * (0.5 + 0.5 * keep_rate) : cat;
  }
  std::vector<UnitSuggestion> out;
  for (auto& [unit, s] : found) {
    const Unit* u = directory.FindUnit(unit);
    if (u != nullptr && u->active) out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const UnitSuggestion& a, const UnitSuggestion& b) {
    return a.score != b.score ? a.score > b.score : a.unit < b.unit;
  });
  if (out.size() > top) out.resize(top);
  return out;
}

}  // namespace lizheng::insight
