// lizheng demo: a complete invented jurisdiction, 江川市 (code "jc"), with
// its areas, units, categories, responsibility catalogue, leaders'
// mailboxes, staff accounts and requests. Every request is walked through
// the closed loop by the real workflow engine (Submit, Apply, CheckClocks)
// on a simulated clock, so its events and its stored work order are exactly
// what the platform itself would have written.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lizheng/core/directory.hpp"
#include "lizheng/core/result.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::app {

// The code of the demo jurisdiction.
inline constexpr std::string_view kDemoJurisdictionCode = "jc";

struct DemoOptions {
  std::int64_t requests = 3000;  // 0: structure and users only
  int days = 90;                 // requests arrive over the days before `now`
  std::uint64_t seed = 1;
  Timestamp now{};               // the simulated present: nothing happens after it
  std::string password = "lizheng-demo";  // of every demo account
  int batch = 2000;              // work orders per write transaction
  // Called after each written batch with (requests written, requests); may
  // be empty. Runs on the calling thread.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

// A demo account as the summary lists it.
struct DemoUser {
  std::string username;
  std::string display_name;
  Role role = Role::kOperator;
  std::string unit_code;  // empty for centre roles
};

// What GenerateDemo created.
struct DemoSummary {
  Jurisdiction jurisdiction;
  int areas = 0;
  int units = 0;
  int categories = 0;
  int catalogue_entries = 0;
  int mailboxes = 0;
  std::vector<DemoUser> users;
  std::int64_t work_orders = 0;
  std::int64_t events = 0;
  std::vector<std::pair<State, std::int64_t>> states;  // every state, in enum order
};

// Creates the demo jurisdiction and its requests in `store`. The same seed
// and `now` give the same jurisdiction, work orders and events. Fails with
// kConflict, changing nothing, if a jurisdiction "jc" exists already; with
// kInvalidArgument for options out of range. Requests are written in many
// transactions: after a failure midway the database holds a partial demo.
// Hashes the password once (about 0.1 s). Call from one thread at a time.
Result<DemoSummary> GenerateDemo(store::Store& store, const DemoOptions& options);

}  // namespace lizheng::app
