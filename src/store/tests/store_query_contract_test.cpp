// The storage contract, part 4: work-order queues. Every filter of
// WorkOrderQuery, alone and combined, is checked against a plain in-memory
// evaluation of the same query over the same work orders, through keyset
// paging; and DueForCheck likewise. Runs against every backend.
#include <algorithm>
#include <string_view>

#include "store_contract_fixture.hpp"

namespace lizheng::store::testsupport {
namespace {

constexpr int kOrders = 240;  // coprime with the insertion stride below
constexpr std::int64_t kBase = 1'780'000'000;

const std::vector<State>& States() {
  static const std::vector<State> all = [] {
    std::vector<State> out;
    for (const auto& n : EnumNames<State>()) out.push_back(n.value);
    return out;
  }();
  return all;
}

// Work order i of a deterministic mix: every attribute a queue filters on
// varies with i at a different period, and created_at repeats in threes so
// the id tie-break matters.
WorkOrder Sample(JurisdictionId j, int i) {
  static const char* kCategories[] = {"01", "01.02", "01.02.03", "010", "02"};
  static const char* kAreas[] = {"A1", "A1B", "A2", "B"};
  WorkOrder wo;
  wo.jurisdiction = j;
  wo.tracking_no = "T" + std::to_string(j) + "-" + std::to_string(i);
  wo.idempotency_key = i % 4 == 0 ? "" : "key-" + std::to_string(i);
  wo.state = States()[static_cast<std::size_t>(i) % States().size()];
  wo.created_at = At(kBase + (i / 3) * 60);
  wo.updated_at = wo.created_at;
  wo.version = 1;
  if (i % 5 != 0) wo.handling_unit = 10 + i % 6;
  if (i % 7 != 0) wo.lead_unit = 10 + i % 4;
  if (i % 9 == 0) wo.assisting_units = {30, 31};
  wo.category_code = kCategories[i % 5];
  wo.area_code = kAreas[i % 4];
  wo.urgency = static_cast<Urgency>(i % 3);
  wo.channel = static_cast<Channel>(i % 8);
  wo.type = static_cast<RequestType>(i % 6);
  if (i % 10 == 0) wo.mailbox = 3;
  if (i % 11 == 0) wo.watchers = {100, 101};
  const Timestamp t = wo.created_at;
  using std::chrono::seconds;
  if (i % 13 == 0) {
    wo.clocks.push_back(
        Clock{ClockKind::kReply, t, t + seconds{100}, t + seconds{80}, std::nullopt, true, true});
  } else if (i % 5 != 4) {
    wo.clocks.push_back(Clock{ClockKind::kReply, t, t + seconds{2000 + i}, t + seconds{1000 + i},
                              std::nullopt, false, false});
  } else {
    wo.clocks.push_back(Clock{ClockKind::kSignFor, t, t + seconds{10}, t + seconds{5},
                              t + seconds{3}, false, false});
  }
  if (i % 17 == 0) wo.supervision = Supervision{"督办", 1, t, i % 34 != 0};
  wo.fast_lane = i % 19 == 0;
  wo.suspected_flood = i % 23 == 0;
  if (i % 23 == 0) {
    wo.instructions.push_back(Instruction{7, "批示", t, std::nullopt, 0});
    if (i % 46 == 0) wo.instructions.back().acknowledged_at = t;
  }
  wo.published = i % 2 == 0;
  wo.title = "诉求" + std::to_string(i) + (i % 6 == 0 ? " 夜间施工噪音" : " 道路") +
             (i % 29 == 0 ? " 50%_off" : "");
  return wo;
}

bool Contains(const std::vector<std::int64_t>& v, std::int64_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// The meaning of a WorkOrderQuery, written as plainly as possible.
bool Matches(const WorkOrderQuery& q, const WorkOrder& w) {
  if (w.jurisdiction != q.jurisdiction) return false;
  if (!q.states.empty() && std::find(q.states.begin(), q.states.end(), w.state) == q.states.end()) {
    return false;
  }
  if (!q.handling_units.empty() &&
      !(w.handling_unit && Contains(q.handling_units, *w.handling_unit))) {
    return false;
  }
  if (q.visible_to_subtree_of) {
    // Lead and handling units no longer hold a returned work order; units
    // above the caller count only where they assist.
    bool visible = false;
    for (UnitId u : w.UnitsWithIt()) visible = visible || Contains(q.visible_units, u);
    for (UnitId u : w.assisting_units) visible = visible || Contains(q.visible_assisted_by, u);
    if (!visible) return false;
  }
  if (!q.category_prefix.empty() && w.category_code != q.category_prefix &&
      !w.category_code.starts_with(q.category_prefix + ".")) {
    return false;
  }
  if (!q.area_prefix.empty() && !w.area_code.starts_with(q.area_prefix)) return false;
  if (q.urgency && w.urgency != *q.urgency) return false;
  if (q.channel && w.channel != *q.channel) return false;
  if (q.type && w.type != *q.type) return false;
  if (q.mailbox && w.mailbox != q.mailbox) return false;
  if (q.watched_by && !Contains(w.watchers, *q.watched_by)) return false;
  if (q.open_only &&
      (w.state == State::kClosed || w.state == State::kRejected || w.state == State::kMerged)) {
    return false;
  }
  if (q.overdue_only && !w.IsOverdue()) return false;
  if (q.supervised_only && !(w.supervision && w.supervision->open)) return false;
  if (q.fast_lane_only && !w.fast_lane) return false;
  if (q.suspected_flood_only && !w.suspected_flood) return false;
  if (q.instructed_pending_only && !w.HasPendingInstruction()) return false;
  if (q.published_only && !w.published) return false;
  if (!q.title_contains.empty() && w.title.find(q.title_contains) == std::string::npos) {
    return false;
  }
  if (q.created_from && w.created_at < *q.created_from) return false;
  if (q.created_to && w.created_at >= *q.created_to) return false;
  return true;
}

class StoreQueryContractTest : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    j_ = AddJurisdiction("jc");
    const JurisdictionId other = AddJurisdiction("other");
    // Insertion order differs from created_at order, so ids do not sort
    // like creation times.
    Write([&](WriteTxn& txn) -> Status {
      for (int k = 0; k < kOrders; ++k) {
        WorkOrder wo = Sample(j_, (k * 7) % kOrders);
        LZ_ASSIGN_OR_RETURN(wo.id, txn.InsertWorkOrder(wo));
        orders_.push_back(wo);
      }
      // Look-alikes in another jurisdiction that no query of j_ may return.
      for (int i = 0; i < 30; ++i) LZ_RETURN_IF_ERROR(txn.InsertWorkOrder(Sample(other, i)));
      return OkStatus();
    });
  }

  std::vector<WorkOrderId> Expected(const WorkOrderQuery& q) const {
    std::vector<const WorkOrder*> hits;
    for (const WorkOrder& w : orders_)
      if (Matches(q, w)) hits.push_back(&w);
    std::sort(hits.begin(), hits.end(), [](const WorkOrder* a, const WorkOrder* b) {
      return std::tie(a->created_at, a->id) > std::tie(b->created_at, b->id);
    });
    std::vector<WorkOrderId> ids;
    for (const WorkOrder* w : hits) ids.push_back(w->id);
    return ids;
  }

  // Every page of `q` with keyset cursors, concatenated.
  std::vector<WorkOrderId> PageThrough(WorkOrderQuery q) {
    std::vector<WorkOrderId> ids;
    for (int pages = 0; pages < 1000; ++pages) {
      WorkOrderPage page;
      Read([&](ReadTxn& txn) -> Status {
        LZ_ASSIGN_OR_RETURN(page, txn.ListWorkOrders(q));
        return OkStatus();
      });
      EXPECT_LE(static_cast<int>(page.items.size()), q.limit);
      for (const WorkOrder& w : page.items) ids.push_back(w.id);
      if (!page.has_more) {
        return ids;
      }
      EXPECT_EQ(static_cast<int>(page.items.size()), q.limit);
      q.after = std::make_pair(page.items.back().created_at, page.items.back().id);
    }
    ADD_FAILURE() << "paging did not end";
    return ids;
  }

  std::int64_t Count(const WorkOrderQuery& q) {
    std::int64_t n = -1;
    Read([&](ReadTxn& txn) -> Status {
      LZ_ASSIGN_OR_RETURN(n, txn.CountWorkOrders(q));
      return OkStatus();
    });
    return n;
  }

  void Check(const std::string& name, WorkOrderQuery q) {
    SCOPED_TRACE(name);
    q.jurisdiction = j_;
    const auto expected = Expected(q);
    EXPECT_FALSE(expected.empty()) << "the sample data should exercise this filter";
    for (int limit : {1, 7, 1000}) {
      q.limit = limit;
      EXPECT_EQ(PageThrough(q), expected) << "limit " << limit;
    }
    EXPECT_EQ(Count(q), static_cast<std::int64_t>(expected.size()));
  }

  JurisdictionId j_ = 0;
  std::vector<WorkOrder> orders_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreQueryContractTest, AllBackends(), BackendName);

TEST_P(StoreQueryContractTest, EveryFilterAloneMatchesItsMeaning) {
  Check("everything", {});
  Check("one state", Query([&](WorkOrderQuery& q) { q.states = {State::kInProgress}; }));
  Check("several states", Query([&](WorkOrderQuery& q) {
          q.states = {State::kDispatched, State::kInProgress, State::kReopened};
        }));
  Check("one handling unit", Query([&](WorkOrderQuery& q) { q.handling_units = {11}; }));
  Check("several handling units", Query([&](WorkOrderQuery& q) {
          q.handling_units = {11, 12, 15};
        }));
  Check("visible in a subtree", Query([&](WorkOrderQuery& q) {
          q.visible_to_subtree_of = UnitId{11};
          q.visible_units = {11, 31};
        }));
  Check("visible to one unit", Query([&](WorkOrderQuery& q) {
          q.visible_to_subtree_of = UnitId{12};
          q.visible_units = {12};
        }));
  Check("visible below an assisting unit", Query([&](WorkOrderQuery& q) {
          q.visible_to_subtree_of = UnitId{50};
          q.visible_units = {50};
          q.visible_assisted_by = {30, 10};
        }));
  Check("category 01 and below", Query([&](WorkOrderQuery& q) { q.category_prefix = "01"; }));
  Check("category 01.02 and below", Query([&](WorkOrderQuery& q) { q.category_prefix = "01.02"; }));
  Check("area prefix", Query([&](WorkOrderQuery& q) { q.area_prefix = "A1"; }));
  Check("urgency", Query([&](WorkOrderQuery& q) { q.urgency = Urgency::kEmergency; }));
  Check("channel", Query([&](WorkOrderQuery& q) { q.channel = Channel::kHotline; }));
  Check("type", Query([&](WorkOrderQuery& q) { q.type = RequestType::kReport; }));
  Check("mailbox", Query([&](WorkOrderQuery& q) { q.mailbox = MailboxId{3}; }));
  Check("watched", Query([&](WorkOrderQuery& q) { q.watched_by = UserId{101}; }));
  Check("overdue", Query([&](WorkOrderQuery& q) { q.overdue_only = true; }));
  Check("supervised", Query([&](WorkOrderQuery& q) { q.supervised_only = true; }));
  Check("fast lane", Query([&](WorkOrderQuery& q) { q.fast_lane_only = true; }));
  Check("suspected flood", Query([&](WorkOrderQuery& q) { q.suspected_flood_only = true; }));
  Check("pending instruction", Query([&](WorkOrderQuery& q) { q.instructed_pending_only = true; }));
  Check("open", Query([&](WorkOrderQuery& q) { q.open_only = true; }));
  Check("published", Query([&](WorkOrderQuery& q) { q.published_only = true; }));
  Check("title", Query([&](WorkOrderQuery& q) { q.title_contains = "噪音"; }));
  Check("title with LIKE wildcards", Query([&](WorkOrderQuery& q) { q.title_contains = "50%_"; }));
  Check("created from", Query([&](WorkOrderQuery& q) { q.created_from = At(kBase + 60 * 40); }));
  Check("created to", Query([&](WorkOrderQuery& q) { q.created_to = At(kBase + 60 * 40); }));
}

TEST_P(StoreQueryContractTest, FiltersCombine) {
  // The attention queues: a flag, open work orders only, for the centre
  // and for a unit's subtree.
  Check("open fast lane", Query([&](WorkOrderQuery& q) {
          q.fast_lane_only = true;
          q.open_only = true;
        }));
  Check("open watched", Query([&](WorkOrderQuery& q) {
          q.watched_by = UserId{101};
          q.open_only = true;
        }));
  Check("open supervised in a subtree", Query([&](WorkOrderQuery& q) {
          q.supervised_only = true;
          q.open_only = true;
          q.visible_to_subtree_of = UnitId{11};
          q.visible_units = {11, 31};
        }));
  Check("open in a subtree", Query([&](WorkOrderQuery& q) {
          q.open_only = true;
          q.visible_to_subtree_of = UnitId{10};
          q.visible_units = {10, 11, 12, 13, 14, 15, 30, 31};
        }));
  Check("unit queue", Query([&](WorkOrderQuery& q) {
          q.states = {State::kDispatched, State::kInProgress, State::kReturned};
          q.handling_units = {11, 13};
        }));
  Check("subtree queue by state", Query([&](WorkOrderQuery& q) {
          q.states = {State::kInProgress, State::kSubmitted, State::kAccepted};
          q.visible_to_subtree_of = UnitId{10};
          q.visible_units = {10, 11, 12, 30};
        }));
  Check("below an assisting unit, by state", Query([&](WorkOrderQuery& q) {
          q.states = {State::kDispatched, State::kInProgress, State::kReturned};
          q.visible_to_subtree_of = UnitId{11};
          q.visible_units = {11};
          q.visible_assisted_by = {30};
        }));
  Check("below an assisting unit, overdue", Query([&](WorkOrderQuery& q) {
          q.overdue_only = true;
          q.visible_to_subtree_of = UnitId{11};
          q.visible_units = {11};
          q.visible_assisted_by = {30};
        }));
  Check("a subtree's overdue", Query([&](WorkOrderQuery& q) {
          q.overdue_only = true;
          q.visible_to_subtree_of = UnitId{10};
          q.visible_units = {10, 11, 12, 30};
        }));
  Check("a subtree's fast lane", Query([&](WorkOrderQuery& q) {
          q.fast_lane_only = true;
          q.visible_to_subtree_of = UnitId{10};
          q.visible_units = {10, 11, 12, 30};
        }));
  Check("subtree and handling", Query([&](WorkOrderQuery& q) {
          q.handling_units = {11};
          q.visible_to_subtree_of = UnitId{11};
          q.visible_units = {11};
        }));
  Check("category, area and window", Query([&](WorkOrderQuery& q) {
          q.category_prefix = "01";
          q.area_prefix = "A";
          q.created_from = At(kBase + 60 * 10);
          q.created_to = At(kBase + 60 * 70);
        }));
  Check("published complaints", Query([&](WorkOrderQuery& q) {
          q.type = RequestType::kComplaint;
          q.published_only = true;
        }));
  Check("states and title", Query([&](WorkOrderQuery& q) {
          q.states = {State::kSubmitted, State::kClosed,   State::kMerged,
                      State::kReplied,   State::kAnswered, State::kRejected};
          q.title_contains = "道路";
        }));
}

TEST_P(StoreQueryContractTest, EmptyResultsAndLimits) {
  WorkOrderQuery nothing = Query([&](WorkOrderQuery& q) {
    q.jurisdiction = j_;
    q.title_contains = "不存在的词";
  });
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto page, txn.ListWorkOrders(nothing));
    EXPECT_TRUE(page.items.empty());
    EXPECT_FALSE(page.has_more);
    LZ_ASSIGN_OR_RETURN(auto n, txn.CountWorkOrders(nothing));
    EXPECT_EQ(n, 0);
    for (int bad : {0, -1, 1001}) {
      WorkOrderQuery bad_limit = Query([&](WorkOrderQuery& q) {
        q.jurisdiction = j_;
        q.limit = bad;
      });
      auto r = txn.ListWorkOrders(bad_limit);
      EXPECT_FALSE(r.ok()) << bad;
      if (!r.ok()) {
        EXPECT_EQ(r.error().field, "limit");
      }
    }
    WorkOrderQuery unknown = Query([&](WorkOrderQuery& q) { q.jurisdiction = 999; });
    LZ_ASSIGN_OR_RETURN(auto none, txn.ListWorkOrders(unknown));
    EXPECT_TRUE(none.items.empty());
    return OkStatus();
  });
}

TEST_P(StoreQueryContractTest, QueuesFollowUpdates) {
  // Move a work order to another unit and state: every projection follows.
  WorkOrder w = orders_.at(0);
  w.version += 1;
  w.state = State::kReopened;
  w.handling_unit = 77;
  w.assisting_units = {78};
  w.watchers = {555};
  Write([&](WriteTxn& txn) { return txn.UpdateWorkOrder(w); });
  Read([&](ReadTxn& txn) -> Status {
    WorkOrderQuery by_unit = Query([&](WorkOrderQuery& q) {
      q.jurisdiction = j_;
      q.states = {State::kReopened};
      q.handling_units = {77};
    });
    LZ_ASSIGN_OR_RETURN(auto page, txn.ListWorkOrders(by_unit));
    EXPECT_EQ(page.items.size(), 1u);
    WorkOrderQuery visible = Query([&](WorkOrderQuery& q) {
      q.jurisdiction = j_;
      q.visible_to_subtree_of = UnitId{78};
      q.visible_units = {78};
    });
    LZ_ASSIGN_OR_RETURN(auto seen, txn.CountWorkOrders(visible));
    EXPECT_EQ(seen, 1);
    WorkOrderQuery watched = Query([&](WorkOrderQuery& q) {
      q.jurisdiction = j_;
      q.watched_by = UserId{555};
    });
    LZ_ASSIGN_OR_RETURN(auto watching, txn.CountWorkOrders(watched));
    EXPECT_EQ(watching, 1);
    return OkStatus();
  });
}

TEST_P(StoreQueryContractTest, DueForCheckListsWorkOrdersByNextCheck) {
  const Timestamp now = At(kBase + 60 * 30 + 1500);
  std::vector<std::pair<Timestamp, WorkOrderId>> due;
  for (const WorkOrder& w : orders_) {
    auto next = w.NextCheckAt();
    if (next && *next <= now) due.emplace_back(*next, w.id);
  }
  std::sort(due.begin(), due.end());
  ASSERT_GT(due.size(), 10u);
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto got, txn.DueForCheck(j_, now, 10));
    EXPECT_EQ(got.size(), 10u);
    for (std::size_t i = 0; i < std::min<std::size_t>(got.size(), 10); ++i) {
      EXPECT_EQ(got[i].id, due[i].second) << i;
    }
    LZ_ASSIGN_OR_RETURN(auto all, txn.DueForCheck(j_, now, 100000));
    EXPECT_EQ(all.size(), due.size());
    LZ_ASSIGN_OR_RETURN(auto before_any, txn.DueForCheck(j_, At(kBase - 1), 10));
    EXPECT_TRUE(before_any.empty());
    return OkStatus();
  });
}

// The dashboard's counts, checked on a handful of work orders whose every
// figure is known.
TEST_P(StoreQueryContractTest, FiguresCountByColumnWithinTheWindow) {
  const JurisdictionId f = AddJurisdiction("figures");
  constexpr std::int64_t kDay = 86'400;
  constexpr std::int64_t kNov1 = 1'793'462'400;  // 2026-11-01 00:00 +08:00
  auto make = [&](int i, Channel channel, std::int64_t created) {
    WorkOrder wo;
    wo.jurisdiction = f;
    wo.tracking_no = "F" + std::to_string(i);
    wo.channel = channel;
    wo.category_code = "01.02";
    wo.area_code = "A1";
    wo.created_at = wo.updated_at = At(created);
    wo.version = 1;
    return wo;
  };
  auto reply = [](WorkOrder& wo, bool late) {
    wo.reply = Reply{"已处理", 5, 0, wo.created_at + std::chrono::hours(1)};
    wo.clocks.push_back(Clock{ClockKind::kReply, wo.created_at, wo.created_at + std::chrono::hours(2),
                              wo.created_at + std::chrono::hours(1), wo.reply->at, late, late});
  };
  std::vector<WorkOrder> orders;
  WorkOrder a = make(0, Channel::kWeb, kNov1 + 3600);  // 11-01, on time, resolved, satisfied, closed
  reply(a, false);
  a.callback = CallbackResult{true, Satisfaction::kSatisfied, "", a.created_at};
  a.closed_at = a.created_at + std::chrono::hours(5);
  a.state = State::kClosed;
  WorkOrder b = make(1, Channel::kWeb, kNov1 + kDay + 3600);  // 11-02, late, unresolved, unsatisfied
  reply(b, true);
  b.callback = CallbackResult{false, Satisfaction::kUnsatisfied, "", b.created_at};
  WorkOrder c = make(2, Channel::kHotline, kNov1 + kDay + 7200);  // 11-02, no reply, overdue now
  c.clocks.push_back(Clock{ClockKind::kSignFor, c.created_at, c.created_at + std::chrono::minutes(15),
                           c.created_at + std::chrono::minutes(12), std::nullopt, true, true});
  WorkOrder d = make(3, Channel::kHotline, kNov1 + 2 * kDay);  // 11-03, the citizen's rating wins
  reply(d, false);
  d.callback = CallbackResult{true, Satisfaction::kSatisfied, "", d.created_at};
  d.citizen_rating = Satisfaction::kBasicallySatisfied;
  WorkOrder before = make(4, Channel::kWeb, kNov1 - 1);          // outside: before the window
  WorkOrder at_end = make(5, Channel::kWeb, kNov1 + 10 * kDay);  // outside: the window is half-open
  a.mailbox = b.mailbox = before.mailbox = MailboxId{7};         // d has none
  c.mailbox = MailboxId{8};
  Write([&](WriteTxn& txn) -> Status {
    for (WorkOrder* wo : {&a, &b, &c, &d, &before, &at_end}) LZ_RETURN_IF_ERROR(txn.InsertWorkOrder(*wo));
    return OkStatus();
  });

  FigureQuery q;
  q.jurisdiction = f;
  q.from = At(kNov1);
  q.to = At(kNov1 + 10 * kDay);
  q.by = FigureColumn::kChannel;
  std::vector<FigureRow> by_channel;
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(by_channel, txn.CountFigures(q));
    return OkStatus();
  });
  ASSERT_EQ(by_channel.size(), 2u);
  const FigureRow& hotline = by_channel[0];  // ordered by key: "hotline" < "web"
  const FigureRow& web = by_channel[1];
  EXPECT_EQ(hotline.key, "hotline");
  EXPECT_EQ(web.key, "web");
  EXPECT_EQ(web.received, 2);
  EXPECT_EQ(web.replied, 2);
  EXPECT_EQ(web.replied_on_time, 1);
  EXPECT_EQ(web.closed, 1);
  EXPECT_EQ(web.called_back, 2);
  EXPECT_EQ(web.resolved, 1);
  EXPECT_EQ(web.rated, 2);
  EXPECT_EQ(web.satisfied, 1);
  EXPECT_EQ(web.basically_satisfied, 0);
  EXPECT_EQ(web.overdue, 0);  // b replied late, but no clock is overdue now
  EXPECT_EQ(hotline.received, 2);
  EXPECT_EQ(hotline.replied, 1);
  EXPECT_EQ(hotline.overdue, 1);
  EXPECT_EQ(hotline.satisfied, 0);
  EXPECT_EQ(hotline.basically_satisfied, 1);

  q.by = FigureColumn::kDay;
  std::vector<FigureRow> by_day;
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(by_day, txn.CountFigures(q));
    return OkStatus();
  });
  ASSERT_EQ(by_day.size(), 3u);
  EXPECT_EQ(by_day[0].key, "2026-11-01");
  EXPECT_EQ(by_day[0].received, 1);
  EXPECT_EQ(by_day[1].key, "2026-11-02");
  EXPECT_EQ(by_day[1].received, 2);
  EXPECT_EQ(by_day[2].key, "2026-11-03");  // 00:00 local is the new day

  // By mailbox: only the work orders written to one, within the window.
  q.by = FigureColumn::kMailbox;
  std::vector<FigureRow> by_mailbox;
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(by_mailbox, txn.CountFigures(q));
    return OkStatus();
  });
  ASSERT_EQ(by_mailbox.size(), 2u);
  EXPECT_EQ(by_mailbox[0].key, "7");
  EXPECT_EQ(by_mailbox[0].received, 2);
  EXPECT_EQ(by_mailbox[0].replied, 2);
  EXPECT_EQ(by_mailbox[0].replied_on_time, 1);
  EXPECT_EQ(by_mailbox[0].rated, 2);
  EXPECT_EQ(by_mailbox[0].satisfied, 1);
  EXPECT_EQ(by_mailbox[1].key, "8");
  EXPECT_EQ(by_mailbox[1].received, 1);
  EXPECT_EQ(by_mailbox[1].replied, 0);
}

}  // namespace
}  // namespace lizheng::store::testsupport
