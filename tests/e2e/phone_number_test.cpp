// A phone number typed with a Chinese input method (full-width digits,
// '＋', '－', the ideographic space) is filed as the digits it shows, through
// the API as through the web page; what is not a number is still refused.
#include <string>

#include "server_suite.hpp"
#include "work_order_views.hpp"

namespace lizheng::e2e {
namespace {

class PhoneNumberTest : public ServerSuite {};

TEST_F(PhoneNumberTest, FullWidthDigitsAreNormalisedNotRefused) {
  ClosedLoop& l = loop();
  const json receipt = l.File({{"citizen", {{"name", "张三"}, {"phone", "＋８６　１３８－００１３－８０００"}}}});
  ASSERT_TRUE(receipt.contains("tracking_no")) << receipt;
  const std::int64_t id = l.IdOf(receipt["tracking_no"].get<std::string>());
  EXPECT_EQ(l.View(id)["citizen"]["phone"], "+86 138-0013-8000");
}

TEST_F(PhoneNumberTest, WhatIsNotANumberIsStillRefusedByName) {
  ApiResponse r = api().Post("/api/v1/requests",
                             ClosedLoop::RequestBody({{"citizen", {{"name", "张三"}, {"phone", "１３８abc"}}}}));
  EXPECT_EQ(r.status, 400) << r.Describe();
  EXPECT_EQ(r.ErrorField(), "citizen.phone") << r.Describe();
}

}  // namespace
}  // namespace lizheng::e2e
