// Who the client is: X-Forwarded-For is believed only from a trusted proxy.
#include "client_address.hpp"

#include <gtest/gtest.h>

namespace lizheng::api {
namespace {

TEST(CanonicalAddressTest, OneSpellingPerAddress) {
  EXPECT_EQ(CanonicalAddress("10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(CanonicalAddress(" 10.0.0.1 "), "10.0.0.1");
  EXPECT_EQ(CanonicalAddress("::ffff:10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(CanonicalAddress("2001:DB8:0:0:0:0:0:1"), "2001:db8::1");
  EXPECT_EQ(CanonicalAddress("unknown"), std::nullopt);
  EXPECT_EQ(CanonicalAddress("10.0.0.1:8080"), std::nullopt);
  EXPECT_EQ(CanonicalAddress(""), std::nullopt);
}

TEST(TrustedProxiesTest, RefusesWhatIsNoAddress) {
  auto bad = TrustedProxies::Parse({"10.0.0.5", "proxy.local"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "trusted-proxy");
  EXPECT_NE(bad.error().message.find("proxy.local"), std::string::npos);
}

TEST(TrustedProxiesTest, AnUntrustedPeerIsTheClientWhateverTheHeaderSays) {
  auto t = TrustedProxies::Parse({"10.0.0.5"});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->ClientOf("198.51.100.7", {"203.0.113.9"}), "198.51.100.7");
  EXPECT_EQ(TrustedProxies().ClientOf("127.0.0.1", {"203.0.113.9"}), "127.0.0.1");
}

TEST(TrustedProxiesTest, BehindTrustedProxiesTheLastUntrustedHopIsTheClient) {
  auto t = TrustedProxies::Parse({"10.0.0.5", "::ffff:10.0.0.6"});
  ASSERT_TRUE(t.ok());
  // The client forged the first hop; the proxy appended the real one.
  EXPECT_EQ(t->ClientOf("10.0.0.5", {"1.2.3.4, 203.0.113.9"}), "203.0.113.9");
  // Two proxies in a row, and a header repeated.
  EXPECT_EQ(t->ClientOf("10.0.0.5", {"1.2.3.4", "203.0.113.9, 10.0.0.6"}), "203.0.113.9");
  // No header: the proxy itself.
  EXPECT_EQ(t->ClientOf("10.0.0.5", {}), "10.0.0.5");
  // Only proxies: the farthest one.
  EXPECT_EQ(t->ClientOf("10.0.0.5", {"10.0.0.6"}), "10.0.0.6");
  // A hop that is no address ends the walk at the hop before it.
  EXPECT_EQ(t->ClientOf("10.0.0.5", {"203.0.113.9, unknown"}), "10.0.0.5");
  EXPECT_EQ(t->ClientOf("10.0.0.5", {"garbage, 10.0.0.6"}), "10.0.0.6");
}

}  // namespace
}  // namespace lizheng::api
