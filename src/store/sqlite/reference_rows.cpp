#include "reference_rows.hpp"

#include <fmt/format.h>

#include "stored_values.hpp"

namespace lizheng::store::sqlite {
namespace {

Result<Jurisdiction> GetJurisdiction(Connection& conn, JurisdictionId j) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare("SELECT jurisdiction_id, code, name, utc_offset_minutes FROM jurisdictions "
                   "WHERE jurisdiction_id = ?1"));
  stmt.BindInt(1, j);
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) {
    return MakeError(ErrorCode::kNotFound, "unknown_jurisdiction",
                     Text{fmt::format("没有编号为 {} 的辖区", j),
                          fmt::format("jurisdiction {} does not exist", j)},
                     "jurisdiction");
  }
  return Jurisdiction{stmt.Int(0), stmt.Text(1), stmt.Text(2), static_cast<int>(stmt.Int(3))};
}

Result<std::vector<Unit>> LoadUnits(Connection& conn, JurisdictionId j) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare("SELECT unit_id, parent_id, code, name, kind, area_code, active FROM units "
                   "WHERE jurisdiction_id = ?1 ORDER BY unit_id"));
  stmt.BindInt(1, j);
  std::vector<Unit> units;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return units;
    Unit u;
    u.id = stmt.Int(0);
    u.parent = stmt.OptInt(1);
    u.code = stmt.Text(2);
    u.name = stmt.Text(3);
    LZ_ASSIGN_OR_RETURN(u.kind, StoredEnum<UnitKind>(stmt.Text(4), "units.kind"));
    u.area_code = stmt.Text(5);
    u.active = stmt.Bool(6);
    units.push_back(std::move(u));
  }
}

// Areas and categories share a shape (code, name, parent_code, level).
template <class Node>
Result<std::vector<Node>> LoadTree(Connection& conn, JurisdictionId j, std::string_view table) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format(
          "SELECT code, name, parent_code, level FROM {} WHERE jurisdiction_id = ?1 ORDER BY code",
          table)));
  stmt.BindInt(1, j);
  std::vector<Node> nodes;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return nodes;
    nodes.push_back(Node{stmt.Text(0), stmt.Text(1), stmt.Text(2), static_cast<int>(stmt.Int(3))});
  }
}

template <class Node>
Status InsertTreeNode(Connection& conn, JurisdictionId j, std::string_view table,
                      std::string_view what, const Node& n) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format("INSERT INTO {} (jurisdiction_id, code, name, parent_code, level) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)",
                               table)));
  stmt.BindInt(1, j).BindText(2, n.code).BindText(3, n.name).BindText(4, n.parent_code);
  stmt.BindInt(5, n.level);
  Status s = stmt.Run();
  if (!s.ok()) {
    return DuplicateError(s.error(), fmt::format("{} '{}' exists already", what, n.code), "code");
  }
  return OkStatus();
}

Result<std::vector<Mailbox>> LoadMailboxes(Connection& conn, JurisdictionId j) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare("SELECT mailbox_id, code, name, level, unit_id, leader_id FROM mailboxes "
                   "WHERE jurisdiction_id = ?1 ORDER BY mailbox_id"));
  stmt.BindInt(1, j);
  std::vector<Mailbox> mailboxes;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return mailboxes;
    Mailbox m;
    m.id = stmt.Int(0);
    m.code = stmt.Text(1);
    m.name = stmt.Text(2);
    LZ_ASSIGN_OR_RETURN(m.level, StoredEnum<MailboxLevel>(stmt.Text(3), "mailboxes.level"));
    m.unit = stmt.Int(4);
    m.leader = stmt.OptInt(5);
    mailboxes.push_back(std::move(m));
  }
}

Result<std::vector<CatalogueEntry>> LoadCatalogue(Connection& conn, JurisdictionId j) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare("SELECT category_code, area_code, unit_id, valid_from, valid_to FROM catalogue "
                   "WHERE jurisdiction_id = ?1 ORDER BY entry_no"));
  stmt.BindInt(1, j);
  std::vector<CatalogueEntry> entries;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return entries;
    CatalogueEntry e;
    e.category_code = stmt.Text(0);
    e.area_code = stmt.Text(1);
    e.unit = stmt.Int(2);
    LZ_ASSIGN_OR_RETURN(e.valid_from, StoredDate(stmt.Text(3), "catalogue.valid_from"));
    if (!stmt.IsNull(4)) {
      LZ_ASSIGN_OR_RETURN(e.valid_to, StoredDate(stmt.Text(4), "catalogue.valid_to"));
    }
    entries.push_back(std::move(e));
  }
}

}  // namespace

Result<JurisdictionId> InsertJurisdiction(Connection& conn, const Jurisdiction& j) {
  JurisdictionId id = j.id;
  if (id == 0) {
    LZ_ASSIGN_OR_RETURN(
        Statement next,
        conn.Prepare("SELECT COALESCE(MAX(jurisdiction_id), 0) + 1 FROM jurisdictions"));
    LZ_ASSIGN_OR_RETURN(bool row, next.Step());
    id = row ? next.Int(0) : 1;
  }
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare("INSERT INTO jurisdictions (jurisdiction_id, code, name, utc_offset_minutes) "
                   "VALUES (?1, ?2, ?3, ?4)"));
  stmt.BindInt(1, id).BindText(2, j.code).BindText(3, j.name).BindInt(4, j.utc_offset_minutes);
  Status s = stmt.Run();
  if (!s.ok()) {
    return DuplicateError(
        s.error(), fmt::format("jurisdiction {} or code '{}' exists already", id, j.code), "code");
  }
  return id;
}

Result<std::vector<Jurisdiction>> ListJurisdictions(Connection& conn) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare("SELECT jurisdiction_id, code, name, utc_offset_minutes FROM jurisdictions "
                   "ORDER BY jurisdiction_id"));
  std::vector<Jurisdiction> out;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    out.push_back(
        Jurisdiction{stmt.Int(0), stmt.Text(1), stmt.Text(2), static_cast<int>(stmt.Int(3))});
  }
}

Result<UnitId> InsertUnit(Connection& conn, JurisdictionId j, const Unit& u) {
  UnitId id = u.id;
  if (id == 0) {
    LZ_ASSIGN_OR_RETURN(id, NextId(conn, "units", "unit_id", j));
  }
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(
          "INSERT INTO units (jurisdiction_id, unit_id, parent_id, code, name, kind, area_code, "
          "active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  stmt.BindInt(1, j).BindInt(2, id).BindOptInt(3, u.parent).BindText(4, u.code);
  stmt.BindText(5, u.name).BindText(6, ToWire(u.kind)).BindText(7, u.area_code);
  stmt.BindBool(8, u.active);
  Status s = stmt.Run();
  if (!s.ok()) {
    return DuplicateError(s.error(), fmt::format("unit {} or code '{}' exists already", id, u.code),
                          "code");
  }
  return id;
}

Status InsertArea(Connection& conn, JurisdictionId j, const Area& a) {
  return InsertTreeNode(conn, j, "areas", "area", a);
}

Status InsertCategory(Connection& conn, JurisdictionId j, const Category& c) {
  return InsertTreeNode(conn, j, "categories", "category", c);
}

Result<MailboxId> InsertMailbox(Connection& conn, JurisdictionId j, const Mailbox& m) {
  MailboxId id = m.id;
  if (id == 0) {
    LZ_ASSIGN_OR_RETURN(id, NextId(conn, "mailboxes", "mailbox_id", j));
  }
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(
          "INSERT INTO mailboxes (jurisdiction_id, mailbox_id, code, name, level, unit_id, "
          "leader_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  stmt.BindInt(1, j).BindInt(2, id).BindText(3, m.code).BindText(4, m.name);
  stmt.BindText(5, ToWire(m.level)).BindInt(6, m.unit).BindOptInt(7, m.leader);
  Status s = stmt.Run();
  if (!s.ok()) {
    return DuplicateError(
        s.error(), fmt::format("mailbox {} or code '{}' exists already", id, m.code), "code");
  }
  return id;
}

Status InsertCatalogueEntry(Connection& conn, JurisdictionId j, const CatalogueEntry& e) {
  LZ_ASSIGN_OR_RETURN(std::int64_t entry_no, NextId(conn, "catalogue", "entry_no", j));
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(
          "INSERT INTO catalogue (jurisdiction_id, entry_no, category_code, area_code, unit_id, "
          "valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  stmt.BindInt(1, j).BindInt(2, entry_no).BindText(3, e.category_code).BindText(4, e.area_code);
  stmt.BindInt(5, e.unit).BindText(6, FormatDate(e.valid_from));
  if (e.valid_to) {
    stmt.BindText(7, FormatDate(*e.valid_to));
  } else {
    stmt.BindNull(7);
  }
  return stmt.Run();
}

Result<Directory> LoadDirectory(Connection& conn, JurisdictionId j) {
  LZ_ASSIGN_OR_RETURN(Jurisdiction jurisdiction, GetJurisdiction(conn, j));
  LZ_ASSIGN_OR_RETURN(std::vector<Unit> units, LoadUnits(conn, j));
  LZ_ASSIGN_OR_RETURN(std::vector<Area> areas, LoadTree<Area>(conn, j, "areas"));
  LZ_ASSIGN_OR_RETURN(std::vector<Category> categories, LoadTree<Category>(conn, j, "categories"));
  LZ_ASSIGN_OR_RETURN(std::vector<Mailbox> mailboxes, LoadMailboxes(conn, j));
  LZ_ASSIGN_OR_RETURN(std::vector<CatalogueEntry> catalogue, LoadCatalogue(conn, j));
  return Directory(std::move(jurisdiction), std::move(units), std::move(areas),
                   std::move(categories), std::move(mailboxes), std::move(catalogue));
}

}  // namespace lizheng::store::sqlite
