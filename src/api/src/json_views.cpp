#include "json_views.hpp"

namespace lizheng::api {
namespace {

std::string Ts(Timestamp t, const app::JurisdictionData& d) {
  return FormatTimestamp(t, d.directory.jurisdiction().utc_offset_minutes);
}

json OptTs(const std::optional<Timestamp>& t, const app::JurisdictionData& d) {
  return t ? json(Ts(*t, d)) : json(nullptr);
}

json UnitRef(const std::optional<UnitId>& id, const app::JurisdictionData& d) {
  if (!id) return nullptr;
  const Unit* u = d.directory.FindUnit(*id);
  return {{"id", *id}, {"name", u ? u->name : ""}};
}

json ReplyJson(const std::optional<Reply>& r, const app::JurisdictionData& d) {
  if (!r) return nullptr;
  return {{"text", r->text}, {"unit", UnitRef(r->unit ? std::optional<UnitId>(r->unit) : std::nullopt, d)},
          {"at", Ts(r->at, d)}};
}

json Label(std::string_view wire, std::string_view zh) { return {{"code", wire}, {"label", zh}}; }

template <class E>
json Enum(E e) {
  return Label(ToWire(e), ToChinese(e));
}

// The state as the citizen is told it. A return (退回) is the centre's and
// the unit's business and is hidden from the citizen's timeline; until the
// centre sends the request on, it is still waiting for a unit to sign for it.
State CitizenState(State s) { return s == State::kReturned ? State::kDispatched : s; }

}  // namespace

json ClockJson(const Clock& c, const app::JurisdictionData& d, Timestamp now) {
  json j = {{"kind", ToWire(c.kind)},          {"label", ToChinese(c.kind)},
            {"started_at", Ts(c.started, d)},  {"due_at", Ts(c.due, d)},
            {"warn_at", Ts(c.warn_at, d)},     {"stopped_at", OptTs(c.stopped, d)},
            {"warned", c.warned},              {"overdue", c.overdue}};
  if (!c.stopped) {
    // Remaining working minutes, negative once past due: what the
    // countdown on the work-order screen shows.
    const bool late = now > c.due;
    const auto mins = late ? d.calendar.WorkingMinutesBetween(c.due, now)
                           : d.calendar.WorkingMinutesBetween(now, c.due);
    j["remaining_working_minutes"] = late ? -mins : mins;
    j["remaining_seconds"] = (c.due - now).count();
  }
  return j;
}

json EventJson(const Event& e, const app::JurisdictionData& d) {
  json data = json::object();
  for (const auto& [k, v] : e.data) {
    // Repeated keys (several assisting units) become arrays.
    if (data.contains(k)) {
      if (!data[k].is_array()) data[k] = json::array({data[k]});
      data[k].push_back(v);
    } else {
      data[k] = v;
    }
  }
  return {{"seq", e.seq},
          {"action", ToWire(e.action)},
          {"label", ToChinese(e.action)},
          {"from", ToWire(e.from)},
          {"to", ToWire(e.to)},
          {"actor", {{"role", ToWire(e.actor_role)}, {"user_id", e.actor_user}, {"name", e.actor_name},
                     {"unit", UnitRef(e.actor_unit, d)}}},
          {"at", Ts(e.at, d)},
          {"public", e.is_public},
          {"data", data},
          {"hash", e.hash}};
}

json WorkOrderSummaryJson(const WorkOrder& wo, const app::JurisdictionData& d, Timestamp now) {
  json clocks = json::array();
  for (const Clock& c : wo.clocks)
    if (!c.stopped) clocks.push_back(ClockJson(c, d, now));
  const Category* cat = d.directory.FindCategory(wo.category_code);
  const Area* area = d.directory.FindArea(wo.area_code);
  return {{"id", wo.id},
          {"tracking_no", wo.tracking_no},
          {"title", wo.title},
          {"state", Enum(wo.state)},
          {"type", Enum(wo.type)},
          {"channel", Enum(wo.channel)},
          {"urgency", Enum(wo.urgency)},
          {"category", wo.category_code.empty() ? json(nullptr)
                                                : json{{"code", wo.category_code},
                                                       {"name", cat ? cat->name : ""},
                                                       {"source", ToWire(wo.category_source)}}},
          {"area", {{"code", wo.area_code}, {"name", area ? area->name : ""}}},
          {"lead_unit", UnitRef(wo.lead_unit, d)},
          {"handling_unit", UnitRef(wo.handling_unit, d)},
          {"created_at", Ts(wo.created_at, d)},
          {"updated_at", Ts(wo.updated_at, d)},
          {"overdue", wo.IsOverdue()},
          {"supervised", wo.supervision && wo.supervision->open},
          {"fast_lane", wo.fast_lane},
          {"suspected_flood", wo.suspected_flood},
          {"running_clocks", clocks},
          {"version", wo.version}};
}

json ReasonsJson(const std::vector<insight::AdviceReason>& reasons) {
  json out = json::array();
  for (const auto& r : reasons) out.push_back({{"code", r.code}, {"zh", r.zh}, {"en", r.en}});
  return out;
}

json RepeatAdviceJson(const app::RepeatAdvice& r, const app::JurisdictionData& d, Timestamp now) {
  json item = WorkOrderSummaryJson(r.work_order, d, now);
  item["score"] = r.match.score;
  item["text_similarity"] = r.match.text_similarity;
  item["reasons"] = ReasonsJson(r.match.reasons);
  return item;
}

json AssessmentJson(const std::optional<Assessment>& a, const app::JurisdictionData& d) {
  if (!a) return nullptr;
  json risks = json::array();
  for (const RiskFlag& r : a->risks)
    risks.push_back({{"kind", Enum(r.kind)},
                     {"level", Enum(r.level)},
                     {"evidence", r.evidence},
                     {"reason", r.reason},
                     {"reason_en", r.reason_en}});
  const Category* cat = d.directory.FindCategory(a->category_code);
  return {{"category", a->category_code.empty() ? json(nullptr)
                                                : json{{"code", a->category_code},
                                                       {"name", cat ? cat->name : ""},
                                                       {"confidence", a->confidence},
                                                       {"source", ToWire(a->source)}}},
          {"risks", risks},
          {"fast_lane", a->fast_lane}};
}

json WorkOrderViewJson(const app::WorkOrderView& v, const app::JurisdictionData& d, Timestamp now,
                       Language lang) {
  const WorkOrder& wo = v.wo;
  json j = WorkOrderSummaryJson(wo, d, now);
  j["detail"] = wo.detail;
  j["address"] = wo.address;
  j["citizen"] = {{"name", wo.citizen.name}, {"phone", wo.citizen.phone}};
  j["mailbox"] = wo.mailbox ? json(*wo.mailbox) : json(nullptr);
  j["consent_public"] = wo.consent_public;
  j["published"] = wo.published;
  json assisting = json::array();
  for (UnitId a : wo.assisting_units) assisting.push_back(UnitRef(a, d));
  j["assisting_units"] = assisting;
  json clocks = json::array();
  for (const Clock& c : wo.clocks) clocks.push_back(ClockJson(c, d, now));
  j["clocks"] = clocks;
  j["draft_reply"] = ReplyJson(wo.draft_reply, d);
  j["review_comment"] = wo.review_comment;
  j["reply"] = ReplyJson(wo.reply, d);
  j["contacted_at"] = OptTs(wo.contacted_at, d);
  j["pending_extension"] = wo.pending_extension
                               ? json{{"working_days", wo.pending_extension->working_days},
                                      {"reason", wo.pending_extension->reason},
                                      {"requested_at", Ts(wo.pending_extension->requested_at, d)}}
                               : json(nullptr);
  j["extensions_granted"] = wo.extensions_granted;
  j["extensions_refused"] = wo.extensions_refused;
  j["callback"] = wo.callback ? json{{"resolved", wo.callback->resolved},
                                     {"satisfaction", Enum(wo.callback->satisfaction)},
                                     {"note", wo.callback->note},
                                     {"at", Ts(wo.callback->at, d)}}
                              : json(nullptr);
  j["citizen_rating"] = wo.citizen_rating ? Enum(*wo.citizen_rating) : json(nullptr);
  j["last_return"] = wo.last_return ? json{{"unit", UnitRef(wo.last_return->unit, d)},
                                           {"reason", wo.last_return->reason},
                                           {"legal_basis", wo.last_return->legal_basis},
                                           {"at", Ts(wo.last_return->at, d)}}
                                    : json(nullptr);
  j["counts"] = {{"returns", wo.return_count},
                 {"redispatches", wo.redispatch_count},
                 {"reopens", wo.reopen_count}};
  j["reject_reason"] = wo.reject_reason;
  j["disputed"] = wo.disputed;
  j["closed_at"] = OptTs(wo.closed_at, d);
  j["supervision"] = wo.supervision ? json{{"open", wo.supervision->open},
                                           {"note", wo.supervision->note},
                                           {"by", wo.supervision->by},
                                           {"opened_at", Ts(wo.supervision->opened_at, d)}}
                                    : json(nullptr);
  j["escalated"] = wo.escalated;
  json instructions = json::array();
  for (const Instruction& i : wo.instructions)
    instructions.push_back({{"leader", i.leader},
                            {"text", i.text},
                            {"at", Ts(i.at, d)},
                            {"acknowledged_at", OptTs(i.acknowledged_at, d)}});
  j["instructions"] = instructions;
  j["watchers"] = wo.watchers;
  j["assessment"] = AssessmentJson(wo.assessment, d);
  j["merged_into"] = wo.merged_into ? json(*wo.merged_into) : json(nullptr);
  json merged = json::array();
  for (const WorkOrder& m : v.merged)
    merged.push_back({{"id", m.id}, {"tracking_no", m.tracking_no}, {"title", m.title}});
  j["merged"] = merged;
  json timeline = json::array();
  for (const Event& e : v.events) timeline.push_back(EventJson(e, d));
  j["timeline"] = timeline;
  json allowed = json::array();
  for (Action a : v.allowed_actions) allowed.push_back(Enum(a));
  j["allowed_actions"] = allowed;
  json blocked = json::array();
  for (const auto& [action, missing] : v.blocked_actions) {
    const Error refusal = PrerequisiteError(missing);
    blocked.push_back({{"action", Enum(action)},
                       {"reason", refusal.reason},
                       {"message", MessageIn(refusal, lang)}});
  }
  j["blocked_actions"] = blocked;
  return j;
}

json CitizenViewJson(const app::WorkOrderView& v, const app::JurisdictionData& d) {
  const WorkOrder& wo = v.wo;
  json timeline = json::array();
  for (const Event& e : v.events) {
    json item = {{"action", ToWire(e.action)}, {"label", ToChinese(e.action)}, {"at", Ts(e.at, d)},
                 {"state", Enum(CitizenState(e.to))}};
    // Which unit has it is public; staff names, notes and reasons are not,
    // except why a request was not accepted or taken out of a merge.
    for (const auto& [k, val] : e.data) {
      if (k == "unit_id_name") item["unit"] = val;
      if ((e.action == Action::kReject || e.action == Action::kUnmerge) && k == "reason")
        item["reason"] = val;
    }
    timeline.push_back(item);
  }
  json allowed = json::array();
  for (Action a : v.allowed_actions) allowed.push_back(Enum(a));
  const std::optional<Reply>& reply = wo.reply;
  json j = {{"tracking_no", wo.tracking_no},
            {"title", wo.title},
            {"detail", wo.detail},
            {"type", Enum(wo.type)},
            {"channel", Enum(wo.channel)},
            {"state", Enum(CitizenState(wo.state))},
            {"created_at", Ts(wo.created_at, d)},
            // The unit that returned it no longer has it.
            {"handling_unit", UnitRef(wo.state == State::kReturned ? std::nullopt : wo.handling_unit, d)},
            {"timeline", timeline},
            {"reply", ReplyJson(reply, d)},
            {"rating", wo.citizen_rating ? Enum(*wo.citizen_rating) : json(nullptr)},
            {"disputed", wo.disputed},
            {"closed_at", OptTs(wo.closed_at, d)},
            {"allowed_actions", allowed}};
  // When the citizen can expect the answer: the running reply clock's due
  // time (extensions included), once the request has been dispatched.
  const Clock* reply_clock = wo.RunningClock(ClockKind::kReply);
  j["reply_due"] = reply_clock ? json(Ts(reply_clock->due, d)) : json(nullptr);
  if (v.primary)
    j["merged_into"] = {{"tracking_no", v.primary->tracking_no}, {"state", Enum(CitizenState(v.primary->state))}};
  return j;
}

json PublishedRequestJson(const app::PublishedRequest& p, const app::JurisdictionData& d) {
  const Category* cat = d.directory.FindCategory(p.category_code);
  const Area* area = d.directory.FindArea(p.area_code);
  json reply = nullptr;
  if (p.reply) {
    const Unit* u = d.directory.FindUnit(p.reply->unit);
    reply = {{"text", p.reply->text}, {"unit_name", u ? u->name : ""}, {"replied_at", Ts(p.reply->at, d)}};
  }
  return {{"tracking_no", p.tracking_no},
          {"title", p.title},
          {"detail", p.detail},
          {"type", Enum(p.type)},
          {"category", p.category_code.empty() ? json(nullptr)
                                               : json{{"code", p.category_code}, {"name", cat ? cat->name : ""}}},
          {"area", p.area_code.empty() ? json(nullptr)
                                       : json{{"code", p.area_code}, {"name", area ? area->name : ""}}},
          {"created_at", Ts(p.created_at, d)},
          {"state", Enum(p.state)},
          {"reply", reply},
          {"satisfaction", p.satisfaction ? Enum(*p.satisfaction) : json(nullptr)}};
}

json UnitJson(const Unit& u) {
  return {{"id", u.id},         {"parent_id", u.parent ? json(*u.parent) : json(nullptr)},
          {"code", u.code},     {"name", u.name},
          {"kind", Enum(u.kind)}, {"area_code", u.area_code},
          {"active", u.active}};
}

json AreaJson(const Area& a) {
  return {{"code", a.code}, {"name", a.name}, {"parent_code", a.parent_code.empty() ? json(nullptr) : json(a.parent_code)},
          {"level", a.level}};
}

json CategoryJson(const Category& c) {
  return {{"code", c.code}, {"name", c.name}, {"parent_code", c.parent_code.empty() ? json(nullptr) : json(c.parent_code)},
          {"level", c.level}};
}

json MailboxJson(const Mailbox& m, const app::JurisdictionData& d) {
  json j = MailboxJson(m);
  const Unit* u = d.directory.FindUnit(m.unit);
  j["unit_name"] = u ? u->name : "";
  return j;
}

json MailboxJson(const Mailbox& m) {
  return {{"id", m.id},   {"code", m.code}, {"name", m.name}, {"level", Enum(m.level)},
          {"unit_id", m.unit}};
}

json RateJson(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return nullptr;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace lizheng::api
