#include "watch.hpp"

#include <algorithm>
#include <fstream>
#include <string>

namespace lizheng::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0.0;
  return sorted[static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1))];
}

nlohmann::json Mib(long kib) {
  return kib < 0 ? nlohmann::json() : nlohmann::json(kib / 1024);
}

}  // namespace

std::optional<double> HealthProber::Probe(const Endpoint& target,
                                          std::chrono::milliseconds timeout) {
  static const std::atomic<bool> kNever{false};
  std::atomic<long> bytes{0};
  const auto t0 = Clock::now();
  Connection c = Connection::Open(target, "", timeout);
  if (!c.valid()) return std::nullopt;
  const std::string request =
      BuildRequest("GET", "/api/v1/health", target, {{"Connection", "close"}});
  if (c.Send(request, kNever, bytes) != SendResult::kSent) return std::nullopt;
  const auto left =
      timeout - std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0);
  if (left.count() <= 0) return std::nullopt;
  const Response r = c.Read(left, kNever, bytes);
  if (r.status != 200) return std::nullopt;
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

void HealthProber::Start() {
  loop_ = std::thread([this] { Loop(); });
}

void HealthProber::Loop() {
  auto next = Clock::now();
  while (!stop_.load()) {
    std::thread probe([this] {
      const std::optional<double> ms = Probe(target_, timeout_);
      std::lock_guard lock(mu_);
      latencies_ms_.push_back(ms ? *ms : static_cast<double>(timeout_.count()));
      if (!ms) ++failures_;
    });
    {
      std::lock_guard lock(mu_);
      probes_.push_back(std::move(probe));
    }
    next += interval_;
    while (!stop_.load() && Clock::now() < next)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

void HealthProber::Stop() {
  if (stop_.exchange(true)) return;
  if (loop_.joinable()) loop_.join();
  for (std::thread& t : probes_) t.join();  // the loop is gone: no more pushes
}

nlohmann::json HealthProber::Figures() const {
  std::vector<double> sorted = latencies_ms_;
  std::sort(sorted.begin(), sorted.end());
  return {{"probes", sorted.size()},
          {"failures", failures_},
          {"p50_ms", Percentile(sorted, 0.50)},
          {"p99_ms", Percentile(sorted, 0.99)},
          {"max_ms", sorted.empty() ? 0.0 : sorted.back()}};
}

std::pair<long, long> MemorySampler::Read(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  long rss = -1, hwm = -1;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0)
      rss = std::stol(line.substr(6));
    else if (line.rfind("VmHWM:", 0) == 0)
      hwm = std::stol(line.substr(6));
  }
  return {rss, hwm};  // a zombie has no VmRSS line: gone
}

void MemorySampler::Start() {
  before_kib_ = Read(pid_).first;
  peak_kib_ = before_kib_.load();
  loop_ = std::thread([this] { Loop(); });
}

void MemorySampler::Loop() {
  while (!stop_.load()) {
    const auto [rss, hwm] = Read(pid_);
    if (rss < 0) {
      died_ = true;
      alarm_ = true;
      return;
    }
    peak_kib_ = std::max(peak_kib_.load(), rss);
    hwm_kib_ = hwm;
    if (rss > cap_kib_) {
      exceeded_ = true;
      alarm_ = true;
    }
    std::this_thread::sleep_for(interval_);
  }
}

void MemorySampler::Stop() {
  if (stop_.exchange(true)) return;
  if (loop_.joinable()) loop_.join();
  if (const long hwm = Read(pid_).second; hwm >= 0) hwm_kib_ = hwm;
}

nlohmann::json MemorySampler::Figures() const {
  return {{"before", Mib(before_kib_)}, {"peak", Mib(peak_kib_)}, {"hwm", Mib(hwm_kib_)}};
}

}  // namespace lizheng::bench
