// The session cookie over the real binary: Secure when `serve --public-url`
// is https (a browser then never sends it over plain http), plain otherwise,
// and a bad URL refused by name before anything starts. The servers get
// the URL from $LIZHENG_PUBLIC_URL, which they inherit; the refusals test
// the flag.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <memory>
#include <string>

#include "test_server.hpp"

namespace lizheng::e2e {
namespace {

// A server started with $LIZHENG_PUBLIC_URL set to `url` (unset if empty).
std::unique_ptr<TestServer> ServerAt(const std::string& url) {
  if (url.empty())
    unsetenv("LIZHENG_PUBLIC_URL");
  else
    setenv("LIZHENG_PUBLIC_URL", url.c_str(), 1);
  TestServer::Options o;
  o.sync = "normal";
  auto server = std::make_unique<TestServer>(o);
  unsetenv("LIZHENG_PUBLIC_URL");
  return server;
}

std::string SetCookie(const ApiResponse& r) {
  auto it = r.headers.find("Set-Cookie");
  return it == r.headers.end() ? "" : it->second;
}

// Login's and logout's Set-Cookie of `server`.
std::pair<std::string, std::string> Cookies(TestServer& server) {
  ApiResponse login = server.Login("leader");
  EXPECT_EQ(login.status, 200) << login.Describe();
  const std::string token = login["token"].get<std::string>();
  ApiResponse out = server.api().Post("/api/v1/auth/logout", json::object(), token);
  EXPECT_EQ(out.status, 200) << out.Describe();
  return {SetCookie(login), SetCookie(out)};
}

TEST(SessionCookieTest, AnHttpsPublicUrlMarksTheCookieSecure) {
  auto server = ServerAt("https://12345.example.gov.cn");
  const auto [login, logout] = Cookies(*server);
  EXPECT_NE(login.find("lz_session="), std::string::npos) << login;
  EXPECT_NE(login.find("; Secure"), std::string::npos) << login;
  EXPECT_NE(login.find("HttpOnly"), std::string::npos) << login;
  EXPECT_NE(logout.find("Max-Age=0"), std::string::npos) << logout;
  EXPECT_NE(logout.find("; Secure"), std::string::npos) << logout;
}

TEST(SessionCookieTest, WithoutAnHttpsPublicUrlTheCookieIsNotSecure) {
  for (const std::string url : {"", "http://10.0.0.5:8080"}) {
    auto server = ServerAt(url);
    const auto [login, logout] = Cookies(*server);
    EXPECT_NE(login.find("lz_session="), std::string::npos) << url << ": " << login;
    EXPECT_EQ(login.find("Secure"), std::string::npos) << url << ": " << login;
    EXPECT_EQ(logout.find("Secure"), std::string::npos) << url << ": " << logout;
  }
}

TEST(SessionCookieTest, ABadPublicUrlIsRefusedByName) {
  for (const std::string url : {"12345.example.gov.cn", "ftp://12345.example.gov.cn", "https://",
                                "https://:443/", "https://a b.cn"}) {
    std::string out;
    EXPECT_EQ(TestServer::RunCli(
                  {"serve", "--db", "/nonexistent/db", "--port", "0", "--public-url", url}, &out),
              2)
        << url << ": " << out;
    EXPECT_NE(out.find("--public-url: expected an absolute http:// or https:// URL"),
              std::string::npos)
        << url << ": " << out;
  }
}

}  // namespace
}  // namespace lizheng::e2e
