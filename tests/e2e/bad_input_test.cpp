// Bad input (DESIGN.md §8): malformed JSON, wrong types, missing and unknown
// fields, oversized bodies, invalid UTF-8, unknown ids, illegal transitions,
// forged and expired credentials. Each gets a 4xx whose error names the field
// or the rule, and changes nothing.
#include <sqlite3.h>

#include <string>

#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

class BadInputTest : public ServerSuite {
 protected:
  void SetUp() override {
    ServerSuite::SetUp();
    if (HasFatalFailure()) return;
    total_before_ = TotalWorkOrders();
  }
  // Whatever a test sent, no work order was created or lost.
  void TearDown() override {
    if (server_ && server_->running()) {
      EXPECT_EQ(TotalWorkOrders(), total_before_) << "bad input changed the database";
    }
  }

  static ApiResponse Submit(const json& body, const std::string& token = "") {
    return api().Post("/api/v1/requests", body, token);
  }
  static ApiResponse SubmitRaw(const std::string& body) {
    return api().PostRaw("/api/v1/requests", body);
  }

  // Expects a 4xx `status` with `code`, naming `field`, with the stable
  // `reason` programs match on; the message must contain `message_part`.
  static void ExpectError(const ApiResponse& r, int status, const std::string& code,
                          const std::string& field, const std::string& reason = "",
                          const std::string& message_part = "") {
    EXPECT_EQ(r.status, status) << r.Describe();
    EXPECT_EQ(r.ErrorCode(), code) << r.Describe();
    if (!reason.empty()) {
      EXPECT_EQ(r.ErrorReason(), reason) << r.Describe();
    }
    if (!field.empty()) {
      EXPECT_EQ(r.ErrorField(), field) << r.Describe();
    }
    if (!message_part.empty()) {
      EXPECT_NE(r.ErrorMessage().find(message_part), std::string::npos) << r.Describe();
    }
  }

  std::int64_t total_before_ = 0;
};

TEST_F(BadInputTest, MalformedJsonNamesTheByte) {
  ExpectError(SubmitRaw(R"({"type": "complaint", "title": )"), 400, "invalid_argument", "body",
              "malformed_json");
  ExpectError(SubmitRaw("{'type': 'complaint'}"), 400, "invalid_argument", "body",
              "malformed_json");
  ExpectError(SubmitRaw(R"(["complaint"])"), 400, "invalid_argument", "body", "body_not_object");
  ExpectError(SubmitRaw(""), 400, "invalid_argument", "body");
  ExpectError(api().PostRaw("/api/v1/auth/login", "{\"username\":"), 400, "invalid_argument",
              "body", "malformed_json");
  const std::int64_t id = loop().Record();
  total_before_ = TotalWorkOrders();
  const json before = loop().View(id);
  ApiResponse r = api().PostRaw("/api/v1/work-orders/" + std::to_string(id) + "/accept",
                                "{\"note\": \"x\"", Token("operator"));
  ExpectError(r, 400, "invalid_argument", "body", "malformed_json");
  EXPECT_EQ(loop().View(id)["version"], before["version"]);
}

TEST_F(BadInputTest, WrongTypesNameTheField) {
  ExpectError(Submit(ClosedLoop::RequestBody({{"title", 12345}})), 400, "invalid_argument", "title",
              "wrong_type");
  ExpectError(Submit(ClosedLoop::RequestBody({{"consent_public", "yes"}})), 400, "invalid_argument",
              "consent_public", "wrong_type");
  ExpectError(Submit(ClosedLoop::RequestBody({{"citizen", "张三"}})), 400, "invalid_argument",
              "citizen", "wrong_type");
  ExpectError(
      Submit(ClosedLoop::RequestBody({{"citizen", {{"name", "张三"}, {"phone", 13800138000}}}})),
      400, "invalid_argument", "citizen.phone", "wrong_type");
  ExpectError(Submit(ClosedLoop::RequestBody({{"type", "grievance"}})), 400, "invalid_argument",
              "type", "unknown_value", "consult");
  ExpectError(Submit(ClosedLoop::RequestBody({{"citizen", {{"phone", "call me maybe"}}}})), 400,
              "invalid_argument", "citizen.phone", "phone_invalid");

  const std::int64_t id = loop().InProgress("dh-01");
  total_before_ = TotalWorkOrders();
  const json before = loop().View(id);
  ExpectError(
      loop().Act("dh01_manager", id, "request_extension", {{"working_days", "3"}, {"reason", "x"}}),
      400, "invalid_argument", "working_days", "wrong_type");
  ExpectError(
      loop().Act("dh01_manager", id, "request_extension", {{"working_days", 2.5}, {"reason", "x"}}),
      400, "invalid_argument", "working_days", "wrong_type");
  ExpectError(
      loop().Act("dh01_manager", id, "request_extension", {{"working_days", 400}, {"reason", "x"}}),
      400, "invalid_argument", "working_days");
  ExpectError(loop().Act("dispatcher", id, "redispatch", {{"unit_id", "xs"}, {"reason", "x"}}), 400,
              "invalid_argument", "unit_id", "wrong_type");
  ExpectError(loop().Act("dh01_handler", id, "contact", {{"method", "pigeon"}}), 400,
              "invalid_argument", "method", "unknown_value", "phone");
  ExpectError(
      loop().Act(
          "dispatcher", id, "redispatch",
          {{"unit_id", loop().UnitId("xs")}, {"reason", "x"}, {"assisting_unit_ids", {1, "b"}}}),
      400, "invalid_argument", "assisting_unit_ids");
  EXPECT_EQ(loop().View(id)["version"], before["version"]);
}

TEST_F(BadInputTest, MissingFieldsAreNamed) {
  json body = ClosedLoop::RequestBody();
  body.erase("title");
  ExpectError(Submit(body), 400, "invalid_argument", "title", "field_required");
  body = ClosedLoop::RequestBody();
  body.erase("type");
  ExpectError(Submit(body), 400, "invalid_argument", "type", "field_required");
  ExpectError(Submit(ClosedLoop::RequestBody({{"detail", "   "}})), 400, "invalid_argument",
              "detail", "field_required");
  ExpectError(api().Post("/api/v1/auth/login", {{"username", "operator"}}), 400, "invalid_argument",
              "password", "field_required");

  const std::int64_t accepted = loop().Accepted();
  const std::int64_t dispatched = loop().Dispatched("dh-01");
  total_before_ = TotalWorkOrders();
  const json a = loop().View(accepted);
  const json d = loop().View(dispatched);
  ExpectError(loop().Act("dispatcher", accepted, "dispatch"), 400, "invalid_argument", "unit_id",
              "field_required");
  ExpectError(loop().Act("operator", accepted, "reject", {{"reason", "  "}}), 400,
              "invalid_argument", "reason");
  ExpectError(loop().Act("dh01_manager", dispatched, "return", {{"reason", "不归我们管"}}), 400,
              "invalid_argument", "legal_basis", "field_required");
  // Taking a work order from a unit that has it needs a reason.
  const std::int64_t in_progress = loop().InProgress("dh-01");
  total_before_ = TotalWorkOrders();
  ExpectError(
      loop().Act("dispatcher", in_progress, "redispatch", {{"unit_id", loop().UnitId("xs")}}), 400,
      "invalid_argument", "reason", "field_required");
  EXPECT_EQ(loop().View(accepted)["version"], a["version"]);
  EXPECT_EQ(loop().View(dispatched)["version"], d["version"]);
}

TEST_F(BadInputTest, UnknownAndUnusedFieldsAreRefused) {
  ExpectError(Submit(ClosedLoop::RequestBody({{"titel", "拼错的字段"}})), 400, "invalid_argument",
              "titel", "unknown_field");
  ExpectError(
      Submit(ClosedLoop::RequestBody({{"citizen", {{"name", "张三"}, {"email", "a@b.c"}}}})), 400,
      "invalid_argument", "citizen.email", "unknown_field");
  // A client cannot claim a role or a state.
  ExpectError(
      api().Post("/api/v1/auth/login",
                 {{"username", "operator"}, {"password", kDemoPassword}, {"role", "admin"}}),
      400, "invalid_argument", "role", "unknown_field");
  ExpectError(Submit(ClosedLoop::RequestBody({{"state", "closed"}})), 400, "invalid_argument",
              "state");

  const std::int64_t id = loop().Record();
  total_before_ = TotalWorkOrders();
  const json before = loop().View(id);
  ExpectError(loop().Act("operator", id, "accept", {{"colour", "red"}}), 400, "invalid_argument",
              "colour", "unknown_field");
  ExpectError(loop().Act("operator", id, "accept", {{"reason", "不需要的字段"}}), 400,
              "invalid_argument", "reason", "field_not_used");
  ExpectError(loop().Act("operator", id, "accept", {{"category_code", "99.99"}}), 400,
              "invalid_argument", "category_code", "unknown_category");
  EXPECT_EQ(loop().View(id)["version"], before["version"]);
}

// A key given twice is ambiguous (parsers disagree on which one wins), so
// it is refused, naming the key, wherever it is nested.
TEST_F(BadInputTest, DuplicateKeysAreRefused) {
  const std::string twice =
      R"({"type": "complaint", "title": "第一个标题", "title": "第二个标题", "detail": "重复的键",)"
      R"( "area_code": "dh-01", "citizen": {"name": "张三", "phone": "13800000001"}})";
  const std::string nested =
      R"({"type": "complaint", "title": "嵌套", "detail": "重复的键", "area_code": "dh-01",)"
      R"( "citizen": {"name": "张三", "phone": "13800000001", "name": "李四"}})";
  const httplib::Headers english = {{"Accept-Language", "en"}};
  ExpectError(api().PostRaw("/api/v1/requests", twice, "", english), 400, "invalid_argument",
              "title", "duplicate_key", "given twice");
  ExpectError(api().PostRaw("/api/v1/requests", nested, "", english), 400, "invalid_argument",
              "citizen.name", "duplicate_key", "given twice");
  ExpectError(SubmitRaw(twice), 400, "invalid_argument", "title", "duplicate_key", "重复");
}

// A number beyond what a double holds is a client error naming its field
// (the body when it stands alone), not an internal error.
TEST_F(BadInputTest, NumbersOutOfRangeAreRefused) {
  ExpectError(api().PostRaw("/api/v1/requests", R"({"type": "complaint", "title": 1e400})", "",
                            {{"Accept-Language", "en"}}),
              400, "invalid_argument", "title", "number_out_of_range", "out of range");
  ExpectError(api().PostRaw("/api/v1/requests", R"({"citizen": {"name": "x", "phone": [1, -1e400]}})",
                            "", {{"Accept-Language", "en"}}),
              400, "invalid_argument", "citizen.phone", "number_out_of_range", "out of range");
  ExpectError(api().PostRaw("/api/v1/requests", "1e400", "", {{"Accept-Language", "en"}}), 400,
              "invalid_argument", "body", "number_out_of_range", "out of range");
}

// A body must say it is JSON. A POST without a body (logout, actions that
// need no fields) needs no Content-Type.
TEST_F(BadInputTest, ABodyWithoutContentTypeIsRefusedWith415) {
  const std::string body = ClosedLoop::RequestBody({{"title", "没有类型"}}).dump();
  ExpectError(api().PostWithoutContentType("/api/v1/requests", body), 415, "unsupported_media_type",
              "Content-Type", "content_type_missing", "Content-Type");
  const std::string token = server().Login("operator")["token"].get<std::string>();
  const std::int64_t id = loop().Record();
  total_before_ = TotalWorkOrders();
  const json before = loop().View(id);
  ExpectError(api().PostWithoutContentType("/api/v1/work-orders/" + std::to_string(id) + "/accept",
                                           R"({"category_code": "01"})", token),
              415, "unsupported_media_type", "Content-Type", "content_type_missing");
  EXPECT_EQ(loop().View(id)["version"], before["version"]);
  // An empty Content-Type says no more than none.
  ExpectError(api().PostRaw("/api/v1/requests", body, "", {{"Content-Type", ""}}, ""), 415,
              "unsupported_media_type", "Content-Type", "content_type_missing");
  ApiResponse logout = api().PostWithoutContentType("/api/v1/auth/logout", "", token);
  EXPECT_EQ(logout.status, 200) << logout.Describe();
}

TEST_F(BadInputTest, OversizedBodyIsRefusedWith413) {
  const std::string big(300 * 1024, 'a');
  ApiResponse r = Submit(ClosedLoop::RequestBody({{"detail", big}}));
  ExpectError(r, 413, "payload_too_large", "body");
  // Under the transport limit but over the field limit: 400 naming the field.
  ApiResponse long_detail = Submit(ClosedLoop::RequestBody({{"detail", std::string(6000, 'b')}}));
  ExpectError(long_detail, 400, "invalid_argument", "detail", "text_too_long", "5000");
  ApiResponse long_title =
      Submit(ClosedLoop::RequestBody({{"title", std::string(101 * 3, '\x41')}}));
  ExpectError(long_title, 400, "invalid_argument", "title", "text_too_long", "100");
  // Limits count characters: 101 Chinese characters are too many, 100 are not.
  std::string chinese_101;
  for (int i = 0; i < 101; ++i) chinese_101 += "噪";
  ExpectError(Submit(ClosedLoop::RequestBody({{"title", chinese_101}})), 400, "invalid_argument",
              "title");
  const std::int64_t id = loop().Contacted("dh-01");
  total_before_ = TotalWorkOrders();
  ExpectError(loop().Act("dh01_handler", id, "reply", {{"text", std::string(5001, 'r')}}), 400,
              "invalid_argument", "text", "text_too_long", "5000");
  EXPECT_EQ(loop().View(id)["state"]["code"], "in_progress");
}

TEST_F(BadInputTest, InvalidUtf8IsRefused) {
  const std::string body = std::string(R"({"type":"complaint","title":"噪音)") + "\xff\xfe" +
                           R"(","detail":"x","area_code":"dh-01"})";
  ExpectError(SubmitRaw(body), 400, "invalid_argument", "body", "invalid_utf8");
  // An overlong encoding of '/' and a lone surrogate are invalid too.
  ExpectError(SubmitRaw(std::string(R"({"type":"complaint","title":")") + "\xc0\xaf" +
                        R"(","detail":"x","area_code":"dh-01"})"),
              400, "invalid_argument", "body", "invalid_utf8");
  ExpectError(SubmitRaw(std::string(R"({"type":"complaint","title":")") + "\xed\xa0\x80" +
                        R"(","detail":"x","area_code":"dh-01"})"),
              400, "invalid_argument", "body", "invalid_utf8");
}

TEST_F(BadInputTest, UnknownIdsAndCodes) {
  const std::string dispatcher = Token("dispatcher");
  ExpectError(api().Get("/api/v1/work-orders/987654", dispatcher), 404, "not_found", "");
  ExpectError(api().Post("/api/v1/work-orders/987654/accept", json::object(), Token("operator")),
              404, "not_found", "");
  ExpectError(api().Get("/api/v1/work-orders/0", dispatcher), 400, "invalid_argument", "id");
  ExpectError(api().Get("/api/v1/requests/JC20990101-0001", "", {{"X-Query-Code", "12345678"}}),
              404, "not_found", "");
  ExpectError(api().Get("/api/v1/requests/JC20990101-0001"), 400, "invalid_argument", "query_code");
  ExpectError(Submit(ClosedLoop::RequestBody({{"area_code", "atlantis"}})), 400, "invalid_argument",
              "area_code", "unknown_area");
  ExpectError(Submit(ClosedLoop::RequestBody({{"category_code", "99"}})), 400, "invalid_argument",
              "category_code");
  ExpectError(Submit(ClosedLoop::RequestBody({{"mailbox_code", "pope"}})), 400, "invalid_argument",
              "mailbox_code");
  ExpectError(api().Get("/api/v1/units?jurisdiction=nowhere"), 404, "not_found", "");

  const std::int64_t accepted = loop().Accepted();
  const std::int64_t submitted = loop().Record();
  total_before_ = TotalWorkOrders();
  const json before = loop().View(accepted);
  ExpectError(loop().Act("dispatcher", accepted, "dispatch", {{"unit_id", 987654}}), 400,
              "invalid_argument", "unit_id", "unknown_unit");
  ExpectError(
      loop().Act("dispatcher", accepted, "dispatch", {{"unit_id", loop().UnitId("centre")}}), 400,
      "invalid_argument", "unit_id", "centre_not_handling_unit");
  ExpectError(loop().Act("dispatcher", accepted, "fly"), 404, "not_found", "action",
              "unknown_action");
  ExpectError(loop().Act("dispatcher", accepted, "follow_primary"), 404, "not_found", "action");
  ExpectError(loop().Act("operator", submitted, "merge", {{"primary_id", 987654}}), 400,
              "invalid_argument", "primary_id");
  ExpectError(loop().Act("operator", submitted, "merge", {{"primary_id", submitted}}), 400,
              "invalid_argument", "primary_id");
  EXPECT_EQ(loop().View(accepted)["version"], before["version"]);
  EXPECT_EQ(loop().View(submitted)["version"], 1);
}

TEST_F(BadInputTest, IllegalTransitionsAreRefusedWith409) {
  const std::int64_t id = loop().InProgress("dh-01");
  total_before_ = TotalWorkOrders();
  const json before = loop().View(id);
  ApiResponse close = loop().Act("dispatcher", id, "close", {{"reason", "想直接办结"}});
  ExpectError(close, 409, "illegal_transition", "", "wrong_state");
  EXPECT_NE(close.ErrorMessage().find("待回访"), std::string::npos)
      << "the message names the states it needs";
  ExpectError(loop().Act("operator", id, "accept"), 409, "illegal_transition", "");
  ExpectError(loop().Act("reviewer", id, "approve_reply"), 409, "illegal_transition", "");
  ExpectError(loop().Act("dh01_handler", id, "sign_for"), 409, "illegal_transition", "");
  // Replying before the citizen who left a phone number was contacted: the
  // refusal says so in Chinese by default, with its stable reason.
  ApiResponse early_reply = loop().Act("dh01_handler", id, "reply", {{"text", "已处理"}});
  ExpectError(early_reply, 409, "illegal_transition", "", "contact_required", "联系群众");
  EXPECT_EQ(loop().View(id)["version"], before["version"]);
  EXPECT_EQ(loop().View(id)["timeline"].size(), before["timeline"].size());

  // A rejected request is terminal.
  const std::int64_t rejected = loop().Record();
  loop().Do("operator", rejected, "reject", {{"reason", "信息不全，无法办理"}});
  total_before_ = TotalWorkOrders();
  ExpectError(loop().Act("operator", rejected, "accept"), 409, "illegal_transition", "",
              "wrong_state");
  ExpectError(loop().Act("dispatcher", rejected, "supervise"), 409, "illegal_transition", "");
}

TEST_F(BadInputTest, ForgedGarbageRevokedAndExpiredTokensGet401) {
  const std::int64_t id = loop().Accepted();
  total_before_ = TotalWorkOrders();
  const std::string path = "/api/v1/work-orders/" + std::to_string(id);
  const std::string forged(64, 'a');
  ExpectError(api().Get(path, forged), 401, "unauthenticated", "");
  ExpectError(api().Get(path, "not-a-token"), 401, "unauthenticated", "");
  ExpectError(api().Get(path, "", {{"Authorization", "Basic b3BlcmF0b3I6bGl6aGVuZy1kZW1v"}}), 401,
              "unauthenticated", "Authorization");
  ExpectError(api().Get(path), 401, "unauthenticated", "");
  ExpectError(api().Get("/api/v1/work-orders"), 401, "unauthenticated", "");
  ExpectError(api().Post(path + "/dispatch", {{"unit_id", loop().UnitId("dh-01")}}, forged), 401,
              "unauthenticated", "");
  // A citizen submission with a bad token is refused, not treated as anonymous.
  ExpectError(Submit(ClosedLoop::RequestBody(), forged), 401, "unauthenticated", "");
  ExpectError(
      api().Post("/api/v1/auth/login", {{"username", "operator"}, {"password", "wrong-password"}}),
      401, "unauthenticated", "", "wrong_credentials");

  // A revoked session.
  ApiResponse login = server().Login("operator2");
  ASSERT_EQ(login.status, 200) << login.Describe();
  const std::string token = login["token"].get<std::string>();
  EXPECT_EQ(api().Get(path, token).status, 200);
  ApiResponse out = api().Post("/api/v1/auth/logout", json::object(), token);
  EXPECT_EQ(out.status, 200) << out.Describe();
  ExpectError(api().Get(path, token), 401, "unauthenticated", "");

  // An expired session: its expiry is moved into the past in the database.
  ApiResponse again = server().Login("operator2");
  ASSERT_EQ(again.status, 200) << again.Describe();
  const std::string expiring = again["token"].get<std::string>();
  const std::int64_t user_id = again["user"]["id"].get<std::int64_t>();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(server().db_path().c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 10000);
  const std::string sql =
      "UPDATE sessions SET expires_at = 1000 WHERE user_id = " + std::to_string(user_id);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  EXPECT_EQ(sqlite3_changes(db), 1);
  sqlite3_close(db);
  ApiResponse expired = api().Get(path, expiring);
  ExpectError(expired, 401, "unauthenticated", "", "session_expired");
  EXPECT_EQ(loop().View(id)["version"], 2);
}

TEST_F(BadInputTest, CookieSessionsNeedTheCsrfToken) {
  ApiResponse login = server().Login("leader");
  ASSERT_EQ(login.status, 200) << login.Describe();
  const std::string set_cookie =
      login.headers.count("Set-Cookie") ? login.headers.find("Set-Cookie")->second : "";
  EXPECT_NE(set_cookie.find("lz_session=" + login["token"].get<std::string>()), std::string::npos)
      << set_cookie;
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos) << set_cookie;
  const std::string cookie = "lz_session=" + login["token"].get<std::string>();
  const std::string csrf = login["csrf_token"].get<std::string>();

  const std::int64_t id = loop().Dispatched("dh-01");
  total_before_ = TotalWorkOrders();
  const std::string path = "/api/v1/work-orders/" + std::to_string(id);
  const json before = loop().View(id);
  // Reading with the cookie needs no CSRF token.
  ApiResponse read = api().Get(path, "", {{"Cookie", cookie}});
  EXPECT_EQ(read.status, 200) << read.Describe();
  ApiResponse me = api().Get("/api/v1/auth/me", "", {{"Cookie", "theme=dark; " + cookie}});
  EXPECT_EQ(me.status, 200) << me.Describe();
  EXPECT_EQ(me["csrf_token"], csrf);

  ExpectError(api().Post(path + "/watch", json::object(), "", {{"Cookie", cookie}}), 403,
              "forbidden", "X-CSRF-Token");
  ExpectError(api().Post(path + "/watch", json::object(), "",
                         {{"Cookie", cookie}, {"X-CSRF-Token", "0000"}}),
              403, "forbidden", "X-CSRF-Token");
  ExpectError(api().Post("/api/v1/auth/logout", json::object(), "", {{"Cookie", cookie}}), 403,
              "forbidden", "X-CSRF-Token");
  EXPECT_EQ(loop().View(id)["version"], before["version"]);
  ApiResponse ok =
      api().Post(path + "/watch", json::object(), "", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(ok.status, 200) << ok.Describe();
  EXPECT_EQ(loop().View(id)["version"], before["version"].get<std::int64_t>() + 1);
  ApiResponse out = api().Post("/api/v1/auth/logout", json::object(), "",
                               {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(out.status, 200) << out.Describe();
  ExpectError(api().Get(path, "", {{"Cookie", cookie}}), 401, "unauthenticated", "");
}

TEST_F(BadInputTest, BadQueryParametersNameTheParameter) {
  const std::string t = Token("dispatcher");
  ExpectError(api().Get("/api/v1/work-orders?queue=everything", t), 400, "invalid_argument",
              "queue", "unknown_queue", "to_accept");
  ExpectError(api().Get("/api/v1/work-orders?state=done", t), 400, "invalid_argument", "state",
              "unknown_state", "submitted");
  ExpectError(api().Get("/api/v1/work-orders?limit=0", t), 400, "invalid_argument", "limit");
  ExpectError(api().Get("/api/v1/work-orders?limit=500", t), 400, "invalid_argument", "limit",
              "out_of_range", "200");
  ExpectError(api().Get("/api/v1/work-orders?from=yesterday", t), 400, "invalid_argument", "from",
              "wrong_format", "RFC 3339");
  ExpectError(api().Get("/api/v1/work-orders?cursor=abc", t), 400, "invalid_argument", "cursor");
  ExpectError(api().Get("/api/v1/work-orders?sort=title", t), 400, "invalid_argument", "sort",
              "unknown_parameter");
  ExpectError(api().Get("/api/v1/work-orders?urgency=critical", t), 400, "invalid_argument",
              "urgency");
  ExpectError(api().Get("/api/v1/calendars/1900"), 400, "invalid_argument", "year");
}

}  // namespace
}  // namespace lizheng::e2e
