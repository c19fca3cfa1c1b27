// The tally and the socket routines the attacks share.
#include <algorithm>
#include <thread>

#include "attacks.hpp"

namespace lizheng::bench {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds kConnectTimeout{2000};
constexpr milliseconds kOversizedTimeout{60000};  // the answer to a huge request: the attack's end
constexpr milliseconds kRetryPause{100};

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0.0;
  return sorted[static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1))];
}

}  // namespace

void Tally::Count(const Response& r) {
  if (r.status <= 0 || r.status >= static_cast<int>(statuses.size())) {
    ++no_answer;
    return;
  }
  ++statuses[static_cast<std::size_t>(r.status)];
}

void Tally::AddLatencies(const std::vector<double>& ms) {
  std::lock_guard lock(mu_);
  latencies_ms_.insert(latencies_ms_.end(), ms.begin(), ms.end());
}

nlohmann::json Tally::Figures(double seconds) const {
  nlohmann::json out = nlohmann::json::object();
  const std::pair<const char*, const std::atomic<long>*> counters[] = {
      {"connections", &connections},
      {"connect_failures", &connect_failures},
      {"closed_by_server", &closed_by_server},
      {"answered_early", &answered_early},
      {"sent_whole", &sent_whole},
      {"no_answer", &no_answer},
      {"bytes_sent", &bytes_sent},
      {"bytes_received", &bytes_received},
      {"clients_served", &clients_served},
      {"hits", &hits}};
  for (const auto& [name, value] : counters)
    if (value->load() != 0) out[name] = value->load();
  long responses = 0;
  nlohmann::json by_status = nlohmann::json::object();
  for (std::size_t s = 0; s < statuses.size(); ++s)
    if (const long n = statuses[s].load(); n > 0) {
      by_status[std::to_string(s)] = n;
      responses += n;
    }
  out["responses"] = responses;
  out["responses_per_second"] = seconds > 0 ? static_cast<double>(responses) / seconds : 0.0;
  out["statuses"] = by_status;
  std::lock_guard lock(mu_);
  if (!latencies_ms_.empty()) {
    std::vector<double> sorted = latencies_ms_;
    std::sort(sorted.begin(), sorted.end());
    out["p50_ms"] = Percentile(sorted, 0.50);
    out["p99_ms"] = Percentile(sorted, 0.99);
    out["max_ms"] = sorted.back();
  }
  return out;
}

const std::vector<AttackSpec>& Attacks() {
  static const std::vector<AttackSpec> kAttacks = {
      {"slowloris", 64, Slowloris, "connections that send one header line every 4 s"},
      {"idle", 200, IdleConnections, "TCP connections that send nothing"},
      {"crowd", 200, KeepAliveCrowd,
       "ordinary keep-alive clients, one address each, asking for /api/v1/health and the public "
       "list"},
      {"chunked", 4, ChunkedBody, "300 MiB chunked POST bodies, streamed in parallel"},
      {"gzip", 4, GzipBomb, "Content-Encoding: gzip bodies of ~200 KB that inflate to 200 MiB",
       PrepareGzipBomb},
      {"range", 4, RangeParts, "900-part Range headers on the public list"},
      {"headers", 2, ManyHeaders, "requests with 400,000 headers"},
      {"login", 64, WrongLogins, "concurrent wrong passwords for admin"},
      {"guess", 8, QueryCodeGuessing,
       "query-code guesses for a real tracking number and its neighbours"},
      {"flood", 8, IntakeFlood, "anonymous near-identical submissions from one address"},
  };
  return kAttacks;
}

void RunWorkers(int n, const std::function<void(int)>& work) {
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) threads.emplace_back(work, i);
  for (std::thread& t : threads) t.join();
}

Connection Reopen(const AttackContext& ctx, const std::string& source, Tally& tally) {
  while (!ctx.stop.load()) {
    Connection c = Connection::Open(ctx.target, source, kConnectTimeout);
    if (c.valid()) {
      ++tally.connections;
      return c;
    }
    ++tally.connect_failures;
    std::this_thread::sleep_for(kRetryPause);
  }
  return Connection();
}

Response Exchange(Connection& c, const AttackContext& ctx, const std::string& source,
                  const std::string& request, Tally& tally, std::vector<double>& latencies_ms,
                  std::size_t keep_body, std::chrono::milliseconds answer_timeout) {
  // A reused keep-alive connection may have been closed by the server while
  // idle; that is no refusal, so it gets one retry on a fresh connection.
  for (int attempt = 0; attempt < 2 && !ctx.stop.load(); ++attempt) {
    const bool reused = c.valid();
    if (!reused && !(c = Reopen(ctx, source, tally)).valid()) break;
    const auto t0 = Clock::now();
    std::atomic<long> received{0};
    const SendResult sent = c.Send(request, ctx.stop, tally.bytes_sent);
    Response r;
    if (sent == SendResult::kSent || sent == SendResult::kPeerAnswered)
      r = c.Read(answer_timeout, ctx.stop, received, keep_body);
    tally.bytes_received += received.load();
    if (r.status == 0) {
      c.Close();
      if (ctx.stop.load()) break;
      if (reused && received.load() == 0) continue;
      tally.Count(r);  // refused, reset or no answer in time
      std::this_thread::sleep_for(kRetryPause);
      return r;
    }
    latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    tally.Count(r);
    if (!r.keep_alive) c.Close();
    return r;
  }
  return Response{};
}

void SendOversized(const AttackContext& ctx, const std::string& head,
                   const std::function<std::string_view()>& next_piece, Tally& tally) {
  Connection c = Reopen(ctx, ctx.source, tally);
  if (!c.valid()) return;
  SendResult sent = c.Send(head, ctx.stop, tally.bytes_sent);
  for (std::string_view piece = next_piece(); sent == SendResult::kSent && !piece.empty();
       piece = next_piece())
    sent = c.Send(piece, ctx.stop, tally.bytes_sent);
  switch (sent) {
    case SendResult::kStopped: return;
    case SendResult::kPeerClosed: ++tally.closed_by_server; return;
    case SendResult::kPeerAnswered: ++tally.answered_early; break;
    case SendResult::kSent: ++tally.sent_whole; break;
  }
  const Response r = c.Read(kOversizedTimeout, ctx.stop, tally.bytes_received, 0);
  if (r.status != 0 || !ctx.stop.load()) tally.Count(r);  // not cut short by the end
}

}  // namespace lizheng::bench
