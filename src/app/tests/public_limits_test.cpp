// The public edge's limits through the services that use them, on a
// simulated clock: sign-in slows one account-and-address pair down without
// locking the account for everybody, unknown usernames cost a password check
// like known ones, lookups lock a tracking number after wrong codes whether
// it exists or not, and anonymous intake is held per address and in all.
#include "lizheng/app/public_limits.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include "lizheng/app/auth.hpp"
#include "lizheng/app/setup.hpp"
#include "lizheng/app/work_orders.hpp"
#include "lizheng/store/sqlite_store.hpp"
#include "temp_dir.hpp"

namespace lizheng::app {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

class PublicLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::SqliteOptions o;
    o.path = dir_.File("db");
    auto opened = store::OpenSqliteStore(o);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    const Status created = store_->Write([&](store::WriteTxn& txn) -> Status {
      LZ_ASSIGN_OR_RETURN(j_, CreateJurisdiction(txn, Jurisdiction{0, "jc", "江川市", 480}));
      return OkStatus();
    });
    ASSERT_TRUE(created.ok()) << created.error().message;
    cache_ = std::make_unique<JurisdictionCache>(*store_, time_, seconds(0));
    limits_ = std::make_unique<PublicLimits>(*cache_, time_);
    auth_ = std::make_unique<AuthService>(*store_, time_, random_, AuthOptions{}, limits_.get());
    work_orders_ = std::make_unique<WorkOrderService>(*store_, *cache_, time_, random_, nullptr,
                                                      limits_.get());
    ASSERT_TRUE(auth_->CreateUser(j_, "admin", "管理员", Role::kAdmin, std::nullopt,
                                 "Jiangchuan-12345!")
                    .ok());
  }

  // Stores the jurisdiction's rate limits (the cache reloads every time).
  void Configure(const std::string& tsv) {
    ASSERT_TRUE(store_
                    ->Write([&](store::WriteTxn& txn) {
                      return txn.PutJurisdictionFile(j_, kRateLimitsFile, tsv, time_.Now());
                    })
                    .ok());
  }

  // The reason of a refused sign-in, or "ok".
  std::string Login(const std::string& user, const std::string& password,
                    const std::string& address) {
    auto r = auth_->Login(j_, user, password, address);
    if (r.ok()) return "ok";
    if (r.error().code == ErrorCode::kTooManyRequests) {
      EXPECT_GT(r.error().retry_after_seconds, 0) << r.error().reason;
      EXPECT_NE(r.error().message_zh.find("后再试"), std::string::npos) << r.error().message_zh;
    }
    return r.error().reason;
  }

  test_support::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  JurisdictionId j_ = 0;
  ManualTime time_{Timestamp(seconds(1'800'000'000))};
  SecureRandom random_;
  std::unique_ptr<JurisdictionCache> cache_;
  std::unique_ptr<PublicLimits> limits_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<WorkOrderService> work_orders_;
};

constexpr const char* kRight = "Jiangchuan-12345!";

TEST_F(PublicLimitsTest, WrongPasswordsSlowThePairDownAndTheRightOneStillWorksElsewhere) {
  const std::string attacker = "203.0.113.7";
  for (int i = 0; i < 4; ++i) EXPECT_EQ(Login("admin", "guess" + std::to_string(i), attacker), "wrong_credentials") << i;
  // The fourth failure blocked the pair for login_first_block (2 s).
  EXPECT_EQ(Login("admin", kRight, attacker), "too_many_logins")
      << "refused before the password is checked, even the right one";
  EXPECT_EQ(Login("admin", kRight, "198.51.100.20"), "ok") << "the real admin, elsewhere";
  time_.Advance(seconds(2));
  EXPECT_EQ(Login("admin", "guess4", attacker), "wrong_credentials");
  auto refused = auth_->Login(j_, "admin", "guess5", attacker);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().retry_after_seconds, 4) << "the block doubles";
  time_.Advance(seconds(4));
  EXPECT_EQ(Login("admin", kRight, attacker), "ok");
  // A success clears the pair: three free failures again.
  for (int i = 0; i < 4; ++i) EXPECT_EQ(Login("admin", "again", attacker), "wrong_credentials") << i;
  EXPECT_EQ(Login("admin", "again", attacker), "too_many_logins");
}

// (The end-to-end test signs in 50; each password check costs ~0.1 s.)
TEST_F(PublicLimitsTest, ManyAccountsBehindOneAddressSignInDespiteSomeTypos) {
  for (int i = 0; i < 10; ++i)
    ASSERT_TRUE(auth_->CreateUser(j_, "op" + std::to_string(i), "话务员", Role::kOperator,
                                  std::nullopt, "lizheng-demo")
                    .ok());
  const std::string nat = "10.20.30.40";
  for (int i = 0; i < 10; ++i) {
    const std::string user = "op" + std::to_string(i);
    EXPECT_EQ(Login(user, "lizheng-dmeo", nat), "wrong_credentials") << user;
    EXPECT_EQ(Login(user, "lizheng-demo", nat), "ok") << user;
  }
}

TEST_F(PublicLimitsTest, TheAddressCeilingHoldsAcrossAccounts) {
  Configure("name\tvalue\nlogin_failures_per_address\t10/15m\n");
  const std::string bot = "192.0.2.66";
  int refused = 0;
  for (int i = 0; i < 12; ++i)
    if (Login("user" + std::to_string(i), "x", bot) == "too_many_logins_from_address") ++refused;
  EXPECT_EQ(refused, 2);
  EXPECT_EQ(Login("admin", kRight, "192.0.2.67"), "ok");
}

TEST_F(PublicLimitsTest, TheAccountCeilingSparesAnAddressTheAccountUsedBefore) {
  Configure("name\tvalue\nlogin_failures_per_account\t5/1h\n");
  EXPECT_EQ(Login("admin", kRight, "198.51.100.20"), "ok");  // the admin's office
  // Guesses from many addresses (three each, under the pair's back-off).
  int refused = 0;
  for (int a = 0; a < 4; ++a)
    for (int i = 0; i < 3; ++i)
      if (Login("admin", "g" + std::to_string(i), "203.0.113." + std::to_string(a)) ==
          "too_many_logins_for_account")
        ++refused;
  EXPECT_EQ(refused, 12 - 5) << "5 failures an hour for this account";
  EXPECT_EQ(Login("admin", kRight, "198.51.100.99"), "too_many_logins_for_account")
      << "a new address waits with the attackers";
  EXPECT_EQ(Login("admin", kRight, "198.51.100.20"), "ok") << "the familiar office does not";
}

TEST_F(PublicLimitsTest, UnknownUsernamesRunAPasswordCheckLikeKnownOnes) {
  const auto before = auth_->PasswordChecks();
  EXPECT_EQ(Login("nobody", "whatever", "198.51.100.1"), "wrong_credentials");
  EXPECT_EQ(auth_->PasswordChecks(), before + 1);
  EXPECT_EQ(Login("admin", "whatever", "198.51.100.1"), "wrong_credentials");
  EXPECT_EQ(auth_->PasswordChecks(), before + 2);
}

TEST(DummyPasswordHashTest, HasTheParametersOfARealHash) {
  ASSERT_GE(sodium_init(), 0);
  EXPECT_EQ(crypto_pwhash_str_needs_rehash(kDummyPasswordHash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE),
            0)
      << "regenerate kDummyPasswordHash with HashPassword's parameters";
  auto real = HashPassword("lizheng-demo");
  ASSERT_TRUE(real.ok());
  const std::string params = real->substr(0, real->find('$', real->find("p=")));
  EXPECT_EQ(std::string(kDummyPasswordHash).rfind(params, 0), 0u) << *real;
}

TEST_F(PublicLimitsTest, WrongCodesLockATrackingNumberWhetherItExistsOrNot) {
  for (const std::string number : {"JC20261001000001", "NO-SUCH-NUMBER"}) {
    for (int i = 0; i < 10; ++i) {
      auto r = work_orders_->CitizenView(number, "0000000" + std::to_string(i % 10),
                                         "198.51.100." + std::to_string(i));
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().reason, "query_code_wrong") << number << " " << i;
    }
    auto locked = work_orders_->CitizenView(number, "12345678", "198.51.100.200");
    ASSERT_FALSE(locked.ok());
    EXPECT_EQ(locked.error().reason, "query_code_locked") << number;
    EXPECT_EQ(locked.error().code, ErrorCode::kTooManyRequests);
    EXPECT_EQ(locked.error().retry_after_seconds, 3600);
    EXPECT_NE(locked.error().message_zh.find("12345"), std::string::npos);
    time_.Advance(hours(1));
    auto after = work_orders_->CitizenView(number, "12345678", "198.51.100.200");
    ASSERT_FALSE(after.ok());
    EXPECT_EQ(after.error().reason, "query_code_wrong") << "the lock ends";
  }
}

TEST_F(PublicLimitsTest, LookupsAreLimitedPerAddress) {
  int refused = 0;
  for (int i = 0; i < 70; ++i) {
    auto r = work_orders_->CitizenView("N" + std::to_string(i), "12345678", "192.0.2.9");
    if (!r.ok() && r.error().reason == "too_many_lookups") ++refused;
  }
  EXPECT_EQ(refused, 10) << "60 a minute";
  EXPECT_EQ(work_orders_->CitizenView("N1", "12345678", "192.0.2.10").error().reason,
            "query_code_wrong");
}

TEST_F(PublicLimitsTest, AnonymousIntakeIsHeldPerAddressAndInAllButNeverForStaff) {
  auto data = cache_->Get(j_);
  ASSERT_TRUE(data.ok());
  int refused = 0;
  for (int i = 0; i < 40; ++i) {
    Status st = limits_->AdmitSubmission(**data, "192.0.2.1");
    if (!st.ok()) {
      EXPECT_EQ(st.error().reason, "too_many_submissions");
      EXPECT_EQ(st.error().retry_after_seconds, 120);
      ++refused;
    }
  }
  EXPECT_EQ(refused, 10) << "30 an hour per address";
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limits_->AdmitSubmission(**data, "").ok()) << "staff";
  // 300 a minute in all: 30 taken above, 270 left for other addresses.
  int admitted = 0;
  Status last = OkStatus();
  for (int i = 0; i < 400; ++i) {
    Status st = limits_->AdmitSubmission(**data, "10.0." + std::to_string(i / 250) + "." +
                                                     std::to_string(i % 250));
    if (st.ok()) ++admitted; else last = st;
  }
  EXPECT_EQ(admitted, 270);
  ASSERT_FALSE(last.ok());
  EXPECT_EQ(last.error().reason, "intake_busy");
  // A refusal for the total does not use up the address's allowance.
  time_.Advance(minutes(1));
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(limits_->AdmitSubmission(**data, "10.0.1.149").ok()) << i;
}

TEST_F(PublicLimitsTest, AJurisdictionsOwnSettingsApply) {
  Configure("name\tvalue\nintake_per_address\t2/1h\n");
  auto data = cache_->Get(j_);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ((*data)->rate_limits.intake_per_address, (Rate{2, hours(1)}));
  EXPECT_TRUE(limits_->AdmitSubmission(**data, "192.0.2.1").ok());
  EXPECT_TRUE(limits_->AdmitSubmission(**data, "192.0.2.1").ok());
  EXPECT_FALSE(limits_->AdmitSubmission(**data, "192.0.2.1").ok());
}

TEST_F(PublicLimitsTest, OffAdmitsEverything) {
  PublicLimits off(*cache_, time_, false);
  auto data = cache_->Get(j_);
  ASSERT_TRUE(data.ok());
  for (int i = 0; i < 500; ++i) ASSERT_TRUE(off.AdmitSubmission(**data, "192.0.2.1").ok());
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(off.BeginLookup("192.0.2.1", "N1").ok());
}
}  // namespace
}  // namespace lizheng::app
