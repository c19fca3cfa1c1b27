// The scheduled jobs: the daily warning of a missing working calendar,
// deadline warnings and overdue marks, then the analytics' refresh
// (retraining the classifier when it is stale), and the purge of expired
// sessions. Runs on
// its own thread in `lizheng serve`; tests call RunOnce with a simulated
// clock.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "lizheng/app/calendar_watch.hpp"
#include "lizheng/app/work_orders.hpp"

namespace lizheng::app {

class Scheduler {
 public:
  // `insights` may be null (no analytics to refresh); `calendars` may be
  // null (no calendar warnings).
  Scheduler(store::Store& store, WorkOrderService& work_orders, const TimeSource& time,
            std::chrono::seconds interval, Insights* insights = nullptr,
            CalendarWatch* calendars = nullptr);
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // One pass over every jurisdiction; returns the number of events written.
  Result<int> RunOnce();
  // Starts the background thread (idempotent); Stop joins it.
  void Start();
  void Stop();

 private:
  void Loop();

  store::Store& store_;
  WorkOrderService& work_orders_;
  const TimeSource& time_;
  std::chrono::seconds interval_;
  Insights* insights_;
  CalendarWatch* calendars_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace lizheng::app
