// Drives work orders through the closed loop over the API as the demo users
// would, so a test can say "a work order in progress at dh-01" in one line.
// Every step expects success and adds a test failure otherwise.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "test_server.hpp"

namespace lizheng::e2e {

class ClosedLoop {
 public:
  // Reads the unit tree and the categories of the demo jurisdiction.
  explicit ClosedLoop(TestServer& server);

  TestServer& server() { return server_; }
  ApiClient& api() { return server_.api(); }
  std::string Token(const std::string& user) { return server_.Token(user); }

  // The id of the unit with `code` (fails the test if unknown).
  std::int64_t UnitId(const std::string& code) const;
  // A first-level category code (城乡建设 where the demo has it).
  const std::string& category() const { return category_; }
  // The demo users of a unit: its handler (the manager where the unit has
  // no handler) and its manager.
  static std::string HandlerOf(const std::string& unit_code);
  static std::string ManagerOf(const std::string& unit_code);

  // A request as a citizen files it: type complaint in area dh-01, with a
  // name and phone and consent to publication; `overrides` replace keys.
  static json RequestBody(const json& overrides = json::object());
  // Files as a citizen without an account; expects 201, returns the receipt.
  json File(const json& overrides = json::object());
  // Records a call as the operator; expects 201, returns the receipt (with
  // work_order_id) or the work order id.
  json RecordReceipt(const json& overrides = json::object());
  std::int64_t Record(const json& overrides = json::object());
  // The work order id of a tracking number, looked up in the dispatcher's
  // queue (newest first).
  std::int64_t IdOf(const std::string& tracking_no);

  // POST /api/v1/work-orders/{id}/{action} as `user`.
  ApiResponse Act(const std::string& user, std::int64_t id, const std::string& action,
                  const json& body = json::object());
  // Act expecting 200; returns the body.
  json Do(const std::string& user, std::int64_t id, const std::string& action,
          const json& body = json::object());
  // GET /api/v1/work-orders/{id} as `user`, expecting 200.
  json View(std::int64_t id, const std::string& user = "dispatcher");
  // The citizen's view; expects 200.
  json CitizenView(const std::string& tracking_no, const std::string& query_code);

  // Work orders brought to a state. `unit` is the code of the lead unit.
  std::int64_t Submitted(const json& overrides = json::object()) { return Record(overrides); }
  std::int64_t Accepted(const json& overrides = json::object());
  std::int64_t Dispatched(const std::string& unit, const json& overrides = json::object());
  // Signed for by the unit's handler.
  std::int64_t InProgress(const std::string& unit, const json& overrides = json::object());
  // In progress, and the citizen contacted.
  std::int64_t Contacted(const std::string& unit, const json& overrides = json::object());
  std::int64_t Replied(const std::string& unit, const json& overrides = json::object());
  std::int64_t Answered(const std::string& unit, const json& overrides = json::object());
  // Answered, called back: resolved and satisfied.
  std::int64_t Closed(const std::string& unit, const json& overrides = json::object());
  // Dispatched and returned by the unit's manager.
  std::int64_t Returned(const std::string& unit, const json& overrides = json::object());
  // Answered, called back unresolved and unsatisfied.
  std::int64_t Reopened(const std::string& unit, const json& overrides = json::object());

  // Steps on an existing work order.
  void Accept(std::int64_t id);
  void Dispatch(std::int64_t id, const std::string& unit);
  void SignFor(std::int64_t id, const std::string& unit);
  void ContactCitizen(std::int64_t id, const std::string& unit);
  void Reply(std::int64_t id, const std::string& unit,
             const std::string& text = "经核查，已督促物业整改。");
  void Approve(std::int64_t id);

 private:
  TestServer& server_;
  std::map<std::string, std::int64_t> units_;
  std::string category_;
  int counter_ = 0;
};

}  // namespace lizheng::e2e
