// The hot spots (热点问题): GET /api/v1/hotspots gives the data set's two
// tables -- 热点问题表 (rank, issue id, hotness, time range, place or
// people, description) and 热点问题留言明细表 (the member requests) -- and
// the latest surge and new-topic alerts; or, with issue=ID, that one issue
// with its members and alerts. Centre roles and leaders only.
#include <set>

#include "routes.hpp"

namespace lizheng::api {
namespace {

namespace hs = insight::hotspots;

json IssueJson(const app::HotIssue& issue, std::size_t rank, const app::JurisdictionData& d) {
  const hs::IssueSummary& s = issue.summary;
  const hs::HotnessInputs& in = s.inputs;
  const int offset = d.directory.jurisdiction().utc_offset_minutes;
  return {{"rank", rank},
          {"issue_id", s.id},
          {"hotness", s.hotness},
          {"first", FormatTimestamp(s.first, offset)},
          {"last", FormatTimestamp(s.last, offset)},
          {"place_or_people", s.place_or_people},
          {"description", s.description},
          {"keywords", s.keywords},
          {"open", s.open},
          {"messages", in.messages},
          {"citizens", in.citizens},
          {"support_votes", in.support_votes},
          {"urgent_messages", in.urgent_messages},
          {"growth", in.growth}};
}

json DetailJson(const WorkOrder& wo, std::uint64_t issue, const app::JurisdictionData& d) {
  return {{"issue_id", issue},
          {"id", wo.id},
          {"tracking_no", wo.tracking_no},
          {"citizen", wo.citizen.name},
          {"title", wo.title},
          {"created_at", FormatTimestamp(wo.created_at, d.directory.jurisdiction().utc_offset_minutes)},
          {"detail", wo.detail},
          {"support_votes", 0},
          {"against_votes", 0}};
}

Status Hotspots(const RouteContext& ctx, const Request& req, Response& res) {
  static const std::set<std::string> kKnown = {"top", "window", "members", "issue"};
  for (const auto& [key, value] : req.params)
    if (!kKnown.count(key)) return UnknownQueryParam(key);
  LZ_ASSIGN_OR_RETURN(app::Principal p, ctx.Authenticate(req));
  if (p.actor.role == Role::kUnitHandler || p.actor.role == Role::kUnitManager)
    return MakeError(ErrorCode::kForbidden, "hotspots_forbidden",
                     Text{"热点仅供中心和领导查看", "hot spots are for the centre and leaders"});
  std::int64_t top = 10, members = 20;
  if (req.has_param("top")) {
    LZ_ASSIGN_OR_RETURN(top, ParseId(req.get_param_value("top"), "top"));
    if (top > 100) return BadParam("top", "out_of_range", Text{"最大为 100", "at most 100"});
  }
  if (req.has_param("members")) {
    LZ_ASSIGN_OR_RETURN(members, ParseId(req.get_param_value("members"), "members"));
    if (members > 200)
      return BadParam("members", "out_of_range", Text{"最大为 200", "at most 200"});
  }
  const std::string window = req.has_param("window") ? req.get_param_value("window") : "now";
  if (window != "now" && window != "all")
    return BadParam(
        "window", "unknown_value",
        Text{"应为 'now'（近一周活跃）或 'all'（近 30 天及已办结的热点）",
             "'now' (active in the last week) or 'all' (the last 30 days and closed issues)"});
  LZ_ASSIGN_OR_RETURN(auto data, ctx.services.jurisdictions.Get(p.user.jurisdiction));
  app::HotspotsView view;
  if (req.has_param("issue")) {
    // One issue, whatever its rank: what a dashboard row or an alert opens.
    if (req.has_param("top") || req.has_param("window"))
      return MakeError(
          ErrorCode::kInvalidArgument, "issue_alone",
          Text{"issue：按问题ID查询单个热点问题时，不要同时给出 top 或 window",
               "issue: one issue is asked for by its id alone; leave out top and window"},
          "issue");
    LZ_ASSIGN_OR_RETURN(std::int64_t issue, ParseId(req.get_param_value("issue"), "issue"));
    LZ_ASSIGN_OR_RETURN(view, ctx.services.insights.HotspotIssue(
                                  p.user.jurisdiction, static_cast<hs::IssueId>(issue),
                                  static_cast<std::size_t>(members)));
  } else {
    LZ_ASSIGN_OR_RETURN(
        view, ctx.services.insights.Hotspots(p.user.jurisdiction, static_cast<std::size_t>(top),
                                             window == "now", static_cast<std::size_t>(members)));
  }
  json issues = json::array(), details = json::array(), alerts = json::array();
  const bool ranked = !req.has_param("issue");
  for (std::size_t i = 0; i < view.issues.size(); ++i) {
    issues.push_back(IssueJson(view.issues[i], ranked ? i + 1 : 0, *data));
    for (const WorkOrder& wo : view.issues[i].members)
      details.push_back(DetailJson(wo, view.issues[i].summary.id, *data));
  }
  const int offset = data->directory.jurisdiction().utc_offset_minutes;
  for (const hs::HotspotAlert& a : view.alerts)
    alerts.push_back({{"kind", hs::AlertKindName(a.kind)},
                      {"issue_id", a.issue},
                      {"at", FormatTimestamp(a.at, offset)},
                      {"recent_messages", a.recent_messages},
                      {"baseline_per_week", a.baseline_per_week},
                      {"growth", a.growth},
                      {"place", a.place},
                      {"description", a.description}});
  SendJson(res, 200,
           {{"ready", view.ready}, {"window", window}, {"issues", issues}, {"details", details}, {"alerts", alerts}});
  return OkStatus();
}

}  // namespace

void RegisterHotspotRoutes(Router& svr, const RouteContext& ctx) {
  svr.Get("/api/v1/hotspots", [&ctx](const Request& req, Response& res) {
    if (Status st = Hotspots(ctx, req, res); !st.ok()) SendError(req, res, st.error());
  });
}

}  // namespace lizheng::api
