#include "migrations.hpp"

#include <fmt/format.h>

#include "event_rows.hpp"
#include "schema.hpp"
#include "work_order_rows.hpp"

namespace lizheng::store::sqlite {
namespace {

Result<int> CurrentVersion(Connection& conn) {
  LZ_ASSIGN_OR_RETURN(Statement stmt,
                      conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? static_cast<int>(stmt.Int(0)) : 0;
}

Result<int> ApplyPending(Connection& conn) {
  LZ_RETURN_IF_ERROR(conn.Exec(kMigrationsTableSql));
  LZ_ASSIGN_OR_RETURN(int current, CurrentVersion(conn));
  const auto migrations = SchemaMigrations();
  const int newest = migrations.empty() ? 0 : migrations.back().version;
  if (current > newest) {
    return MakeError(ErrorCode::kUnavailable,
                     fmt::format("the database has schema version {}, newer than this lizheng "
                                 "knows ({}); upgrade lizheng to open it",
                                 current, newest));
  }
  // The projections are written by today's code, whose columns exist only
  // once every migration has run: reproject once, after the last one.
  bool reproject = false;
  bool reproject_units = false;
  bool digest = false;
  for (const Migration& m : migrations) {
    if (m.version <= current) continue;
    LZ_RETURN_IF_ERROR(conn.Exec(m.sql));
    reproject = reproject || m.reproject_work_orders;
    reproject_units = reproject_units || (m.reproject_work_orders && m.reproject_units);
    digest = digest || m.digest_newest_events;
    LZ_ASSIGN_OR_RETURN(
        Statement record,
        conn.Prepare("INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)"));
    LZ_RETURN_IF_ERROR(record.BindInt(1, m.version).BindText(2, m.name).Run());
    current = m.version;
  }
  if (reproject) LZ_RETURN_IF_ERROR(ReprojectWorkOrders(conn, reproject_units));
  // The digests are of the rows as the upgrade leaves them.
  if (digest) LZ_RETURN_IF_ERROR(DigestNewestEvents(conn));
  return current;
}

}  // namespace

Result<int> Migrate(Connection& conn) {
  LZ_RETURN_IF_ERROR(conn.Exec("BEGIN IMMEDIATE"));
  Result<int> version = ApplyPending(conn);
  if (!version.ok()) {
    (void)conn.Exec("ROLLBACK");  // the original error is the one to report
    return version;
  }
  LZ_RETURN_IF_ERROR(conn.Exec("COMMIT"));
  return version;
}

}  // namespace lizheng::store::sqlite
