// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me.
#include "routes.hpp"

namespace lizheng::api {
namespace {

json UserJson(const store::User& u, const app::JurisdictionData& d) {
  const Unit* unit = u.unit ? d.directory.FindUnit(*u.unit) : nullptr;
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", {{"code", ToWire(u.role)}, {"label", ToChinese(u.role)}}},
          {"unit", unit ? json{{"id", unit->id}, {"name", unit->name}} : json(nullptr)},
          {"jurisdiction", {{"code", d.directory.jurisdiction().code}, {"name", d.directory.jurisdiction().name}}}};
}

Status Login(const RouteContext& ctx, const Request& req, Response& res) {
  LZ_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(req.body, false));
  LZ_ASSIGN_OR_RETURN(std::string username, body.RequiredString("username"));
  LZ_ASSIGN_OR_RETURN(std::string password, body.RequiredString("password"));
  LZ_ASSIGN_OR_RETURN(std::optional<std::string> code, body.OptString("jurisdiction"));
  LZ_RETURN_IF_ERROR(body.Finish());
  LZ_ASSIGN_OR_RETURN(auto data, code ? ctx.services.jurisdictions.GetByCode(*code)
                                      : ctx.services.jurisdictions.Default());
  LZ_ASSIGN_OR_RETURN(app::LoginResult login,
                      ctx.services.auth.Login(data->directory.jurisdiction().id, username, password,
                                              req.remote_addr));
  const auto max_age = (login.expires_at - ctx.services.time.Now()).count();
  res.set_header("Set-Cookie", ctx.SessionCookie(login.token, max_age));
  SendJson(res, 200,
           {{"token", login.token},
            {"csrf_token", login.csrf_token},
            {"expires_at", FormatTimestamp(login.expires_at, data->directory.jurisdiction().utc_offset_minutes)},
            {"user", UserJson(login.user, *data)}});
  return OkStatus();
}

}  // namespace

std::string RouteContext::SessionCookie(const std::string& token, long long max_age) const {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; " +
         (secure_cookies ? "Secure; " : "") + "Max-Age=" + std::to_string(max_age);
}

void RegisterAuthRoutes(Router& svr, const RouteContext& ctx) {
  svr.Post("/api/v1/auth/login", [&ctx](const Request& req, Response& res) {
    if (Status st = Login(ctx, req, res); !st.ok()) SendError(req, res, st.error());
  });
  svr.Post("/api/v1/auth/logout", [&ctx](const Request& req, Response& res) {
    auto p = ctx.Authenticate(req);
    if (!p.ok()) return SendError(req, res, p.error());
    // Logout revokes the session the caller used, whichever way it came.
    res.set_header("Set-Cookie", ctx.SessionCookie("", 0));
    Status st = ctx.services.auth.Logout(p->session);
    if (!st.ok()) return SendError(req, res, st.error());
    SendJson(res, 200, {{"signed_out", true}});
  });
  svr.Get("/api/v1/auth/me", [&ctx](const Request& req, Response& res) {
    auto p = ctx.Authenticate(req);
    if (!p.ok()) return SendError(req, res, p.error());
    auto data = ctx.services.jurisdictions.Get(p->user.jurisdiction);
    if (!data.ok()) return SendError(req, res, data.error());
    SendJson(res, 200, {{"user", UserJson(p->user, **data)}, {"csrf_token", p->session.csrf_token}});
  });
}

}  // namespace lizheng::api
