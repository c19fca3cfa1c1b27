#include "connection.hpp"

#include <fmt/format.h>

#include <chrono>
#include <utility>

#include "lizheng/text/personal_data.hpp"
#include "sqlite_error.hpp"

namespace lizheng::store::sqlite {

// ---- Statement ----

Statement::Statement(Connection* owner, sqlite3_stmt* stmt, bool* in_use)
    : owner_(owner), stmt_(stmt), in_use_(in_use) {}

Statement::Statement(Statement&& other) noexcept
    : owner_(other.owner_), stmt_(std::exchange(other.stmt_, nullptr)), in_use_(other.in_use_) {}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  if (in_use_ == nullptr) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_clear_bindings(stmt_);
  *in_use_ = false;
}

Statement& Statement::BindInt(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::BindText(int index, std::string_view value) {
  // An empty view may have a null data(); SQLite would bind NULL for it.
  sqlite3_bind_text(stmt_, index, value.empty() ? "" : value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindTime(int index, Timestamp value) {
  return BindInt(index, value.time_since_epoch().count());
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::BindOptInt(int index, const std::optional<std::int64_t>& value) {
  return value ? BindInt(index, *value) : BindNull(index);
}

Statement& Statement::BindOptTime(int index, const std::optional<Timestamp>& value) {
  return value ? BindTime(index, *value) : BindNull(index);
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(owner_->handle(), rc, sqlite3_sql(stmt_));
}

Status Statement::Run() {
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return OkStatus();
  }
}

bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

std::int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

std::string Statement::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (p == nullptr) return {};
  return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string_view Statement::TextView(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (p == nullptr) return {};
  return std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

Timestamp Statement::Time(int col) const { return Timestamp{std::chrono::seconds{Int(col)}}; }

std::optional<std::int64_t> Statement::OptInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}

std::optional<Timestamp> Statement::OptTime(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Time(col);
}

// ---- Connection ----

namespace {

// lz_mask(text): the text with personal data masked, as the public reads it.
void MaskFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const int n = sqlite3_value_bytes(argv[0]);
  std::string masked = text::MaskPersonalData(std::string_view(bytes, static_cast<std::size_t>(n)));
  sqlite3_result_text64(ctx, masked.data(), masked.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::Open(const ConnectionOptions& options) {
  const bool read_only = options.mode == OpenMode::kReadOnly;
  // NOMUTEX: each connection is used by one thread at a time (see the class
  // comment), so SQLite's per-connection mutex would be pure overhead.
  const int flags = SQLITE_OPEN_NOMUTEX |
                    (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(options.path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error error = SqliteError(db, rc, "open " + options.path);
    sqlite3_close_v2(db);
    error.code = ErrorCode::kUnavailable;
    error.message =
        fmt::format("cannot open the database '{}': {}", options.path, sqlite3_errstr(rc));
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  std::unique_ptr<Connection> conn(new Connection(db));

  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  const int fn = sqlite3_create_function_v2(db, "lz_mask", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                            nullptr, MaskFunction, nullptr, nullptr, nullptr);
  if (fn != SQLITE_OK) return SqliteError(db, fn, "register lz_mask");
  if (!read_only) {
    LZ_ASSIGN_OR_RETURN(std::string journal, conn->QueryText("PRAGMA journal_mode=WAL"));
    if (journal != "wal") {
      return MakeError(
          ErrorCode::kUnavailable,
          fmt::format("the database '{}' cannot use write-ahead logging", options.path), "",
          "journal_mode is " + journal);
    }
  }
  LZ_RETURN_IF_ERROR(conn->Exec(options.synchronous_full ? "PRAGMA synchronous=FULL"
                                                         : "PRAGMA synchronous=NORMAL"));
  // A negative cache_size is in KiB. Temporary b-trees (UNION of queue
  // arms, COUNT(DISTINCT)) in memory: on disk they are ten times slower.
  LZ_RETURN_IF_ERROR(conn->Exec(
      fmt::format("PRAGMA cache_size=-{}; PRAGMA temp_store=MEMORY", options.cache_kib)));
  return conn;
}

Connection::~Connection() {
  for (auto& kv : cache_) sqlite3_finalize(kv.second.stmt);
  // close_v2 defers the close if a statement is somehow still alive.
  sqlite3_close_v2(db_);
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end() && !it->second.in_use) {
    it->second.in_use = true;
    return Statement(this, it->second.stmt, &it->second.in_use);
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, sql);
  if (it != cache_.end() || cache_.size() >= kMaxCachedStatements) {
    return Statement(this, stmt, nullptr);
  }
  // Map nodes never move, so the flag's address stays valid; entries live as
  // long as the connection.
  auto entry = cache_.emplace(std::string(sql), CacheEntry{stmt, true}).first;
  return Statement(this, stmt, &entry->second.in_use);
}

Status Connection::Exec(std::string_view sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, sql);
  return OkStatus();
}

Result<std::string> Connection::QueryText(std::string_view sql) {
  LZ_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql));
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::string();
  return stmt.Text(0);
}

}  // namespace lizheng::store::sqlite
