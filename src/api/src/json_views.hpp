// Private: how domain objects look on the wire. Staff views carry
// everything the workbench needs; the citizen's view carries only what a
// citizen may see of their own request.
#pragma once

#include <nlohmann/json.hpp>

#include "error_status.hpp"
#include "lizheng/app/jurisdiction_cache.hpp"
#include "lizheng/app/work_orders.hpp"

namespace lizheng::api {

using nlohmann::json;

// A share of `whole`, or null when `whole` is 0: an empty denominator (no
// reply yet, no rating yet) is "not known", never 0 %.
json RateJson(std::int64_t part, std::int64_t whole);

json ClockJson(const Clock& c, const app::JurisdictionData& d, Timestamp now);
json EventJson(const Event& e, const app::JurisdictionData& d);
// The queue row.
json WorkOrderSummaryJson(const WorkOrder& wo, const app::JurisdictionData& d, Timestamp now);
// The full work-order screen.
// Why the analytics suggest something: [{code, zh, en}].
json ReasonsJson(const std::vector<insight::AdviceReason>& reasons);

// An open work order that may be the same request: its queue row plus the
// similarity and the reasons.
json RepeatAdviceJson(const app::RepeatAdvice& r, const app::JurisdictionData& d, Timestamp now);

// The staff screen of a work order; the messages of its blocked actions are
// in `lang`, as the request's refusals would be.
json WorkOrderViewJson(const app::WorkOrderView& v, const app::JurisdictionData& d, Timestamp now,
                       Language lang);
// The citizen's view by tracking number and query code.
json CitizenViewJson(const app::WorkOrderView& v, const app::JurisdictionData& d);

// A published request on the public list (already masked by the app).
json PublishedRequestJson(const app::PublishedRequest& p, const app::JurisdictionData& d);

json UnitJson(const Unit& u);
json AreaJson(const Area& a);
json CategoryJson(const Category& c);
json MailboxJson(const Mailbox& m);
// With the name of the government it belongs to.
json MailboxJson(const Mailbox& m, const app::JurisdictionData& d);

}  // namespace lizheng::api
