// The embedded backend: SQLite in WAL mode with group commit.
#pragma once

#include <memory>
#include <string>

#include "lizheng/store/store.hpp"

namespace lizheng::store {

struct SqliteOptions {
  std::string path;             // database file; created if absent
  bool synchronous_full = true; // fsync at every commit (durable acknowledgement)
  int read_connections = 8;     // pooled read connections
  int max_batch = 256;          // write functions per group commit
};

// Opens (creating and migrating if needed) the database. Fails with a clear
// message if the file cannot be opened or its schema is newer than ours.
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options);

}  // namespace lizheng::store
