// The versioned schema shared by every backend. Each migration is portable
// SQL (SQLite and PostgreSQL accept it as written): BIGINT ids and epoch
// seconds, TEXT, INTEGER booleans, partial indexes, no foreign keys. Every
// table leads with jurisdiction_id, the distribution key (DESIGN.md §7).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace lizheng::store {

struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view sql;  // one or more statements separated by ';'
  // The backend rewrites every work order's projection columns from its
  // document (for columns that new code derives) -- once, after the last
  // pending migration, when the columns today's code writes all exist.
  bool reproject_work_orders = false;
  // With reproject_work_orders: the units each work order is with
  // (work_order_units) are rewritten too, in their current form.
  bool reproject_units = false;
  // After the SQL, the backend sets each work order's newest event's
  // work_order_digest from the row as stored (the keyed event log).
  bool digest_newest_events = false;
};

// The tracking_counters row that counts tracking numbers for the whole
// installation (no jurisdiction has id 0).
inline constexpr std::int64_t kSharedTrackingCounter = 0;

// Every migration, in version order starting at 1. Append only: a released
// migration is never edited.
std::span<const Migration> SchemaMigrations();

// The bookkeeping table the migration runner creates before anything else.
inline constexpr std::string_view kMigrationsTableSql =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER NOT NULL PRIMARY KEY,"
    " name TEXT NOT NULL)";

}  // namespace lizheng::store
