// The citizen's endpoints: file a request (no account), read it back with
// the query code, rate the reply, dispute a closure.
#include <set>

#include "routes.hpp"

namespace lizheng::api {
namespace {

// Channels a citizen may use without an account; the others are recorded
// by staff or integrations that sign in.
bool SelfServiceChannel(Channel c) {
  return c == Channel::kWeb || c == Channel::kApp || c == Channel::kWechat || c == Channel::kMailbox;
}

Result<Submission> DecodeSubmission(JsonBody& body, const Directory& dir, bool staff,
                                    const Request& req) {
  Submission s;
  LZ_ASSIGN_OR_RETURN(std::optional<RequestType> type, body.OptEnum<RequestType>("type"));
  if (!type)
    return MakeError(ErrorCode::kInvalidArgument, "field_required",
                     Text{"字段 type：必填；可选：" + WireNamesList<RequestType>(),
                          "type: required; expected one of: " + WireNamesList<RequestType>()},
                     "type");
  s.type = *type;
  LZ_ASSIGN_OR_RETURN(s.title, body.RequiredString("title"));
  LZ_ASSIGN_OR_RETURN(s.detail, body.RequiredString("detail"));
  LZ_ASSIGN_OR_RETURN(s.area_code, body.RequiredString("area_code"));
  LZ_ASSIGN_OR_RETURN(auto address, body.OptString("address"));
  s.address = address.value_or("");
  LZ_ASSIGN_OR_RETURN(auto category, body.OptString("category_code"));
  s.category_code = category.value_or("");
  LZ_ASSIGN_OR_RETURN(auto citizen, body.OptObject("citizen"));
  if (citizen) {
    LZ_ASSIGN_OR_RETURN(auto name, citizen->OptString("name"));
    LZ_ASSIGN_OR_RETURN(auto phone, citizen->OptString("phone"));
    LZ_RETURN_IF_ERROR(citizen->Finish());
    s.citizen = Citizen{name.value_or(""), phone.value_or("")};
  }
  LZ_ASSIGN_OR_RETURN(auto mailbox_code, body.OptString("mailbox_code"));
  if (mailbox_code) {
    const Mailbox* m = dir.FindMailboxByCode(*mailbox_code);
    if (!m)
      return MakeError(
          ErrorCode::kInvalidArgument, "unknown_mailbox",
          Text{"字段 mailbox_code：没有信箱 '" + *mailbox_code +
                   "'，可选信箱见 GET /api/v1/mailboxes",
               "mailbox_code: unknown mailbox '" + *mailbox_code + "'; see GET /api/v1/mailboxes"},
          "mailbox_code");
    s.mailbox = m->id;
  }
  LZ_ASSIGN_OR_RETURN(auto consent, body.OptBool("consent_public"));
  s.consent_public = consent.value_or(false);
  LZ_ASSIGN_OR_RETURN(auto channel, body.OptEnum<Channel>("channel"));
  s.channel = channel.value_or(staff ? Channel::kHotline : Channel::kWeb);
  if (!staff && !SelfServiceChannel(s.channel))
    return MakeError(ErrorCode::kInvalidArgument, "channel_staff_only",
                     Text{"字段 channel：'" + std::string(ToWire(s.channel)) +
                              "' 渠道由工作人员登记；群众请使用 web、app、wechat 或 mailbox",
                          "channel: '" + std::string(ToWire(s.channel)) +
                              "' is recorded by staff; citizens use web, app, wechat or mailbox"},
                     "channel");
  LZ_ASSIGN_OR_RETURN(auto urgency, body.OptEnum<Urgency>("urgency"));
  if (urgency && !staff && *urgency != Urgency::kNormal)
    return MakeError(ErrorCode::kInvalidArgument, "urgency_set_by_centre",
                     Text{"字段 urgency：紧急程度由中心确定，请在诉求内容中说明危险情况",
                          "urgency: set by the centre; describe the danger in the details"},
                     "urgency");
  s.urgency = urgency.value_or(Urgency::kNormal);
  LZ_ASSIGN_OR_RETURN(auto key, body.OptString("idempotency_key"));
  s.idempotency_key = key.value_or(req.get_header_value("Idempotency-Key"));
  LZ_RETURN_IF_ERROR(body.Finish());
  return s;
}

Status Submit(const RouteContext& ctx, const Request& req, Response& res) {
  Actor actor{Role::kCitizen, 0, std::nullopt, "群众"};
  bool staff = false;
  if (!req.get_header_value("Authorization").empty() || req.has_header("Cookie")) {
    auto p = ctx.Authenticate(req);
    if (p.ok()) {
      if (!Has(SpecOf(Action::kSubmit).roles, p->actor.role))
        return MakeError(
            ErrorCode::kForbidden, "role_not_permitted",
            Text{"角色 '" + std::string(ToWire(p->actor.role)) + "' 不能登记诉求",
                 "role '" + std::string(ToWire(p->actor.role)) + "' may not record requests"});
      actor = p->actor;
      staff = true;
    } else if (!req.get_header_value("Authorization").empty()) {
      return p.error();  // a bad token is refused, not silently ignored
    }
  }
  LZ_ASSIGN_OR_RETURN(auto data, ctx.Jurisdiction(req));
  LZ_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(req.body, false));
  LZ_ASSIGN_OR_RETURN(Submission s, DecodeSubmission(body, data->directory, staff, req));
  if (!staff) s.source_address = req.remote_addr;
  LZ_ASSIGN_OR_RETURN(app::Receipt r,
                      ctx.services.work_orders.Submit(data->directory.jurisdiction().id, s, actor));
  json out = {{"tracking_no", r.tracking_no},
              {"query_code", r.query_code},
              {"state", {{"code", ToWire(r.state)}, {"label", ToChinese(r.state)}}},
              {"created_at", FormatTimestamp(r.created_at, data->directory.jurisdiction().utc_offset_minutes)},
              {"replayed", r.replayed}};
  if (staff) {
    out["work_order_id"] = r.id;
    json repeats = json::array();
    for (const app::RepeatAdvice& x : r.possible_repeats)
      repeats.push_back(RepeatAdviceJson(x, *data, ctx.services.time.Now()));
    out["possible_repeats"] = repeats;
  }
  SendJson(res, r.replayed ? 200 : 201, out);
  return OkStatus();
}

std::string QueryCode(const Request& req, JsonBody* body) {
  if (req.has_header("X-Query-Code")) return req.get_header_value("X-Query-Code");
  if (req.has_param("query_code")) return req.get_param_value("query_code");
  if (body) {
    auto v = body->OptString("query_code");
    if (v.ok() && *v) return **v;
  }
  return {};
}

Status Show(const RouteContext& ctx, const Request& req, Response& res) {
  const std::string code = QueryCode(req, nullptr);
  if (code.empty())
    return MakeError(ErrorCode::kInvalidArgument, "query_code_required",
                     Text{"请提供查询码（X-Query-Code 请求头或 ?query_code=）",
                          "query_code: required (X-Query-Code header or ?query_code=)"},
                     "query_code");
  LZ_ASSIGN_OR_RETURN(app::WorkOrderView v, ctx.services.work_orders.CitizenView(req.matches[1], code, req.remote_addr));
  LZ_ASSIGN_OR_RETURN(auto data, ctx.services.jurisdictions.Get(v.wo.jurisdiction));
  SendJson(res, 200, CitizenViewJson(v, *data));
  return OkStatus();
}

Status Act(const RouteContext& ctx, const Request& req, Response& res, Action action) {
  LZ_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(req.body, false));
  const std::string code = QueryCode(req, &body);
  if (code.empty())
    return MakeError(ErrorCode::kInvalidArgument, "query_code_required",
                     Text{"请提供查询码", "query_code: required"}, "query_code");
  Command cmd;
  cmd.action = action;
  if (action == Action::kRate) {
    LZ_ASSIGN_OR_RETURN(cmd.satisfaction, body.OptEnum<Satisfaction>("satisfaction"));
    LZ_ASSIGN_OR_RETURN(auto comment, body.OptString("comment"));
    cmd.comment = comment.value_or("");
  } else {
    LZ_ASSIGN_OR_RETURN(auto reason, body.OptString("reason"));
    cmd.reason = reason.value_or("");
  }
  LZ_RETURN_IF_ERROR(body.Finish());
  LZ_ASSIGN_OR_RETURN(WorkOrder wo, ctx.services.work_orders.CitizenPerform(req.matches[1], code, cmd,
                                                                               req.remote_addr));
  LZ_ASSIGN_OR_RETURN(app::WorkOrderView v, ctx.services.work_orders.CitizenView(wo.tracking_no, code));
  LZ_ASSIGN_OR_RETURN(auto data, ctx.services.jurisdictions.Get(v.wo.jurisdiction));
  SendJson(res, 200, CitizenViewJson(v, *data));
  return OkStatus();
}

// GET /api/v1/public/requests: the published requests, masked.
Status PublicList(const RouteContext& ctx, const Request& req, Response& res) {
  static const std::set<std::string> kKnown = {"q", "type", "category", "area", "cursor", "limit",
                                               "jurisdiction"};
  for (const auto& [key, value] : req.params)
    if (!kKnown.count(key)) return UnknownQueryParam(key);
  LZ_ASSIGN_OR_RETURN(auto data, ctx.Jurisdiction(req));
  store::WorkOrderQuery f;
  f.title_contains = req.get_param_value("q");
  f.category_prefix = req.get_param_value("category");
  f.area_prefix = req.get_param_value("area");
  if (req.has_param("type")) {
    const std::string t = req.get_param_value("type");
    f.type = FromWire<RequestType>(t);
    if (!f.type)
      return BadParam(
          "type", "unknown_value",
          Text{"没有取值 '" + t + "'；可选：" + WireNamesList<RequestType>(),
               "unknown value '" + t + "'; expected one of: " + WireNamesList<RequestType>()});
  }
  LZ_ASSIGN_OR_RETURN(auto limit, LimitParam(req));
  if (limit) f.limit = *limit;
  LZ_ASSIGN_OR_RETURN(f.after, CursorParam(req));
  LZ_ASSIGN_OR_RETURN(app::PublishedPage page,
                      ctx.services.work_orders.ListPublished(data->directory.jurisdiction().id, f));
  json items = json::array();
  for (const app::PublishedRequest& p : page.items) items.push_back(PublishedRequestJson(p, *data));
  json out = {{"items", items}, {"next_cursor", nullptr}};
  if (page.has_more && !page.items.empty())
    out["next_cursor"] = NextCursor(page.items.back().created_at, page.items.back().id);
  SendJson(res, 200, out);
  return OkStatus();
}

// One mailbox's figures with its two rates, each beside its denominator:
// 按时办结率 is the share of replies that reached the citizen within the
// reply limit, 满意率 the share of recorded satisfactions that were
// satisfied or basically satisfied -- as the dashboard defines them.
json MailboxFiguresJson(const store::FigureRow& c, int days) {
  return {{"days", days},
          {"received", c.received},
          {"replied", c.replied},
          {"replied_on_time", c.replied_on_time},
          {"closed", c.closed},
          {"rated", c.rated},
          {"satisfied", c.satisfied},
          {"basically_satisfied", c.basically_satisfied},
          {"on_time_rate", RateJson(c.replied_on_time, c.replied)},
          {"satisfaction_rate", RateJson(c.satisfied + c.basically_satisfied, c.rated)}};
}

// GET /api/v1/mailboxes: the leaders' mailboxes with their figures of the
// last 90 days.
Status Mailboxes(const RouteContext& ctx, const Request& req, Response& res) {
  constexpr int kDays = 90;
  LZ_ASSIGN_OR_RETURN(auto data, ctx.Jurisdiction(req));
  const Timestamp since = ctx.services.time.Now() - std::chrono::days(kDays);
  LZ_ASSIGN_OR_RETURN(auto figures, ctx.services.work_orders.MailboxFiguresSince(
                                        data->directory.jurisdiction().id, since));
  json items = json::array();
  for (const Mailbox& m : data->directory.mailboxes()) {
    json item = MailboxJson(m, *data);
    for (const app::MailboxFigures& f : figures)
      if (f.mailbox == m.id) item["figures"] = MailboxFiguresJson(f.counts, kDays);
    items.push_back(item);
  }
  SendJson(res, 200, {{"items", items}});
  return OkStatus();
}

}  // namespace

void RegisterCitizenRoutes(Router& svr, const RouteContext& ctx) {
  svr.Get("/api/v1/public/requests", [&ctx](const Request& req, Response& res) {
    if (Status st = PublicList(ctx, req, res); !st.ok()) SendError(req, res, st.error());
  });
  svr.Get("/api/v1/mailboxes", [&ctx](const Request& req, Response& res) {
    if (Status st = Mailboxes(ctx, req, res); !st.ok()) SendError(req, res, st.error());
  });
  svr.Post("/api/v1/requests", [&ctx](const Request& req, Response& res) {
    if (Status st = Submit(ctx, req, res); !st.ok()) SendError(req, res, st.error());
  });
  svr.Get(R"(/api/v1/requests/([0-9A-Za-z-]{1,40}))", [&ctx](const Request& req, Response& res) {
    if (Status st = Show(ctx, req, res); !st.ok()) SendError(req, res, st.error());
  });
  svr.Post(R"(/api/v1/requests/([0-9A-Za-z-]{1,40})/rate)", [&ctx](const Request& req, Response& res) {
    if (Status st = Act(ctx, req, res, Action::kRate); !st.ok()) SendError(req, res, st.error());
  });
  svr.Post(R"(/api/v1/requests/([0-9A-Za-z-]{1,40})/dispute)", [&ctx](const Request& req, Response& res) {
    if (Status st = Act(ctx, req, res, Action::kDispute); !st.ok()) SendError(req, res, st.error());
  });
}

}  // namespace lizheng::api
