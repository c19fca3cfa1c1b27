// Read-only reference data: units, areas, categories, calendars,
// time limits and the enums with their labels. Public: the citizen portal
// needs them before anyone signs in.
#include <cmath>

#include "lizheng/app/district_map.hpp"
#include "routes.hpp"

namespace lizheng::api {
namespace {

template <class E>
json EnumList() {
  json out = json::array();
  for (const auto& n : EnumNames<E>()) out.push_back({{"code", n.wire}, {"label", n.zh}});
  return out;
}

using DataFn = json (*)(const app::JurisdictionData&, const Request&, Error*);

void Route(Router& svr, const std::string& pattern, const RouteContext& ctx, DataFn fn) {
  svr.Get(pattern, [&ctx, fn](const Request& req, Response& res) {
    auto data = ctx.Jurisdiction(req);
    if (!data.ok()) return SendError(req, res, data.error());
    Error err;
    json out = fn(**data, req, &err);
    if (!err.message.empty()) return SendError(req, res, err);
    SendJson(res, 200, out);
  });
}

json Units(const app::JurisdictionData& d, const Request&, Error*) {
  json items = json::array();
  for (const Unit& u : d.directory.units()) items.push_back(UnitJson(u));
  return {{"items", items}};
}

json Areas(const app::JurisdictionData& d, const Request&, Error*) {
  json items = json::array();
  for (const Area& a : d.directory.areas()) items.push_back(AreaJson(a));
  return {{"items", items}};
}

json Categories(const app::JurisdictionData& d, const Request&, Error*) {
  json items = json::array();
  for (const Category& c : d.directory.categories()) items.push_back(CategoryJson(c));
  return {{"items", items}};
}

json Calendar(const app::JurisdictionData& d, const Request& req, Error* err) {
  const int year = std::stoi(req.matches[1]);
  if (year < 1990 || year > 2100) {
    *err =
        BadParam("year", "out_of_range", Text{"须在 1990 到 2100 之间", "between 1990 and 2100"});
    return nullptr;
  }
  json days = json::array();
  for (const CalendarException& e : d.calendar.Exceptions(year))
    days.push_back({{"date", FormatDate(e.day)}, {"working", e.working}, {"name", e.name}});
  json periods = json::array();
  for (const WorkPeriod& p : d.calendar.periods())
    periods.push_back({{"begin_minute", p.begin_minute}, {"end_minute", p.end_minute}});
  return {{"year", year},
          {"official", d.calendar.CoversYear(year)},
          {"exceptions", days},
          {"working_periods", periods},
          {"utc_offset_minutes", d.calendar.utc_offset_minutes()}};
}

json TimeLimits(const app::JurisdictionData& d, const Request&, Error*) {
  json rules = json::array();
  for (const TimeLimitRule& r : d.limits.rules())
    rules.push_back({{"type", r.type ? json(ToWire(*r.type)) : json(nullptr)},
                     {"category_code", r.category_code.empty() ? json(nullptr) : json(r.category_code)},
                     {"urgency", r.urgency ? json(ToWire(*r.urgency)) : json(nullptr)},
                     {"sign_for", r.limits.sign_for.ToString()},
                     {"contact", r.limits.contact.ToString()},
                     {"reply", r.limits.reply.ToString()}});
  return {{"rules", rules},
          {"callback", d.policy.callback.ToString()},
          {"supervision", d.policy.supervision.ToString()},
          {"reopen_reply", d.policy.reopen_reply.ToString()},
          {"dispute_window_days", d.policy.dispute_window_days},
          {"max_extension_working_days", d.policy.max_extension_working_days},
          {"warn_at_percent", std::lround(d.policy.warn_fraction * 100)}};
}

json Meta(const app::JurisdictionData& d, const Request&, Error*) {
  return {{"jurisdiction", {{"code", d.directory.jurisdiction().code}, {"name", d.directory.jurisdiction().name}}},
          {"states", EnumList<State>()},
          {"request_types", EnumList<RequestType>()},
          {"channels", EnumList<Channel>()},
          {"urgencies", EnumList<Urgency>()},
          {"satisfactions", EnumList<Satisfaction>()},
          {"roles", EnumList<Role>()},
          {"actions", EnumList<Action>()},
          {"contact_methods", EnumList<ContactMethod>()},
          {"unit_kinds", EnumList<UnitKind>()}};
}

// GET /api/v1/map: the jurisdiction's district map as provided (GeoJSON).
Status DistrictMap(const RouteContext& ctx, const Request& req, Response& res) {
  LZ_ASSIGN_OR_RETURN(auto data, ctx.Jurisdiction(req));
  std::optional<std::string> map;
  LZ_RETURN_IF_ERROR(ctx.services.store.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(map, txn.GetJurisdictionFile(data->directory.jurisdiction().id,
                                                     app::kDistrictMapFile));
    return OkStatus();
  }));
  if (!map)
    return MakeError(ErrorCode::kNotFound, "no_district_map",
                     Text{"本辖区尚无区划地图，管理员可用 'lizheng map import' 导入",
                          "this jurisdiction has no district map; an administrator adds one with "
                          "'lizheng map import'"});
  res.status = 200;
  res.set_content(*map, "application/geo+json; charset=utf-8");
  return OkStatus();
}

}  // namespace

void RegisterReferenceRoutes(Router& svr, const RouteContext& ctx) {
  svr.Get("/api/v1/map", [&ctx](const Request& req, Response& res) {
    if (Status st = DistrictMap(ctx, req, res); !st.ok()) SendError(req, res, st.error());
  });
  Route(svr, "/api/v1/units", ctx, Units);
  Route(svr, "/api/v1/areas", ctx, Areas);
  Route(svr, "/api/v1/categories", ctx, Categories);
  Route(svr, R"(/api/v1/calendars/(\d{4}))", ctx, Calendar);
  Route(svr, "/api/v1/time-limits", ctx, TimeLimits);
  Route(svr, "/api/v1/meta", ctx, Meta);
}

}  // namespace lizheng::api
