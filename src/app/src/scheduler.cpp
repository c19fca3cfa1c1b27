#include "lizheng/app/scheduler.hpp"

#include <iostream>

namespace lizheng::app {

Scheduler::Scheduler(store::Store& store, WorkOrderService& work_orders, const TimeSource& time,
                     std::chrono::seconds interval, Insights* insights, CalendarWatch* calendars)
    : store_(store),
      work_orders_(work_orders),
      time_(time),
      interval_(interval),
      insights_(insights),
      calendars_(calendars) {}

Scheduler::~Scheduler() { Stop(); }

Result<int> Scheduler::RunOnce() {
  std::vector<Jurisdiction> all;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(all, txn.ListJurisdictions());
    return OkStatus();
  }));
  if (calendars_) calendars_->WarnDaily(std::cerr);
  int written = 0;
  for (const Jurisdiction& j : all) {
    // Batches until nothing is due, so a backlog after downtime clears in
    // one pass.
    for (int batch = 0; batch < 1000; ++batch) {  // bounded: a bug must not spin forever
      LZ_ASSIGN_OR_RETURN(int n, work_orders_.CheckDeadlines(j.id));
      written += n;
      if (n == 0) break;
    }
  }
  // A session past its expiry signs no one in; its row only keeps a
  // token's hash. (Signing out deletes the row at once, so there are no
  // revoked sessions left to wait for.)
  auto purged = store_.Write([&](store::WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(std::int64_t n, txn.DeleteExpiredSessions(time_.Now()));
    (void)n;
    return OkStatus();
  });
  if (!purged.ok()) std::cerr << "scheduler: expired sessions: " << purged.error().message << "\n";
  // After the deadlines, which must not wait behind a training run.
  for (const Jurisdiction& j : all) {
    if (!insights_) break;
    auto report = insights_->Refresh(j.id);
    if (!report.ok()) {
      std::cerr << "scheduler: analytics of " << j.code << ": " << report.error().message << "\n";
    } else if (report->trained) {
      std::cerr << "scheduler: " << j.code << ": classifier retrained on " << report->messages
                << " labelled work orders in " << report->seconds << " s\n";
    }
  }
  return written;
}

void Scheduler::Start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void Scheduler::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    (void)RunOnce();  // a failed pass is retried at the next tick
    lock.lock();
    cv_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace lizheng::app
