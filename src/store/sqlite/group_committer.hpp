// Group commit: one writer thread owns the only write connection. Callers
// queue a function and block; the writer runs up to max_batch queued
// functions in one IMMEDIATE transaction, each inside its own savepoint, and
// makes them durable with a single COMMIT -- one fsync for the whole batch.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "connection.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::store::sqlite {

class GroupCommitter {
 public:
  using WriteFn = std::function<Status(WriteTxn&)>;

  // Takes the write connection (already migrated) and starts the writer.
  // Events are appended with `log_key`; without one, appending fails.
  GroupCommitter(std::unique_ptr<Connection> conn, int max_batch,
                 std::optional<LogKey> log_key = std::nullopt);
  // Runs every queued function, then stops and joins the writer.
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Runs `fn` and returns once its batch is committed (or has failed): its
  // own error if it failed (its writes undone, the batch unaffected); an
  // error for everyone if the batch could not commit; kInternal if it threw.
  // Any thread except the writer itself (a function must not call Write).
  Status Submit(WriteFn fn);

 private:
  struct Job {
    WriteFn fn;
    std::promise<Status> done;
  };

  void Loop();
  // Runs one function inside its own savepoint: undone if it fails. Sets
  // `lost` when the batch transaction cannot go on.
  Status RunInSavepoint(const WriteFn& fn, WriteTxn& txn, std::optional<Error>& lost);
  // Runs jobs in one transaction; returns the ones that did not get to run
  // because SQLite abandoned the transaction midway (they are retried).
  std::vector<Job> RunBatch(std::vector<Job> jobs);

  std::unique_ptr<Connection> conn_;
  const std::size_t max_batch_;
  const std::optional<LogKey> log_key_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Job> queue_;  // guarded by mu_
  bool stopping_ = false;  // guarded by mu_
  std::thread writer_;     // started last, after every member above exists
};

}  // namespace lizheng::store::sqlite
