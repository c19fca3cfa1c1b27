// The analytics beside a work order: GET /api/v1/work-orders/{id}/advice
// (category, top three lead units with reasons, open repeats).
#include "routes.hpp"

namespace lizheng::api {
namespace {

json CategoryAdviceJson(const std::optional<app::CategoryAdvice>& c, const app::JurisdictionData& d) {
  if (!c) return nullptr;
  const Category* cat = d.directory.FindCategory(c->category_code);
  return {{"code", c->category_code},
          {"name", cat ? cat->name : ""},
          {"confidence", c->confidence},
          {"source", ToWire(c->source)},
          {"keywords", c->keywords}};
}

json ReplyQualityJson(const app::Advice& a) {
  if (!a.reply_quality) return nullptr;
  const insight::ReplyAssessment& q = *a.reply_quality;
  json dims = json::array();
  for (const insight::DimensionScore& ds : q.dimensions) {
    json reasons = json::array();
    for (const insight::ReplyReason& r : ds.reasons)
      reasons.push_back({{"code", insight::ReasonCodeName(r.code)}, {"problem", r.problem}, {"zh", r.zh}, {"en", r.en}});
    dims.push_back({{"dimension", insight::DimensionName(ds.dimension)},
                    {"zh", insight::DimensionLabelZh(ds.dimension)},
                    {"en", insight::DimensionLabelEn(ds.dimension)},
                    {"assessed", ds.assessed},
                    {"score", ds.score},
                    {"reasons", reasons}});
  }
  return {{"of", a.reply_is_draft ? "draft" : "reply"},
          {"overall", q.overall},
          {"verdict",
           {{"code", insight::VerdictName(q.verdict)},
            {"zh", insight::VerdictLabelZh(q.verdict)},
            {"en", insight::VerdictLabelEn(q.verdict)}}},
          {"dimensions", dims}};
}

json AdviceJson(const app::Advice& a, const app::JurisdictionData& d, Timestamp now) {
  json units = json::array();
  for (const insight::UnitSuggestion& u : a.units) {
    const Unit* unit = d.directory.FindUnit(u.unit);
    units.push_back({{"unit_id", u.unit},
                     {"name", unit ? unit->name : ""},
                     {"score", u.score},
                     {"reasons", ReasonsJson(u.reasons)}});
  }
  json repeats = json::array();
  for (const app::RepeatAdvice& r : a.repeats) repeats.push_back(RepeatAdviceJson(r, d, now));
  return {{"category", CategoryAdviceJson(a.category, d)},
          {"units", units},
          {"repeats", repeats},
          {"reply_quality", ReplyQualityJson(a)}};
}

Status ShowAdvice(const RouteContext& ctx, const Request& req, Response& res) {
  LZ_ASSIGN_OR_RETURN(app::Principal p, ctx.Authenticate(req));
  LZ_ASSIGN_OR_RETURN(WorkOrderId id, ParseId(req.matches[1], "id"));
  LZ_ASSIGN_OR_RETURN(auto data, ctx.services.jurisdictions.Get(p.user.jurisdiction));
  // The same visibility as the work order itself.
  LZ_ASSIGN_OR_RETURN(app::WorkOrderView v, ctx.services.work_orders.View(p.user.jurisdiction, id, p.actor));
  LZ_ASSIGN_OR_RETURN(app::Advice advice, ctx.services.insights.Advise(*data, v.wo));
  // A unit sees only the repeats it may see anyway.
  std::erase_if(advice.repeats, [&](const app::RepeatAdvice& r) {
    return !app::IsVisibleTo(data->directory, r.work_order, p.actor);
  });
  SendJson(res, 200, AdviceJson(advice, *data, ctx.services.time.Now()));
  return OkStatus();
}

}  // namespace

void RegisterAdviceRoutes(Router& svr, const RouteContext& ctx) {
  svr.Get(R"(/api/v1/work-orders/(\d{1,19})/advice)", [&ctx](const Request& req, Response& res) {
    if (Status st = ShowAdvice(ctx, req, res); !st.ok()) SendError(req, res, st.error());
  });
}

}  // namespace lizheng::api
