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
      return MakeError(ErrorCode::kConflict, "record_conflict",
                       Text{"该记录与已有记录冲突", "the record conflicts with an existing one"},
                       "", std::move(detail));
    case SQLITE_FULL:
      return MakeError(ErrorCode::kUnavailable, "storage_full",
                       Text{"存储空间已满，本次未保存任何内容，请稍后重试",
                            "storage is full; nothing was saved, try again later"},
                       "", std::move(detail));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOMEM:
    case SQLITE_READONLY:
    case SQLITE_PROTOCOL:
      return MakeError(ErrorCode::kUnavailable, "storage_unavailable",
                       Text{"存储暂时不可用，本次未保存任何内容，请稍后重试",
                            "storage is unavailable; nothing was saved, try again later"},
                       "", std::move(detail));
    default:
      return MakeError(ErrorCode::kInternal, "internal_error",
                       Text{"存储发生内部错误，已记录日志", "internal storage error"}, "",
                       std::move(detail));
  }
}

}  // namespace lizheng::store::sqlite
