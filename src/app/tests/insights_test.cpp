// The analytics on the demo jurisdiction, against the real SQLite store:
// intake assessment, training and storing the classifier, the advice
// beside a work order, and the precision of the top dispatch and repeat
// suggestions on the demo's known units and known duplicates.
#include "lizheng/app/insights.hpp"

#include <gtest/gtest.h>

#include "temp_dir.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <set>

#include "lizheng/app/demo.hpp"
#include "lizheng/app/work_orders.hpp"
#include "lizheng/insight/text_classifier.hpp"
#include "lizheng/store/sqlite_store.hpp"

namespace lizheng::app {
namespace {

using test_support::TempDir;

class FixedRandom final : public RandomSource {
 public:
  std::string HexToken(int bytes) override { return std::string(static_cast<std::size_t>(bytes) * 2, 'a'); }
  std::string Digits(int n) override { return std::string(static_cast<std::size_t>(n), '7'); }
};

const Timestamp kNow = ParseTimestamp("2026-11-20T10:00:00+08:00", "now").value();

// One demo for the whole suite: generating it is the slow part.
class InsightsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    store::SqliteOptions o;
    o.path = dir_->File("demo.db");
    o.log_key = store::LogKey::FromHex(std::string(64, '7')).value();  // events need a key
    o.synchronous_full = false;
    store_ = std::move(store::OpenSqliteStore(o)).value().release();
    DemoOptions d;
    d.requests = 2500;
    d.days = 90;
    d.now = kNow;
    auto summary = GenerateDemo(*store_, d);
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    jurisdiction_ = summary->jurisdiction.id;
    auto seg = text::Segmenter::Load(text::SegmenterOptions{});
    ASSERT_TRUE(seg.ok());
    segmenter_ = new text::Segmenter(std::move(seg).value());
  }
  static void TearDownTestSuite() {
    delete segmenter_;
    delete store_;
    delete dir_;
  }

  static std::vector<WorkOrder> AllWorkOrders() {
    std::vector<WorkOrder> out;
    store::WorkOrderQuery q;
    q.jurisdiction = jurisdiction_;
    q.limit = 1000;
    for (bool more = true; more;) {
      store::WorkOrderPage page;
      EXPECT_TRUE(store_->Read([&](store::ReadTxn& txn) -> Status {
                          LZ_ASSIGN_OR_RETURN(page, txn.ListWorkOrders(q));
                          return OkStatus();
                        }).ok());
      out.insert(out.end(), page.items.begin(), page.items.end());
      more = page.has_more;
      if (more) q.after = std::make_pair(page.items.back().created_at, page.items.back().id);
    }
    std::reverse(out.begin(), out.end());  // oldest first
    return out;
  }

  static TempDir* dir_;
  static store::Store* store_;
  static JurisdictionId jurisdiction_;
  static text::Segmenter* segmenter_;
};

TempDir* InsightsTest::dir_ = nullptr;
store::Store* InsightsTest::store_ = nullptr;
JurisdictionId InsightsTest::jurisdiction_ = 0;
text::Segmenter* InsightsTest::segmenter_ = nullptr;

TEST_F(InsightsTest, TrainsFromHistoryStoresTheModelAndAssessesEverySubmission) {
  ManualTime time(kNow);
  FixedRandom random;
  JurisdictionCache cache(*store_, time, std::chrono::seconds(60));
  Insights insights(*store_, cache, time, *segmenter_);
  WorkOrderService service(*store_, cache, time, random, &insights);

  // Before training: keyword rules from the taxonomy's names.
  auto data = cache.Get(jurisdiction_);
  ASSERT_TRUE(data.ok());
  const Assessment cold = insights.Assess(**data, "小区楼下烧烤店油烟噪音扰民", "每晚烧烤店噪音扰民，油烟很大。");
  EXPECT_EQ(cold.source, CategorySource::kKeywords);

  auto report = insights.Refresh(jurisdiction_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->trained) << report->note;
  EXPECT_GE(report->messages, 1000);
  EXPECT_GE(report->labels.size(), 5u);
  EXPECT_GT(report->dispatch_outcomes, 500);

  // A request without a category gets the model's, marked as such.
  Submission s;
  s.title = "小区门口路灯坏了一个多月";
  s.detail = "我们小区门口的路灯坏了一个多月了，晚上黑漆漆的，希望尽快修好。";
  s.area_code = (*data)->directory.areas().back().code;
  s.citizen = {"测试", "13800000000"};
  auto receipt = service.Submit(jurisdiction_, s, Actor{Role::kCitizen, 0, std::nullopt, "群众"});
  ASSERT_TRUE(receipt.ok()) << receipt.error().message;
  WorkOrder filed;
  ASSERT_TRUE(store_->Read([&](store::ReadTxn& txn) -> Status {
                        LZ_ASSIGN_OR_RETURN(filed, txn.GetWorkOrder(jurisdiction_, receipt->id));
                        return OkStatus();
                      }).ok());
  ASSERT_TRUE(filed.assessment.has_value());
  EXPECT_EQ(filed.assessment->source, CategorySource::kModel);
  EXPECT_EQ(filed.category_code, filed.assessment->category_code);
  EXPECT_EQ(filed.category_source, CategorySource::kModel);
  EXPECT_GE(filed.assessment->confidence, 0.5);

  // Another server process over the same database uses the stored model
  // without retraining.
  Insights other(*store_, cache, time, *segmenter_);
  auto again = other.Refresh(jurisdiction_);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->trained);
  EXPECT_EQ(other.Assess(**data, s.title, s.detail).source, CategorySource::kModel);
  // ... until the model is a day old.
  time.Advance(std::chrono::hours(25));
  auto stale = other.Refresh(jurisdiction_);
  ASSERT_TRUE(stale.ok());
  EXPECT_TRUE(stale->trained);
}

TEST_F(InsightsTest, AdviceNamesUnitsWithReasonsAndTheOpenRepeat) {
  ManualTime time(kNow);
  JurisdictionCache cache(*store_, time, std::chrono::seconds(60));
  Insights insights(*store_, cache, time, *segmenter_);
  ASSERT_TRUE(insights.Refresh(jurisdiction_).ok());
  auto data = cache.Get(jurisdiction_);
  ASSERT_TRUE(data.ok());
  // An open work order with a known repeat merged into it: a copy of that
  // repeat must find it.
  const std::vector<WorkOrder> all = AllWorkOrders();
  const WorkOrder* primary = nullptr;
  for (const WorkOrder& w : all)
    if (!w.merged.empty() && !w.IsTerminal()) primary = &w;
  ASSERT_NE(primary, nullptr);
  WorkOrder probe = *std::find_if(all.begin(), all.end(), [&](const WorkOrder& w) { return w.id == primary->merged[0]; });
  probe.id = 0;  // as if filed now, not yet merged
  probe.merged_into.reset();
  probe.state = State::kSubmitted;
  auto advice = insights.Advise(**data, probe);
  ASSERT_TRUE(advice.ok()) << advice.error().message;
  ASSERT_FALSE(advice->repeats.empty());
  EXPECT_EQ(advice->repeats[0].work_order.id, primary->id);
  EXPECT_GE(advice->repeats[0].match.score, 0.45);
  ASSERT_FALSE(advice->units.empty());
  EXPECT_LE(advice->units.size(), 3u);
  EXPECT_FALSE(advice->units[0].reasons.empty());
  ASSERT_TRUE(advice->category.has_value());
}

// The figures of docs/analytics.md: train on the older 70% of the demo's
// work orders, then suggest for the newer 30%.
TEST_F(InsightsTest, TopSuggestionsArePreciseOnTheDemosKnownUnitsAndDuplicates) {
  const std::vector<WorkOrder> all = AllWorkOrders();
  auto data_or = JurisdictionCache(*store_, ManualTime(kNow), std::chrono::seconds(60)).Get(jurisdiction_);
  ASSERT_TRUE(data_or.ok());
  const Directory& dir = (*data_or)->directory;
  const std::size_t split = all.size() * 7 / 10;

  // Dispatch: learn from the kept and returned dispatches of the older part.
  insight::DispatchAdvisor advisor;
  std::vector<insight::LabelledMessage> rows;
  for (std::size_t i = 0; i < split; ++i) {
    const WorkOrder& w = all[i];
    if (w.last_return) advisor.Learn({w.category_code, w.area_code, w.last_return->unit, true}, dir);
    if (w.lead_unit && w.state != State::kDispatched && w.state != State::kReturned)
      advisor.Learn({w.category_code, w.area_code, *w.lead_unit, false}, dir);
    if (!w.category_code.empty()) rows.push_back({w.title, w.detail, std::string(FirstLevelCode(w.category_code)), 0});
  }
  auto model = insight::TextClassifier::Train(rows, insight::ClassifierOptions{}, *segmenter_);
  ASSERT_TRUE(model.ok());
  int asked = 0, right = 0, right_predicted = 0, in_top3 = 0;
  for (std::size_t i = split; i < all.size(); ++i) {
    const WorkOrder& w = all[i];
    if (!w.lead_unit || w.state == State::kDispatched || w.state == State::kReturned) continue;
    const Date day = LocalDate(w.created_at, 480);
    const auto gold = advisor.Suggest(dir, day, w.category_code, w.area_code);
    const auto predicted = advisor.Suggest(dir, day, model->Predict(w.title, w.detail).label, w.area_code);
    ++asked;
    right += !gold.empty() && gold[0].unit == *w.lead_unit;
    right_predicted += !predicted.empty() && predicted[0].unit == *w.lead_unit;
    for (const auto& u : gold) in_top3 += u.unit == *w.lead_unit;
  }
  ASSERT_GT(asked, 300);
  const double p_gold = static_cast<double>(right) / asked;
  const double p_pred = static_cast<double>(right_predicted) / asked;
  const double top3 = static_cast<double>(in_top3) / asked;
  std::cout << "dispatch: " << asked << " work orders; top-1 precision " << p_gold
            << " (category as dispatched), " << p_pred << " (first-level category predicted); top-3 "
            << top3 << "\n";
  EXPECT_GE(p_gold, 0.85);
  EXPECT_GE(top3, 0.95);
  EXPECT_GE(p_pred, 0.5);

  // Repeats: every known repeat against every request of its district filed
  // within 30 days before it.
  std::map<WorkOrderId, WorkOrderId> group;  // work order -> its primary
  for (const WorkOrder& w : all) {
    group[w.id] = w.merged_into.value_or(w.id);
  }
  std::vector<insight::RequestText> texts;
  for (const WorkOrder& w : all)
    texts.push_back({w.id, w.title, w.detail, w.address, w.area_code, w.category_code, w.created_at});
  // Repeats need no training: every request of the demo is a probe.
  int probes = 0, suggested = 0, correct = 0, false_alarms = 0, singles = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const WorkOrder& w = all[i];
    std::vector<insight::RequestText> earlier(texts.begin(), texts.begin() + static_cast<long>(i));
    const auto found = insight::FindRepeats(texts[i], earlier, dir);
    if (w.merged_into) {
      ++probes;
      if (found.empty()) continue;
      ++suggested;
      correct += group[found[0].id] == *w.merged_into;
    } else if (w.merged.empty()) {
      ++singles;
      false_alarms += !found.empty();
    }
  }
  ASSERT_GT(probes, 30);
  const double precision = static_cast<double>(correct) / std::max(suggested, 1);
  const double recall = static_cast<double>(correct) / probes;
  std::cout << "repeats: " << probes << " known repeats; top-1 precision " << precision << ", recall "
            << recall << "; " << false_alarms << " of " << singles
            << " requests without a repeat got a suggestion\n";
  EXPECT_GE(precision, 0.9);
  EXPECT_GE(recall, 0.7);
}

}  // namespace
}  // namespace lizheng::app
