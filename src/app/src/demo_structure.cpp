// The demo jurisdiction's reference data and accounts, from data/demo.
#include "demo_structure.hpp"

#include <algorithm>

#include "demo_tsv.hpp"
#include "embedded_data.hpp"
#include "lizheng/app/district_map.hpp"
#include "lizheng/app/setup.hpp"

namespace lizheng::app::demo {
namespace {

using CodeIds = std::map<std::string, std::int64_t, std::less<>>;

// A kind name of the demo data as an enum, or a data error.
template <class E>
Result<E> Parse(std::string_view file, const TsvRow& row, const std::string& wire) {
  if (auto v = FromWire<E>(wire)) return *v;
  return DataError(file, row.line, "unknown value '" + wire + "'; expected one of: " + WireNamesList<E>());
}

Result<std::int64_t> Lookup(const CodeIds& ids, std::string_view file, const TsvRow& row,
                            const std::string& code) {
  auto it = ids.find(code);
  if (it == ids.end()) return DataError(file, row.line, "unknown code '" + code + "'");
  return it->second;
}

Result<std::vector<TsvRow>> WriteAreas(store::WriteTxn& txn, JurisdictionId j) {
  LZ_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, ReadDemoTsv("areas.tsv", 3));
  for (const TsvRow& r : rows) {
    const std::string& parent = r.fields[2];
    LZ_RETURN_IF_ERROR(txn.InsertArea(j, Area{r.fields[0], r.fields[1], parent, parent.empty() ? 1 : 2}));
  }
  return rows;
}

// Units in file order (parents first); returns code -> id.
Result<CodeIds> WriteUnits(store::WriteTxn& txn, JurisdictionId j, std::vector<TsvRow>& rows) {
  LZ_ASSIGN_OR_RETURN(rows, ReadDemoTsv("units.tsv", 5));
  CodeIds ids;
  for (const TsvRow& r : rows) {
    Unit u;
    u.code = r.fields[0];
    u.name = r.fields[1];
    LZ_ASSIGN_OR_RETURN(u.kind, Parse<UnitKind>("units.tsv", r, r.fields[2]));
    if (!r.fields[3].empty()) {
      LZ_ASSIGN_OR_RETURN(UnitId parent, Lookup(ids, "units.tsv", r, r.fields[3]));
      u.parent = parent;
    }
    u.area_code = r.fields[4];
    LZ_ASSIGN_OR_RETURN(ids[u.code], txn.InsertUnit(j, u));
  }
  return ids;
}

Result<int> WriteCategories(store::WriteTxn& txn, JurisdictionId j) {
  LZ_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, ReadDemoTsv("categories.tsv", 2));
  for (const TsvRow& r : rows) {
    const std::string& code = r.fields[0];
    const std::size_t dot = code.rfind('.');
    Category c{code, r.fields[1], dot == std::string::npos ? std::string() : code.substr(0, dot),
               static_cast<int>(std::count(code.begin(), code.end(), '.')) + 1};
    LZ_RETURN_IF_ERROR(txn.InsertCategory(j, c));
  }
  return static_cast<int>(rows.size());
}

// The catalogue, with '@district' and '@street' expanded to one row per
// area of that level, led by the unit governing it.
Result<int> WriteCatalogue(store::WriteTxn& txn, JurisdictionId j, const CodeIds& unit_ids,
                           const std::vector<TsvRow>& units) {
  LZ_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, ReadDemoTsv("catalogue.tsv", 4));
  int written = 0;
  for (const TsvRow& r : rows) {
    CatalogueEntry e;
    e.category_code = r.fields[0] == "*" ? "" : r.fields[0];
    LZ_ASSIGN_OR_RETURN(e.valid_from, ParseDate(r.fields[3], "valid_from"));
    std::vector<std::pair<std::string, std::string>> targets;  // (area, unit code)
    const std::string area = r.fields[1] == "*" ? "" : r.fields[1];
    if (r.fields[2] == "@district" || r.fields[2] == "@street") {
      const std::string kind = r.fields[2].substr(1);
      for (const TsvRow& u : units)
        if (u.fields[2] == kind && (area.empty() || u.fields[4] == area))
          targets.emplace_back(u.fields[4], u.fields[0]);
    } else {
      targets.emplace_back(area, r.fields[2]);
    }
    for (const auto& [area_code, unit_code] : targets) {
      e.area_code = area_code;
      LZ_ASSIGN_OR_RETURN(e.unit, Lookup(unit_ids, "catalogue.tsv", r, unit_code));
      LZ_RETURN_IF_ERROR(txn.InsertCatalogueEntry(j, e));
      ++written;
    }
  }
  return written;
}

Result<CodeIds> WriteUsers(store::WriteTxn& txn, JurisdictionId j, const CodeIds& unit_ids,
                           const std::string& password_hash, DemoSummary& summary) {
  LZ_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, ReadDemoTsv("users.tsv", 4));
  CodeIds ids;
  for (const TsvRow& r : rows) {
    store::User u;
    u.jurisdiction = j;
    u.username = r.fields[0];
    u.display_name = r.fields[1];
    LZ_ASSIGN_OR_RETURN(u.role, Parse<Role>("users.tsv", r, r.fields[2]));
    if (!r.fields[3].empty()) {
      LZ_ASSIGN_OR_RETURN(UnitId unit, Lookup(unit_ids, "users.tsv", r, r.fields[3]));
      u.unit = unit;
    }
    u.password_hash = password_hash;
    LZ_ASSIGN_OR_RETURN(ids[u.username], txn.InsertUser(u));
    summary.users.push_back(DemoUser{u.username, u.display_name, u.role, r.fields[3]});
  }
  return ids;
}

Result<int> WriteMailboxes(store::WriteTxn& txn, JurisdictionId j, const CodeIds& unit_ids,
                           const CodeIds& user_ids) {
  LZ_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, ReadDemoTsv("mailboxes.tsv", 5));
  for (const TsvRow& r : rows) {
    Mailbox m;
    m.code = r.fields[0];
    m.name = r.fields[1];
    LZ_ASSIGN_OR_RETURN(m.level, Parse<MailboxLevel>("mailboxes.tsv", r, r.fields[2]));
    LZ_ASSIGN_OR_RETURN(m.unit, Lookup(unit_ids, "mailboxes.tsv", r, r.fields[3]));
    if (!r.fields[4].empty()) {
      LZ_ASSIGN_OR_RETURN(UserId leader, Lookup(user_ids, "mailboxes.tsv", r, r.fields[4]));
      m.leader = leader;
    }
    auto id = txn.InsertMailbox(j, m);
    if (!id.ok()) return id.error();
  }
  return static_cast<int>(rows.size());
}

Actor ActorOf(const store::User& u) { return Actor{u.role, u.id, u.unit, u.display_name}; }

}  // namespace

Result<JurisdictionId> WriteStructure(store::WriteTxn& txn, const std::string& password_hash,
                                      Timestamp now, DemoSummary& summary) {
  summary.jurisdiction = Jurisdiction{0, std::string(kDemoJurisdictionCode), "江川市", 480};
  LZ_ASSIGN_OR_RETURN(const JurisdictionId j, CreateJurisdiction(txn, summary.jurisdiction));
  summary.jurisdiction.id = j;
  LZ_ASSIGN_OR_RETURN(std::vector<TsvRow> areas, WriteAreas(txn, j));
  summary.areas = static_cast<int>(areas.size());
  std::vector<TsvRow> units;
  LZ_ASSIGN_OR_RETURN(CodeIds unit_ids, WriteUnits(txn, j, units));
  summary.units = static_cast<int>(units.size());
  LZ_ASSIGN_OR_RETURN(summary.categories, WriteCategories(txn, j));
  LZ_ASSIGN_OR_RETURN(summary.catalogue_entries, WriteCatalogue(txn, j, unit_ids, units));
  LZ_ASSIGN_OR_RETURN(CodeIds user_ids, WriteUsers(txn, j, unit_ids, password_hash, summary));
  LZ_ASSIGN_OR_RETURN(summary.mailboxes, WriteMailboxes(txn, j, unit_ids, user_ids));
  // The invented city's district map, as a jurisdiction would provide one.
  const auto map = data::EmbeddedFile("demo/map.geojson");
  if (!map) return MakeError(ErrorCode::kInternal, "the demo district map is not embedded");
  LZ_ASSIGN_OR_RETURN(Directory dir, txn.LoadDirectory(j));
  LZ_RETURN_IF_ERROR(ValidateDistrictMap(*map, dir));
  LZ_RETURN_IF_ERROR(txn.PutJurisdictionFile(j, kDistrictMapFile, *map, now));
  return j;
}

const Actor& Cast::Citizen() {
  static const Actor kCitizen{Role::kCitizen, 0, std::nullopt, "群众"};
  return kCitizen;
}

Result<Cast> Cast::Make(const std::vector<store::User>& users, const Directory& dir) {
  Cast cast;
  std::map<UnitId, Actor> own_handlers, own_managers;
  for (const store::User& u : users) {
    switch (u.role) {
      case Role::kOperator: cast.operators_.push_back(ActorOf(u)); break;
      case Role::kDispatcher: cast.dispatcher_ = ActorOf(u); break;
      case Role::kReviewer: cast.reviewer_ = ActorOf(u); break;
      case Role::kLeader: cast.leader_ = ActorOf(u); break;
      case Role::kUnitHandler: own_handlers.emplace(*u.unit, ActorOf(u)); break;
      case Role::kUnitManager: own_managers.emplace(*u.unit, ActorOf(u)); break;
      default: break;
    }
  }
  if (cast.operators_.empty() || cast.dispatcher_.user == 0 || cast.reviewer_.user == 0 ||
      cast.leader_.user == 0)
    return DataError("users.tsv", 0, "an operator, a dispatcher, a reviewer and a leader are required");
  for (const Unit& u : dir.units()) {
    if (u.kind == UnitKind::kCentre || u.kind == UnitKind::kGovernment) continue;
    for (auto [own, resolved] : {std::pair{&own_handlers, &cast.handlers_}, std::pair{&own_managers, &cast.managers_}}) {
      std::optional<UnitId> at = u.id;
      while (at && own->count(*at) == 0) at = dir.FindUnit(*at)->parent;
      if (!at) return DataError("users.tsv", 0, "unit '" + u.code + "' has no handler or manager above it");
      resolved->emplace(u.id, own->at(*at));
    }
  }
  return cast;
}

Result<PassDownRules> PassDownRules::Load(const Directory& dir) {
  LZ_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, ReadDemoTsv("passdown.tsv", 3));
  PassDownRules rules;
  for (const TsvRow& r : rows) {
    Rule rule;
    rule.category = r.fields[1] == "*" ? "" : r.fields[1];
    for (auto [field, out] : {std::pair{&r.fields[0], &rule.from}, std::pair{&r.fields[2], &rule.to}}) {
      if (field->empty()) return DataError("passdown.tsv", r.line, "a unit is required");
      if (field->front() == '@') continue;
      const Unit* u = dir.FindUnitByCode(*field);
      if (!u) return DataError("passdown.tsv", r.line, "unknown unit '" + *field + "'");
      *out = u->id;
    }
    rules.rules_.push_back(rule);
  }
  return rules;
}

std::optional<UnitId> PassDownRules::Target(const WorkOrder& wo, const Directory& dir) const {
  if (!wo.handling_unit) return std::nullopt;
  const Unit* handling = dir.FindUnit(*wo.handling_unit);
  for (const Rule& r : rules_) {
    if (r.from ? *r.from != handling->id : handling->kind != UnitKind::kDistrict) continue;
    if (wo.category_code.compare(0, r.category.size(), r.category) != 0) continue;
    if (r.to) return *r.to;
    for (const Unit& u : dir.units())
      if (u.parent == handling->id && u.kind == UnitKind::kStreet && u.area_code == wo.area_code)
        return u.id;
  }
  return std::nullopt;
}

}  // namespace lizheng::app::demo
