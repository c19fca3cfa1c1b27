// The HTTP adapter: /api/v1 over cpp-httplib. Translates HTTP to the app's
// use cases and results to JSON; holds no state of its own beyond the
// listening socket.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "lizheng/app/auth.hpp"
#include "lizheng/app/calendar_watch.hpp"
#include "lizheng/app/insights.hpp"
#include "lizheng/app/jurisdiction_cache.hpp"
#include "lizheng/app/work_orders.hpp"
#include "lizheng/core/result.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::api {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                           // 0: any free port
  int threads = 64;                          // one per open keep-alive connection
  std::size_t max_body_bytes = 256 * 1024;   // larger bodies get 413
  std::string static_dir;                    // built web pages, served at / (optional)
  // The session cookie carries Secure, so that a browser never sends it
  // over plain http; set when the public URL is https.
  bool secure_cookies = false;
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

  // Binds the socket; returns the port (useful with port 0).
  Result<int> Bind();
  // Serves until Stop(); call after Bind from one thread.
  void Run();
  // Thread-safe; makes Run return.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lizheng::api
