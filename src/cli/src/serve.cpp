// `lizheng serve`: the composition root of a running platform. Builds every
// component from the flags and wires them by constructor.
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include "commands.hpp"
#include "flags.hpp"
#include "log_key_file.hpp"
#include "lizheng/api/http_server.hpp"
#include "lizheng/app/scheduler.hpp"
#include "lizheng/store/sqlite_store.hpp"

namespace lizheng::cli {
namespace {

// The server to stop on SIGINT/SIGTERM. Signal handlers cannot capture, so
// this one pointer is the exception to "no globals".
api::HttpServer* g_server = nullptr;

extern "C" void OnSignal(int) {
  if (g_server) g_server->Stop();
}

// The address the public reaches the server at (behind a proxy that ends
// TLS it differs from --host/--port): "https://host[:port][/path]" or
// "http://...". Returns whether it is https; an error names the flag.
Result<bool> PublicUrlIsHttps(const std::string& url) {
  const bool https = url.rfind("https://", 0) == 0;
  if (https || url.rfind("http://", 0) == 0) {
    const std::string rest = url.substr(https ? 8 : 7);
    const std::string host = rest.substr(0, rest.find_first_of("/?#"));
    if (!host.empty() && host.front() != ':' && url.find_first_of(" \t\r\n") == std::string::npos)
      return https;
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "--public-url: expected an absolute http:// or https:// URL such as "
                   "https://12345.example.gov.cn, got '" +
                       url + "'",
                   "public-url");
}

}  // namespace

int Serve(const Args& args) {
  auto flags = Flags::Parse(
      args, {"db", "host", "port", "port-file", "threads", "web", "sync", "scheduler-interval",
             "max-body", "retrain-hours", "dictionary", "now", "public-url", "head-timeout",
             "body-timeout", "idle-timeout", "max-connections", "max-connections-per-address",
             "trusted-proxy", "rate-limits", "log-key"});
  if (!flags.ok()) {
    std::cerr << "lizheng serve: " << flags.error().message << "\n";
    return 2;
  }
  auto port = flags->GetInt("port", 8080, 0, 65535);
  auto threads = flags->GetInt("threads", 0, 0, 1024);
  auto head_timeout = flags->GetInt("head-timeout", 10, 1, 3600);
  auto body_timeout = flags->GetInt("body-timeout", 30, 1, 3600);
  auto idle_timeout = flags->GetInt("idle-timeout", 10, 1, 3600);
  auto max_connections = flags->GetInt("max-connections", 10000, 1, 1000000);
  auto per_address = flags->GetInt("max-connections-per-address", 64, 1, 1000000);
  auto interval = flags->GetInt("scheduler-interval", 60, 1, 86400);
  auto max_body = flags->GetInt("max-body", 256 * 1024, 1024, 64 * 1024 * 1024);
  auto retrain = flags->GetInt("retrain-hours", 24, 1, 24 * 365);
  const std::string sync = flags->GetOr("sync", "full");
  for (const auto* r : {&port, &threads, &interval, &max_body, &retrain, &head_timeout, &body_timeout,
                        &idle_timeout, &max_connections, &per_address}) {
    if (!r->ok()) {
      std::cerr << "lizheng serve: " << r->error().message << "\n";
      return 2;
    }
  }
  if (sync != "full" && sync != "normal") {
    std::cerr << "lizheng serve: --sync: 'full' (durable acknowledgements) or 'normal'\n";
    return 2;
  }
  // Off only for load tests and test harnesses that file thousands of
  // requests from one address; see `lizheng rate-limits` for the settings.
  const std::string rate_limits = flags->GetOr("rate-limits", "on");
  if (rate_limits != "on" && rate_limits != "off") {
    std::cerr << "lizheng serve: --rate-limits: 'on' (the default) or 'off' (load tests only)\n";
    return 2;
  }

  // The flag, else $LIZHENG_PUBLIC_URL; unset means no Secure cookie (a
  // server reached over plain http on a private network).
  std::string public_url = flags->GetOr("public-url", "");
  if (!flags->Get("public-url"))
    if (const char* env = std::getenv("LIZHENG_PUBLIC_URL")) public_url = env;
  bool https = false;
  if (flags->Get("public-url") || !public_url.empty()) {
    auto parsed = PublicUrlIsHttps(public_url);
    if (!parsed.ok()) {
      std::cerr << "lizheng serve: " << parsed.error().message << "\n";
      return 2;
    }
    https = *parsed;
  }

  store::SqliteOptions so;
  so.path = flags->GetOr("db", DefaultDbPath());
  so.synchronous_full = sync == "full";
  auto log_key = LoadOrMakeLogKey(*flags, so.path);
  if (!log_key.ok()) {
    std::cerr << "lizheng serve: " << log_key.error().message << "\n";
    return 2;
  }
  so.log_key = log_key->key;
  auto store = store::OpenSqliteStore(so);
  if (!store.ok()) {
    std::cerr << "lizheng serve: " << store.error().message << LogKeyRefusalHint(*log_key, store.error()) << "\n";
    return 1;
  }
  if (log_key->created) {
    if (Status st = WriteLogKeyFile(log_key->path, log_key->key); !st.ok()) {
      std::cerr << "lizheng serve: " << st.error().message << "\n";
      return 1;
    }
    std::cerr << "lizheng serve: created the event-log key " << log_key->path
              << " (keep it secret and back it up apart from the database)\n";
  }
  app::SystemTime real_time;
  // --now rehearses a date: the clock starts there and runs on.
  std::optional<app::ShiftedTime> shifted;
  if (auto now = flags->Get("now")) {
    auto start = ParseTimestamp(*now, "--now");
    if (!start.ok()) {
      std::cerr << "lizheng serve: " << start.error().message << "\n";
      return 2;
    }
    shifted.emplace(real_time, *start);
  }
  const app::TimeSource& time = shifted ? static_cast<const app::TimeSource&>(*shifted) : real_time;
  app::SecureRandom random;
  app::JurisdictionCache cache(**store, time, std::chrono::seconds(10));
  // The jieba dictionary of the word segmenter; without it the analytics
  // fall back to character bigrams (and say so).
  text::SegmenterOptions seg;
  seg.dictionary_path = flags->GetOr("dictionary", seg.dictionary_path);
  auto segmenter = text::Segmenter::Load(seg);
  if (!segmenter.ok()) {
    std::cerr << "lizheng serve: --dictionary: " << segmenter.error().message << "\n";
    return 1;
  }
  app::InsightsOptions io;
  io.retrain_every = std::chrono::hours(*retrain);
  app::Insights insights(**store, cache, time, std::move(segmenter).value(), io);
  app::PublicLimits limits(cache, time, rate_limits == "on");
  app::WorkOrderService work_orders(**store, cache, time, random, &insights, &limits);
  app::AuthService auth(**store, time, random, app::AuthOptions{}, &limits);
  app::CalendarWatch calendars(**store, cache, time);
  app::Scheduler scheduler(**store, work_orders, time, std::chrono::seconds(*interval), &insights,
                           &calendars);

  api::ServerOptions options;
  options.host = flags->GetOr("host", "127.0.0.1");
  options.port = static_cast<int>(*port);
  options.threads = static_cast<int>(*threads);
  options.max_body_bytes = static_cast<std::size_t>(*max_body);
  options.static_dir = flags->GetOr("web", "");
  options.secure_cookies = https;
  options.head_timeout = std::chrono::seconds(*head_timeout);
  options.body_timeout = std::chrono::seconds(*body_timeout);
  options.idle_timeout = std::chrono::seconds(*idle_timeout);
  options.max_connections = static_cast<std::size_t>(*max_connections);
  options.max_connections_per_address = static_cast<std::size_t>(*per_address);
  options.trusted_proxies = flags->GetAll("trusted-proxy");
  api::HttpServer server(
      api::ApiServices{**store, cache, work_orders, auth, time, insights, calendars}, options);
  auto bound = server.Bind();
  if (!bound.ok()) {
    std::cerr << "lizheng serve: " << bound.error().message << "\n";
    return 1;
  }
  if (auto pf = flags->Get("port-file")) {
    // Written whole then renamed, so a watcher never reads half a number.
    const std::string tmp = *pf + ".tmp";
    std::ofstream(tmp) << *bound << "\n";
    std::rename(tmp.c_str(), pf->c_str());
  }
  std::cout << "lizheng serving http://" << options.host << ":" << *bound << "/api/v1 (database "
            << so.path << ")" << std::endl;
  // At start, before the scheduler's first pass (which then stays quiet
  // until the next day).
  calendars.WarnDaily(std::cerr);
  g_server = &server;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  scheduler.Start();
  server.Run();
  scheduler.Stop();
  g_server = nullptr;
  std::cout << "lizheng stopped" << std::endl;
  return 0;
}

}  // namespace lizheng::cli
