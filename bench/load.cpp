// lz_load: an HTTP load generator for lizheng's benchmarks.
//
//   lz_load submit --port P [--clients 32] [--seconds 20]
//       citizen submissions, each with its own idempotency key; every 201 is
//       a durable acknowledgement (the server commits before answering).
//   lz_load queue --port P --token T [--clients 8] [--seconds 20] [--path URL]
//       the first page of a unit's queue.
//
// Prints one JSON object: requests, errors, seconds, per_second, latency
// percentiles in milliseconds. The same figures can be reproduced with wrk
// and a Lua script that sets a unique Idempotency-Key per request.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Options {
  std::string mode;
  std::string host = "127.0.0.1";
  int port = 0;
  int clients = 32;
  int seconds = 20;
  std::string token;
  std::string login;  // "username:password": sign in first and use the token
  std::string path = "/api/v1/work-orders?queue=to_sign_for&limit=20";
};

bool ParseArgs(int argc, char** argv, Options& o) {
  if (argc < 2) return false;
  o.mode = argv[1];
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--port") o.port = std::stoi(v);
    else if (k == "--host") o.host = v;
    else if (k == "--clients") o.clients = std::stoi(v);
    else if (k == "--seconds") o.seconds = std::stoi(v);
    else if (k == "--token") o.token = v;
    else if (k == "--login") o.login = v;
    else if (k == "--path") o.path = v;
    else return false;
  }
  return o.port > 0 && (o.mode == "submit" || o.mode == "queue");
}

const char* const kTitles[] = {"小区楼下烧烤店油烟扰民", "路口红绿灯时间太短", "公司拖欠三个月工资",
                               "共享单车押金迟迟不退", "学校周边占道施工有安全隐患"};

std::string SubmissionBody(int client, long n) {
  const std::string title = kTitles[(client + n) % 5];
  return R"({"type":"complaint","title":")" + title +
         R"(","detail":")" + title + "，请有关部门尽快处理。编号" + std::to_string(n) +
         R"(","area_code":"dh-01","address":"江川市东湖区滨江路18号","citizen":{"name":"测试","phone":"13800000000"},"consent_public":false})";
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!ParseArgs(argc, argv, o)) {
    std::cerr << "usage: lz_load submit|queue --port P [--clients N] [--seconds S] [--token T | --login U:P] [--path URL]\n";
    return 2;
  }
  if (!o.login.empty()) {
    const auto colon = o.login.find(':');
    httplib::Client cli(o.host, o.port);
    const std::string body = "{\"username\":\"" + o.login.substr(0, colon) + "\",\"password\":\"" +
                             o.login.substr(colon + 1) + "\"}";
    auto res = cli.Post("/api/v1/auth/login", body, "application/json");
    const std::string key = "\"token\":\"";
    const auto at = res ? res->body.find(key) : std::string::npos;
    if (!res || res->status != 200 || at == std::string::npos) {
      std::cerr << "login failed: " << (res ? res->body : "no connection") << "\n";
      return 1;
    }
    o.token = res->body.substr(at + key.size(), 64);
  }
  std::atomic<bool> stop{false};
  std::atomic<long> errors{0};
  std::mutex mu;
  std::vector<double> latencies;
  const auto run_id = std::chrono::steady_clock::now().time_since_epoch().count();

  auto worker = [&](int client) {
    httplib::Client cli(o.host, o.port);
    cli.set_tcp_nodelay(true);
    cli.set_keep_alive(true);
    cli.set_read_timeout(30);
    httplib::Headers headers;
    if (!o.token.empty()) headers.emplace("Authorization", "Bearer " + o.token);
    std::vector<double> mine;
    for (long n = 0; !stop.load(std::memory_order_relaxed); ++n) {
      const auto t0 = std::chrono::steady_clock::now();
      httplib::Headers h = headers;
      if (o.mode == "submit")
        h.emplace("Idempotency-Key", "bench-" + std::to_string(run_id) + "-" + std::to_string(client) + "-" +
                                         std::to_string(n));
      httplib::Result res = o.mode == "submit"
                                ? cli.Post("/api/v1/requests", h, SubmissionBody(client, n), "application/json")
                                : cli.Get(o.path, h);
      const auto t1 = std::chrono::steady_clock::now();
      const bool ok = res && (o.mode == "submit" ? res->status == 201 : res->status == 200);
      if (!ok) {
        if (errors.fetch_add(1) < 3)
          std::cerr << "error: " << (res ? std::to_string(res->status) + " " + res->body : "connection") << "\n";
        continue;
      }
      mine.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::lock_guard lock(mu);
    latencies.insert(latencies.end(), mine.begin(), mine.end());
  };

  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < o.clients; ++c) threads.emplace_back(worker, c);
  std::this_thread::sleep_for(std::chrono::seconds(o.seconds));
  stop = true;
  for (auto& t : threads) t.join();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::sort(latencies.begin(), latencies.end());
  auto pct = [&](double p) {
    if (latencies.empty()) return 0.0;
    const auto i = static_cast<std::size_t>(p * static_cast<double>(latencies.size() - 1));
    return latencies[i];
  };
  std::printf(
      "{\"mode\":\"%s\",\"clients\":%d,\"requests\":%zu,\"errors\":%ld,\"seconds\":%.2f,"
      "\"per_second\":%.0f,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f}\n",
      o.mode.c_str(), o.clients, latencies.size(), errors.load(), secs,
      static_cast<double>(latencies.size()) / secs, pct(0.5), pct(0.9), pct(0.99),
      latencies.empty() ? 0.0 : latencies.back());
  return errors.load() == 0 ? 0 : 1;
}
