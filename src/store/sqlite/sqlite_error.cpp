#include "sqlite_error.hpp"

#include <fmt/format.h>

#include <string>

namespace lizheng::store::sqlite {

Error SqliteError(sqlite3* db, int rc, std::string_view context) {
  const int primary = rc & 0xff;
  const int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
  const char* what = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string detail =
      fmt::format("sqlite error {} ({}): {}; in: {}", extended, sqlite3_errstr(rc), what, context);
  switch (primary) {
    case SQLITE_CONSTRAINT:
      return MakeError(ErrorCode::kConflict, "the record conflicts with an existing one", "",
                       std::move(detail));
    case SQLITE_FULL:
      return MakeError(ErrorCode::kUnavailable,
                       "storage is full; nothing was saved, try again later", "",
                       std::move(detail));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOMEM:
    case SQLITE_READONLY:
    case SQLITE_PROTOCOL:
      return MakeError(ErrorCode::kUnavailable,
                       "storage is unavailable; nothing was saved, try again later", "",
                       std::move(detail));
    default:
      return MakeError(ErrorCode::kInternal, "internal storage error", "", std::move(detail));
  }
}

}  // namespace lizheng::store::sqlite
