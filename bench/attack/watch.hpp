// What the attack benchmark watches while an attack runs: the health
// endpoint, asked on a schedule the way a load balancer asks it, and the
// server's memory, read from /proc.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <vector>

#include "raw_http.hpp"

namespace lizheng::bench {

// Asks GET /api/v1/health every `interval` on a fresh connection from the
// default source address (127.0.0.1 on loopback), each probe in its own
// thread so that a hanging server does not thin out the schedule. A probe
// fails when no 200 arrives within `timeout`; in the percentiles a failed
// probe counts as `timeout`, so any failure rate above 1 % shows in p99.
class HealthProber {
 public:
  HealthProber(Endpoint target, std::chrono::milliseconds interval,
               std::chrono::milliseconds timeout)
      : target_(std::move(target)), interval_(interval), timeout_(timeout) {}
  ~HealthProber() { Stop(); }

  void Start();
  // Stops probing and waits for the probes in flight. Idempotent.
  void Stop();
  // {"probes", "failures", "p50_ms", "p99_ms", "max_ms"}; call after Stop.
  nlohmann::json Figures() const;

  // One probe now: its latency, or nullopt when it failed within `timeout`.
  static std::optional<double> Probe(const Endpoint& target, std::chrono::milliseconds timeout);

 private:
  void Loop();

  Endpoint target_;
  std::chrono::milliseconds interval_, timeout_;
  std::atomic<bool> stop_{false};
  std::thread loop_;
  std::mutex mu_;
  std::vector<std::thread> probes_;   // guarded by mu_
  std::vector<double> latencies_ms_;  // guarded by mu_; failures as timeout_
  long failures_ = 0;                 // guarded by mu_
};

// Samples VmRSS of process `pid` every `interval`. Sets `alarm` (the
// attack's stop flag) when the server's resident memory passes `cap_kib`
// ("exceeded") or the process is gone ("died").
class MemorySampler {
 public:
  MemorySampler(pid_t pid, long cap_kib, std::chrono::milliseconds interval,
                std::atomic<bool>& alarm)
      : pid_(pid), cap_kib_(cap_kib), interval_(interval), alarm_(alarm) {}
  ~MemorySampler() { Stop(); }

  void Start();
  void Stop();
  bool exceeded() const { return exceeded_.load(); }
  bool died() const { return died_.load(); }
  // {"before", "peak", "hwm"} in MiB: VmRSS at Start, the largest VmRSS
  // sampled, and the kernel's high-water mark VmHWM at Stop (over the
  // server's whole life). Null figures when the process was unreadable.
  nlohmann::json Figures() const;

  // VmRSS and VmHWM of `pid` in KiB, or {-1, -1} when it is gone.
  static std::pair<long, long> Read(pid_t pid);

 private:
  void Loop();

  pid_t pid_;
  long cap_kib_;
  std::chrono::milliseconds interval_;
  std::atomic<bool>& alarm_;
  std::atomic<bool> stop_{false}, exceeded_{false}, died_{false};
  std::atomic<long> before_kib_{-1}, peak_kib_{-1}, hwm_kib_{-1};
  std::thread loop_;
};

}  // namespace lizheng::bench
