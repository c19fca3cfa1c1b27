// The reference data of one jurisdiction (管辖): its unit tree, areas,
// category taxonomy, leaders' mailboxes and the responsibility catalogue.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/enums.hpp"
#include "lizheng/core/time.hpp"

namespace lizheng {

using JurisdictionId = std::int64_t;
using UnitId = std::int64_t;
using UserId = std::int64_t;
using MailboxId = std::int64_t;
using WorkOrderId = std::int64_t;

// 管辖: a city or county whose platform it is; every record belongs to one.
struct Jurisdiction {
  JurisdictionId id = 0;
  std::string code;  // short ASCII code, e.g. "jc"
  std::string name;  // e.g. "江川市"
  int utc_offset_minutes = 480;
};

// 承办单位: a body that handles work orders. Units form a tree.
struct Unit {
  UnitId id = 0;
  std::optional<UnitId> parent;
  std::string code;
  std::string name;
  UnitKind kind = UnitKind::kDepartment;
  std::string area_code;  // the area it governs (districts, streets), or empty
  bool active = true;
};

// An administrative area: level 1 district/county, level 2 street/township.
struct Area {
  std::string code;
  std::string name;
  std::string parent_code;  // empty at level 1
  int level = 1;
};

// A node of the three-level category taxonomy. Codes nest with dots:
// "01", "01.02", "01.02.03".
struct Category {
  std::string code;
  std::string name;
  std::string parent_code;
  int level = 1;
};

// 领导信箱: a leader's public online mailbox.
struct Mailbox {
  MailboxId id = 0;
  std::string code;
  std::string name;
  MailboxLevel level = MailboxLevel::kCity;
  UnitId unit = 0;                  // the government it belongs to
  std::optional<UserId> leader;     // the leader who owns it
};

// 派单目录: one row of the responsibility catalogue. Empty category or area
// codes match anything; a category or area matches its descendants.
struct CatalogueEntry {
  std::string category_code;
  std::string area_code;
  UnitId unit = 0;
  Date valid_from{};
  std::optional<Date> valid_to;  // inclusive; open-ended if absent
};

// The first-level code of a category code ("01.02.03" -> "01").
std::string_view FirstLevelCode(std::string_view category_code);

// Read-only lookups over a jurisdiction's reference data. Immutable once
// built, so any thread may read it.
class Directory {
 public:
  Directory() = default;
  Directory(Jurisdiction jurisdiction, std::vector<Unit> units, std::vector<Area> areas,
            std::vector<Category> categories, std::vector<Mailbox> mailboxes,
            std::vector<CatalogueEntry> catalogue);

  const Jurisdiction& jurisdiction() const { return jurisdiction_; }
  const std::vector<Unit>& units() const { return units_; }
  const std::vector<Area>& areas() const { return areas_; }
  const std::vector<Category>& categories() const { return categories_; }
  const std::vector<Mailbox>& mailboxes() const { return mailboxes_; }
  const std::vector<CatalogueEntry>& catalogue() const { return catalogue_; }

  const Unit* FindUnit(UnitId id) const;
  const Unit* FindUnitByCode(std::string_view code) const;
  const Area* FindArea(std::string_view code) const;
  const Category* FindCategory(std::string_view code) const;
  const Mailbox* FindMailbox(MailboxId id) const;
  const Mailbox* FindMailboxByCode(std::string_view code) const;

  // True when `ancestor` is `unit` or above it in the tree.
  bool IsSelfOrAncestor(UnitId ancestor, UnitId unit) const;
  // `unit` and every unit below it.
  std::vector<UnitId> Subtree(UnitId unit) const;
  // The units above `unit`, nearest first (empty for a top unit or an
  // unknown one).
  std::vector<UnitId> Ancestors(UnitId unit) const;
  // True when `area` is `ancestor` or lies inside it.
  bool AreaWithin(std::string_view area, std::string_view ancestor) const;
  // The district or county (the top-level area) that `area` lies in: itself
  // at the top level; `area` unchanged when unknown. Valid while the
  // directory lives.
  std::string_view DistrictOf(std::string_view area) const;

  // The catalogue's lead units for a category and area valid on `day`, most
  // specific first (deeper category, then deeper area).
  std::vector<UnitId> CatalogueUnits(std::string_view category_code, std::string_view area_code,
                                     Date day) const;

 private:
  Jurisdiction jurisdiction_;
  std::vector<Unit> units_;
  std::vector<Area> areas_;
  std::vector<Category> categories_;
  std::vector<Mailbox> mailboxes_;
  std::vector<CatalogueEntry> catalogue_;
  std::map<UnitId, std::size_t> unit_index_;
  std::map<std::string, std::size_t, std::less<>> area_index_;
  std::map<std::string, std::size_t, std::less<>> category_index_;
};

}  // namespace lizheng
