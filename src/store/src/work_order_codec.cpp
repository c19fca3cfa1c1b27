#include "work_order_codec.hpp"

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace lizheng::store {
namespace {

using nlohmann::json;

// Each struct's members are listed once, in a Visit function used by both the
// encoder and the decoder, so the two cannot drift apart.

template <class Self, class V>
void Visit(Self& c, V&& v) requires std::is_same_v<std::remove_const_t<Self>, Clock> {
  v("kind", c.kind);
  v("started", c.started);
  v("due", c.due);
  v("warn_at", c.warn_at);
  v("stopped", c.stopped);
  v("warned", c.warned);
  v("overdue", c.overdue);
}

template <class Self, class V>
void Visit(Self& x, V&& v) requires std::is_same_v<std::remove_const_t<Self>, Extension> {
  v("working_days", x.working_days);
  v("reason", x.reason);
  v("requested_at", x.requested_at);
  v("requested_by", x.requested_by);
}

template <class Self, class V>
void Visit(Self& s, V&& v) requires std::is_same_v<std::remove_const_t<Self>, Supervision> {
  v("note", s.note);
  v("by", s.by);
  v("opened_at", s.opened_at);
  v("open", s.open);
}

template <class Self, class V>
void Visit(Self& i, V&& v) requires std::is_same_v<std::remove_const_t<Self>, Instruction> {
  v("leader", i.leader);
  v("text", i.text);
  v("at", i.at);
  v("acknowledged_at", i.acknowledged_at);
  v("acknowledged_by", i.acknowledged_by);
}

template <class Self, class V>
void Visit(Self& r, V&& v) requires std::is_same_v<std::remove_const_t<Self>, Reply> {
  v("text", r.text);
  v("unit", r.unit);
  v("by", r.by);
  v("at", r.at);
}

template <class Self, class V>
void Visit(Self& c, V&& v) requires std::is_same_v<std::remove_const_t<Self>, CallbackResult> {
  v("resolved", c.resolved);
  v("satisfaction", c.satisfaction);
  v("note", c.note);
  v("at", c.at);
}

template <class Self, class V>
void Visit(Self& r, V&& v) requires std::is_same_v<std::remove_const_t<Self>, ReturnInfo> {
  v("unit", r.unit);
  v("reason", r.reason);
  v("legal_basis", r.legal_basis);
  v("at", r.at);
}

template <class Self, class V>
void Visit(Self& c, V&& v) requires std::is_same_v<std::remove_const_t<Self>, Citizen> {
  v("name", c.name);
  v("phone", c.phone);
}

template <class Self, class V>
void Visit(Self& r, V&& v) requires std::is_same_v<std::remove_const_t<Self>, RiskFlag> {
  v("kind", r.kind);
  v("level", r.level);
  v("evidence", r.evidence);
  v("reason", r.reason);
  v("reason_en", r.reason_en);
}

template <class Self, class V>
void Visit(Self& a, V&& v) requires std::is_same_v<std::remove_const_t<Self>, Assessment> {
  v("category_code", a.category_code);
  v("confidence", a.confidence);
  v("source", a.source);
  v("risks", a.risks);
  v("fast_lane", a.fast_lane);
}

template <class Self, class V>
void Visit(Self& w, V&& v) requires std::is_same_v<std::remove_const_t<Self>, WorkOrder> {
  v("id", w.id);
  v("jurisdiction", w.jurisdiction);
  v("tracking_no", w.tracking_no);
  v("query_code", w.query_code);
  v("idempotency_key", w.idempotency_key);
  v("channel", w.channel);
  v("type", w.type);
  v("urgency", w.urgency);
  v("title", w.title);
  v("detail", w.detail);
  v("category_code", w.category_code);
  v("category_source", w.category_source);
  v("area_code", w.area_code);
  v("address", w.address);
  v("citizen", w.citizen);
  v("mailbox", w.mailbox);
  v("consent_public", w.consent_public);
  v("recorded_by", w.recorded_by);
  v("state", w.state);
  v("created_at", w.created_at);
  v("updated_at", w.updated_at);
  v("version", w.version);
  v("lead_unit", w.lead_unit);
  v("handling_unit", w.handling_unit);
  v("assisting_units", w.assisting_units);
  v("merged_into", w.merged_into);
  v("merged", w.merged);
  v("clocks", w.clocks);
  v("pending_extension", w.pending_extension);
  v("extensions_granted", w.extensions_granted);
  v("extensions_refused", w.extensions_refused);
  v("draft_reply", w.draft_reply);
  v("review_comment", w.review_comment);
  v("reply", w.reply);
  v("contacted_at", w.contacted_at);
  v("callback", w.callback);
  v("citizen_rating", w.citizen_rating);
  v("citizen_comment", w.citizen_comment);
  v("reject_reason", w.reject_reason);
  v("last_return", w.last_return);
  v("return_count", w.return_count);
  v("redispatch_count", w.redispatch_count);
  v("reopen_count", w.reopen_count);
  v("disputed", w.disputed);
  v("closed_at", w.closed_at);
  v("supervision", w.supervision);
  v("escalated", w.escalated);
  v("fast_lane", w.fast_lane);
  v("suspected_flood", w.suspected_flood);
  v("instructions", w.instructions);
  v("watchers", w.watchers);
  v("published", w.published);
  v("assessment", w.assessment);
}

template <class T>
concept Visitable = requires(T& t) {
  Visit(t, [](const char*, auto&) {});
};

// ---- encoding ----

json ToJson(const std::string& s) { return s; }
json ToJson(bool b) { return b; }
json ToJson(std::int64_t i) { return i; }
json ToJson(int i) { return i; }
json ToJson(double d) { return d; }
json ToJson(Timestamp t) { return static_cast<std::int64_t>(t.time_since_epoch().count()); }
template <class E>
requires std::is_enum_v<E> json ToJson(E e) { return std::string(ToWire(e)); }
template <Visitable T>
json ToJson(const T& t);
template <class T>
json ToJson(const std::optional<T>& o) {
  return o ? ToJson(*o) : json(nullptr);
}
template <class T>
json ToJson(const std::vector<T>& items) {
  json out = json::array();
  for (const T& item : items) out.push_back(ToJson(item));
  return out;
}
template <Visitable T>
json ToJson(const T& t) {
  json out = json::object();
  Visit(t, [&out](const char* key, const auto& member) { out[key] = ToJson(member); });
  return out;
}

// ---- decoding ----

// Thrown only inside this file and caught by the Decode* functions.
struct DecodeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void FromJson(const json& j, std::string& out) { out = j.get<std::string>(); }
void FromJson(const json& j, bool& out) { out = j.get<bool>(); }
void FromJson(const json& j, std::int64_t& out) { out = j.get<std::int64_t>(); }
void FromJson(const json& j, int& out) { out = j.get<int>(); }
void FromJson(const json& j, double& out) { out = j.get<double>(); }
void FromJson(const json& j, Timestamp& out) {
  out = Timestamp{std::chrono::seconds{j.get<std::int64_t>()}};
}
template <class E>
requires std::is_enum_v<E>
void FromJson(const json& j, E& out) {
  const auto wire = j.get<std::string>();
  auto value = FromWire<E>(wire);
  if (!value) throw DecodeError("unknown enum name '" + wire + "'");
  out = *value;
}
template <Visitable T>
void FromJson(const json& j, T& out);
template <class T>
void FromJson(const json& j, std::optional<T>& out) {
  if (j.is_null()) {
    out.reset();
    return;
  }
  T value{};
  FromJson(j, value);
  out = std::move(value);
}
template <class T>
void FromJson(const json& j, std::vector<T>& out) {
  if (!j.is_array()) throw DecodeError("expected an array");
  out.clear();
  for (const json& item : j) {
    T value{};
    FromJson(item, value);
    out.push_back(std::move(value));
  }
}
template <Visitable T>
void FromJson(const json& j, T& out) {
  if (!j.is_object()) throw DecodeError("expected an object");
  Visit(out, [&j](const char* key, auto& member) {
    auto it = j.find(key);
    if (it == j.end()) return;  // an older document: keep the default
    try {
      FromJson(*it, member);
    } catch (const std::exception& e) {
      throw DecodeError(std::string(key) + ": " + e.what());
    }
  });
}

Result<std::string> Dump(const json& doc) {
  try {
    return doc.dump();
  } catch (const json::type_error& e) {
    // 316: a string that is not valid UTF-8.
    return MakeError(ErrorCode::kInvalidArgument, "invalid_utf8",
                     Text{"字段 text：不是有效的 UTF-8", "text: not valid UTF-8"}, "text",
                     e.what());
  }
}

}  // namespace

Result<std::string> EncodeWorkOrder(const WorkOrder& wo) { return Dump(ToJson(wo)); }

Result<WorkOrder> DecodeWorkOrder(std::string_view doc) {
  try {
    WorkOrder wo;
    const json parsed = json::parse(doc);
    FromJson(parsed, wo);
    // Documents written before the category's source was kept: a category
    // was then always chosen by people.
    if (!parsed.contains("category_source") && !wo.category_code.empty())
      wo.category_source = CategorySource::kStaff;
    return wo;
  } catch (const std::exception& e) {
    return MakeError(
        ErrorCode::kInternal, "internal_error",
        Text{"一份已保存的工单无法读取，已记录日志", "a stored work order could not be read"}, "",
        std::string("work order document: ") + e.what());
  }
}

Result<std::string> EncodeEventData(const EventData& data) {
  json out = json::array();
  for (const auto& [key, value] : data) out.push_back(json::array({key, value}));
  return Dump(out);
}

Result<EventData> DecodeEventData(std::string_view doc) {
  try {
    const json j = json::parse(doc);
    if (!j.is_array()) throw DecodeError("expected an array");
    EventData data;
    for (const json& pair : j) {
      if (!pair.is_array() || pair.size() != 2) throw DecodeError("expected [key, value]");
      data.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    }
    return data;
  } catch (const std::exception& e) {
    return MakeError(
        ErrorCode::kInternal, "internal_error",
        Text{"一条已保存的记录无法读取，已记录日志", "a stored event could not be read"}, "",
        std::string("event data: ") + e.what());
  }
}

}  // namespace lizheng::store
