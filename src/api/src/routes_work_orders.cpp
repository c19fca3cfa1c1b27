// The workbench endpoints: queues, counts, one work order, every action.
#include <charconv>
#include <set>

#include "routes.hpp"

namespace lizheng::api {

Error BadParam(const std::string& key, std::string reason, const Text& rule) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(reason),
                   Text{"参数 " + key + "：" + rule.zh, key + ": " + rule.en}, key);
}

Error UnknownQueryParam(const std::string& key) {
  return BadParam(key, "unknown_parameter", Text{"没有这个查询参数", "unknown query parameter"});
}

Result<std::int64_t> ParseId(const std::string& text, const std::string& field) {
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || v <= 0)
    return BadParam(field, "not_positive_integer",
                    Text{"须为正整数", "must be a positive integer"});
  return v;
}

Result<std::optional<int>> LimitParam(const Request& req) {
  if (!req.has_param("limit")) return std::optional<int>();
  LZ_ASSIGN_OR_RETURN(std::int64_t limit, ParseId(req.get_param_value("limit"), "limit"));
  if (limit > 200) return BadParam("limit", "out_of_range", Text{"最大为 200", "at most 200"});
  return std::optional<int>(static_cast<int>(limit));
}

Result<std::optional<std::pair<Timestamp, WorkOrderId>>> CursorParam(const Request& req) {
  using After = std::optional<std::pair<Timestamp, WorkOrderId>>;
  if (!req.has_param("cursor")) return After();
  const std::string c = req.get_param_value("cursor");
  const auto sep = c.find('_');
  auto t = ParseId(c.substr(0, sep), "cursor");
  auto id = sep == std::string::npos
                ? Result<std::int64_t>(MakeError(ErrorCode::kInvalidArgument, "cursor"))
                : ParseId(c.substr(sep + 1), "cursor");
  if (!t.ok() || !id.ok())
    return BadParam(
        "cursor", "cursor_invalid",
        Text{"请使用上一页返回的 next_cursor", "use the next_cursor of the previous page"});
  return After(std::make_pair(Timestamp(std::chrono::seconds(*t)), *id));
}

std::string NextCursor(Timestamp created, WorkOrderId id) {
  return std::to_string(created.time_since_epoch().count()) + "_" + std::to_string(id);
}

namespace {

// Decodes every command field the body carries; the engine then refuses
// fields the action does not use, naming them.
Result<Command> DecodeCommand(Action action, JsonBody& body) {
  Command c;
  c.action = action;
  auto str = [&](const char* key, std::string& out) -> Status {
    LZ_ASSIGN_OR_RETURN(auto v, body.OptString(key));
    out = v.value_or("");
    return OkStatus();
  };
  LZ_RETURN_IF_ERROR(str("reason", c.reason));
  LZ_RETURN_IF_ERROR(str("legal_basis", c.legal_basis));
  LZ_RETURN_IF_ERROR(str("text", c.text));
  LZ_RETURN_IF_ERROR(str("comment", c.comment));
  LZ_RETURN_IF_ERROR(str("note", c.note));
  LZ_RETURN_IF_ERROR(str("category_code", c.category_code));
  LZ_ASSIGN_OR_RETURN(auto unit, body.OptInt("unit_id", 1, INT64_MAX));
  if (unit) c.unit = *unit;
  LZ_ASSIGN_OR_RETURN(auto assisting, body.OptIntArray("assisting_unit_ids", 20));
  c.assisting_units.assign(assisting.begin(), assisting.end());
  LZ_ASSIGN_OR_RETURN(auto days, body.OptInt("working_days", -1000, 1000));
  if (days) c.working_days = static_cast<int>(*days);
  LZ_ASSIGN_OR_RETURN(c.approve, body.OptBool("approve"));
  LZ_ASSIGN_OR_RETURN(c.resolved, body.OptBool("resolved"));
  LZ_ASSIGN_OR_RETURN(c.satisfaction, body.OptEnum<Satisfaction>("satisfaction"));
  LZ_ASSIGN_OR_RETURN(c.type, body.OptEnum<RequestType>("type"));
  LZ_ASSIGN_OR_RETURN(c.urgency, body.OptEnum<Urgency>("urgency"));
  LZ_ASSIGN_OR_RETURN(c.method, body.OptEnum<ContactMethod>("method"));
  LZ_ASSIGN_OR_RETURN(auto primary, body.OptInt("primary_id", 1, INT64_MAX));
  if (primary) c.primary = *primary;
  LZ_RETURN_IF_ERROR(body.Finish());
  return c;
}

template <class E>
Result<std::optional<E>> EnumParam(const Request& req, const std::string& key) {
  if (!req.has_param(key)) return std::optional<E>();
  const std::string v = req.get_param_value(key);
  if (auto e = FromWire<E>(v)) return std::optional<E>(*e);
  return BadParam(key, "unknown_value",
                  Text{"没有取值 '" + v + "'；可选：" + WireNamesList<E>(),
                       "unknown value '" + v + "'; expected one of: " + WireNamesList<E>()});
}

Result<app::QueueRequest> DecodeQueueRequest(const Request& req, const app::JurisdictionData& d) {
  static const std::set<std::string> kKnown = {"queue", "state", "category", "area", "urgency",
                                               "channel", "type", "unit", "mailbox", "q", "from",
                                               "to", "cursor", "limit", "total", "jurisdiction"};
  for (const auto& [key, value] : req.params)
    if (!kKnown.count(key)) return UnknownQueryParam(key);
  app::QueueRequest r;
  if (req.has_param("queue")) {
    auto q = app::ParseQueue(req.get_param_value("queue"));
    if (!q)
      return BadParam("queue", "unknown_queue",
                      Text{"没有这个队列；可选：" + app::QueueNames(),
                           "unknown queue; expected one of: " + app::QueueNames()});
    r.queue = *q;
  }
  auto& f = r.filters;
  if (req.has_param("state")) {
    std::string list = req.get_param_value("state");
    std::size_t pos = 0;
    while (pos <= list.size()) {
      const std::size_t end = std::min(list.find(',', pos), list.size());
      const std::string one = list.substr(pos, end - pos);
      auto s = FromWire<State>(one);
      if (!s)
        return BadParam(
            "state", "unknown_state",
            Text{"没有状态 '" + one + "'；可选：" + WireNamesList<State>(),
                 "unknown state '" + one + "'; expected one of: " + WireNamesList<State>()});
      f.states.push_back(*s);
      pos = end + 1;
    }
  }
  f.category_prefix = req.get_param_value("category");
  f.area_prefix = req.get_param_value("area");
  f.title_contains = req.get_param_value("q");
  LZ_ASSIGN_OR_RETURN(f.urgency, EnumParam<Urgency>(req, "urgency"));
  LZ_ASSIGN_OR_RETURN(f.channel, EnumParam<Channel>(req, "channel"));
  LZ_ASSIGN_OR_RETURN(f.type, EnumParam<RequestType>(req, "type"));
  if (req.has_param("unit")) {
    LZ_ASSIGN_OR_RETURN(UnitId u, ParseId(req.get_param_value("unit"), "unit"));
    f.handling_units = d.directory.Subtree(u);
  }
  if (req.has_param("mailbox")) {
    LZ_ASSIGN_OR_RETURN(f.mailbox, ParseId(req.get_param_value("mailbox"), "mailbox"));
  }
  if (req.has_param("from")) {
    LZ_ASSIGN_OR_RETURN(f.created_from, ParseTimestamp(req.get_param_value("from"), "from"));
  }
  if (req.has_param("to")) {
    LZ_ASSIGN_OR_RETURN(f.created_to, ParseTimestamp(req.get_param_value("to"), "to"));
  }
  LZ_ASSIGN_OR_RETURN(auto limit, LimitParam(req));
  if (limit) f.limit = *limit;
  LZ_ASSIGN_OR_RETURN(f.after, CursorParam(req));
  r.with_total = req.get_param_value("total") == "true";
  return r;
}

Status List(const RouteContext& ctx, const Request& req, Response& res) {
  LZ_ASSIGN_OR_RETURN(app::Principal p, ctx.Authenticate(req));
  LZ_ASSIGN_OR_RETURN(auto data, ctx.services.jurisdictions.Get(p.user.jurisdiction));
  LZ_ASSIGN_OR_RETURN(app::QueueRequest q, DecodeQueueRequest(req, *data));
  LZ_ASSIGN_OR_RETURN(app::QueuePage page, ctx.services.work_orders.List(p.user.jurisdiction, p.actor, q));
  const Timestamp now = ctx.services.time.Now();
  json items = json::array();
  for (const WorkOrder& wo : page.items) items.push_back(WorkOrderSummaryJson(wo, *data, now));
  json out = {{"items", items}, {"next_cursor", nullptr}};
  if (page.has_more && !page.items.empty()) {
    const WorkOrder& last = page.items.back();
    out["next_cursor"] = NextCursor(last.created_at, last.id);
  }
  if (page.total) out["total"] = *page.total;
  SendJson(res, 200, out);
  return OkStatus();
}

Status Counts(const RouteContext& ctx, const Request& req, Response& res) {
  LZ_ASSIGN_OR_RETURN(app::Principal p, ctx.Authenticate(req));
  LZ_ASSIGN_OR_RETURN(auto counts, ctx.services.work_orders.Counts(p.user.jurisdiction, p.actor));
  json out = json::object();
  for (const auto& [queue, n] : counts) out[std::string(app::QueueWireName(queue))] = n;
  SendJson(res, 200, {{"counts", out}});
  return OkStatus();
}

Status ShowView(const RouteContext& ctx, const app::Principal& p, WorkOrderId id,
                const Request& req, Response& res) {
  LZ_ASSIGN_OR_RETURN(auto data, ctx.services.jurisdictions.Get(p.user.jurisdiction));
  LZ_ASSIGN_OR_RETURN(app::WorkOrderView v, ctx.services.work_orders.View(p.user.jurisdiction, id, p.actor));
  SendJson(res, 200, WorkOrderViewJson(v, *data, ctx.services.time.Now(), PreferredLanguage(req)));
  return OkStatus();
}

Status Show(const RouteContext& ctx, const Request& req, Response& res) {
  LZ_ASSIGN_OR_RETURN(app::Principal p, ctx.Authenticate(req));
  LZ_ASSIGN_OR_RETURN(WorkOrderId id, ParseId(req.matches[1], "id"));
  return ShowView(ctx, p, id, req, res);
}

Status Act(const RouteContext& ctx, const Request& req, Response& res) {
  LZ_ASSIGN_OR_RETURN(app::Principal p, ctx.Authenticate(req));
  LZ_ASSIGN_OR_RETURN(WorkOrderId id, ParseId(req.matches[1], "id"));
  const std::string name = req.matches[2];
  auto action = FromWire<Action>(name);
  if (!action || !SpecOf(*action).by_people || *action == Action::kSubmit)
    return MakeError(ErrorCode::kNotFound, "unknown_action",
                     Text{"没有操作 '" + name + "'", "unknown action '" + name + "'"}, "action");
  LZ_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(req.body, true));
  LZ_ASSIGN_OR_RETURN(Command cmd, DecodeCommand(*action, body));
  LZ_ASSIGN_OR_RETURN(WorkOrder after, ctx.services.work_orders.Perform(p.user.jurisdiction, id, p.actor, cmd));
  // A unit that passed a work order down still sees it; one that returned
  // it may not any more, so answer with what it may still see.
  Status shown = ShowView(ctx, p, id, req, res);
  if (!shown.ok()) SendJson(res, 200, {{"id", id}, {"state", ToWire(after.state)}});
  return OkStatus();
}

void Route(Router& svr, const std::string& method, const std::string& pattern, const RouteContext& ctx,
           Status (*fn)(const RouteContext&, const Request&, Response&)) {
  auto h = [&ctx, fn](const Request& req, Response& res) {
    if (Status st = fn(ctx, req, res); !st.ok()) SendError(req, res, st.error());
  };
  if (method == "GET") svr.Get(pattern, h);
  else svr.Post(pattern, h);
}

}  // namespace

void RegisterWorkOrderRoutes(Router& svr, const RouteContext& ctx) {
  Route(svr, "GET", "/api/v1/work-orders", ctx, List);
  Route(svr, "GET", "/api/v1/work-orders/counts", ctx, Counts);
  Route(svr, "GET", R"(/api/v1/work-orders/(\d{1,19}))", ctx, Show);
  Route(svr, "POST", R"(/api/v1/work-orders/(\d{1,19})/([a-z_]{1,40}))", ctx, Act);
}

}  // namespace lizheng::api
