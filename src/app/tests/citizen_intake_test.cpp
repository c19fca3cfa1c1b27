// A citizen's side of intake against the real SQLite store: tracking
// numbers that name one work order across jurisdictions, query codes typed
// in groups, numbers issued before they were unique, and the flood check
// that tells one address's burst from many citizens.
#include <gtest/gtest.h>

#include <regex>

#include "lizheng/app/insights.hpp"
#include "lizheng/app/setup.hpp"
#include "lizheng/app/work_orders.hpp"
#include "lizheng/store/sqlite_store.hpp"
#include "temp_dir.hpp"

namespace lizheng::app {
namespace {

const Timestamp kNow = ParseTimestamp("2026-11-23T10:00:00+08:00", "now").value();
const Actor kCitizen{Role::kCitizen, 0, std::nullopt, "群众"};
const Actor kOperator{Role::kOperator, 1, std::nullopt, "话务员"};

class CitizenIntakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::SqliteOptions o;
    o.path = dir_.File("db");
    o.synchronous_full = false;
    o.log_key = store::LogKey::FromHex(std::string(64, '7')).value();  // events need a key
    auto opened = store::OpenSqliteStore(o);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    const Status made = store_->Write([&](store::WriteTxn& txn) -> Status {
      LZ_ASSIGN_OR_RETURN(jc_, CreateJurisdiction(txn, Jurisdiction{0, "jc", "江川市", 480}));
      LZ_ASSIGN_OR_RETURN(hx_, CreateJurisdiction(txn, Jurisdiction{0, "hx", "河西县", 480}));
      LZ_RETURN_IF_ERROR(txn.InsertArea(jc_, Area{"jc-01", "滨江街道", "", 1}));
      return txn.InsertArea(hx_, Area{"hx-01", "河西街道", "", 1});
    });
    ASSERT_TRUE(made.ok()) << made.error().message;
    auto seg = text::Segmenter::Load(text::SegmenterOptions{});
    ASSERT_TRUE(seg.ok());
    cache_.emplace(*store_, time_, std::chrono::seconds(60));
    insights_.emplace(*store_, *cache_, time_, std::move(seg).value());
    service_.emplace(*store_, *cache_, time_, random_, &*insights_);
  }

  static Submission Request(const std::string& area, const std::string& title,
                            const std::string& detail, const std::string& address = "") {
    Submission s;
    s.type = RequestType::kComplaint;
    s.title = title;
    s.detail = detail;
    s.area_code = area;
    s.source_address = address;
    return s;
  }

  WorkOrder Stored(JurisdictionId j, WorkOrderId id) {
    WorkOrder wo;
    EXPECT_TRUE(store_
                    ->Read([&](store::ReadTxn& txn) -> Status {
                      LZ_ASSIGN_OR_RETURN(wo, txn.GetWorkOrder(j, id));
                      return OkStatus();
                    })
                    .ok());
    return wo;
  }

  test_support::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  JurisdictionId jc_ = 0, hx_ = 0;
  ManualTime time_{kNow};
  SecureRandom random_;
  std::optional<JurisdictionCache> cache_;
  std::optional<Insights> insights_;
  std::optional<WorkOrderService> service_;
};

TEST_F(CitizenIntakeTest, NumbersDifferAcrossJurisdictionsAndNeedNoJurisdiction) {
  auto a = service_->Submit(jc_, Request("jc-01", "路灯不亮", "滨江路路灯坏了。", "198.51.100.1"),
                            kCitizen);
  auto b = service_->Submit(hx_, Request("hx-01", "井盖丢失", "河西路井盖丢了。", "198.51.100.1"),
                            kCitizen);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->tracking_no, "20261123000001");
  EXPECT_EQ(b->tracking_no, "20261123000002");
  EXPECT_TRUE(std::regex_match(a->query_code, std::regex("[0-9]{12}"))) << a->query_code;
  auto va = service_->CitizenView(a->tracking_no, a->query_code);
  auto vb = service_->CitizenView(b->tracking_no, b->query_code);
  ASSERT_TRUE(va.ok() && vb.ok());
  EXPECT_EQ(va->wo.title, "路灯不亮");
  EXPECT_EQ(vb->wo.title, "井盖丢失");
  // Typed in groups, with an input method's full-width digits or not.
  const std::string& c = b->query_code;
  EXPECT_TRUE(
      service_
          ->CitizenView(b->tracking_no, c.substr(0, 4) + " " + c.substr(4, 4) + "-" + c.substr(8))
          .ok());
  EXPECT_TRUE(service_->CitizenView("20261123 000002", c).ok());
  auto wrong = service_->CitizenView(b->tracking_no, a->query_code);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kNotFound);
}

// Before numbers were unique, two jurisdictions could both issue a number;
// the citizen's query code (8 digits then) picks their own.
TEST_F(CitizenIntakeTest, AnOldNumberInTwoJurisdictionsIsFoundByItsQueryCode) {
  auto a = service_->Submit(jc_, Request("jc-01", "江川的老诉求", "内容。"), kOperator);
  auto b = service_->Submit(hx_, Request("hx-01", "河西的老诉求", "内容。"), kOperator);
  ASSERT_TRUE(a.ok() && b.ok());
  WorkOrder x = Stored(jc_, a->id), y = Stored(hx_, b->id);
  ASSERT_TRUE(store_
                  ->Write([&](store::WriteTxn& txn) -> Status {
                    x.tracking_no = y.tracking_no = "20250101000001";
                    x.query_code = "11112222";
                    y.query_code = "33334444";
                    ++x.version;
                    ++y.version;
                    LZ_RETURN_IF_ERROR(txn.UpdateWorkOrder(x));
                    return txn.UpdateWorkOrder(y);
                  })
                  .ok());
  auto vx = service_->CitizenView("20250101000001", "11112222");
  auto vy = service_->CitizenView("20250101000001", "3333 4444");
  ASSERT_TRUE(vx.ok() && vy.ok());
  EXPECT_EQ(vx->wo.title, "江川的老诉求");
  EXPECT_EQ(vy->wo.title, "河西的老诉求");
  EXPECT_FALSE(service_->CitizenView("20250101000001", "55556666").ok());
}

TEST_F(CitizenIntakeTest, OneAddressRepeatingItselfIsASuspectedFloodStaffNever) {
  auto post = [&](const std::string& address, int k, const Actor& actor) {
    auto r = service_->Submit(
        jc_,
        Request("jc-01", "化工厂排放毒气",
                "滨江化工厂每天晚上排放毒气，气味刺鼻，请立即查处！" + std::to_string(k), address),
        actor);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? Stored(jc_, r->id) : WorkOrder{};
  };
  EXPECT_FALSE(post("198.51.100.7", 1, kCitizen).suspected_flood);
  EXPECT_TRUE(post("198.51.100.7", 2, kCitizen).suspected_flood);
  // The same network of an IPv6 subscriber is one source.
  EXPECT_FALSE(post("2001:db8:1:2::10", 3, kCitizen).suspected_flood);
  EXPECT_TRUE(post("2001:db8:1:2::99", 4, kCitizen).suspected_flood);
  // Another address is another citizen.
  EXPECT_FALSE(post("198.51.100.8", 5, kCitizen).suspected_flood);
  // Staff record without an address and are never suspected.
  for (int k = 0; k < 3; ++k) EXPECT_FALSE(post("", 10 + k, kOperator).suspected_flood);
  // Another jurisdiction keeps its own count.
  auto there = service_->Submit(
      hx_,
      Request("hx-01", "化工厂排放毒气", "滨江化工厂每天晚上排放毒气，气味刺鼻，请立即查处！9",
              "198.51.100.7"),
      kCitizen);
  ASSERT_TRUE(there.ok());
  EXPECT_FALSE(Stored(hx_, there->id).suspected_flood);
}

}  // namespace
}  // namespace lizheng::app
