// Applies the shared schema migrations (src/schema.hpp) to a SQLite
// database, each version once, recorded in schema_migrations.
#pragma once

#include "connection.hpp"
#include "lizheng/core/result.hpp"

namespace lizheng::store::sqlite {

// Brings the database to the newest schema in one IMMEDIATE transaction (so
// two processes opening a new file at once cannot both apply migration 1)
// and returns the resulting version. Idempotent. Refuses, changing nothing,
// a database whose schema is newer than this build knows.
Result<int> Migrate(Connection& conn);

}  // namespace lizheng::store::sqlite
