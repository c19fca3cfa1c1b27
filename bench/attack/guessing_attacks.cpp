// Attacks by volume from one client: wrong logins, query-code guessing and
// an anonymous intake flood.
#include <chrono>
#include <random>

#include "attacks.hpp"

namespace lizheng::bench {
namespace {

using Clock = std::chrono::steady_clock;
using Headers = std::vector<std::pair<std::string, std::string>>;

// Runs `request_of(worker, n)` as ordinary keep-alive requests on every
// worker until stop; `on_answer` sees each answer.
void Hammer(const AttackContext& ctx, Tally& tally,
            const std::function<std::string(int, long)>& request_of,
            const std::function<void(const Response&)>& on_answer = {}) {
  RunWorkers(ctx.connections, [&](int worker) {
    Connection c;
    std::vector<double> latencies;
    for (long n = 0; !ctx.stop.load(); ++n) {
      const Response r = Exchange(c, ctx, ctx.source, request_of(worker, n), tally, latencies);
      if (on_answer) on_answer(r);
    }
    tally.AddLatencies(latencies);
  });
}

// A real receipt to guess at: {tracking number, query code}. When intake is
// refused, a made-up number and an eight-digit code shape.
std::pair<std::string, std::string> FileOneRequest(const AttackContext& ctx) {
  const std::string body =
      R"({"type":"consult","title":"公积金提取需要哪些材料","detail":"想咨询公积金提取流程。",)"
      R"("area_code":"dh-01","consent_public":false})";
  Tally scratch;
  std::vector<double> latencies;
  Connection c;
  const Response r = Exchange(c, ctx, "",
                              BuildRequest("POST", "/api/v1/requests", ctx.target,
                                           {{"Content-Type", "application/json"}}, body),
                              scratch, latencies);
  const std::string number = JsonStringField(r.body, "tracking_no");
  const std::string code = JsonStringField(r.body, "query_code");
  if (number.empty() || code.empty()) return {"20260101000001", "00000000"};
  return {number, code};
}

// A random code of the same shape as `real`: digits for digits, letters for
// letters.
std::string GuessLike(const std::string& real, std::mt19937_64& rng) {
  std::string guess = real;
  for (char& ch : guess) {
    if (ch >= '0' && ch <= '9')
      ch = static_cast<char>('0' + rng() % 10);
    else if (ch >= 'A' && ch <= 'Z')
      ch = static_cast<char>('A' + rng() % 26);
    else if (ch >= 'a' && ch <= 'z')
      ch = static_cast<char>('a' + rng() % 26);
  }
  return guess;
}

// The tracking number `back` places before `number` when its trailing
// digits are a sequence (they are today), else `number` itself.
std::string Neighbour(const std::string& number, long back) {
  std::size_t at = number.size();
  while (at > 0 && number[at - 1] >= '0' && number[at - 1] <= '9' && number.size() - at < 12) --at;
  const std::string digits = number.substr(at);
  if (digits.empty()) return number;
  const long long value = std::stoll(digits) - back;
  if (value < 1) return number;
  std::string tail = std::to_string(value);
  tail.insert(0, digits.size() - std::min(digits.size(), tail.size()), '0');
  return number.substr(0, at) + tail;
}

}  // namespace

void WrongLogins(const AttackContext& ctx, Tally& tally) {
  Hammer(ctx, tally, [&](int worker, long n) {
    const std::string body = R"({"username":"admin","password":"wrong-)" + std::to_string(worker) +
                             "-" + std::to_string(n) + R"("})";
    return BuildRequest("POST", "/api/v1/auth/login", ctx.target,
                        {{"Content-Type", "application/json"}}, body);
  });
}

void QueryCodeGuessing(const AttackContext& ctx, Tally& tally) {
  const auto [number, code] = FileOneRequest(ctx);
  // Half the workers guess the code of the known number, the other half
  // spray guesses over the numbers before it (a lock on one number does
  // not stop those).
  std::vector<std::mt19937_64> rngs;
  for (int i = 0; i < ctx.connections; ++i)
    rngs.emplace_back(static_cast<std::uint64_t>(Clock::now().time_since_epoch().count()) + i);
  Hammer(
      ctx, tally,
      [&](int worker, long n) {
        const std::string target = worker % 2 == 0 ? number : Neighbour(number, 1 + n % 1000);
        return BuildRequest("GET", "/api/v1/requests/" + target, ctx.target,
                            {{"X-Query-Code", GuessLike(code, rngs[worker])}});
      },
      [&](const Response& r) {
        if (r.status == 200) ++tally.hits;
      });
}

void IntakeFlood(const AttackContext& ctx, Tally& tally) {
  const auto run = Clock::now().time_since_epoch().count();
  Hammer(ctx, tally, [&](int worker, long n) {
    // Near-identical alarming posts, as a flood of fake reports would be.
    const std::string body =
        R"({"type":"report","title":"滨江路小区燃气泄漏味道很大","detail":"闻到很浓的燃气味，)"
        R"(请马上派人处理。)" +
        std::to_string(n) +
        R"(","area_code":"dh-01","address":"江川市东湖区滨江路18号","consent_public":true})";
    const Headers headers = {
        {"Content-Type", "application/json"},
        {"Idempotency-Key",
         "flood-" + std::to_string(run) + "-" + std::to_string(worker) + "-" + std::to_string(n)}};
    return BuildRequest("POST", "/api/v1/requests", ctx.target, headers, body);
  });
}

}  // namespace lizheng::bench
