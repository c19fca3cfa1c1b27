#include "lizheng/core/directory.hpp"

#include <algorithm>
#include <set>

namespace lizheng {
namespace {

// True when `ancestor` is `code` or one of its dotted prefixes
// ("01" and "01.02" for "01.02.03"; not "01.0").
bool CategoryWithin(std::string_view code, std::string_view ancestor) {
  if (code.size() < ancestor.size() || code.substr(0, ancestor.size()) != ancestor) return false;
  return code.size() == ancestor.size() || code[ancestor.size()] == '.';
}

int CategoryDepth(std::string_view code) {
  if (code.empty()) return 0;
  return static_cast<int>(std::count(code.begin(), code.end(), '.')) + 1;
}

}  // namespace

std::string_view FirstLevelCode(std::string_view category_code) {
  return category_code.substr(0, category_code.find('.'));
}

Directory::Directory(Jurisdiction jurisdiction, std::vector<Unit> units, std::vector<Area> areas,
                     std::vector<Category> categories, std::vector<Mailbox> mailboxes,
                     std::vector<CatalogueEntry> catalogue)
    : jurisdiction_(std::move(jurisdiction)),
      units_(std::move(units)),
      areas_(std::move(areas)),
      categories_(std::move(categories)),
      mailboxes_(std::move(mailboxes)),
      catalogue_(std::move(catalogue)) {
  // emplace keeps the first of any duplicate key, matching the linear
  // lookups by code below.
  for (std::size_t i = 0; i < units_.size(); ++i) unit_index_.emplace(units_[i].id, i);
  for (std::size_t i = 0; i < areas_.size(); ++i) area_index_.emplace(areas_[i].code, i);
  for (std::size_t i = 0; i < categories_.size(); ++i) {
    category_index_.emplace(categories_[i].code, i);
  }
}

const Unit* Directory::FindUnit(UnitId id) const {
  const auto it = unit_index_.find(id);
  return it == unit_index_.end() ? nullptr : &units_[it->second];
}

const Unit* Directory::FindUnitByCode(std::string_view code) const {
  const auto it =
      std::find_if(units_.begin(), units_.end(), [&](const Unit& u) { return u.code == code; });
  return it == units_.end() ? nullptr : &*it;
}

const Area* Directory::FindArea(std::string_view code) const {
  const auto it = area_index_.find(code);
  return it == area_index_.end() ? nullptr : &areas_[it->second];
}

const Category* Directory::FindCategory(std::string_view code) const {
  const auto it = category_index_.find(code);
  return it == category_index_.end() ? nullptr : &categories_[it->second];
}

const Mailbox* Directory::FindMailbox(MailboxId id) const {
  const auto it = std::find_if(mailboxes_.begin(), mailboxes_.end(),
                               [&](const Mailbox& m) { return m.id == id; });
  return it == mailboxes_.end() ? nullptr : &*it;
}

const Mailbox* Directory::FindMailboxByCode(std::string_view code) const {
  const auto it = std::find_if(mailboxes_.begin(), mailboxes_.end(),
                               [&](const Mailbox& m) { return m.code == code; });
  return it == mailboxes_.end() ? nullptr : &*it;
}

bool Directory::IsSelfOrAncestor(UnitId ancestor, UnitId unit) const {
  // Reference data is edited by administrators, so a parent cycle is
  // possible; no chain in a sound tree is longer than the number of units.
  UnitId current = unit;
  for (std::size_t steps = 0; steps <= units_.size(); ++steps) {
    if (current == ancestor) return true;
    const Unit* u = FindUnit(current);
    if (u == nullptr || !u->parent) return false;
    current = *u->parent;
  }
  return false;
}

std::vector<UnitId> Directory::Ancestors(UnitId unit) const {
  std::vector<UnitId> out;
  const Unit* u = FindUnit(unit);
  // As in IsSelfOrAncestor: a parent cycle stops after as many steps as
  // there are units.
  while (u && u->parent && out.size() < units_.size()) {
    out.push_back(*u->parent);
    u = FindUnit(*u->parent);
  }
  return out;
}

std::vector<UnitId> Directory::Subtree(UnitId unit) const {
  if (FindUnit(unit) == nullptr) return {};
  std::vector<UnitId> out{unit};
  std::set<UnitId> seen{unit};  // also stops a parent cycle from looping
  // Breadth first: each pass over the units adds the children of the
  // previous level, so the result lists shallower units first.
  for (std::size_t level_begin = 0; level_begin < out.size();) {
    const std::size_t level_end = out.size();
    const std::set<UnitId> level(out.begin() + static_cast<std::ptrdiff_t>(level_begin), out.end());
    for (const Unit& u : units_) {
      if (u.parent && level.count(*u.parent) > 0 && seen.insert(u.id).second) {
        out.push_back(u.id);
      }
    }
    level_begin = level_end;
  }
  return out;
}

bool Directory::AreaWithin(std::string_view area, std::string_view ancestor) const {
  std::string_view current = area;
  for (std::size_t steps = 0; steps <= areas_.size(); ++steps) {  // cycle guard, as above
    if (current == ancestor) return true;
    const Area* a = FindArea(current);
    if (a == nullptr || a->parent_code.empty()) return false;
    current = a->parent_code;
  }
  return false;
}

std::string_view Directory::DistrictOf(std::string_view area) const {
  const Area* a = FindArea(area);
  if (a == nullptr) return area;
  for (std::size_t steps = 0; steps <= areas_.size() && !a->parent_code.empty(); ++steps) {  // cycle guard
    const Area* up = FindArea(a->parent_code);
    if (up == nullptr) break;
    a = up;
  }
  return a->code;
}

std::vector<UnitId> Directory::CatalogueUnits(std::string_view category_code,
                                              std::string_view area_code, Date day) const {
  struct Match {
    int category_depth;
    int area_depth;
    UnitId unit;
  };
  // An area's depth is counted along its parents rather than read from
  // Area::level, so an entry for an unknown area still sorts sensibly.
  const auto area_depth = [&](std::string_view code) {
    int depth = 0;
    for (std::string_view c = code; !c.empty() && depth <= static_cast<int>(areas_.size());) {
      ++depth;
      const Area* a = FindArea(c);
      c = a == nullptr ? std::string_view{} : std::string_view{a->parent_code};
    }
    return depth;
  };

  std::vector<Match> matches;
  for (const CatalogueEntry& e : catalogue_) {
    if (day < e.valid_from || (e.valid_to && *e.valid_to < day)) continue;
    if (!e.category_code.empty() && !CategoryWithin(category_code, e.category_code)) continue;
    if (!e.area_code.empty() && !AreaWithin(area_code, e.area_code)) continue;
    matches.push_back({CategoryDepth(e.category_code), area_depth(e.area_code), e.unit});
  }
  // Stable, so equally specific entries keep the catalogue's order.
  std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.category_depth != b.category_depth) return a.category_depth > b.category_depth;
    return a.area_depth > b.area_depth;
  });
  std::vector<UnitId> out;
  for (const Match& m : matches) {
    if (std::find(out.begin(), out.end(), m.unit) == out.end()) out.push_back(m.unit);
  }
  return out;
}

}  // namespace lizheng
