// The rows of a jurisdiction's reference data: the jurisdiction itself,
// units, areas, categories, mailboxes and the responsibility catalogue, and
// the Directory built from them.
#pragma once

#include <vector>

#include "connection.hpp"
#include "lizheng/core/directory.hpp"
#include "lizheng/core/result.hpp"

namespace lizheng::store::sqlite {

// Ids: a zero id asks for the next free one (max + 1, per jurisdiction for
// units and mailboxes); a non-zero id is kept, kConflict if taken. Codes are
// unique (per jurisdiction; non-empty ones for units and mailboxes).
Result<JurisdictionId> InsertJurisdiction(Connection& conn, const Jurisdiction& j);
Result<std::vector<Jurisdiction>> ListJurisdictions(Connection& conn);
Result<UnitId> InsertUnit(Connection& conn, JurisdictionId j, const Unit& u);
Status InsertArea(Connection& conn, JurisdictionId j, const Area& a);
Status InsertCategory(Connection& conn, JurisdictionId j, const Category& c);
Result<MailboxId> InsertMailbox(Connection& conn, JurisdictionId j, const Mailbox& m);
// Entries keep their insertion order (the catalogue's tie-break).
Status InsertCatalogueEntry(Connection& conn, JurisdictionId j, const CatalogueEntry& e);

// kNotFound if the jurisdiction does not exist. Units and mailboxes come in
// id order, areas and categories in code order, the catalogue as inserted.
Result<Directory> LoadDirectory(Connection& conn, JurisdictionId j);

}  // namespace lizheng::store::sqlite
