#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "lizheng/store/store.hpp"
#include "store_test_support.hpp"

namespace lizheng::store {
namespace {

using testsupport::MakeEvent;

TEST(ChainHashTest, IsLowerCaseHexSha256AndDeterministic) {
  const Event e = MakeEvent(1, 2, Action::kDispatch, 1'780'000'000);
  const std::string h = ChainHash(e, "");
  ASSERT_EQ(h.size(), 64u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(ChainHash(e, ""), h);
}

// The format is part of every stored chain: a change here must be a
// deliberate, migrated one. The expected value was computed independently:
//   fields = ["lizheng-event-v1", "1", "3", "2", "dispatch", "accepted",
//             "dispatched", "dispatcher", "21", "派单员甲", "1", "1780000000",
//             "2", "unit", "6", "reason", "按目录派单", "1", "abc"]
//   sha256(b"".join(struct.pack(">Q", len(f)) + f for f in utf8(fields)))
TEST(ChainHashTest, FormatIsStable) {
  Event e = MakeEvent(1, 2, Action::kDispatch, 1'780'000'000);
  e.seq = 3;
  EXPECT_EQ(ChainHash(e, "abc"),
            "3b39837142e39d0aa0951d15c5a376184ac0f5c4ef78e7d6faef51daf469ba0e");
}

TEST(ChainHashTest, EveryFieldCounts) {
  Event base = MakeEvent(1, 2, Action::kDispatch, 1'780'000'000);
  base.seq = 3;
  const std::string h = ChainHash(base, "prev");
  std::vector<std::function<void(Event&)>> changes = {
      [](Event& e) { e.jurisdiction = 9; },
      [](Event& e) { e.seq = 4; },
      [](Event& e) { e.work_order = 9; },
      [](Event& e) { e.action = Action::kRedispatch; },
      [](Event& e) { e.from = State::kReturned; },
      [](Event& e) { e.to = State::kInProgress; },
      [](Event& e) { e.actor_role = Role::kLeader; },
      [](Event& e) { e.actor_user = 99; },
      [](Event& e) { e.actor_name = "someone"; },
      [](Event& e) { e.actor_unit = 99; },
      [](Event& e) { e.actor_unit.reset(); },
      [](Event& e) { e.at += std::chrono::seconds{1}; },
      [](Event& e) { e.data[0].second = "7"; },
      [](Event& e) { e.data.pop_back(); },
      [](Event& e) { e.is_public = false; },
  };
  for (std::size_t i = 0; i < changes.size(); ++i) {
    Event changed = base;
    changes[i](changed);
    EXPECT_NE(ChainHash(changed, "prev"), h) << "change " << i;
  }
  EXPECT_NE(ChainHash(base, "prev2"), h);
  // Its own hash fields are not inputs.
  Event with_hashes = base;
  with_hashes.prev_hash = "ignored";
  with_hashes.hash = "ignored";
  EXPECT_EQ(ChainHash(with_hashes, "prev"), h);
}

TEST(ChainHashTest, FieldBoundariesAreUnambiguous) {
  Event a = MakeEvent(1, 2, Action::kDispatch, 0);
  Event b = a;
  a.data = {{"ab", "c"}};
  b.data = {{"a", "bc"}};
  EXPECT_NE(ChainHash(a, ""), ChainHash(b, ""));

  // A value cannot smuggle in what looks like the next length-prefixed pair.
  using namespace std::string_literals;
  a.data = {{"k", "v"}, {"k2", "v2"}};
  b.data = {{"k", "v\0\0\0\0\0\0\0\x02k2\0\0\0\0\0\0\0\x02v2"s}};
  EXPECT_NE(ChainHash(a, ""), ChainHash(b, ""));

  // No unit and unit 0 differ.
  a = MakeEvent(1, 2, Action::kDispatch, 0);
  b = a;
  a.actor_unit.reset();
  b.actor_unit = 0;
  EXPECT_NE(ChainHash(a, ""), ChainHash(b, ""));

  // Moving text between the name and the previous hash changes the hash.
  a = MakeEvent(1, 2, Action::kDispatch, 0);
  b = a;
  a.actor_name = "x";
  b.actor_name = "";
  EXPECT_NE(ChainHash(a, ""), ChainHash(b, "x"));
}

// The keyed format, computed independently the same way with
//   hmac.new(bytes(range(32)), serialized(["lizheng-event-v2", <the v1
//   fields>, "d1g3st", "abc"]), sha256)
TEST(KeyedChainHashTest, FormatIsStable) {
  Event e = MakeEvent(1, 2, Action::kDispatch, 1'780'000'000);
  e.seq = 3;
  e.work_order_digest = "d1g3st";
  EXPECT_EQ(KeyedChainHash(e, "abc", testsupport::TestLogKey()),
            "f7bff7a3df1a75ec1a55a04533aae69678598aba71e370c107e4dab6019dc45f");
  //   blake2b(serialized(["lizheng-work-order-v1", "1", "7", '{"id":7}']),
  //           digest_size=32)
  EXPECT_EQ(WorkOrderDigest(1, 7, R"({"id":7})"),
            "7100df18f3888d79c97c20612100aeba59f2721236dccd4eb1a8a508cf40a3df");
}

TEST(KeyedChainHashTest, TheKeyTheDigestAndTheEventAllCount) {
  Event base = MakeEvent(1, 2, Action::kDispatch, 1'780'000'000);
  base.seq = 3;
  base.work_order_digest = std::string(64, '1');
  const LogKey key = testsupport::TestLogKey();
  const std::string h = KeyedChainHash(base, "prev", key);
  EXPECT_EQ(KeyedChainHash(base, "prev", key), h);
  EXPECT_NE(h, ChainHash(base, "prev")) << "the formats differ";
  EXPECT_NE(KeyedChainHash(base, "prev", LogKey::Generate()), h);
  EXPECT_NE(KeyedChainHash(base, "prev2", key), h);
  Event changed = base;
  changed.work_order_digest = std::string(64, '2');
  EXPECT_NE(KeyedChainHash(changed, "prev", key), h);
  changed = base;
  changed.actor_name = "someone";
  EXPECT_NE(KeyedChainHash(changed, "prev", key), h);
  // The plain format never covered the digest: old chains verify as they were.
  changed = base;
  changed.work_order_digest.clear();
  EXPECT_EQ(ChainHash(changed, "prev"), ChainHash(base, "prev"));

  EXPECT_NE(WorkOrderDigest(1, 7, "doc"), WorkOrderDigest(2, 7, "doc"));
  EXPECT_NE(WorkOrderDigest(1, 7, "doc"), WorkOrderDigest(1, 8, "doc"));
  EXPECT_NE(WorkOrderDigest(1, 7, "doc"), WorkOrderDigest(1, 7, "doc "));
}

TEST(LogKeyTest, ReadsAndWritesSixtyFourHexDigits) {
  const LogKey generated = LogKey::Generate();
  EXPECT_NE(generated.Hex(), LogKey::Generate().Hex());
  auto back = LogKey::FromHex(generated.Hex());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->bytes(), generated.bytes());
  auto upper = LogKey::FromHex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
  ASSERT_TRUE(upper.ok());
  EXPECT_EQ(upper->Hex(), testsupport::TestLogKey().Hex());
  for (const std::string& bad : {std::string(63, 'a'), std::string(65, 'a'), std::string(64, 'g'),
                                std::string()}) {
    auto refused = LogKey::FromHex(bad);
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_EQ(refused.error().field, "log_key");
  }
}

}  // namespace
}  // namespace lizheng::store
