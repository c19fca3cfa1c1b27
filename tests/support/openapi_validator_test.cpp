// The response checker itself: a conforming and a broken body against the
// real document, and the JSON Schema keywords on small inline schemas.
#include "openapi_validator.hpp"

#include <gtest/gtest.h>

namespace lizheng::e2e {
namespace {

using nlohmann::json;

const OpenApiValidator& Doc() {
  static const OpenApiValidator v =
      OpenApiValidator::FromFile(LIZHENG_SOURCE_DIR "/docs/openapi.json");
  return v;
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

TEST(OpenApiValidatorTest, AcceptsADocumentedErrorBody) {
  const std::string body =
      R"({"error":{"code":"unauthenticated","message":"wrong username or password"}})";
  EXPECT_TRUE(Doc().CheckResponse("POST", "/api/v1/auth/login", 401, body).empty())
      << Joined(Doc().CheckResponse("POST", "/api/v1/auth/login", 401, body));
}

TEST(OpenApiValidatorTest, ReportsEveryViolationWithItsPointer) {
  const std::string body = R"({"error":{"code":"oops","message":7,"extra":true}})";
  const auto v = Doc().CheckResponse("POST", "/api/v1/auth/login", 401, body);
  const std::string all = Joined(v);
  EXPECT_EQ(v.size(), 3u) << all;
  EXPECT_NE(all.find("/error/code: \"oops\" is not one of"), std::string::npos) << all;
  EXPECT_NE(all.find("/error/message: expected string, got integer"), std::string::npos) << all;
  EXPECT_NE(all.find("/error/extra: property 'extra' is not in the schema"), std::string::npos)
      << all;
}

TEST(OpenApiValidatorTest, RefusesUndocumentedStatusesAndPaths) {
  EXPECT_FALSE(Doc().CheckResponse("GET", "/api/v1/health", 418, "{}").empty());
  EXPECT_FALSE(Doc().CheckResponse("GET", "/api/v1/no-such-thing", 200, "{}").empty());
  EXPECT_FALSE(Doc().CheckResponse("DELETE", "/api/v1/health", 200, "{}").empty());
  EXPECT_FALSE(Doc().CheckResponse("GET", "/api/v1/health", 200, "not json").empty());
}

TEST(OpenApiValidatorTest, PrefersConcretePathsOverTemplates) {
  // /work-orders/counts must not be read as /work-orders/{id}.
  const std::string counts =
      R"({"counts":{"to_accept":1,"to_dispatch":0,"to_sign_for":0,"in_progress":0,
    "to_review":0,"to_call_back":0,"returned":0,"overdue":0,"supervised":0,"watched":0,"fast_lane":0,
    "instructed":0,"suspected_flood":0}})";
  EXPECT_TRUE(Doc().CheckResponse("GET", "/api/v1/work-orders/counts?x=1", 200, counts).empty())
      << Joined(Doc().CheckResponse("GET", "/api/v1/work-orders/counts", 200, counts));
  EXPECT_FALSE(Doc().CheckResponse("GET", "/api/v1/work-orders/12", 200, counts).empty());
}

TEST(OpenApiValidatorTest, TellsIntegersFromNumbersAndHonoursNullable) {
  const json schema = {{"type", "object"},
                       {"required", {"n", "maybe"}},
                       {"properties",
                        {{"n", {{"type", "integer"}}},
                         {"maybe", {{"type", "string"}, {"nullable", true}}},
                         {"when", {{"type", "string"}, {"format", "date-time"}}}}},
                       {"additionalProperties", false}};
  EXPECT_TRUE(Doc().CheckValue(schema, {{"n", 3}, {"maybe", nullptr}}).empty());
  EXPECT_TRUE(
      Doc()
          .CheckValue(schema, {{"n", 3}, {"maybe", "x"}, {"when", "2026-01-05T09:00:00+08:00"}})
          .empty());
  const auto v = Doc().CheckValue(schema, {{"n", 3.5}, {"when", "yesterday"}});
  EXPECT_EQ(v.size(), 3u) << Joined(v);
  EXPECT_EQ(v[0], "(root): required property 'maybe' is missing") << Joined(v);
  EXPECT_EQ(v[1], "/n: expected integer, got number 3.5") << Joined(v);
  EXPECT_EQ(v[2], "/when: \"yesterday\" is not a date-time") << Joined(v);
}

TEST(OpenApiValidatorTest, CountsOneOfMatchesAndFollowsRefs) {
  const json one_of = {{"oneOf", {OpenApiValidator::SchemaRef("UnitRef"), {{"type", "integer"}}}}};
  EXPECT_TRUE(Doc().CheckValue(one_of, {{"id", 1}, {"name", "x"}}).empty());
  EXPECT_TRUE(Doc().CheckValue(one_of, 5).empty());
  EXPECT_FALSE(Doc().CheckValue(one_of, "five").empty());
  const json nullable_ref = {{"nullable", true},
                             {"allOf", {OpenApiValidator::SchemaRef("UnitRef")}}};
  EXPECT_TRUE(Doc().CheckValue(nullable_ref, nullptr).empty());
  const auto v = Doc().CheckValue(nullable_ref, json{{"id", "1"}, {"name", "x"}});
  ASSERT_EQ(v.size(), 1u) << Joined(v);
  EXPECT_EQ(v[0], "/id: expected integer, got string \"1\"");
}

}  // namespace
}  // namespace lizheng::e2e
