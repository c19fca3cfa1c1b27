// The attacks of the public-edge benchmark (issue 11), one function each,
// and what they count. Every attack runs its workers until `stop` is set and
// returns once they have all finished; none of them asserts anything: the
// figures are for the reader.
#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "raw_http.hpp"

namespace lizheng::bench {

// What an attack saw of the server. Thread-safe: workers add to it directly
// (counters) or hand over their latencies once at the end (AddLatencies).
struct Tally {
  std::atomic<long> connections{0};       // connections opened
  std::atomic<long> connect_failures{0};  // refused, reset or timed out connects
  std::atomic<long> closed_by_server{0};  // open connections the server closed on us
  std::atomic<long> answered_early{0};    // the server answered before the request was sent whole
  std::atomic<long> sent_whole{0};        // oversized requests sent to the end
  std::atomic<long> no_answer{0};         // requests with no complete answer
  std::atomic<long> bytes_sent{0};
  std::atomic<long> bytes_received{0};
  std::atomic<long> clients_served{0};  // clients that got at least one 200 (crowd)
  std::atomic<long> hits{0};            // guessed query codes that were accepted
  std::array<std::atomic<long>, 600> statuses{};

  void Count(const Response& r);
  void AddLatencies(const std::vector<double>& ms);
  // The non-zero counters, responses by status, responses per second and
  // the answers' latency percentiles over `seconds`.
  nlohmann::json Figures(double seconds) const;

 private:
  mutable std::mutex mu_;
  std::vector<double> latencies_ms_;  // guarded by mu_
};

// What an attack needs: where the server is, the address it attacks from,
// how many connections (workers) to use, and when to stop.
struct AttackContext {
  Endpoint target;
  std::string source;  // the attacker's source address, e.g. 127.0.0.2
  int connections = 1;
  std::atomic<bool>& stop;
};

// One attack of the benchmark with its default number of connections.
struct AttackSpec {
  const char* name;
  int connections;
  void (*run)(const AttackContext&, Tally&);
  const char* what;
  void (*prepare)() = nullptr;  // work done before the clock starts, if any
};

// The ten attacks, in the order of the issue.
const std::vector<AttackSpec>& Attacks();

// The attacks themselves (see Attacks() for what each does).
void Slowloris(const AttackContext& ctx, Tally& tally);
void IdleConnections(const AttackContext& ctx, Tally& tally);
void KeepAliveCrowd(const AttackContext& ctx, Tally& tally);
void ChunkedBody(const AttackContext& ctx, Tally& tally);
void GzipBomb(const AttackContext& ctx, Tally& tally);
void RangeParts(const AttackContext& ctx, Tally& tally);
void ManyHeaders(const AttackContext& ctx, Tally& tally);
void WrongLogins(const AttackContext& ctx, Tally& tally);
void QueryCodeGuessing(const AttackContext& ctx, Tally& tally);
void IntakeFlood(const AttackContext& ctx, Tally& tally);

// Builds the gzip bomb once, so that GzipBomb spends its time attacking.
void PrepareGzipBomb();

// Shared by the attacks (attack_support.cpp).

// Runs work(0) ... work(n-1) on n threads and joins them.
void RunWorkers(int n, const std::function<void(int)>& work);

// Opens a connection from `source`, retrying (with a short pause after each
// failure) until it succeeds or `stop` is set; counts both.
Connection Reopen(const AttackContext& ctx, const std::string& source, Tally& tally);

// One request on a keep-alive connection `c` (reopened when closed):
// sends `request`, reads the answer, counts it and its latency. Returns the
// answer (status 0: none within `answer_timeout`, or stopped).
Response Exchange(Connection& c, const AttackContext& ctx, const std::string& source,
                  const std::string& request, Tally& tally, std::vector<double>& latencies_ms,
                  std::size_t keep_body = 64 * 1024,
                  std::chrono::milliseconds answer_timeout = std::chrono::seconds(10));

// Sends an oversized request (head, then body pieces from `next_piece`
// until it returns empty) on a fresh connection and reads the answer,
// counting whether the server refused it early.
void SendOversized(const AttackContext& ctx, const std::string& head,
                   const std::function<std::string_view()>& next_piece, Tally& tally);

}  // namespace lizheng::bench
