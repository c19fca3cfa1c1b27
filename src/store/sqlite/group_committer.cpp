#include "group_committer.hpp"

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

#include "sqlite_txn.hpp"

namespace lizheng::store::sqlite {
namespace {

Status RunGuarded(const GroupCommitter::WriteFn& fn, WriteTxn& txn) {
  // A throwing function is a bug of its caller; it must not take the writer
  // thread (and every other caller) down with it.
  try {
    return fn(txn);
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal, "internal_error",
                     Text{"保存时发生内部错误，已记录日志", "internal error while saving"}, "",
                     std::string("write function threw: ") + e.what());
  } catch (...) {
    return MakeError(ErrorCode::kInternal, "internal_error",
                     Text{"保存时发生内部错误，已记录日志", "internal error while saving"}, "",
                     "write function threw a non-exception");
  }
}

// The error of a function whose writes were lost with its batch: the cause's
// own client message when it has one ("storage is full ..."), else a generic
// one. Always kUnavailable: the caller may retry.
Error BatchLost(const Error& cause) {
  const bool specific = cause.code == ErrorCode::kUnavailable && !cause.message.empty();
  const std::string detail = "the batch transaction was abandoned: " + cause.detail;
  if (specific && !cause.reason.empty())
    return MakeError(ErrorCode::kUnavailable, cause.reason, Text{cause.message_zh, cause.message},
                     "", detail);
  if (specific) return MakeError(ErrorCode::kUnavailable, cause.message, "", detail);
  return MakeError(ErrorCode::kUnavailable, "storage_unavailable",
                   Text{"存储暂时不可用，本次未保存任何内容，请稍后重试",
                        "storage is unavailable; nothing was saved, try again later"},
                   "", detail);
}

}  // namespace

GroupCommitter::GroupCommitter(std::unique_ptr<Connection> conn, int max_batch,
                               std::optional<LogKey> log_key)
    : conn_(std::move(conn)),
      max_batch_(static_cast<std::size_t>(std::max(1, max_batch))),
      log_key_(std::move(log_key)),
      writer_([this] { Loop(); }) {}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
}

Status GroupCommitter::Submit(WriteFn fn) {
  if (std::this_thread::get_id() == writer_.get_id()) {
    // Waiting for our own batch would deadlock the writer.
    return MakeError(ErrorCode::kInternal, "internal_error",
                     Text{"保存时发生内部错误，已记录日志", "internal error while saving"}, "",
                     "Store::Write called from inside a write function");
  }
  Job job{std::move(fn), {}};
  std::future<Status> done = job.done.get_future();
  {
    std::lock_guard lock(mu_);
    if (stopping_) {
      return MakeError(
          ErrorCode::kUnavailable, "shutting_down",
          Text{"服务器正在关闭，请稍后重试", "the server is shutting down; try again later"});
    }
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
  return done.get();
}

void GroupCommitter::Loop() {
  for (;;) {
    std::vector<Job> batch;
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every queued job has run
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    // Each round runs at least one job to completion, so this ends.
    while (!batch.empty()) batch = RunBatch(std::move(batch));
  }
}

Status GroupCommitter::RunInSavepoint(const WriteFn& fn, WriteTxn& txn,
                                      std::optional<Error>& lost) {
  if (Status savepoint = conn_->Exec("SAVEPOINT s"); !savepoint.ok()) {
    lost = savepoint.error();
    return savepoint;
  }
  Status result = RunGuarded(fn, txn);
  if (conn_->InAutocommit()) {
    // SQLite rolled the whole transaction back by itself (disk full, I/O
    // error): the earlier functions' writes are gone too.
    lost = result.ok() ? MakeError(ErrorCode::kUnavailable, "", "", "transaction rolled back")
                       : result.error();
    return result.ok() ? Status(BatchLost(*lost)) : result;
  }
  Status end = result.ok() ? conn_->Exec("RELEASE s") : conn_->Exec("ROLLBACK TO s");
  if (!result.ok() && end.ok()) end = conn_->Exec("RELEASE s");
  if (!end.ok()) {
    lost = end.error();
    return result.ok() ? end : result;
  }
  return result;
}

std::vector<GroupCommitter::Job> GroupCommitter::RunBatch(std::vector<Job> jobs) {
  if (Status begin = conn_->Exec("BEGIN IMMEDIATE"); !begin.ok()) {
    for (Job& job : jobs) job.done.set_value(begin.error());
    return {};
  }
  std::vector<Status> results;
  std::optional<Error> lost;  // set when the transaction cannot go on
  while (results.size() < jobs.size() && !lost) {
    // A txn per function: what it remembers (work-order digests) goes with
    // the function's savepoint if that is rolled back.
    SqliteTxn txn(*conn_, log_key_ ? &*log_key_ : nullptr);
    results.push_back(RunInSavepoint(jobs[results.size()].fn, txn, lost));
  }
  if (!lost) {
    if (Status commit = conn_->Exec("COMMIT"); !commit.ok()) lost = commit.error();
  }
  if (lost) {
    if (!conn_->InAutocommit()) (void)conn_->Exec("ROLLBACK");  // the loss is reported below
    // Whatever succeeded was rolled back with the transaction.
    for (Status& r : results) {
      if (r.ok()) r = BatchLost(*lost);
    }
  }
  for (std::size_t i = 0; i < results.size(); ++i) jobs[i].done.set_value(std::move(results[i]));
  // Jobs that never ran (the transaction was lost before them) are retried
  // in a fresh transaction.
  return std::vector<Job>(std::make_move_iterator(jobs.begin() + static_cast<long>(results.size())),
                          std::make_move_iterator(jobs.end()));
}

}  // namespace lizheng::store::sqlite
