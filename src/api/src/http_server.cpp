#include "lizheng/api/http_server.hpp"

#include <sys/socket.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <sstream>

#include "routes.hpp"

namespace lizheng::api {

struct HttpServer::Impl {
  Impl(ApiServices s, ServerOptions o) : ctx(s, o.secure_cookies), options(std::move(o)) {}
  RouteContext ctx;
  ServerOptions options;
  httplib::Server server;
  std::atomic<int> listen_fd{-1};  // the listening socket, for its backlog
};

namespace {

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  const std::string cookies = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < cookies.size()) {
    std::size_t end = cookies.find(';', pos);
    if (end == std::string::npos) end = cookies.size();
    std::string part = cookies.substr(pos, end - pos);
    const auto first = part.find_first_not_of(' ');
    if (first != std::string::npos) part = part.substr(first);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return {};
}

bool ChangesState(const httplib::Request& req) {
  return req.method == "POST" || req.method == "PUT" || req.method == "PATCH" || req.method == "DELETE";
}

// Whether the request carries a body, judged from its headers before the
// body is read: a Content-Length above zero or any Transfer-Encoding.
bool HasBody(const httplib::Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  const std::string length = req.get_header_value("Content-Length");
  return !length.empty() && length.find_first_not_of("0") != std::string::npos;
}

// cpp-httplib, as Debian builds it, answers "Accept-Encoding: br" with
// Brotli at its highest quality, compressing every response anew: 0.32 s
// for the 157 kB Vue bundle against 0.02 s with gzip, which made a first
// visit of the portal take over a second. Dropping "br" from the request
// makes httplib choose gzip. The request is httplib's own mutable object,
// handed to the handler as const.
void PreferGzip(const httplib::Request& req) {
  auto& headers = const_cast<httplib::Headers&>(req.headers);
  const auto it = headers.find("Accept-Encoding");
  if (it == headers.end() || it->second.find("br") == std::string::npos) return;
  if (it->second.find("gzip") != std::string::npos) {
    it->second = "gzip";
  } else {
    headers.erase(it);
  }
}

// Headers of an HTML page: no framing by other sites, scripts and data only
// from this origin (Element Plus sets inline styles, hence 'unsafe-inline'
// for styles alone).
void SetPageHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                 "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "same-origin");
}

// History-mode routing of the web pages: a GET of a page path that is no
// file (/track/2026..., /staff/work-orders/12) gets the page's HTML, so
// a bookmark or a reload works. /staff/... is the workbench, everything
// else the citizen portal. API paths and files with an extension keep
// their 404.
bool ServeSinglePageApp(const std::string& web, const httplib::Request& req, httplib::Response& res) {
  if (req.method != "GET" && req.method != "HEAD") return false;
  if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") return false;
  const std::string last = req.path.substr(req.path.rfind('/') + 1);
  if (last.find('.') != std::string::npos) return false;
  const bool staff = req.path == "/staff" || req.path.rfind("/staff/", 0) == 0;
  std::ifstream in(web + (staff ? "/staff.html" : "/index.html"), std::ios::binary);
  if (!in) return false;
  std::ostringstream html;
  html << in.rdbuf();
  res.status = 200;
  res.set_content(html.str(), "text/html; charset=utf-8");
  res.headers.erase("Cache-Control");
  res.set_header("Cache-Control", "no-cache");
  SetPageHeaders(res);
  return true;
}

}  // namespace

Result<app::Principal> RouteContext::Authenticate(const httplib::Request& req) const {
  const std::string auth = req.get_header_value("Authorization");
  if (!auth.empty()) {
    if (auth.rfind("Bearer ", 0) != 0)
      return MakeError(ErrorCode::kUnauthenticated, "authorization_malformed",
                       Text{"Authorization 请求头格式应为 'Bearer <令牌>'",
                            "Authorization: expected 'Bearer <token>'"},
                       "Authorization");
    return services.auth.Authenticate(auth.substr(7));
  }
  const std::string cookie = CookieValue(req, kSessionCookie);
  if (cookie.empty())
    return MakeError(ErrorCode::kUnauthenticated, "sign_in_required",
                     Text{"请先登录（发送 'Authorization: Bearer <令牌>' 或会话 Cookie）",
                          "sign in first: send 'Authorization: Bearer <token>' or the session cookie"});
  LZ_ASSIGN_OR_RETURN(app::Principal p, services.auth.Authenticate(cookie));
  if (ChangesState(req) && req.get_header_value(kCsrfHeader) != p.session.csrf_token)
    return MakeError(ErrorCode::kForbidden, "csrf_token_invalid",
                     Text{"X-CSRF-Token 缺失或与本次会话不符，请刷新页面后重试",
                          "X-CSRF-Token: missing or wrong for this session"},
                     kCsrfHeader);
  return p;
}

Result<std::shared_ptr<const app::JurisdictionData>> RouteContext::Jurisdiction(
    const httplib::Request& req) const {
  if (req.has_param("jurisdiction"))
    return services.jurisdictions.GetByCode(req.get_param_value("jurisdiction"));
  return services.jurisdictions.Default();
}

HttpServer::HttpServer(ApiServices services, ServerOptions options)
    : impl_(std::make_unique<Impl>(services, std::move(options))) {
  httplib::Server& svr = impl_->server;
  const int threads = std::max(4, impl_->options.threads);
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  svr.set_tcp_nodelay(true);
  // httplib's own socket options add SO_REUSEPORT, which would let a second
  // server bind the same port silently; ours are SO_REUSEADDR only (so a
  // restart need not wait out TIME_WAIT), and we keep the socket to widen
  // its listen backlog after binding (see Bind).
  svr.set_socket_options([impl = impl_.get()](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    impl->listen_fd = sock;
  });
  svr.set_keep_alive_max_count(10000);
  svr.set_keep_alive_timeout(5);
  svr.set_read_timeout(10);
  svr.set_write_timeout(10);
  svr.set_payload_max_length(impl_->options.max_body_bytes);
  svr.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-store"}});

  svr.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    SendError(req, res,
              MakeError(ErrorCode::kInternal, "internal_error",
                        Text{"服务器内部错误，已记录日志", "internal error; it has been logged"}, "", what));
  });
  // Errors produced by httplib itself (unknown route, body too large) get
  // the same JSON shape as ours.
  const std::size_t max_body = impl_->options.max_body_bytes;
  const std::string web = impl_->options.static_dir;
  svr.set_error_handler([max_body, web](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404 && !web.empty() && ServeSinglePageApp(web, req, res)) return;
    if (res.status == 413) {
      const std::string limit = std::to_string(max_body);
      SendError(req, res,
                MakeError(ErrorCode::kPayloadTooLarge, "body_too_large",
                          Text{"请求体超过 " + limit + " 字节的上限", "body: larger than " + limit + " bytes"},
                          "body"));
    } else if (res.status == 404) {
      const std::string endpoint = req.method + " " + req.path;
      SendError(req, res,
                MakeError(ErrorCode::kNotFound, "no_such_endpoint",
                          Text{"没有这个接口：" + endpoint, "no such endpoint: " + endpoint}));
    } else {
      SendJson(res, res.status,
               ErrorJson(MakeError(ErrorCode::kInvalidArgument, "bad_request",
                                   Text{"请求格式有误", "bad request"}),
                         PreferredLanguage(req)));
    }
  });

  // The API speaks JSON only. A form or multipart body would otherwise be
  // parsed (and size-capped) by httplib before any route sees it, so it is
  // refused here, before the body is read, with the header named.
  svr.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    PreferGzip(req);
    if (req.method != "POST" && req.method != "PUT" && req.method != "PATCH")
      return httplib::Server::HandlerResponse::Unhandled;
    std::string type = req.get_header_value("Content-Type");
    type = type.substr(0, type.find(';'));
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    while (!type.empty() && type.front() == ' ') type.erase(0, 1);
    if (type == "application/json") return httplib::Server::HandlerResponse::Unhandled;
    if (type.empty()) {
      // Several actions take no body, and a POST without one needs no type;
      // a body of unknown type is not guessed to be JSON.
      if (!HasBody(req)) return httplib::Server::HandlerResponse::Unhandled;
      SendError(req, res,
                MakeError(ErrorCode::kUnsupportedMediaType, "content_type_missing",
                          Text{"请求带有正文时必须提供 Content-Type: application/json",
                               "Content-Type: required with a body; send application/json"},
                          "Content-Type"));
      return httplib::Server::HandlerResponse::Handled;
    }
    SendError(req, res,
              MakeError(ErrorCode::kUnsupportedMediaType, "content_type_not_json",
                        Text{"Content-Type 必须是 application/json，而不是 " + type,
                             "Content-Type: must be application/json, not " + type},
                        "Content-Type"));
    return httplib::Server::HandlerResponse::Handled;
  });

  // Health stays 200 when degraded: the server serves, and a load balancer
  // must keep routing to it; "degraded" is for monitoring and people.
  svr.Get("/api/v1/health", [this](const httplib::Request& req, httplib::Response& res) {
    auto gaps = impl_->ctx.services.calendars.Gaps();
    if (!gaps.ok()) return SendError(req, res, gaps.error());
    nlohmann::json problems = nlohmann::json::array();
    for (const app::CalendarGap& g : *gaps) {
      problems.push_back({{"code", "calendar_missing"},
                          {"jurisdiction", g.jurisdiction_code},
                          {"year", g.year},
                          {"message", g.message_en},
                          {"message_zh", g.message_zh}});
    }
    nlohmann::json body = {{"status", problems.empty() ? "ok" : "degraded"}};
    if (!problems.empty()) body["problems"] = std::move(problems);
    SendJson(res, 200, body);
  });
  RegisterAuthRoutes(svr, impl_->ctx);
  RegisterCitizenRoutes(svr, impl_->ctx);
  RegisterWorkOrderRoutes(svr, impl_->ctx);
  RegisterReferenceRoutes(svr, impl_->ctx);
  RegisterFigureRoutes(svr, impl_->ctx);
  RegisterAdviceRoutes(svr, impl_->ctx);
  RegisterHotspotRoutes(svr, impl_->ctx);
  if (!web.empty()) {
    svr.set_mount_point("/", web);
    // Vite names the bundles by content hash, so they never change under
    // their name; the pages themselves are always revalidated.
    svr.set_file_request_handler([](const httplib::Request& req, httplib::Response& res) {
      res.headers.erase("Cache-Control");  // the API's default no-store
      if (req.path.rfind("/assets/", 0) == 0) {
        res.set_header("Cache-Control", "public, max-age=31536000, immutable");
      } else {
        res.set_header("Cache-Control", "no-cache");
      }
      if (res.get_header_value("Content-Type").rfind("text/html", 0) == 0) SetPageHeaders(res);
    });
  }
}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::Bind() {
  auto& o = impl_->options;
  int port = o.port;
  if (o.port == 0) {
    port = impl_->server.bind_to_any_port(o.host);
    if (port <= 0) return MakeError(ErrorCode::kUnavailable, "cannot bind to " + o.host);
  } else if (!impl_->server.bind_to_port(o.host, o.port)) {
    return MakeError(ErrorCode::kUnavailable,
                     "cannot bind to " + o.host + ":" + std::to_string(o.port) + " (port in use?)");
  }
  // httplib listens with a backlog of 5: a burst of new connections (a
  // shift starting, a load test) overflows it and the client's SYN is
  // retried a second later. listen() on a listening socket only resizes
  // its backlog.
  if (const int fd = impl_->listen_fd.load(); fd >= 0) ::listen(fd, SOMAXCONN);
  return port;
}

void HttpServer::Run() { impl_->server.listen_after_bind(); }

void HttpServer::Stop() { impl_->server.stop(); }

}  // namespace lizheng::api
