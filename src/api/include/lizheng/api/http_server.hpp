// The HTTP adapter: /api/v1 (and the built web pages) over an event-driven
// HTTP/1.1 server. Translates HTTP to the app's use cases and results to
// JSON; holds no state of its own beyond the listening socket.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "lizheng/app/auth.hpp"
#include "lizheng/app/calendar_watch.hpp"
#include "lizheng/app/insights.hpp"
#include "lizheng/app/jurisdiction_cache.hpp"
#include "lizheng/app/work_orders.hpp"
#include "lizheng/core/result.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::api {

// How the server listens and the limits it holds at the edge. The defaults
// suit a server facing the public internet directly.
struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                           // 0: any free port
  // Worker threads that run the handlers (database calls, password hashes);
  // 0: twice the hardware threads, at least 8. Sockets are read and written
  // by a few separate io threads, so an open connection holds no thread.
  int threads = 0;
  std::size_t max_body_bytes = 256 * 1024;   // larger bodies get 413, chunked ones too
  std::string static_dir;                    // built web pages, served at / (optional)
  // The session cookie carries Secure, so that a browser never sends it
  // over plain http; set when the public URL is https.
  bool secure_cookies = false;

  // Deadlines: the first request head must arrive whole within head_timeout
  // of the connection opening, a body within body_timeout of its head, the
  // next head on a kept-alive connection within idle_timeout, and a
  // response must be sent within write_timeout. The connection closes when
  // one passes.
  std::chrono::milliseconds head_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};
  std::chrono::milliseconds idle_timeout{10'000};
  std::chrono::milliseconds write_timeout{30'000};
  // Connections open at once, in all and from one client address (a
  // trusted proxy has no per-address cap); beyond a cap a new connection
  // gets 503 and is closed at once, never queued.
  std::size_t max_connections = 10'000;
  std::size_t max_connections_per_address = 64;
  // The request line and headers together, and the number of headers;
  // beyond either: 431 and the connection closes.
  std::size_t max_head_bytes = 16 * 1024;
  std::size_t max_headers = 100;
  // Addresses of reverse proxies in front of the server (IPv4 or IPv6).
  // Only for a connection from one of them is X-Forwarded-For read: the
  // client is its last hop that is not a trusted proxy. Otherwise the
  // client is the TCP peer, whatever the headers say.
  std::vector<std::string> trusted_proxies;
};

// What the routes call.
struct ApiServices {
  store::Store& store;
  app::JurisdictionCache& jurisdictions;
  app::WorkOrderService& work_orders;
  app::AuthService& auth;
  const app::TimeSource& time;
  app::Insights& insights;
  app::CalendarWatch& calendars;
};

class HttpServer {
 public:
  HttpServer(ApiServices services, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket; returns the port (useful with port 0). Fails on a
  // port in use or a trusted proxy that is not an address.
  Result<int> Bind();
  // Serves until Stop(); call after Bind from one thread.
  void Run();
  // Makes Run stop accepting, close idle connections, answer the requests
  // in flight and return. Thread-safe and async-signal-safe.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lizheng::api
