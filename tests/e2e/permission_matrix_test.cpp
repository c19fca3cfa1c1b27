// Who may do what (DESIGN.md §3, §8): every staff role x every action a
// person performs x a work order of the actor's own unit, of a unit below it
// and of another unit (actions that come before dispatch: a work order no
// unit has yet). The expectations are this file's own table, written from the
// design and the action table of src/core/src/actions.cpp but not linked from
// the server, so a wrong server table is caught. A refused action must answer
// exactly 403 and change nothing; the actor's view must offer the action
// exactly when it is allowed.
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "server_suite.hpp"
#include "work_order_views.hpp"

namespace lizheng::e2e {
namespace {

// The staff roles and the demo user playing each. The unit roles belong to
// dh (东湖区人民政府).
const std::vector<std::pair<std::string, std::string>> kRoles = {
    {"operator", "operator"},
    {"dispatcher", "dispatcher"},
    {"unit_handler", "dh_handler"},
    {"unit_manager", "dh_manager"},
    {"reviewer", "reviewer"},
    {"leader", "leader"},
    {"admin", "admin"},
};

// Where the work order is, seen from the unit roles (whose unit is dh).
struct Placement {
  std::string name;
  std::string unit;  // code of the lead and handling unit; empty before dispatch
};
const Placement kOwn{"own unit", "dh"};
const Placement kSubordinate{"subordinate unit", "dh-01"};
const Placement kOther{"other unit", "zjj"};
const Placement kNoUnit{"not yet with a unit", ""};

// A work order prepared so that the action is legal for an allowed actor,
// and the body that performs it.
struct Prepared {
  std::int64_t id = 0;
  json body = json::object();
  // Set where no body can make the action legal on this placement: a
  // permitted actor then gets 400 naming this field instead of 2xx.
  std::string no_legal_body_field;
};
// `allowed_user` is who will perform it successfully (empty if nobody).
using Setup =
    std::function<Prepared(ClosedLoop&, const Placement&, const std::string& allowed_user)>;

struct Rule {
  std::string action;
  std::set<std::string> roles;  // staff roles that may perform it
  bool unit_scoped;             // unit roles only where the handling unit is theirs or below it
  bool before_dispatch;         // legal only before any unit has the work order
  Setup setup;
};

const std::set<std::string> kCentre = {"operator", "dispatcher"};
const std::set<std::string> kUnitRoles = {"unit_handler", "unit_manager"};

// The unit directly above a placement's unit in the demo tree.
std::string Parent(const std::string& code) {
  static const std::map<std::string, std::string> kParents = {
      {"dh", "gov"}, {"dh-01", "dh"}, {"zjj", "gov"}};
  auto it = kParents.find(code);
  return it == kParents.end() ? "" : it->second;
}

std::vector<Rule> Rules() {
  auto with = [](std::int64_t id, json body = json::object()) {
    Prepared p;
    p.id = id;
    p.body = std::move(body);
    return p;
  };
  std::vector<Rule> r;
  r.push_back(
      {"accept", kCentre, false, true, [=](ClosedLoop& l, const Placement&, const std::string&) {
         return with(l.Submitted(), {{"category_code", l.category()}});
       }});
  r.push_back(
      {"reject", kCentre, false, true, [=](ClosedLoop& l, const Placement&, const std::string&) {
         return with(l.Submitted(), {{"reason", "重复骚扰信息"}});
       }});
  r.push_back({"self_resolve", kCentre, false, true,
               [=](ClosedLoop& l, const Placement&, const std::string&) {
                 return with(l.Accepted(), {{"text", "根据政策，可在线办理。"}});
               }});
  r.push_back({"dispatch",
               {"dispatcher"},
               false,
               true,
               [=](ClosedLoop& l, const Placement&, const std::string&) {
                 return with(l.Accepted(), {{"unit_id", l.UnitId("dh-01")}});
               }});
  r.push_back({"direct_dispatch", kCentre, false, true,
               [=](ClosedLoop& l, const Placement&, const std::string&) {
                 return with(l.Submitted({{"urgency", "emergency"}}),
                             {{"unit_id", l.UnitId("dh-01")}, {"category_code", l.category()}});
               }});
  r.push_back(
      {"merge", kCentre, false, true, [=](ClosedLoop& l, const Placement&, const std::string&) {
         const std::int64_t primary = l.Submitted();
         return with(l.Submitted(), {{"primary_id", primary}});
       }});
  r.push_back(
      {"unmerge", kCentre, false, true, [=](ClosedLoop& l, const Placement&, const std::string&) {
         const std::int64_t primary = l.Submitted();
         const std::int64_t repeat = l.Submitted();
         l.Do("operator", repeat, "merge", {{"primary_id", primary}});
         return with(repeat, {{"reason", "并非同一问题"}});
       }});
  r.push_back({"sign_for", kUnitRoles, true, false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.Dispatched(p.unit));
               }});
  r.push_back({"return",
               {"unit_manager"},
               true,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.Dispatched(p.unit),
                             {{"reason", "不属于本单位职责"}, {"legal_basis", "三定方案"}});
               }});
  r.push_back({"reject_return",
               {"dispatcher"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.Returned(p.unit), {{"reason", "属于该单位职责"}});
               }});
  r.push_back({"redispatch",
               {"dispatcher"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.Returned(p.unit), {{"unit_id", l.UnitId("xs")}});
               }});
  r.push_back({"pass_down",
               {"unit_manager"},
               true,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 if (p.unit == "dh-01") {
                   // No unit lies below the street dh-01 in the demo, so no body
                   // can make this legal: a permitted actor gets past the
                   // permission check and is refused for the target unit.
                   Prepared prep = with(l.InProgress(p.unit), {{"unit_id", l.UnitId("dh-02")}});
                   prep.no_legal_body_field = "unit_id";
                   return prep;
                 }
                 const std::string child = p.unit == "zjj" ? "zjj-wy" : "dh-01";
                 return with(l.InProgress(p.unit), {{"unit_id", l.UnitId(child)}});
               }});
  r.push_back({"contact", kUnitRoles, true, false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.InProgress(p.unit), {{"method", "phone"}});
               }});
  r.push_back({"reply", kUnitRoles, true, false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.Contacted(p.unit), {{"text", "已处理完毕。"}});
               }});
  r.push_back({"approve_reply",
               {"reviewer"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.Replied(p.unit));
               }});
  r.push_back({"send_back_reply",
               {"reviewer"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.Replied(p.unit), {{"comment", "请补充依据"}});
               }});
  r.push_back({"request_extension",
               {"unit_manager"},
               true,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.InProgress(p.unit), {{"working_days", 2}, {"reason", "需现场勘查"}});
               }});
  r.push_back({"decide_extension",
               {"dispatcher"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 const std::int64_t id = l.InProgress(p.unit);
                 l.Do(ClosedLoop::ManagerOf(p.unit), id, "request_extension",
                      {{"working_days", 2}, {"reason", "需现场勘查"}});
                 return with(id, {{"approve", true}});
               }});
  r.push_back(
      {"callback", kCentre, false, false,
       [=](ClosedLoop& l, const Placement& p, const std::string&) {
         return with(l.Answered(p.unit), {{"resolved", true}, {"satisfaction", "satisfied"}});
       }});
  r.push_back({"reopen",
               {"dispatcher"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.Answered(p.unit), {{"reason", "答复不实"}});
               }});
  r.push_back({"close",
               {"dispatcher"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.Answered(p.unit), {{"reason", "多次联系无人接听"}});
               }});
  // The citizen's own actions: no staff role may perform them.
  r.push_back(
      {"dispute", {}, false, false, [=](ClosedLoop& l, const Placement& p, const std::string&) {
         return with(l.Closed(p.unit), {{"reason", "冒充群众"}});
       }});
  r.push_back(
      {"rate", {}, false, false, [=](ClosedLoop& l, const Placement& p, const std::string&) {
         return with(l.Answered(p.unit), {{"satisfaction", "satisfied"}});
       }});
  r.push_back({"supervise",
               {"dispatcher", "leader"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.InProgress(p.unit), {{"note", "请加快办理"}});
               }});
  r.push_back({"escalate",
               {"dispatcher"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.InProgress(p.unit),
                             {{"unit_id", l.UnitId(Parent(p.unit))}, {"reason", "提级办理"}});
               }});
  r.push_back({"instruct",
               {"leader"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.InProgress(p.unit), {{"text", "请抓紧办理"}});
               }});
  r.push_back({"acknowledge_instruction", kUnitRoles, true, false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 const std::int64_t id = l.InProgress(p.unit);
                 l.Do("leader", id, "instruct", {{"text", "请抓紧办理"}});
                 return with(id);
               }});
  r.push_back({"watch",
               {"leader", "dispatcher"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.InProgress(p.unit));
               }});
  r.push_back({"unwatch",
               {"leader", "dispatcher"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string& allowed_user) {
                 const std::int64_t id = l.InProgress(p.unit);
                 if (!allowed_user.empty()) l.Do(allowed_user, id, "watch");
                 return with(id);
               }});
  r.push_back({"publish",
               {"reviewer", "dispatcher"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 return with(l.Answered(p.unit));
               }});
  r.push_back({"unpublish",
               {"reviewer", "dispatcher"},
               false,
               false,
               [=](ClosedLoop& l, const Placement& p, const std::string&) {
                 const std::int64_t id = l.Answered(p.unit);
                 l.Do("reviewer", id, "publish");
                 return with(id, {{"reason", "撤回"}});
               }});
  return r;
}

// Whether `role` may perform `rule.action` on a work order at `p`.
bool Expected(const Rule& rule, const Placement& p, const std::string& role) {
  if (!rule.roles.count(role)) return false;
  if (!rule.unit_scoped || !kUnitRoles.count(role)) return true;
  // The handling unit must be the actor's unit (dh) or below it.
  return p.unit == kOwn.unit || p.unit == kSubordinate.unit;
}

// The actions whose work order is prepared returned by its unit.
const std::set<std::string> kOnReturned = {"reject_return", "redispatch"};

// Whether `role` sees the work order `rule` prepared at `p` at all: unit
// roles see their own unit's and their subordinates' work orders, except
// those the unit returned; the centre and leaders see all.
bool Visible(const Rule& rule, const Placement& p, const std::string& role) {
  if (!kUnitRoles.count(role)) return true;
  if (kOnReturned.count(rule.action)) return false;
  return p.unit == kOwn.unit || p.unit == kSubordinate.unit;
}

// The table's actions in groups, one test each, so that ctest -j spreads
// them; together they cover the table (checked below).
const std::vector<std::pair<std::string, std::set<std::string>>> kGroups = {
    {"intake",
     {"accept", "reject", "self_resolve", "dispatch", "direct_dispatch", "merge", "unmerge"}},
    {"sign_for_return_pass_down", {"sign_for", "return", "pass_down"}},
    {"handling", {"contact", "reply", "request_extension", "acknowledge_instruction"}},
    {"arbitration", {"reject_return", "redispatch", "escalate", "supervise"}},
    {"review", {"approve_reply", "send_back_reply", "decide_extension"}},
    {"callback", {"callback", "reopen", "close"}},
    {"publication", {"publish", "unpublish"}},
    {"leader", {"instruct", "watch", "unwatch"}},
    {"citizen", {"dispute", "rate"}},
};

class PermissionMatrixTest : public ServerSuite {
 protected:
  // The actor's own view of the work order, checked before acting: it must
  // be visible exactly as the design says, and offer the action exactly when
  // the table allows it. Returns the view (null when not visible).
  json CheckOffered(const Rule& rule, const Placement& p, const std::string& role,
                    const std::string& user, std::int64_t id) {
    ApiResponse seen = api().Get("/api/v1/work-orders/" + std::to_string(id), Token(user));
    if (!Visible(rule, p, role)) {
      EXPECT_EQ(seen.status, 404) << "a unit must not see another unit's work order: "
                                  << seen.Describe();
      return nullptr;
    }
    EXPECT_EQ(seen.status, 200) << seen.Describe();
    if (seen.status != 200) return nullptr;
    EXPECT_EQ(Allows(seen.json_body, rule.action), Expected(rule, p, role))
        << "allowed_actions disagrees with the permission table";
    return seen.json_body;
  }

  void ExpectRefused(const Rule& rule, const Placement& p, const std::string& role,
                     const std::string& user, const Prepared& prep) {
    SCOPED_TRACE(role + " (" + user + ") may not '" + rule.action + "' on a work order of " +
                 p.name);
    CheckOffered(rule, p, role, user, prep.id);
    ApiResponse r = loop().Act(user, prep.id, rule.action, prep.body);
    EXPECT_EQ(r.status, 403) << r.Describe();
    EXPECT_EQ(r.ErrorCode(), "forbidden") << r.Describe();
  }

  void ExpectAllowed(const Rule& rule, const Placement& p, const std::string& role,
                     const std::string& user, const Prepared& prep) {
    SCOPED_TRACE(role + " (" + user + ") may '" + rule.action + "' on a work order of " + p.name);
    const json before = CheckOffered(rule, p, role, user, prep.id);
    ApiResponse r = loop().Act(user, prep.id, rule.action, prep.body);
    if (!prep.no_legal_body_field.empty()) {
      EXPECT_EQ(r.status, 400) << "permitted, so only the body may be refused: " << r.Describe();
      EXPECT_EQ(r.ErrorField(), prep.no_legal_body_field) << r.Describe();
      if (before.is_object()) {
        EXPECT_EQ(loop().View(prep.id)["version"], before["version"]);
      }
      return;
    }
    EXPECT_EQ(r.status, 200) << r.Describe();
    // The answer is the work order as the actor now sees it: one event more.
    if (before.is_object() && r["version"].is_number_integer()) {
      EXPECT_EQ(r["version"], before["version"].get<std::int64_t>() + 1);
    }
  }

  // Every role on one action and placement: the refused roles first on one
  // work order, which they must leave untouched (its version and timeline,
  // checked once after all of them: versions only grow, so any change by any
  // of them would show), then each permitted role on a work order of its own.
  void RunCell(const Rule& rule, const Placement& p) {
    std::vector<std::pair<std::string, std::string>> allowed, refused;
    for (const auto& role_user : kRoles)
      (Expected(rule, p, role_user.first) ? allowed : refused).push_back(role_user);
    const std::string first_allowed = allowed.empty() ? "" : allowed.front().second;
    Prepared prep = rule.setup(loop(), p, first_allowed);
    ASSERT_GT(prep.id, 0) << "setting up '" << rule.action << "' on " << p.name;
    const json before = loop().View(prep.id);
    for (const auto& [role, user] : refused) ExpectRefused(rule, p, role, user, prep);
    const json after = loop().View(prep.id);
    EXPECT_EQ(after["version"], before["version"])
        << "a refused '" << rule.action << "' on a work order of " << p.name << " changed it";
    EXPECT_EQ(after["timeline"].size(), before["timeline"].size())
        << "a refused '" << rule.action << "' on a work order of " << p.name << " wrote an event";
    for (std::size_t i = 0; i < allowed.size(); ++i) {
      if (i > 0) prep = rule.setup(loop(), p, allowed[i].second);
      ExpectAllowed(rule, p, allowed[i].first, allowed[i].second, prep);
    }
  }

  void RunGroup(const std::string& name) {
    std::set<std::string> actions;
    for (const auto& [group, members] : kGroups)
      if (group == name) actions = members;
    ASSERT_FALSE(actions.empty()) << "no group " << name;
    for (const Rule& rule : Rules()) {
      if (!actions.count(rule.action)) continue;
      const std::vector<Placement> placements =
          rule.before_dispatch ? std::vector<Placement>{kNoUnit}
                               : std::vector<Placement>{kOwn, kSubordinate, kOther};
      for (const Placement& p : placements) RunCell(rule, p);
    }
  }
};

// The table names every action a person performs on a work order exactly
// once, and the groups below cover the table.
TEST_F(PermissionMatrixTest, TableCoversEveryActionOfTheApi) {
  ApiResponse meta = api().Get("/api/v1/meta");
  ASSERT_EQ(meta.status, 200) << meta.Describe();
  std::set<std::string> in_table;
  for (const Rule& r : Rules())
    EXPECT_TRUE(in_table.insert(r.action).second) << "twice: " << r.action;
  const std::set<std::string> platform_only = {"submit", "follow_primary", "deadline_warning",
                                               "mark_overdue"};
  std::set<std::string> from_server;
  for (const json& a : meta["actions"])
    if (!platform_only.count(a["code"].get<std::string>()))
      from_server.insert(a["code"].get<std::string>());
  EXPECT_EQ(in_table, from_server);
  std::set<std::string> grouped;
  for (const auto& [group, members] : kGroups) grouped.insert(members.begin(), members.end());
  EXPECT_EQ(grouped, in_table);
}

TEST_F(PermissionMatrixTest, IntakeActions) {
  RunGroup("intake");
}
TEST_F(PermissionMatrixTest, SignForReturnAndPassDown) {
  RunGroup("sign_for_return_pass_down");
}
TEST_F(PermissionMatrixTest, HandlingActions) {
  RunGroup("handling");
}
TEST_F(PermissionMatrixTest, ArbitrationRedispatchEscalationSupervision) {
  RunGroup("arbitration");
}
TEST_F(PermissionMatrixTest, ReviewAndExtensionDecision) {
  RunGroup("review");
}
TEST_F(PermissionMatrixTest, CallbackReopenAndClose) {
  RunGroup("callback");
}
TEST_F(PermissionMatrixTest, Publication) {
  RunGroup("publication");
}
TEST_F(PermissionMatrixTest, InstructionAndWatchList) {
  RunGroup("leader");
}
TEST_F(PermissionMatrixTest, CitizenActionsAreNotForStaff) {
  RunGroup("citizen");
}

}  // namespace
}  // namespace lizheng::e2e
