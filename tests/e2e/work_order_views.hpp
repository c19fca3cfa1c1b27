// Reading the JSON of work-order views in the end-to-end tests: state,
// timeline, clocks, offered actions, queues.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "server_suite.hpp"

namespace lizheng::e2e {

inline std::string StateOf(const json& view) {
  return view["state"]["code"].get<std::string>();
}

inline std::vector<std::string> TimelineActions(const json& view) {
  std::vector<std::string> out;
  for (const json& e : view["timeline"]) out.push_back(e["action"].get<std::string>());
  return out;
}

// The due instant of the latest reply clock.
inline std::string ReplyDue(const json& view) {
  std::string due;
  for (const json& c : view["clocks"])
    if (c["kind"] == "reply") due = c["due_at"].get<std::string>();
  return due;
}

inline bool HasRunningClock(const json& view, const std::string& kind) {
  for (const json& c : view["running_clocks"])
    if (c["kind"] == kind) return true;
  return false;
}

// Whether the view offers `action` among its allowed_actions.
inline bool Allows(const json& view, const std::string& action) {
  for (const json& a : view["allowed_actions"])
    if (a["code"] == action) return true;
  return false;
}

// The user id of a demo account.
inline std::int64_t UserId(const std::string& user) {
  ApiResponse me = ServerSuite::api().Get("/api/v1/auth/me", ServerSuite::Token(user));
  EXPECT_EQ(me.status, 200) << me.Describe();
  return me["user"]["id"].is_number_integer() ? me["user"]["id"].get<std::int64_t>() : 0;
}

// Whether work order `id` is in `user`'s queue (first 200 rows).
inline bool InQueue(const std::string& user, const std::string& queue, std::int64_t id) {
  ApiResponse r = ServerSuite::api().Get("/api/v1/work-orders?limit=200&queue=" + queue,
                                         ServerSuite::Token(user));
  EXPECT_EQ(r.status, 200) << r.Describe();
  for (const json& item : r["items"])
    if (item["id"] == id) return true;
  return false;
}

inline std::string WorkOrderPath(std::int64_t id) {
  return "/api/v1/work-orders/" + std::to_string(id);
}

}  // namespace lizheng::e2e
