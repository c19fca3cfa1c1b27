// The one mapping from SQLite result codes to lizheng errors. Messages are
// safe for clients; the SQL and SQLite's own message go to `detail` only.
#pragma once

#include <sqlite3.h>

#include <string_view>

#include "lizheng/core/result.hpp"

namespace lizheng::store::sqlite {

// kConflict for constraint violations, kUnavailable for a full disk, I/O
// errors and lock timeouts, kInternal for anything else. `context` (often
// the SQL text) goes to the detail.
Error SqliteError(sqlite3* db, int rc, std::string_view context);

}  // namespace lizheng::store::sqlite
