// The leader dashboard's figures: GET /api/v1/figures.
#include <set>

#include "routes.hpp"

namespace lizheng::api {
namespace {

json CountsJson(const store::FigureRow& r) {
  return {{"received", r.received},
          {"replied", r.replied},
          {"replied_on_time", r.replied_on_time},
          {"closed", r.closed},
          {"overdue", r.overdue},
          {"called_back", r.called_back},
          {"resolved", r.resolved},
          {"rated", r.rated},
          {"satisfied", r.satisfied},
          {"basically_satisfied", r.basically_satisfied},
          // 按时答复率, 解决率, 满意率 (satisfied or basically satisfied).
          {"on_time_rate", RateJson(r.replied_on_time, r.replied)},
          {"resolution_rate", RateJson(r.resolved, r.called_back)},
          {"satisfaction_rate", RateJson(r.satisfied + r.basically_satisfied, r.rated)}};
}

json GroupsJson(const std::vector<app::FigureGroup>& groups) {
  json out = json::array();
  for (const app::FigureGroup& g : groups) {
    json item = CountsJson(g.counts);
    item["key"] = g.key;
    item["label"] = g.label.empty() ? g.key : g.label;
    out.push_back(std::move(item));
  }
  return out;
}

Status Figures(const RouteContext& ctx, const Request& req, Response& res) {
  static const std::set<std::string> kKnown = {"from", "to"};
  for (const auto& [key, value] : req.params)
    if (!kKnown.count(key)) return UnknownQueryParam(key);
  LZ_ASSIGN_OR_RETURN(app::Principal p, ctx.Authenticate(req));
  LZ_ASSIGN_OR_RETURN(auto data, ctx.services.jurisdictions.Get(p.user.jurisdiction));
  // By default up to and including the current second (the window's end
  // is exclusive and times are whole seconds).
  Timestamp to = ctx.services.time.Now() + std::chrono::seconds(1);
  if (req.has_param("to")) {
    LZ_ASSIGN_OR_RETURN(to, ParseTimestamp(req.get_param_value("to"), "to"));
  }
  Timestamp from = to - std::chrono::days(30);
  if (req.has_param("from")) {
    LZ_ASSIGN_OR_RETURN(from, ParseTimestamp(req.get_param_value("from"), "from"));
  }
  LZ_ASSIGN_OR_RETURN(app::Figures f, ctx.services.work_orders.ComputeFigures(
                                          p.user.jurisdiction, p.actor, from, to));
  const int offset = data->directory.jurisdiction().utc_offset_minutes;
  SendJson(res, 200,
           {{"from", FormatTimestamp(f.from, offset)},
            {"to", FormatTimestamp(f.to, offset)},
            {"totals", CountsJson(f.totals)},
            {"by_day", GroupsJson(f.by_day)},
            {"by_channel", GroupsJson(f.by_channel)},
            {"by_type", GroupsJson(f.by_type)},
            {"by_category", GroupsJson(f.by_category)},
            {"by_district", GroupsJson(f.by_district)},
            {"by_unit", GroupsJson(f.by_unit)}});
  return OkStatus();
}

}  // namespace

void RegisterFigureRoutes(Router& svr, const RouteContext& ctx) {
  svr.Get("/api/v1/figures", [&ctx](const Request& req, Response& res) {
    if (Status st = Figures(ctx, req, res); !st.ok()) SendError(req, res, st.error());
  });
}

}  // namespace lizheng::api
