// lz_attack: one attack of issue 11 against a live `lizheng serve`, with the
// health endpoint probed and the server's memory sampled meanwhile.
//
//   lz_attack ATTACK --port P [--pid PID] [flags]     (lz_attack --help)
//
// Prints one JSON object: the health probes' p50/p99/max and failures during
// the attack, the server's resident memory (MiB: before, the peak VmRSS
// sampled from the attack's start until health answered again, VmHWM), what
// the attacker saw (connections, answers by status, ...) and how long health
// took to answer again afterwards. It asserts nothing.
// Exit status: 0 done, 2 bad usage, 3 the server died or stopped answering,
// 4 the attack was cut short because the server's memory passed the cap.
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

#include "attacks.hpp"
#include "watch.hpp"

namespace {

using namespace lizheng::bench;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int kExitUsage = 2;
constexpr int kExitServerDown = 3;
constexpr int kExitMemoryCap = 4;

struct Options {
  const AttackSpec* attack = nullptr;
  Endpoint target;
  std::string source = "127.0.0.2";
  int seconds = 20;
  int connections = 0;  // 0: the attack's default
  pid_t pid = 0;
  long rss_cap_mib = 3072;
  int probe_every_ms = 250;
  int probe_timeout_ms = 2000;
  int recover_seconds = 30;
};

void PrintUsage(std::ostream& out) {
  out << "usage: lz_attack ATTACK --port P [--host 127.0.0.1] [--pid PID] [--seconds 20]\n"
         "                 [--connections N] [--from 127.0.0.2] [--rss-cap-mib 3072]\n"
         "                 [--probe-every-ms 250] [--probe-timeout-ms 2000] [--recover-seconds "
         "30]\n"
         "\n"
         "Runs ATTACK against the server for --seconds while GET /api/v1/health is asked every\n"
         "--probe-every-ms on a fresh connection from 127.0.0.1 (a probe without a 200 within\n"
         "--probe-timeout-ms fails, and counts as that long in the percentiles), and, with\n"
         "--pid, the server's VmRSS is sampled from /proc every 100 ms; the attack stops early\n"
         "when it passes --rss-cap-mib. The attacker connects from --from (another loopback\n"
         "address, so the server can tell it from the prober); the crowd uses 127.0.1.x.\n"
         "Prints one JSON line. Exit 3: the server died or did not answer health within\n"
         "--recover-seconds after the attack; exit 4: memory cap reached.\n"
         "\n"
         "ATTACK (default connections):\n";
  for (const AttackSpec& a : Attacks()) {
    char line[160];
    std::snprintf(line, sizeof line, "  %-10s %4d  %s\n", a.name, a.connections, a.what);
    out << line;
  }
}

bool ParseArgs(int argc, char** argv, Options& o) {
  if (argc < 2) return false;
  for (const AttackSpec& a : Attacks())
    if (argv[1] == std::string(a.name)) o.attack = &a;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    try {
      if (k == "--port")
        o.target.port = std::stoi(v);
      else if (k == "--host")
        o.target.host = v;
      else if (k == "--from")
        o.source = v;
      else if (k == "--pid")
        o.pid = std::stoi(v);
      else if (k == "--seconds")
        o.seconds = std::stoi(v);
      else if (k == "--connections")
        o.connections = std::stoi(v);
      else if (k == "--rss-cap-mib")
        o.rss_cap_mib = std::stol(v);
      else if (k == "--probe-every-ms")
        o.probe_every_ms = std::stoi(v);
      else if (k == "--probe-timeout-ms")
        o.probe_timeout_ms = std::stoi(v);
      else if (k == "--recover-seconds")
        o.recover_seconds = std::stoi(v);
      else
        return false;
    } catch (const std::exception&) {
      std::cerr << k << ": not a number: '" << v << "'\n";
      return false;
    }
  }
  if (argc % 2 != 0) return false;  // a flag without its value
  if (o.attack && o.connections <= 0) o.connections = o.attack->connections;
  return o.attack && o.target.port > 0 && o.seconds > 0 && o.probe_every_ms > 0 &&
         o.probe_timeout_ms > 0;
}

// Milliseconds until health answers 200 again, or -1 after `limit`.
double TimeToRecover(const Endpoint& target, std::chrono::seconds limit) {
  const auto t0 = Clock::now();
  while (Clock::now() - t0 < limit) {
    if (HealthProber::Probe(target, milliseconds(1000)))
      return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    std::this_thread::sleep_for(milliseconds(100));
  }
  return -1;
}

int Run(const Options& o) {
  if (TimeToRecover(o.target, std::chrono::seconds(o.recover_seconds)) < 0) {
    std::cerr << "lz_attack: the server does not answer GET /api/v1/health on port "
              << o.target.port << "\n";
    return kExitServerDown;
  }
  if (o.attack->prepare) o.attack->prepare();
  std::atomic<bool> stop{false};
  Tally tally;
  const AttackContext ctx{o.target, o.source, o.connections, stop};
  HealthProber prober(o.target, milliseconds(o.probe_every_ms), milliseconds(o.probe_timeout_ms));
  MemorySampler memory(o.pid, o.rss_cap_mib * 1024, milliseconds(100), stop);
  if (o.pid > 0) memory.Start();
  prober.Start();
  const auto t0 = Clock::now();
  std::thread attack([&] { o.attack->run(ctx, tally); });
  while (!stop.load() && Clock::now() - t0 < std::chrono::seconds(o.seconds))
    std::this_thread::sleep_for(milliseconds(20));
  stop = true;
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  prober.Stop();
  attack.join();
  // Memory is still sampled while the server works off what the attack left
  // (queued password hashes, bodies being parsed) until health answers.
  const double recovered_ms = TimeToRecover(o.target, std::chrono::seconds(o.recover_seconds));
  memory.Stop();
  const bool alive = o.pid <= 0 || MemorySampler::Read(o.pid).first >= 0;
  nlohmann::ordered_json out = {
      {"attack", o.attack->name},
      {"connections", o.connections},
      {"seconds", seconds},
      {"health", prober.Figures()},
      {"rss_mib", o.pid > 0 ? memory.Figures() : nlohmann::json()},
      {"exceeded", memory.exceeded()},
      {"server_alive", alive},
      {"recovered_ms", recovered_ms < 0 ? nlohmann::json() : nlohmann::json(recovered_ms)},
      {"traffic", tally.Figures(seconds)}};
  std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
  if (!alive || recovered_ms < 0) return kExitServerDown;
  return memory.exceeded() ? kExitMemoryCap : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (argv[1] == std::string("--help") || argv[1] == std::string("-h"))) {
    PrintUsage(std::cout);
    return 0;
  }
  Options o;
  if (!ParseArgs(argc, argv, o)) {
    PrintUsage(std::cerr);
    return kExitUsage;
  }
  signal(SIGPIPE, SIG_IGN);
  return Run(o);
}
