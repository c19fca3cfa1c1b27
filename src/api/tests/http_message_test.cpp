// The server-independent request, response and router.
#include <gtest/gtest.h>

#include "http_message.hpp"
#include "response_encoding.hpp"
#include "router.hpp"

namespace lizheng::api {
namespace {

TEST(HttpMessageTest, HeadersIgnoreCaseAndQueriesAreDecoded) {
  Request req;
  req.headers.emplace("content-TYPE", "application/json");
  req.headers.emplace("X-Forwarded-For", "a");
  req.headers.emplace("x-forwarded-for", "b");
  EXPECT_TRUE(req.has_header("Content-Type"));
  EXPECT_EQ(req.get_header_value("CONTENT-type"), "application/json");
  EXPECT_EQ(req.get_header_value("X-Forwarded-For", 1), "b");
  EXPECT_EQ(req.get_header_value("X-Forwarded-For", 2), "");
  ParseQuery("q=%E5%99%AA%E9%9F%B3+%E6%89%B0%E6%B0%91&limit=5&flag&bad=%zz&limit=6", req.params);
  EXPECT_EQ(req.get_param_value("q"), "噪音 扰民");
  EXPECT_EQ(req.get_param_value("limit"), "5");
  EXPECT_EQ(req.get_param_value("limit", 1), "6");
  EXPECT_TRUE(req.has_param("flag"));
  EXPECT_EQ(req.get_param_value("bad"), "%zz");
  EXPECT_EQ(DecodeUrl("/a%2Fb+c", false), "/a/b+c");
}

TEST(HttpMessageTest, HeaderValuesWithLineBreaksAreDropped) {
  Response res;
  res.set_header("X-Test", "ok");
  res.set_header("X-Injected", "a\r\nSet-Cookie: x=1");
  EXPECT_EQ(res.get_header_value("x-test"), "ok");
  EXPECT_FALSE(res.has_header("X-Injected"));
  res.set_content("{}", "application/json");
  res.set_content("[]", "application/json; charset=utf-8");
  EXPECT_EQ(res.headers.count("Content-Type"), 1u);
  EXPECT_EQ(res.body, "[]");
}

TEST(RouterTest, FirstMatchingRouteOfTheMethodWithCaptures) {
  Router router;
  std::string seen;
  router.Get(R"(/api/v1/work-orders/(\d{1,19}))", [&](const Request& r, Response&) { seen = "show " + r.matches[1]; });
  router.Post(R"(/api/v1/work-orders/(\d{1,19})/([a-z_]{1,40}))",
              [&](const Request& r, Response&) { seen = "act " + r.matches[1] + " " + r.matches[2]; });
  Request req;
  Response res;
  req.method = "GET";
  req.path = "/api/v1/work-orders/42";
  EXPECT_TRUE(router.Dispatch(req, res));
  EXPECT_EQ(seen, "show 42");
  req.method = "HEAD";
  seen.clear();
  EXPECT_TRUE(router.Dispatch(req, res));
  EXPECT_EQ(seen, "show 42");
  req.method = "POST";
  EXPECT_FALSE(router.Dispatch(req, res));  // the whole path must match
  req.path = "/api/v1/work-orders/42/sign_for";
  EXPECT_TRUE(router.Dispatch(req, res));
  EXPECT_EQ(seen, "act 42 sign_for");
  req.path = "/api/v1/work-orders/42x";
  req.method = "GET";
  EXPECT_FALSE(router.Dispatch(req, res));
}

TEST(ResponseEncodingTest, GzipOnlyWhenAcceptedAndWorthIt) {
  Request req;
  req.headers.emplace("Accept-Encoding", "br, gzip;q=0.5");
  EXPECT_TRUE(AcceptsGzip(req));
  Request refuses;
  refuses.headers.emplace("Accept-Encoding", "gzip;q=0, br");
  EXPECT_FALSE(AcceptsGzip(refuses));
  EXPECT_FALSE(AcceptsGzip(Request{}));

  Response big;
  big.set_content(std::string(4096, 'a'), "application/json; charset=utf-8");
  MaybeCompress(req, big);
  EXPECT_EQ(big.get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(big.body.size(), 200u);
  ASSERT_GE(big.body.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(big.body[0]), 0x1f);  // the gzip magic number
  EXPECT_EQ(static_cast<unsigned char>(big.body[1]), 0x8b);

  Response small;
  small.set_content("{}", "application/json");
  MaybeCompress(req, small);
  EXPECT_FALSE(small.has_header("Content-Encoding"));
  Response image;
  image.set_content(std::string(4096, 'a'), "image/png");
  MaybeCompress(req, image);
  EXPECT_FALSE(image.has_header("Content-Encoding"));
}

}  // namespace
}  // namespace lizheng::api
