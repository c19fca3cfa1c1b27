#include "lizheng/api/http_server.hpp"

#include <iostream>
#include <optional>

#include "http_transport.hpp"
#include "response_encoding.hpp"
#include "router.hpp"
#include "routes.hpp"
#include "static_files.hpp"

namespace lizheng::api {
namespace {

std::string CookieValue(const Request& req, const std::string& name) {
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

bool ChangesState(const Request& req) {
  return req.method == "POST" || req.method == "PUT" || req.method == "PATCH" || req.method == "DELETE";
}

// Whether the request carries a body, judged from its headers before the
// body is read: a Content-Length above zero or any Transfer-Encoding.
bool HasBody(const Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  const std::string length = req.get_header_value("Content-Length");
  return !length.empty() && length.find_first_not_of("0") != std::string::npos;
}

// The API speaks JSON only: a body of another type is refused before it is
// read, with the header named. Several actions take no body, and a POST
// without one needs no type; a body of unknown type is not guessed to be JSON.
std::optional<Error> ContentTypeRefusal(const Request& req) {
  if (req.method != "POST" && req.method != "PUT" && req.method != "PATCH") return std::nullopt;
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  while (!type.empty() && type.front() == ' ') type.erase(0, 1);
  if (type == "application/json") return std::nullopt;
  if (type.empty()) {
    if (!HasBody(req)) return std::nullopt;
    return MakeError(ErrorCode::kUnsupportedMediaType, "content_type_missing",
                     Text{"请求带有正文时必须提供 Content-Type: application/json",
                          "Content-Type: required with a body; send application/json"},
                     "Content-Type");
  }
  return MakeError(ErrorCode::kUnsupportedMediaType, "content_type_not_json",
                   Text{"Content-Type 必须是 application/json，而不是 " + type,
                        "Content-Type: must be application/json, not " + type},
                   "Content-Type");
}

// The headers every response starts with; a file or a page replaces
// Cache-Control.
Response BaseResponse() {
  Response res;
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-store");
  return res;
}

// The error a transport refusal is answered with.
Error RefusalError(Refusal why, std::size_t max_body) {
  switch (why) {
    case Refusal::kHeadTooLarge:
      // Sent with status 431 rather than the code's 413 (see Refuse).
      return MakeError(ErrorCode::kPayloadTooLarge, "headers_too_large",
                       Text{"请求头过大或过多", "request headers: too large or too many"}, "headers");
    case Refusal::kBodyTooLarge: {
      const std::string limit = std::to_string(max_body);
      return MakeError(ErrorCode::kPayloadTooLarge, "body_too_large",
                       Text{"请求体超过 " + limit + " 字节的上限", "body: larger than " + limit + " bytes"},
                       "body");
    }
    case Refusal::kContentEncoding:
      return MakeError(ErrorCode::kUnsupportedMediaType, "content_encoding_unsupported",
                       Text{"不接受压缩的请求体：请去掉 Content-Encoding 后以原文发送",
                            "Content-Encoding: compressed request bodies are not accepted; send the body as is"},
                       "Content-Encoding");
    case Refusal::kTooManyConnections: {
      Error e = MakeError(ErrorCode::kUnavailable, "too_many_connections",
                          Text{"连接数已达上限，请稍后重试", "too many connections; try again shortly"});
      e.retry_after_seconds = 1;
      return e;
    }
    case Refusal::kMalformed:
      break;
  }
  return MakeError(ErrorCode::kInvalidArgument, "bad_request",
                   Text{"请求格式有误", "malformed HTTP request"});
}

}  // namespace

struct HttpServer::Impl {
  Impl(ApiServices s, ServerOptions o)
      : ctx(s, o.secure_cookies),
        options(std::move(o)),
        files(options.static_dir),
        transport(options, HttpTransport::Callbacks{
                               [this](const Request& req) { return Screen(req); },
                               [](const Request& req) { return IsHealthProbe(req); },
                               [this](Request& req, Response& res) { Handle(req, res); },
                               [this](Refusal why, const Request& req) { return Refuse(why, req); }}) {}

  // The health check answers from memory and the calendar rows, quickly:
  // it has a thread of its own, so that it answers during a crowd too.
  static bool IsHealthProbe(const Request& req) {
    return (req.method == "GET" || req.method == "HEAD") && req.path == "/api/v1/health";
  }

  // Before the body is read (on an io thread): the Content-Type check.
  std::optional<Response> Screen(const Request& req) const {
    std::optional<Error> refused = ContentTypeRefusal(req);
    if (!refused) return std::nullopt;
    Response res = BaseResponse();
    SendError(req, res, *refused);
    return res;
  }

  // A whole request (on a worker thread): a file, a route, a page or 404;
  // then gzip when the client accepts it.
  void Handle(Request& req, Response& res) const {
    res = BaseResponse();
    try {
      const bool api = req.path == "/api" || req.path.rfind("/api/", 0) == 0;
      const bool served = (!api && !options.static_dir.empty() && files.Serve(req, res)) ||
                          router.Dispatch(req, res) ||
                          (!options.static_dir.empty() && files.ServePage(req, res));
      if (!served) NotFound(req, res);
      if (res.status < 0) res.status = 200;
    } catch (const std::exception& e) {
      res = BaseResponse();
      SendError(req, res,
                MakeError(ErrorCode::kInternal, "internal_error",
                          Text{"服务器内部错误，已记录日志", "internal error; it has been logged"}, "", e.what()));
    }
    MaybeCompress(req, res);
  }

  static void NotFound(const Request& req, Response& res) {
    const std::string endpoint = req.method + " " + req.path;
    SendError(req, res,
              MakeError(ErrorCode::kNotFound, "no_such_endpoint",
                        Text{"没有这个接口：" + endpoint, "no such endpoint: " + endpoint}));
  }

  Response Refuse(Refusal why, const Request& req) const {
    Response res = BaseResponse();
    const Error e = RefusalError(why, options.max_body_bytes);
    if (why == Refusal::kTooManyConnections) {
      // A refusal by design, not a server error for the log (SendError logs
      // every 5xx); made once, before any connection, in Chinese.
      SendJson(res, HttpStatusOf(e.code), ErrorJson(e, Language::kZh));
      res.set_header("Content-Language", "zh-CN");
      res.set_header("Retry-After", std::to_string(e.retry_after_seconds));
      return res;
    }
    SendError(req, res, e);
    // A head over the limits is a payload too large, but HTTP has its own
    // status for it, which clients and proxies know.
    if (why == Refusal::kHeadTooLarge) res.status = 431;
    return res;
  }

  RouteContext ctx;
  ServerOptions options;
  StaticFiles files;
  Router router;
  HttpTransport transport;
};

Result<app::Principal> RouteContext::Authenticate(const Request& req) const {
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
    const Request& req) const {
  if (req.has_param("jurisdiction"))
    return services.jurisdictions.GetByCode(req.get_param_value("jurisdiction"));
  return services.jurisdictions.Default();
}

HttpServer::HttpServer(ApiServices services, ServerOptions options)
    : impl_(std::make_unique<Impl>(services, std::move(options))) {
  Router& svr = impl_->router;
  // Health stays 200 when degraded: the server serves, and a load balancer
  // must keep routing to it; "degraded" is for monitoring and people.
  svr.Get("/api/v1/health", [this](const Request& req, Response& res) {
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
}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::Bind() { return impl_->transport.Bind(); }

void HttpServer::Run() { impl_->transport.Run(); }

void HttpServer::Stop() { impl_->transport.Stop(); }

}  // namespace lizheng::api
