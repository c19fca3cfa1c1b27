// Every endpoint of docs/openapi.json answered by the real server: reference
// data, sign-in, queues with paging and counts, and what each caller sees.
// The harness checks every response body against the document.
#include <map>
#include <set>
#include <string>

#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

std::set<std::string> Codes(const json& items, const char* key = "code") {
  std::set<std::string> out;
  for (const json& i : items)
    out.insert(i[key].is_object() ? i[key]["code"].get<std::string>() : i[key].get<std::string>());
  return out;
}

class ApiContractTest : public ServerSuite {};

TEST_F(ApiContractTest, HealthAndReferenceData) {
  ApiResponse health = api().Get("/api/v1/health");
  EXPECT_EQ(health.status, 200);
  // With the real clock, health depends on today's date: degraded only for
  // a missing calendar of a year the clocks reach (calendar_health_test.cpp
  // pins the date).
  if (health["status"] == "degraded") {
    for (const json& p : health["problems"]) EXPECT_EQ(p["code"], "calendar_missing") << p.dump();
  } else {
    EXPECT_EQ(health["status"], "ok") << health.Describe();
  }

  ApiResponse units = api().Get("/api/v1/units");
  ASSERT_EQ(units.status, 200) << units.Describe();
  std::map<std::string, json> by_code;
  for (const json& u : units["items"]) by_code[u["code"].get<std::string>()] = u;
  for (const char* code : {"gov", "centre", "dh", "dh-01", "xs", "zjj", "zjj-wy", "sthj", "rsj"})
    EXPECT_TRUE(by_code.count(code)) << "the demo lacks unit " << code;
  EXPECT_EQ(by_code["dh-01"]["parent_id"], by_code["dh"]["id"]);
  EXPECT_EQ(by_code["zjj-wy"]["parent_id"], by_code["zjj"]["id"]);
  EXPECT_EQ(by_code["dh"]["name"], "东湖区人民政府");
  EXPECT_EQ(by_code["centre"]["kind"]["code"], "centre");

  ApiResponse areas = api().Get("/api/v1/areas");
  ASSERT_EQ(areas.status, 200) << areas.Describe();
  const auto area_codes = Codes(areas["items"]);
  EXPECT_TRUE(area_codes.count("dh") && area_codes.count("dh-01"));

  ApiResponse cats = api().Get("/api/v1/categories");
  ASSERT_EQ(cats.status, 200) << cats.Describe();
  bool has_urban = false;
  for (const json& c : cats["items"])
    has_urban = has_urban || (c["name"] == "城乡建设" && c["level"] == 1);
  EXPECT_TRUE(has_urban);

  ApiResponse mail = api().Get("/api/v1/mailboxes");
  ASSERT_EQ(mail.status, 200) << mail.Describe();
  const auto boxes = Codes(mail["items"]);
  for (const char* code : {"mayor", "dh-head", "dh-01-head"})
    EXPECT_TRUE(boxes.count(code)) << code;

  ApiResponse cal = api().Get("/api/v1/calendars/2026");
  ASSERT_EQ(cal.status, 200) << cal.Describe();
  EXPECT_EQ(cal["year"], 2026);
  EXPECT_EQ(cal["official"], true);
  EXPECT_FALSE(cal["exceptions"].empty());
  ApiResponse uncovered = api().Get("/api/v1/calendars/1995");
  ASSERT_EQ(uncovered.status, 200) << uncovered.Describe();
  EXPECT_EQ(uncovered["official"], false);

  ApiResponse limits = api().Get("/api/v1/time-limits");
  ASSERT_EQ(limits.status, 200) << limits.Describe();
  EXPECT_FALSE(limits["rules"].empty());

  ApiResponse meta = api().Get("/api/v1/meta");
  ASSERT_EQ(meta.status, 200) << meta.Describe();
  EXPECT_EQ(meta["jurisdiction"]["code"], "jc");
  EXPECT_EQ(Codes(meta["states"]),
            (std::set<std::string>{"submitted", "rejected", "accepted", "dispatched", "returned",
                                   "in_progress", "replied", "answered", "reopened", "closed",
                                   "merged"}));
  EXPECT_EQ(meta["actions"].size(), 35u);
  // The jurisdiction may be named explicitly.
  EXPECT_EQ(api().Get("/api/v1/meta?jurisdiction=jc").status, 200);
}

TEST_F(ApiContractTest, LoginMeAndLogoutWithABearerToken) {
  ApiResponse login = server().Login("dh01_handler");
  ASSERT_EQ(login.status, 200) << login.Describe();
  EXPECT_EQ(login["user"]["role"]["code"], "unit_handler");
  EXPECT_EQ(login["user"]["unit"]["id"], loop().UnitId("dh-01"));
  EXPECT_EQ(login["user"]["jurisdiction"]["code"], "jc");
  EXPECT_EQ(login["token"].get<std::string>().size(), 64u);
  const std::string token = login["token"].get<std::string>();

  ApiResponse me = api().Get("/api/v1/auth/me", token);
  ASSERT_EQ(me.status, 200) << me.Describe();
  EXPECT_EQ(me["user"]["username"], "dh01_handler");
  EXPECT_EQ(me["csrf_token"], login["csrf_token"]);
  ApiResponse leader = api().Get("/api/v1/auth/me", Token("leader"));
  EXPECT_TRUE(leader["user"]["unit"].is_null());

  EXPECT_EQ(api().Post("/api/v1/auth/logout", json::object(), token).status, 200);
  EXPECT_EQ(api().Get("/api/v1/auth/me", token).status, 401);
}

TEST_F(ApiContractTest, QueuesPageWithACursorAndCount) {
  ClosedLoop& l = loop();
  const std::string marker = "分页测试";
  for (int i = 0; i < 5; ++i) l.Record({{"title", marker + std::to_string(i)}});
  const std::string t = Token("dispatcher");
  ApiResponse first = api().Get("/api/v1/work-orders?q=" + marker + "&limit=2&total=true", t);
  ASSERT_EQ(first.status, 200) << first.Describe();
  EXPECT_EQ(first["total"], 5);
  ASSERT_EQ(first["items"].size(), 2u);
  ASSERT_TRUE(first["next_cursor"].is_string());
  std::set<std::int64_t> seen;
  for (const json& i : first["items"]) seen.insert(i["id"].get<std::int64_t>());
  std::string cursor = first["next_cursor"].get<std::string>();
  for (int page = 0; page < 5 && !cursor.empty(); ++page) {
    ApiResponse next =
        api().Get("/api/v1/work-orders?q=" + marker + "&limit=2&cursor=" + cursor, t);
    ASSERT_EQ(next.status, 200) << next.Describe();
    for (const json& i : next["items"])
      EXPECT_TRUE(seen.insert(i["id"].get<std::int64_t>()).second) << "repeated";
    cursor = next["next_cursor"].is_string() ? next["next_cursor"].get<std::string>() : "";
  }
  EXPECT_EQ(seen.size(), 5u);

  ApiResponse to_accept =
      api().Get("/api/v1/work-orders?queue=to_accept&state=submitted&type=complaint&total=true", t);
  ASSERT_EQ(to_accept.status, 200) << to_accept.Describe();
  for (const json& i : to_accept["items"]) EXPECT_EQ(i["state"]["code"], "submitted");
  ApiResponse counts = api().Get("/api/v1/work-orders/counts", t);
  ASSERT_EQ(counts.status, 200) << counts.Describe();
  EXPECT_GE(counts["counts"]["to_accept"].get<std::int64_t>(), 5);
}

TEST_F(ApiContractTest, UnitsSeeOnlyTheirOwnAndTheirSubordinatesWorkOrders) {
  ClosedLoop& l = loop();
  const std::int64_t street = l.Dispatched("dh-01");
  const std::int64_t department = l.Dispatched("zjj");
  const std::int64_t unassigned = l.Accepted();
  struct Case {
    std::string user;
    std::int64_t id;
    int status;
  };
  const Case cases[] = {
      {"dh01_handler", street, 200},
      {"dh_manager", street, 200},
      {"dh_handler", street, 200},
      {"zjj_handler", street, 404},
      {"dh01_handler", department, 404},
      {"zjj_handler", department, 200},
      {"zjjwy_handler", department, 404},
      {"dh_handler", unassigned, 404},
      {"leader", street, 200},
      {"reviewer", department, 200},
      {"admin", unassigned, 200},
      {"operator", street, 200},
  };
  for (const Case& c : cases) {
    ApiResponse r = api().Get("/api/v1/work-orders/" + std::to_string(c.id), Token(c.user));
    EXPECT_EQ(r.status, c.status) << c.user << " reading " << c.id << ": " << r.Describe();
  }
  ApiResponse list = api().Get("/api/v1/work-orders?limit=200", Token("zjj_handler"));
  ASSERT_EQ(list.status, 200) << list.Describe();
  for (const json& i : list["items"]) EXPECT_EQ(i["lead_unit"]["id"], l.UnitId("zjj")) << i.dump();
  // A filter cannot widen what a unit sees: asking for another unit's work
  // orders gives nothing.
  const std::string dh01 = std::to_string(l.UnitId("dh-01"));
  ApiResponse foreign =
      api().Get("/api/v1/work-orders?total=true&unit=" + dh01, Token("zjj_handler"));
  ASSERT_EQ(foreign.status, 200) << foreign.Describe();
  EXPECT_TRUE(foreign["items"].empty()) << foreign.Describe();
  EXPECT_EQ(foreign["total"], 0);
  // The unit filter takes the subtree: dh's filter shows dh-01's work order.
  ApiResponse subtree = api().Get(
      "/api/v1/work-orders?limit=200&unit=" + std::to_string(l.UnitId("dh")), Token("dispatcher"));
  ASSERT_EQ(subtree.status, 200) << subtree.Describe();
  bool found = false;
  for (const json& i : subtree["items"]) found = found || i["id"] == street;
  EXPECT_TRUE(found) << "filtering by dh must include the work orders of dh-01";
  ApiResponse counts = api().Get("/api/v1/work-orders/counts", Token("dh01_handler"));
  ASSERT_EQ(counts.status, 200) << counts.Describe();
  EXPECT_GE(counts["counts"]["to_sign_for"].get<std::int64_t>(), 1);
  EXPECT_EQ(counts["counts"]["to_dispatch"], 0);
}

TEST_F(ApiContractTest, StaffRecordCallsCitizensUseSelfServiceChannels) {
  ApiResponse citizen_sms =
      api().Post("/api/v1/requests", ClosedLoop::RequestBody({{"channel", "sms"}}));
  EXPECT_EQ(citizen_sms.status, 400) << citizen_sms.Describe();
  EXPECT_EQ(citizen_sms.ErrorField(), "channel");
  ApiResponse mailbox =
      api().Post("/api/v1/requests", ClosedLoop::RequestBody({{"mailbox_code", "mayor"}}));
  ASSERT_EQ(mailbox.status, 201) << mailbox.Describe();
  const std::int64_t id = loop().IdOf(mailbox["tracking_no"].get<std::string>());
  json v = loop().View(id);
  EXPECT_EQ(v["channel"]["code"], "mailbox");
  EXPECT_TRUE(v["mailbox"].is_number_integer());
  // Only the intake roles record requests.
  ApiResponse handler =
      api().Post("/api/v1/requests", ClosedLoop::RequestBody(), Token("dh_handler"));
  EXPECT_EQ(handler.status, 403) << handler.Describe();
  ApiResponse recorded =
      api().Post("/api/v1/requests", ClosedLoop::RequestBody(), Token("dispatcher"));
  ASSERT_EQ(recorded.status, 201) << recorded.Describe();
  EXPECT_TRUE(recorded["work_order_id"].is_number_integer());
  EXPECT_EQ(loop().View(recorded["work_order_id"].get<std::int64_t>())["channel"]["code"],
            "hotline");
}

// Bodies up to the 256 KiB limit are read whole: a 12 KB request (4,000
// Chinese characters of detail) is filed whether or not the client labels it
// application/json (curl -d, for one, says application/x-www-form-urlencoded).
TEST_F(ApiContractTest, BodiesUnderTheLimitAreAcceptedAsJson) {
  std::string detail;
  for (int i = 0; i < 4000; ++i) detail += "详";
  const json body = ClosedLoop::RequestBody({{"title", "长篇诉求"}, {"detail", detail}});
  ApiResponse as_json = api().Post("/api/v1/requests", body);
  EXPECT_EQ(as_json.status, 201) << as_json.Describe();
}

// The API speaks JSON only: a form body (what `curl -d` sends by default) is
// refused as such, whatever its size, naming the header, and creates nothing.
TEST_F(ApiContractTest, NonJsonContentTypesAreRefusedWith415) {
  std::string detail;
  for (int i = 0; i < 4000; ++i) detail += "详";
  const std::int64_t before = TotalWorkOrders();
  for (const std::string& text : {std::string("短"), detail}) {
    const json body = ClosedLoop::RequestBody({{"title", "表单诉求"}, {"detail", text}});
    for (const char* type : {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                             "text/plain"}) {
      ApiResponse r = api().PostRaw("/api/v1/requests", body.dump(), "", {}, type);
      EXPECT_EQ(r.status, 415) << type << ": " << r.Describe();
      EXPECT_EQ(r.ErrorCode(), "unsupported_media_type") << r.Describe();
      EXPECT_EQ(r.ErrorField(), "Content-Type") << r.Describe();
    }
  }
  ApiResponse with_charset = api().PostRaw("/api/v1/requests",
                                           ClosedLoop::RequestBody({{"title", "带字符集"}}).dump(),
                                           "", {}, "application/json; charset=utf-8");
  EXPECT_EQ(with_charset.status, 201) << with_charset.Describe();
  EXPECT_EQ(TotalWorkOrders(), before + 1);
}

// Sign-in limits (per account and address, not per account for everybody)
// are tested in rate_limits_test.cpp, on a server with the limits on.

}  // namespace
}  // namespace lizheng::e2e
