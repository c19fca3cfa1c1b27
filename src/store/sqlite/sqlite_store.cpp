// The SQLite Store: a pool of read connections, one group-committing writer,
// and the whole-database operations (chain verification, online backup).
#include "lizheng/store/sqlite_store.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <exception>
#include <filesystem>
#include <system_error>

#include "event_rows.hpp"
#include "group_committer.hpp"
#include "migrations.hpp"
#include "read_pool.hpp"
#include "sqlite_txn.hpp"

namespace lizheng::store {
namespace {

using sqlite::Connection;

Status RunReadGuarded(const std::function<Status(ReadTxn&)>& fn, ReadTxn& txn) {
  try {
    return fn(txn);
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal, "internal_error",
                     Text{"读取时发生内部错误，已记录日志", "internal error while reading"}, "",
                     std::string("read function threw: ") + e.what());
  } catch (...) {
    return MakeError(ErrorCode::kInternal, "internal_error",
                     Text{"读取时发生内部错误，已记录日志", "internal error while reading"}, "",
                     "read function threw a non-exception");
  }
}

// Runs `fn` inside BEGIN ... COMMIT: a deferred transaction, so all its
// reads see one snapshot (WAL readers never block the writer).
Status InSnapshot(Connection& conn, const std::function<Status()>& fn) {
  LZ_RETURN_IF_ERROR(conn.Exec("BEGIN"));
  Status result = fn();
  Status end = conn.Exec("COMMIT");
  if (!end.ok() && !conn.InAutocommit()) (void)conn.Exec("ROLLBACK");  // end's error wins
  return result.ok() ? end : result;
}

// Makes a finished backup file durable: its bytes, then its directory entry.
Status SyncFile(const std::string& path) {
  for (const std::string& target : {path, std::filesystem::absolute(path).parent_path().string()}) {
    const int fd = ::open(target.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) {
      if (fd >= 0) ::close(fd);
      return MakeError(ErrorCode::kUnavailable,
                       fmt::format("backup: cannot flush '{}' to disk", target), "path");
    }
    ::close(fd);
  }
  return OkStatus();
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<sqlite::ReadPool> readers,
              std::unique_ptr<sqlite::GroupCommitter> writer, int schema_version,
              std::optional<LogKey> log_key)
      : writer_(std::move(writer)),
        readers_(std::move(readers)),
        schema_version_(schema_version),
        log_key_(std::move(log_key)) {}

  Status Read(const std::function<Status(ReadTxn&)>& fn) override {
    return readers_->With([&fn](Connection& conn) {
      return InSnapshot(conn, [&] {
        sqlite::SqliteTxn txn(conn);
        return RunReadGuarded(fn, txn);
      });
    });
  }

  Status Write(std::function<Status(WriteTxn&)> fn) override {
    return writer_->Submit(std::move(fn));
  }

  Result<std::vector<ChainReport>> VerifyChains(const std::vector<ChainAnchor>& anchors) override {
    std::vector<ChainReport> reports;
    const LogKey* key = log_key_ ? &*log_key_ : nullptr;
    LZ_RETURN_IF_ERROR(readers_->With([&reports, &anchors, key](Connection& conn) {
      return InSnapshot(conn, [&]() -> Status {
        LZ_ASSIGN_OR_RETURN(std::vector<JurisdictionId> ids, sqlite::ChainJurisdictions(conn));
        for (JurisdictionId j : ids) {
          const ChainAnchor* anchor = nullptr;
          for (const ChainAnchor& a : anchors)
            if (a.jurisdiction == j) anchor = &a;
          LZ_ASSIGN_OR_RETURN(ChainReport report, sqlite::VerifyChain(conn, j, anchor, key));
          reports.push_back(std::move(report));
        }
        return OkStatus();
      });
    }));
    return reports;
  }

  Status Backup(const std::string& path) override {
    if (path.empty()) {
      return MakeError(ErrorCode::kInvalidArgument, "backup: a file name is required", "path");
    }
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (ec) {
      return MakeError(ErrorCode::kUnavailable, fmt::format("backup: cannot check '{}'", path),
                       "path", ec.message());
    }
    if (exists) {
      return MakeError(ErrorCode::kConflict,
                       fmt::format("backup: '{}' exists already; choose a new file name", path),
                       "path");
    }
    // VACUUM INTO reads one snapshot through a read connection, so writers
    // carry on while the copy is made. It cannot run inside a transaction.
    Status copied = readers_->With([&path](Connection& conn) -> Status {
      LZ_ASSIGN_OR_RETURN(sqlite::Statement stmt, conn.Prepare("VACUUM INTO ?1"));
      return stmt.BindText(1, path).Run();
    });
    if (!copied.ok()) {
      std::filesystem::remove(path, ec);  // never leave a partial backup behind
      Error error = copied.error();
      error.message = fmt::format("backup to '{}' failed: {}", path, error.message);
      return error;
    }
    return SyncFile(path);
  }

  int SchemaVersion() const override { return schema_version_; }

 private:
  // Readers are destroyed first, so the writer (which drains pending writes)
  // closes the last connection: SQLite then checkpoints and removes the WAL.
  std::unique_ptr<sqlite::GroupCommitter> writer_;
  std::unique_ptr<sqlite::ReadPool> readers_;
  const int schema_version_;
  const std::optional<LogKey> log_key_;
};

Status ValidateOptions(const SqliteOptions& options) {
  if (options.path.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "database: a file path is required", "path");
  }
  if (options.read_connections < 1) {
    return MakeError(ErrorCode::kInvalidArgument, "read_connections: must be at least 1",
                     "read_connections");
  }
  if (options.max_batch < 1) {
    return MakeError(ErrorCode::kInvalidArgument, "max_batch: must be at least 1", "max_batch");
  }
  return OkStatus();
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options) {
  LZ_RETURN_IF_ERROR(ValidateOptions(options));
  sqlite::ConnectionOptions connection_options;
  connection_options.path = options.path;
  connection_options.synchronous_full = options.synchronous_full;
  sqlite::ConnectionOptions write_options = connection_options;
  // Every index page a write touches goes through the writer's cache.
  write_options.cache_kib = 64 * 1024;
  LZ_ASSIGN_OR_RETURN(std::unique_ptr<Connection> write_conn, Connection::Open(write_options));
  LZ_ASSIGN_OR_RETURN(int version, sqlite::Migrate(*write_conn));
  if (options.log_key && options.check_log_key) LZ_RETURN_IF_ERROR(sqlite::CheckLogKey(*write_conn, *options.log_key));
  // Readers open after the migration, so they never see a half-made schema.
  LZ_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::ReadPool> readers,
                      sqlite::ReadPool::Open(connection_options, options.read_connections));
  auto writer = std::make_unique<sqlite::GroupCommitter>(std::move(write_conn), options.max_batch,
                                                         options.log_key);
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(
      std::move(readers), std::move(writer), version, options.log_key));
}

}  // namespace lizheng::store
