// Private: what every route handler shares, and the route groups.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "error_status.hpp"
#include "json_body.hpp"
#include "json_views.hpp"
#include "router.hpp"
#include "lizheng/api/http_server.hpp"

namespace lizheng::api {

// Helpers over the services for handlers.
class RouteContext {
 public:
  RouteContext(ApiServices s, bool secure) : services(s), secure_cookies(secure) {}

  // The signed-in caller: "Authorization: Bearer <token>", or the session
  // cookie; cookie sessions must send X-CSRF-Token on state-changing calls.
  Result<app::Principal> Authenticate(const Request& req) const;
  // The jurisdiction named by ?jurisdiction=code, else the default one.
  Result<std::shared_ptr<const app::JurisdictionData>> Jurisdiction(const Request& req) const;

  // The Set-Cookie value of the session cookie: `token` for `max_age`
  // seconds (an empty token and 0 clear it); Secure when the server is
  // public over https.
  std::string SessionCookie(const std::string& token, long long max_age) const;

  ApiServices services;
  bool secure_cookies = false;
};

// Paging parameters shared by the lists: "cursor" (the next_cursor of the
// previous page, "<created_at epoch seconds>_<id>") and "limit" (1 to 200).
Result<std::optional<std::pair<Timestamp, WorkOrderId>>> CursorParam(const Request& req);
Result<std::optional<int>> LimitParam(const Request& req);
// The next_cursor after an item created at `created` with id `id`.
std::string NextCursor(Timestamp created, WorkOrderId id);
// A positive decimal id; names `field` when it is not one.
Result<std::int64_t> ParseId(const std::string& text, const std::string& field);
// A query or path parameter that breaks a rule: "参数 limit：<rule.zh>" /
// "limit: <rule.en>", naming the parameter in `field`.
Error BadParam(const std::string& key, std::string reason, const Text& rule);
// A query parameter the endpoint does not read: refused, so that a misspelt
// one never passes silently.
Error UnknownQueryParam(const std::string& key);

void RegisterAuthRoutes(Router& svr, const RouteContext& ctx);
void RegisterCitizenRoutes(Router& svr, const RouteContext& ctx);
void RegisterWorkOrderRoutes(Router& svr, const RouteContext& ctx);
void RegisterReferenceRoutes(Router& svr, const RouteContext& ctx);
void RegisterFigureRoutes(Router& svr, const RouteContext& ctx);
void RegisterAdviceRoutes(Router& svr, const RouteContext& ctx);
void RegisterHotspotRoutes(Router& svr, const RouteContext& ctx);

// The cookie names of a browser session.
inline constexpr const char* kSessionCookie = "lz_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

}  // namespace lizheng::api
