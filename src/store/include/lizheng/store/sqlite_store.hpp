// The embedded backend: SQLite in WAL mode with group commit.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "lizheng/store/store.hpp"

namespace lizheng::store {

struct SqliteOptions {
  std::string path;             // database file; created if absent
  bool synchronous_full = true; // fsync at every commit (durable acknowledgement)
  int read_connections = 8;     // pooled read connections
  int max_batch = 256;          // write functions per group commit
  // The key of the event chain, kept outside the database. Required to
  // append events and to verify keyed ones; a store opened without it can
  // read and write everything else.
  std::optional<LogKey> log_key;
  // Refuse to open when log_key is not the key of the newest keyed events.
  // `verify-log` turns it off to report the mismatch event by event.
  bool check_log_key = true;
};

// Opens (creating and migrating if needed) the database. Fails with a clear
// message if the file cannot be opened or its schema is newer than ours, and
// (naming "log_key") if log_key is given but is not the key the database's
// newest keyed events were chained with.
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options);

}  // namespace lizheng::store
