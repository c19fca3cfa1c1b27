#include "closed_loop.hpp"

#include <gtest/gtest.h>

namespace lizheng::e2e {

ClosedLoop::ClosedLoop(TestServer& server) : server_(server) {
  ApiResponse units = api().Get("/api/v1/units");
  EXPECT_EQ(units.status, 200) << units.Describe();
  if (units["items"].is_array())
    for (const json& u : units["items"])
      units_[u["code"].get<std::string>()] = u["id"].get<std::int64_t>();
  ApiResponse cats = api().Get("/api/v1/categories");
  EXPECT_EQ(cats.status, 200) << cats.Describe();
  if (cats["items"].is_array()) {
    for (const json& c : cats["items"]) {
      if (c["level"] != 1) continue;
      if (category_.empty() || c["name"] == "城乡建设") category_ = c["code"].get<std::string>();
    }
  }
  EXPECT_FALSE(category_.empty()) << "the demo has no first-level category";
}

std::int64_t ClosedLoop::UnitId(const std::string& code) const {
  auto it = units_.find(code);
  if (it == units_.end()) {
    ADD_FAILURE() << "the demo has no unit '" << code << "'";
    return 999999;
  }
  return it->second;
}

std::string ClosedLoop::HandlerOf(const std::string& unit) {
  static const std::map<std::string, std::string> kHandlers = {
      {"dh", "dh_handler"},   {"dh-01", "dh01_handler"},   {"xs", "xs_manager"},
      {"zjj", "zjj_handler"}, {"zjj-wy", "zjjwy_handler"}, {"sthj", "sthj_handler"},
      {"rsj", "rsj_handler"}};
  auto it = kHandlers.find(unit);
  if (it == kHandlers.end()) ADD_FAILURE() << "no demo handler for unit " << unit;
  return it == kHandlers.end() ? "" : it->second;
}

std::string ClosedLoop::ManagerOf(const std::string& unit) {
  static const std::map<std::string, std::string> kManagers = {{"dh", "dh_manager"},
                                                               {"dh-01", "dh01_manager"},
                                                               {"xs", "xs_manager"},
                                                               {"zjj", "zjj_manager"}};
  auto it = kManagers.find(unit);
  if (it == kManagers.end()) ADD_FAILURE() << "no demo manager for unit " << unit;
  return it == kManagers.end() ? "" : it->second;
}

json ClosedLoop::RequestBody(const json& overrides) {
  json body = {
      {"type", "complaint"},
      {"title", "小区楼下夜间施工噪音扰民"},
      {"detail", "东湖区某小区旁工地每晚十一点后仍在施工，噪音很大，影响休息，请尽快处理。"},
      {"area_code", "dh-01"},
      {"address", "东湖区幸福路8号"},
      {"citizen", {{"name", "张三"}, {"phone", "13800138000"}}},
      {"consent_public", true}};
  for (const auto& [k, v] : overrides.items()) {
    if (v.is_null()) {
      body.erase(k);
    } else {
      body[k] = v;
    }
  }
  return body;
}

json ClosedLoop::File(const json& overrides) {
  ApiResponse r = api().Post("/api/v1/requests", RequestBody(overrides));
  EXPECT_EQ(r.status, 201) << r.Describe();
  return r.json_body;
}

json ClosedLoop::RecordReceipt(const json& overrides) {
  json body = RequestBody(overrides);
  if (!overrides.contains("title"))
    body["title"] = "夜间施工噪音扰民 " + std::to_string(++counter_);
  ApiResponse r = api().Post("/api/v1/requests", body, Token("operator"));
  EXPECT_EQ(r.status, 201) << r.Describe();
  if (!r["work_order_id"].is_number_integer())
    ADD_FAILURE() << "no work_order_id in the operator's receipt: " << r.Describe();
  return r.json_body;
}

std::int64_t ClosedLoop::Record(const json& overrides) {
  const json receipt = RecordReceipt(overrides);
  return receipt.contains("work_order_id") && receipt["work_order_id"].is_number_integer()
             ? receipt["work_order_id"].get<std::int64_t>()
             : 0;
}

std::int64_t ClosedLoop::IdOf(const std::string& tracking_no) {
  std::string path = "/api/v1/work-orders?limit=200";
  for (int page = 0; page < 20; ++page) {
    ApiResponse r = api().Get(path, Token("dispatcher"));
    if (r.status != 200 || !r["items"].is_array()) {
      ADD_FAILURE() << "listing work orders: " << r.Describe();
      return 0;
    }
    for (const json& item : r["items"])
      if (item["tracking_no"] == tracking_no) return item["id"].get<std::int64_t>();
    if (!r["next_cursor"].is_string()) break;
    path = "/api/v1/work-orders?limit=200&cursor=" + r["next_cursor"].get<std::string>();
  }
  ADD_FAILURE() << "no work order with tracking number " << tracking_no;
  return 0;
}

ApiResponse ClosedLoop::Act(const std::string& user, std::int64_t id, const std::string& action,
                            const json& body) {
  return api().Post("/api/v1/work-orders/" + std::to_string(id) + "/" + action, body, Token(user));
}

json ClosedLoop::Do(const std::string& user, std::int64_t id, const std::string& action,
                    const json& body) {
  ApiResponse r = Act(user, id, action, body);
  EXPECT_EQ(r.status, 200) << user << " " << action << " on work order " << id << " with "
                           << body.dump() << ": " << r.Describe();
  return r.json_body;
}

json ClosedLoop::View(std::int64_t id, const std::string& user) {
  ApiResponse r = api().Get("/api/v1/work-orders/" + std::to_string(id), Token(user));
  EXPECT_EQ(r.status, 200) << user << " reading work order " << id << ": " << r.Describe();
  return r.json_body;
}

json ClosedLoop::CitizenView(const std::string& tracking_no, const std::string& query_code) {
  ApiResponse r = api().Get("/api/v1/requests/" + tracking_no, "", {{"X-Query-Code", query_code}});
  EXPECT_EQ(r.status, 200) << "citizen reading " << tracking_no << ": " << r.Describe();
  return r.json_body;
}

void ClosedLoop::Accept(std::int64_t id) {
  Do("operator", id, "accept", {{"category_code", category_}});
}
void ClosedLoop::Dispatch(std::int64_t id, const std::string& unit) {
  Do("dispatcher", id, "dispatch", {{"unit_id", UnitId(unit)}});
}
void ClosedLoop::SignFor(std::int64_t id, const std::string& unit) {
  Do(HandlerOf(unit), id, "sign_for");
}
void ClosedLoop::ContactCitizen(std::int64_t id, const std::string& unit) {
  Do(HandlerOf(unit), id, "contact", {{"method", "phone"}, {"note", "已电话联系"}});
}
void ClosedLoop::Reply(std::int64_t id, const std::string& unit, const std::string& text) {
  Do(HandlerOf(unit), id, "reply", {{"text", text}});
}
void ClosedLoop::Approve(std::int64_t id) {
  Do("reviewer", id, "approve_reply");
}

std::int64_t ClosedLoop::Accepted(const json& overrides) {
  const std::int64_t id = Record(overrides);
  Accept(id);
  return id;
}
std::int64_t ClosedLoop::Dispatched(const std::string& unit, const json& overrides) {
  const std::int64_t id = Accepted(overrides);
  Dispatch(id, unit);
  return id;
}
std::int64_t ClosedLoop::InProgress(const std::string& unit, const json& overrides) {
  const std::int64_t id = Dispatched(unit, overrides);
  SignFor(id, unit);
  return id;
}
std::int64_t ClosedLoop::Contacted(const std::string& unit, const json& overrides) {
  const std::int64_t id = InProgress(unit, overrides);
  ContactCitizen(id, unit);
  return id;
}
std::int64_t ClosedLoop::Replied(const std::string& unit, const json& overrides) {
  const std::int64_t id = Contacted(unit, overrides);
  Reply(id, unit);
  return id;
}
std::int64_t ClosedLoop::Answered(const std::string& unit, const json& overrides) {
  const std::int64_t id = Replied(unit, overrides);
  Approve(id);
  return id;
}
std::int64_t ClosedLoop::Closed(const std::string& unit, const json& overrides) {
  const std::int64_t id = Answered(unit, overrides);
  Do("operator", id, "callback", {{"resolved", true}, {"satisfaction", "satisfied"}});
  return id;
}
std::int64_t ClosedLoop::Returned(const std::string& unit, const json& overrides) {
  const std::int64_t id = Dispatched(unit, overrides);
  Do(ManagerOf(unit), id, "return",
     {{"reason", "不属于本单位职责"}, {"legal_basis", "《物业管理条例》第五条"}});
  return id;
}
std::int64_t ClosedLoop::Reopened(const std::string& unit, const json& overrides) {
  const std::int64_t id = Answered(unit, overrides);
  Do("operator", id, "callback",
     {{"resolved", false}, {"satisfaction", "unsatisfied"}, {"note", "问题仍未解决"}});
  return id;
}

}  // namespace lizheng::e2e
