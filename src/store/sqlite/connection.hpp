// One SQLite connection with its cache of prepared statements. A connection
// is used by one thread at a time (the writer thread, or the reader that
// leased it from the pool); it does no locking of its own.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "lizheng/core/result.hpp"
#include "lizheng/core/time.hpp"

namespace lizheng::store::sqlite {

class Connection;

// A prepared statement leased from a Connection. Binding indexes and column
// indexes start at 1 and 0 respectively, as in SQLite. On destruction the
// statement is reset and returned to the cache, so a read never keeps its
// snapshot open by accident.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& BindInt(int index, std::int64_t value);
  Statement& BindBool(int index, bool value) { return BindInt(index, value ? 1 : 0); }
  Statement& BindText(int index, std::string_view value);
  Statement& BindTime(int index, Timestamp value);
  Statement& BindNull(int index);
  Statement& BindOptInt(int index, const std::optional<std::int64_t>& value);
  Statement& BindOptTime(int index, const std::optional<Timestamp>& value);

  // Advances to the next row: true when a row is ready, false when done.
  Result<bool> Step();
  // Steps to the end, ignoring any rows.
  Status Run();

  bool IsNull(int col) const;
  std::int64_t Int(int col) const;
  bool Bool(int col) const { return Int(col) != 0; }
  std::string Text(int col) const;
  // The column's bytes without a copy: valid until the next Step or Reset.
  std::string_view TextView(int col) const;
  Timestamp Time(int col) const;
  std::optional<std::int64_t> OptInt(int col) const;
  std::optional<Timestamp> OptTime(int col) const;

 private:
  friend class Connection;
  // `in_use` is the cache entry's flag, or null for an uncached statement.
  Statement(Connection* owner, sqlite3_stmt* stmt, bool* in_use);

  Connection* owner_;
  sqlite3_stmt* stmt_;
  bool* in_use_;
};

enum class OpenMode { kReadWrite, kReadOnly };

struct ConnectionOptions {
  std::string path;
  OpenMode mode = OpenMode::kReadWrite;
  bool synchronous_full = true;
  int busy_timeout_ms = 5000;
  // Page cache of this connection. SQLite's default (2 MiB) is far below
  // the working set of the queue indexes of a million work orders.
  int cache_kib = 16 * 1024;
};

class Connection {
 public:
  // Opens the database and applies the pragmas: WAL journal, the chosen
  // synchronous level, the busy timeout, the cache size and in-memory
  // temporary tables. Read-only connections are opened with
  // SQLITE_OPEN_READONLY (not PRAGMA query_only, which would also refuse
  // VACUUM INTO for backups). kUnavailable naming the path if it cannot open.
  static Result<std::unique_ptr<Connection>> Open(const ConnectionOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A cached prepared statement for `sql` (one statement, `?N` parameters).
  // A statement already leased (a nested use of the same SQL) or one beyond
  // the cache's size is prepared afresh and finalized after use.
  Result<Statement> Prepare(std::string_view sql);
  // Runs one or more parameterless statements (DDL, pragmas, BEGIN/COMMIT).
  Status Exec(std::string_view sql);
  // The single integer or text answer of a pragma or query, e.g. "PRAGMA
  // synchronous".
  Result<std::string> QueryText(std::string_view sql);

  std::int64_t Changes() const { return sqlite3_changes64(db_); }
  // True when no transaction is open (SQLite's autocommit mode).
  bool InAutocommit() const { return sqlite3_get_autocommit(db_) != 0; }
  sqlite3* handle() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}

  struct CacheEntry {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  static constexpr std::size_t kMaxCachedStatements = 256;

  sqlite3* db_;
  std::unordered_map<std::string, CacheEntry> cache_;
};

}  // namespace lizheng::store::sqlite
