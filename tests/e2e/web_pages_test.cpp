// The server serves the built web pages and the API from one port
// (`lizheng serve --web DIR`): page paths of the history-mode router get
// their page, hashed bundles are cached for good, pages carry a content
// security policy, and API paths keep their JSON errors.
#include <httplib.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

namespace fs = std::filesystem;

class WebPagesTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    char dir[] = "/tmp/lz-web-XXXXXX";
    if (mkdtemp(dir) == nullptr) return;
    web_ = dir;
    fs::create_directories(web_ + "/assets");
    std::ofstream(web_ + "/index.html") << "<!doctype html><title>portal</title>";
    std::ofstream(web_ + "/staff.html") << "<!doctype html><title>workbench</title>";
    std::ofstream(web_ + "/assets/portal-1a2b3c.js") << "console.log('portal');";
    StartServer(TestServer::Options{.sync = "normal", .web = web_, .now = ""});
  }
  static void TearDownTestSuite() {
    ServerSuite::TearDownTestSuite();
    if (!web_.empty()) fs::remove_all(web_);
  }

  static httplib::Result Fetch(const std::string& path, const std::string& method = "GET") {
    httplib::Client client("127.0.0.1", server().port());
    if (method == "POST") return client.Post(path, "{}", "application/json");
    return client.Get(path);
  }

  inline static std::string web_;
};

TEST_F(WebPagesTest, PagePathsGetTheirPage) {
  for (const char* path : {"/", "/submit", "/track/20261123000001", "/public"}) {
    auto r = Fetch(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_NE(r->body.find("portal"), std::string::npos) << path;
    EXPECT_NE(r->get_header_value("Content-Type").find("text/html"), std::string::npos);
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'self'"),
              std::string::npos)
        << path;
    EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY");
  }
  for (const char* path : {"/staff", "/staff/", "/staff/work-orders/12", "/staff/dashboard"}) {
    auto r = Fetch(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_NE(r->body.find("workbench"), std::string::npos) << path;
  }
}

TEST_F(WebPagesTest, BundlesAreCachedAndMissingFilesAre404) {
  auto js = Fetch("/assets/portal-1a2b3c.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->body, "console.log('portal');");
  EXPECT_NE(js->get_header_value("Cache-Control").find("immutable"), std::string::npos);
  auto missing = Fetch("/assets/gone-000000.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  auto page = Fetch("/index.html");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->get_header_value("Cache-Control"), "no-cache");
}

TEST_F(WebPagesTest, ApiPathsKeepTheirJsonErrors) {
  auto r = Fetch("/api/v1/no-such-endpoint");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("\"not_found\""), std::string::npos) << r->body;
  auto post = Fetch("/submit", "POST");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 404) << "only GET gets a page";
  // And the API itself works beside the pages.
  EXPECT_EQ(api().Get("/api/v1/health").status, 200);
}

}  // namespace
}  // namespace lizheng::e2e
