// The keyed limiters: token buckets that refill over their window, back-off
// that blocks and doubles, bounded memory under a caller cycling keys, and
// reservations that hold when many threads ask at once.
#include "lizheng/app/rate_limit.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "lizheng/app/rate_limit_settings.hpp"

namespace lizheng::app {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

Timestamp Start() { return Timestamp(seconds(1'800'000'000)); }

int Admitted(RateLimiter& l, const std::string& key, Rate rate, int tries) {
  int n = 0;
  for (int i = 0; i < tries; ++i) n += l.Take(key, rate) ? 1 : 0;
  return n;
}

TEST(RateLimiterTest, AdmitsTheWholeAllowanceThenRefillsOverTheWindow) {
  ManualTime time(Start());
  RateLimiter l(time, 100);
  const Rate rate{30, hours(1)};
  EXPECT_EQ(Admitted(l, "a", rate, 40), 30);
  const Admission refused = l.Take("a", rate);
  EXPECT_FALSE(refused);
  EXPECT_EQ(refused.retry_after, seconds(120)) << "one admission returns every 3600/30 s";
  time.Advance(seconds(119));
  EXPECT_FALSE(l.Take("a", rate));
  time.Advance(seconds(1));
  EXPECT_TRUE(l.Take("a", rate));
  EXPECT_FALSE(l.Take("a", rate));
  time.Advance(hours(1));
  EXPECT_EQ(Admitted(l, "a", rate, 40), 30) << "a quiet window gives the whole allowance back";
}

TEST(RateLimiterTest, KeysAreIndependent) {
  ManualTime time(Start());
  RateLimiter l(time, 100);
  const Rate rate{2, minutes(1)};
  EXPECT_EQ(Admitted(l, "a", rate, 5), 2);
  EXPECT_EQ(Admitted(l, "b", rate, 5), 2);
}

TEST(RateLimiterTest, AGivenBackAdmissionCanBeTakenAgain) {
  ManualTime time(Start());
  RateLimiter l(time, 100);
  const Rate rate{3, hours(1)};
  EXPECT_EQ(Admitted(l, "a", rate, 3), 3);
  EXPECT_FALSE(l.Take("a", rate));
  l.GiveBack("a", rate);
  EXPECT_TRUE(l.Take("a", rate));
  EXPECT_FALSE(l.Take("a", rate));
}

TEST(RateLimiterTest, MemoryStaysBoundedWhileKeysCycleAndBusyKeysAreKeptLongest) {
  ManualTime time(Start());
  RateLimiter l(time, 1000);
  const Rate rate{5, hours(1)};
  // A key exhausted long before the flood of new keys is the one that
  // matters most: its bucket is the furthest from full.
  EXPECT_EQ(Admitted(l, "victim-guard", rate, 5), 5);
  for (int i = 0; i < 50'000; ++i) {
    ASSERT_TRUE(l.Take("k" + std::to_string(i), rate));
    ASSERT_LE(l.size(), 1000u);
  }
  EXPECT_FALSE(l.Take("victim-guard", rate)) << "eviction took the least throttled keys first";
}

TEST(RateLimiterTest, ConcurrentTakersNeverGetMoreThanTheAllowance) {
  ManualTime time(Start());
  RateLimiter l(time, 100);
  const Rate rate{10, hours(1)};
  std::atomic<int> admitted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i)
        if (l.Take("shared", rate)) ++admitted;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(admitted.load(), 10);
}

TEST(BackoffTest, FreeFailuresThenBlocksThatDoubleUpToTheCap) {
  ManualTime time(Start());
  Backoff b(time, 100);
  BackoffPolicy p{3, seconds(2), seconds(10), hours(24)};
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(b.Take("pair", p)) << i;
  EXPECT_TRUE(b.Take("pair", p)) << "the fourth attempt runs and blocks the next";
  Admission a = b.Take("pair", p);
  EXPECT_FALSE(a);
  EXPECT_EQ(a.retry_after, seconds(2));
  time.Advance(seconds(2));
  EXPECT_TRUE(b.Take("pair", p));
  EXPECT_EQ(b.Take("pair", p).retry_after, seconds(4));
  time.Advance(seconds(4));
  EXPECT_TRUE(b.Take("pair", p));
  EXPECT_EQ(b.Take("pair", p).retry_after, seconds(8));
  time.Advance(seconds(8));
  EXPECT_TRUE(b.Take("pair", p));
  EXPECT_EQ(b.Take("pair", p).retry_after, seconds(10)) << "capped at max_block";
  EXPECT_TRUE(b.Take("other", p)) << "another key is not affected";
}

TEST(BackoffTest, ClearForgivesAndQuietForgets) {
  ManualTime time(Start());
  Backoff b(time, 100);
  BackoffPolicy p{1, seconds(60), seconds(60), hours(1)};
  EXPECT_TRUE(b.Take("k", p));
  EXPECT_TRUE(b.Take("k", p));
  EXPECT_FALSE(b.Take("k", p));
  b.Clear("k");
  EXPECT_TRUE(b.Take("k", p));
  time.Advance(hours(1));
  EXPECT_TRUE(b.Take("k", p)) << "strikes are forgotten after a quiet forget_after";
  EXPECT_TRUE(b.Take("k", p));
  EXPECT_FALSE(b.Take("k", p));
}

TEST(BackoffTest, ALockAfterNFailuresHoldsForItsWholeTime) {
  // The lookup lock: N - 1 free strikes, then one fixed block.
  ManualTime time(Start());
  Backoff b(time, 100);
  BackoffPolicy p{9, hours(1), hours(1), hours(1)};
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(b.Take("TN-1", p)) << i;
  EXPECT_EQ(b.Take("TN-1", p).retry_after, hours(1));
  time.Advance(minutes(59));
  EXPECT_FALSE(b.Take("TN-1", p));
  time.Advance(minutes(1));
  EXPECT_TRUE(b.Take("TN-1", p));
}

TEST(BackoffTest, ConcurrentAttemptsRunNoMoreThanThePolicyAllows) {
  ManualTime time(Start());
  Backoff b(time, 100);
  BackoffPolicy p{3, seconds(2), seconds(900), hours(24)};
  std::atomic<int> admitted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 64; ++t)
    threads.emplace_back([&] {
      if (b.Take("admin|10.0.0.9", p)) ++admitted;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(admitted.load(), 4) << "three free strikes and the one that sets the first block";
}

TEST(BackoffTest, MemoryStaysBoundedAndBlockedKeysAreKept) {
  ManualTime time(Start());
  Backoff b(time, 500);
  BackoffPolicy lock{0, hours(1), hours(1), hours(1)};
  BackoffPolicy light{3, seconds(1), seconds(1), minutes(1)};
  EXPECT_TRUE(b.Take("locked", lock));
  for (int i = 0; i < 20'000; ++i) {
    ASSERT_TRUE(b.Take("n" + std::to_string(i), light));
    ASSERT_LE(b.size(), 500u);
  }
  EXPECT_FALSE(b.Take("locked", lock));
}

TEST(FairSlotsTest, NoMoreHoldersThanSlots) {
  FairSlots slots(2);
  ASSERT_TRUE(slots.Acquire(std::chrono::milliseconds(0)));
  ASSERT_TRUE(slots.Acquire(std::chrono::milliseconds(0)));
  EXPECT_FALSE(slots.Acquire(std::chrono::milliseconds(0))) << "both slots are held";
  slots.Release();
  EXPECT_TRUE(slots.Acquire(std::chrono::milliseconds(0)));
}

TEST(FairSlotsTest, ManyThreadsAllGetASlotAndNeverMoreThanTwoAtOnce) {
  FairSlots slots(2);
  std::atomic<int> holding{0}, most{0}, granted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (!slots.Acquire(std::chrono::seconds(60))) continue;
        const int now = ++holding;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        ++granted;
        --holding;
        slots.Release();
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(granted.load(), 1600);
  EXPECT_LE(most.load(), 2);
}

TEST(RateTest, ParsesAndPrintsCountsPerWindow) {
  auto r = Rate::Parse("30/1h", "intake_per_address");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->count, 30);
  EXPECT_EQ(r->window, hours(1));
  EXPECT_EQ(r->ToString(), "30/1h");
  EXPECT_EQ(Rate({90, seconds(90)}).ToString(), "90/90s");
  for (const char* bad : {"", "30", "30/", "/1h", "0/1h", "-1/1h", "30/1x", "30/h", "3 0/1h", "30/0m"}) {
    auto e = Rate::Parse(bad, "intake_total");
    ASSERT_FALSE(e.ok()) << bad;
    EXPECT_EQ(e.error().field, "intake_total");
    EXPECT_NE(e.error().message.find("30/1h"), std::string::npos) << e.error().message;
  }
}

TEST(RateLimitSettingsTest, TheDefaultsRoundTripThroughTheFile) {
  const RateLimitSettings defaults;
  const std::string tsv = defaults.ToTsv();
  EXPECT_NE(tsv.find("intake_per_address\t30/1h\n"), std::string::npos) << tsv;
  EXPECT_NE(tsv.find("lookup_lock\t1h\n"), std::string::npos) << tsv;
  auto parsed = RateLimitSettings::Parse(tsv);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, defaults);
}

TEST(RateLimitSettingsTest, SettingsNotGivenKeepTheirDefaults) {
  auto parsed = RateLimitSettings::Parse(
      "# a small town\nname\tvalue\nintake_total\t50/1m\r\n\nlookup_failures_per_number\t5\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->intake_total, (Rate{50, minutes(1)}));
  EXPECT_EQ(parsed->lookup_failures_per_number, 5);
  EXPECT_EQ(parsed->intake_per_address, RateLimitSettings{}.intake_per_address);
}

TEST(RateLimitSettingsTest, ABadFileNamesTheLineAndTheRule) {
  struct Case {
    const char* tsv;
    const char* expected;
  };
  for (const Case& c : std::vector<Case>{
           {"intake_total\t50/1m\n", "line 1: expected the header"},
           {"name\tvalue\nintake_totl\t50/1m\n", "line 2: unknown setting 'intake_totl'"},
           {"name\tvalue\nintake_total\tfifty\n", "line 2: intake_total: expected a count per window"},
           {"name\tvalue\nlookup_lock\t1w\n", "line 2: lookup_lock: expected a duration"},
           {"name\tvalue\nlogin_free_failures\t-1\n", "line 2: login_free_failures: expected a whole number"},
           {"name\tvalue\nlogin_max_block\t1s\n", "login_max_block: must not be shorter"},
           {"name\tvalue\nintake_total\t5/1m\textra\n", "line 2: expected two columns"},
           {"", "expected the header"},
       }) {
    auto parsed = RateLimitSettings::Parse(c.tsv);
    ASSERT_FALSE(parsed.ok()) << c.tsv;
    EXPECT_NE(parsed.error().message.find(c.expected), std::string::npos)
        << c.tsv << " -> " << parsed.error().message;
  }
}

}  // namespace
}  // namespace lizheng::app
