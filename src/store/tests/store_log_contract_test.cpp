// The storage contract, part 3: the event log and its hash chain, notices,
// group commit (savepoint isolation, exceptions, concurrency), snapshots and
// online backup. Runs against every backend of AllBackends().
#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "store_contract_fixture.hpp"

namespace lizheng::store::testsupport {
namespace {

using ::testing::HasSubstr;

class StoreLogContractTest : public StoreContractTest {
 protected:
  // Appends `n` contact events of work order 1 in one transaction.
  void AppendContacts(JurisdictionId j, int n) {
    Write([&](WriteTxn& txn) -> Status {
      for (int i = 0; i < n; ++i) {
        Event e = MakeEvent(j, 1, Action::kContact, 1000 + i);
        LZ_RETURN_IF_ERROR(txn.AppendEvent(e));
      }
      return OkStatus();
    });
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, StoreLogContractTest, AllBackends(), BackendName);

std::vector<ChainReport> VerifyAll(Store& store) { return Must(store.VerifyChains()); }

void ExpectChainsVerify(Store& store) {
  for (const ChainReport& r : VerifyAll(store)) {
    EXPECT_TRUE(r.intact())
        << "jurisdiction " << r.jurisdiction << ": " << r.message;
  }
}

// ---- events and chains ----

TEST_P(StoreLogContractTest, EventsAreChainedPerJurisdiction) {
  const JurisdictionId a = AddJurisdiction("a");
  const JurisdictionId b = AddJurisdiction("b");
  std::vector<Event> appended;
  Write([&](WriteTxn& txn) -> Status {
    for (int i = 0; i < 3; ++i) {
      Event e = MakeEvent(a, 1 + i % 2, Action::kDispatch, 1000 + i);
      LZ_RETURN_IF_ERROR(txn.AppendEvent(e));
      appended.push_back(e);
    }
    Event in_b = MakeEvent(b, 1, Action::kSubmit, 5000);
    in_b.actor_unit.reset();
    in_b.data.clear();
    LZ_RETURN_IF_ERROR(txn.AppendEvent(in_b));
    appended.push_back(in_b);
    return OkStatus();
  });
  ASSERT_EQ(appended.size(), 4u);
  EXPECT_EQ(appended[0].seq, 1);
  EXPECT_EQ(appended[0].prev_hash, "");
  EXPECT_EQ(appended[0].hash, KeyedChainHash(appended[0], "", TestLogKey()));
  EXPECT_EQ(appended[1].seq, 2);
  EXPECT_EQ(appended[1].prev_hash, appended[0].hash);
  EXPECT_EQ(appended[2].prev_hash, appended[1].hash);
  EXPECT_EQ(appended[3].seq, 1);  // b's own chain
  EXPECT_EQ(appended[3].prev_hash, "");

  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto of_1, txn.ListEvents(a, 1));
    EXPECT_EQ(of_1.size(), 2u);
    if (of_1.size() == 2) {
      EXPECT_EQ(of_1[0].seq, 1);
      EXPECT_EQ(of_1[1].seq, 3);
      EXPECT_EQ(of_1[0].data, appended[0].data);
      EXPECT_EQ(of_1[0].actor_name, "派单员甲");
      EXPECT_EQ(of_1[0].actor_unit, std::optional<UnitId>(1));
      EXPECT_EQ(of_1[0].at, At(1000));
      EXPECT_EQ(of_1[1].hash, appended[2].hash);
    }
    LZ_ASSIGN_OR_RETURN(auto of_b, txn.ListEvents(b, 1));
    EXPECT_EQ(of_b.size(), 1u);
    if (!of_b.empty()) {
      EXPECT_EQ(of_b[0].actor_unit, std::nullopt);
      EXPECT_TRUE(of_b[0].data.empty());
      EXPECT_EQ(of_b[0].action, Action::kSubmit);
    }
    return OkStatus();
  });

  auto reports = VerifyAll(*store_);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].jurisdiction, a);
  EXPECT_EQ(reports[0].events_checked, 3);
  EXPECT_EQ(reports[0].first_bad_seq, std::nullopt);
  EXPECT_EQ(reports[1].events_checked, 1);
}

TEST_P(StoreLogContractTest, VerifyChainsFindsATamperedEvent) {
  const JurisdictionId j = AddJurisdiction("jc");
  AppendContacts(j, 5);
  ExpectChainsVerify(*store_);
  store_.reset();
  GetParam().tamper_event(dir_.path(), j, 3);
  Reopen();
  auto reports = VerifyAll(*store_);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].first_bad_seq, std::optional<std::int64_t>(3));
  EXPECT_THAT(reports[0].message, HasSubstr("3"));
}

// Removing the newest events leaves a chain intact in itself: only an
// anchor kept elsewhere (the head seen at the last verification) or the
// work orders' versions reveal it.
TEST_P(StoreLogContractTest, AnAnchorRevealsRemovedNewestEvents) {
  const JurisdictionId j = AddJurisdiction("jc");
  AppendContacts(j, 5);
  const std::vector<ChainReport> before = VerifyAll(*store_);
  ASSERT_EQ(before.size(), 1u);
  ASSERT_TRUE(before[0].intact()) << before[0].message;
  const ChainAnchor head = before[0].head;
  EXPECT_EQ(head.jurisdiction, j);
  EXPECT_EQ(head.seq, 5);
  EXPECT_FALSE(head.hash.empty());
  // The anchor of an untouched log matches.
  EXPECT_TRUE(Must(store_->VerifyChains({head}))[0].intact());

  store_.reset();
  GetParam().truncate_events(dir_.path(), j, 4);
  Reopen();
  const std::vector<ChainReport> unanchored = VerifyAll(*store_);
  EXPECT_TRUE(unanchored[0].intact()) << "without an anchor the shorter chain looks whole";
  EXPECT_EQ(unanchored[0].events_checked, 3);

  const std::vector<ChainReport> anchored = Must(store_->VerifyChains({head}));
  ASSERT_EQ(anchored.size(), 1u);
  EXPECT_FALSE(anchored[0].intact());
  EXPECT_EQ(anchored[0].first_bad_seq, std::optional<std::int64_t>(4));
  EXPECT_THAT(anchored[0].message, HasSubstr("removed"));
}

TEST_P(StoreLogContractTest, AnAnchorRevealsARewrittenLog) {
  const JurisdictionId j = AddJurisdiction("jc");
  AppendContacts(j, 4);
  // A log recomputed from event 2 on is intact in itself but no longer
  // holds the anchored event 3.
  ChainAnchor anchor{j, 3, std::string(64, 'a')};
  const std::vector<ChainReport> r = Must(store_->VerifyChains({anchor}));
  EXPECT_EQ(r[0].first_bad_seq, std::optional<std::int64_t>(3));
  EXPECT_THAT(r[0].message, HasSubstr("rewritten"));
  // Anchors of other jurisdictions are not applied.
  anchor.jurisdiction = j + 100;
  EXPECT_TRUE(Must(store_->VerifyChains({anchor}))[0].intact());
}

TEST_P(StoreLogContractTest, AWorkOrderMustHaveAsManyEventsAsItsVersion) {
  const JurisdictionId j = AddJurisdiction("jc");
  WorkOrderId id = 0;
  Write([&](WriteTxn& txn) -> Status {
    WorkOrder wo = FullWorkOrder(j, "20260101000001");
    wo.version = 2;
    LZ_ASSIGN_OR_RETURN(id, txn.InsertWorkOrder(wo));
    for (int i = 0; i < 2; ++i) {
      Event e = MakeEvent(j, id, i == 0 ? Action::kSubmit : Action::kAccept, 1000 + i);
      LZ_RETURN_IF_ERROR(txn.AppendEvent(e));
    }
    return OkStatus();
  });
  std::vector<ChainReport> r = VerifyAll(*store_);
  ASSERT_TRUE(r[0].intact()) << r[0].message;
  EXPECT_EQ(r[0].work_orders_checked, 1);

  store_.reset();
  GetParam().truncate_events(dir_.path(), j, 2);
  Reopen();
  r = VerifyAll(*store_);
  EXPECT_FALSE(r[0].intact());
  EXPECT_EQ(r[0].first_bad_seq, std::nullopt);
  EXPECT_EQ(r[0].bad_work_order, std::optional<WorkOrderId>(id));
  EXPECT_THAT(r[0].message, HasSubstr("20260101000001"));
}

TEST_P(StoreLogContractTest, NoticesQueueInOrder) {
  const JurisdictionId j = AddJurisdiction("jc");
  Write([&](WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.QueueNotice(j, Notice{1, "13800000000", "您的诉求已受理"}, At(10)));
    LZ_RETURN_IF_ERROR(txn.QueueNotice(j, Notice{2, "13900000000", "other"}, At(11)));
    return txn.QueueNotice(j, Notice{1, "13800000000", "已答复"}, At(12));
  });
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto notices, txn.ListNotices(j, 1));
    EXPECT_EQ(notices.size(), 2u);
    if (notices.size() == 2) {
      EXPECT_EQ(notices[0].notice.text, "您的诉求已受理");
      EXPECT_EQ(notices[0].notice.phone, "13800000000");
      EXPECT_EQ(notices[0].jurisdiction, j);
      EXPECT_EQ(notices[0].created_at, At(10));
      EXPECT_EQ(notices[1].notice.text, "已答复");
      EXPECT_LT(notices[0].id, notices[1].id);
    }
    return OkStatus();
  });
}

// ---- group commit ----

TEST_P(StoreLogContractTest, AFailedFunctionInABatchChangesNothingAndSparesTheOthers) {
  const JurisdictionId j = AddJurisdiction("jc");
  // Hold the writer inside a first function while the others queue up, so
  // they run together as one batch.
  std::promise<void> first_started;
  std::promise<void> release_first;
  std::shared_future<void> release = release_first.get_future().share();
  std::future<Status> first = std::async(std::launch::async, [&] {
    return store_->Write([&](WriteTxn& txn) -> Status {
      first_started.set_value();
      release.wait();
      Event e = MakeEvent(j, 100, Action::kAccept, 1);
      return txn.AppendEvent(e);
    });
  });
  first_started.get_future().wait();

  constexpr int kCallers = 9;
  std::vector<std::future<Status>> callers;
  for (int k = 0; k < kCallers; ++k) {
    callers.push_back(std::async(std::launch::async, [&, k]() -> Status {
      return store_->Write([&, k](WriteTxn& txn) -> Status {
        Event e = MakeEvent(j, k, Action::kAccept, 10 + k);
        LZ_RETURN_IF_ERROR(txn.AppendEvent(e));
        WorkOrder wo = FullWorkOrder(j, "T" + std::to_string(k));
        LZ_RETURN_IF_ERROR(txn.InsertWorkOrder(wo));
        LZ_RETURN_IF_ERROR(txn.NextTrackingNo(j, std::chrono::year{2026} / 1 / 1));
        if (k % 3 == 1)
          return MakeError(ErrorCode::kInvalidArgument, "refused " + std::to_string(k));
        if (k % 3 == 2) throw std::runtime_error("boom");
        return OkStatus();
      });
    }));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  release_first.set_value();
  LZ_EXPECT_OK(first.get());

  for (int k = 0; k < kCallers; ++k) {
    Status s = callers[k].get();
    if (k % 3 == 0) {
      LZ_EXPECT_OK(s);
    } else if (k % 3 == 1) {
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(s.error().message, "refused " + std::to_string(k));
    } else {
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(s.error().code, ErrorCode::kInternal);
      EXPECT_THAT(s.error().detail, HasSubstr("boom"));
    }
  }

  Read([&](ReadTxn& txn) -> Status {
    for (int k = 0; k < kCallers; ++k) {
      LZ_ASSIGN_OR_RETURN(auto events, txn.ListEvents(j, k));
      EXPECT_EQ(events.size(), k % 3 == 0 ? 1u : 0u) << k;
      LZ_ASSIGN_OR_RETURN(auto wo, txn.ListByTrackingNo("T" + std::to_string(k)));
      EXPECT_EQ(wo.size(), k % 3 == 0 ? 1u : 0u) << k;
    }
    return OkStatus();
  });
  // Only the successful functions consumed tracking numbers.
  Write([&](WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(std::string no, txn.NextTrackingNo(j, std::chrono::year{2026} / 1 / 1));
    EXPECT_EQ(no, "20260101000004");
    return OkStatus();
  });
  auto reports = VerifyAll(*store_);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].first_bad_seq, std::nullopt) << reports[0].message;
  EXPECT_EQ(reports[0].events_checked, 1 + 3);  // the first and k = 0, 3, 6
}

TEST_P(StoreLogContractTest, ConcurrentWritersAllLandOnOneIntactChain) {
  const JurisdictionId j = AddJurisdiction("jc");
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 200;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        Status s = store_->Write([&](WriteTxn& txn) {
          Event e = MakeEvent(j, t + 1, Action::kContact, i);
          e.data = {{"i", std::to_string(i)}};
          return txn.AppendEvent(e);
        });
        if (!s.ok()) failures.fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);

  Read([&](ReadTxn& txn) -> Status {
    for (int t = 0; t < kThreads; ++t) {
      LZ_ASSIGN_OR_RETURN(auto events, txn.ListEvents(j, t + 1));
      EXPECT_EQ(events.size(), static_cast<std::size_t>(kWritesPerThread));
      // Each thread's own writes keep their order.
      for (std::size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(events[i].data.at(0).second, std::to_string(i));
      }
    }
    return OkStatus();
  });
  auto reports = VerifyAll(*store_);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].events_checked, kThreads * kWritesPerThread);
  EXPECT_EQ(reports[0].first_bad_seq, std::nullopt) << reports[0].message;
}

TEST_P(StoreLogContractTest, ReadsSeeOneSnapshot) {
  const JurisdictionId j = AddJurisdiction("jc");
  Write([&](WriteTxn& txn) {
    Event e = MakeEvent(j, 1, Action::kAccept, 1);
    return txn.AppendEvent(e);
  });
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto before, txn.ListEvents(j, 1));
    // Another thread commits while this read is open.
    std::thread writer([&] {
      Must(store_->Write([&](WriteTxn& w) {
        Event e = MakeEvent(j, 1, Action::kAccept, 2);
        return w.AppendEvent(e);
      }));
    });
    writer.join();
    LZ_ASSIGN_OR_RETURN(auto after, txn.ListEvents(j, 1));
    EXPECT_EQ(before.size(), 1u);
    EXPECT_EQ(after.size(), 1u);
    return OkStatus();
  });
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto now, txn.ListEvents(j, 1));
    EXPECT_EQ(now.size(), 2u);
    return OkStatus();
  });
}

TEST_P(StoreLogContractTest, ReadErrorsAndExceptionsComeBackAsStatus) {
  Status refused = store_->Read(
      [](ReadTxn&) -> Status { return MakeError(ErrorCode::kNotFound, "nothing here"); });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "nothing here");
  Status thrown = store_->Read([](ReadTxn&) -> Status { throw std::runtime_error("read boom"); });
  ASSERT_FALSE(thrown.ok());
  EXPECT_EQ(thrown.error().code, ErrorCode::kInternal);
  // The store still works afterwards.
  AddJurisdiction("jc");
}

// ---- backup ----

TEST_P(StoreLogContractTest, BackupIsAConsistentCopyThatOpens) {
  const JurisdictionId j = AddJurisdiction("jc");
  WorkOrder wo = FullWorkOrder(j, "20261123000001");
  wo.version = 3;  // one version per event, as verification checks
  wo.id = AddWorkOrder(wo);
  Write([&](WriteTxn& txn) -> Status {
    for (int i = 0; i < 3; ++i) {
      Event e = MakeEvent(j, wo.id, Action::kContact, i);
      LZ_RETURN_IF_ERROR(txn.AppendEvent(e));
    }
    LZ_RETURN_IF_ERROR(
        txn.InsertUser(User{0, j, "admin", "管理员", Role::kAdmin, std::nullopt, "h", true}));
    return OkStatus();
  });

  TempDir copy_dir;
  const std::string target = GetParam().backup_path(copy_dir.path());
  LZ_ASSERT_OK(store_->Backup(target));
  // Writes after the backup are not in it.
  AddWorkOrder(FullWorkOrder(j, "20261123000002"));

  Status again = store_->Backup(target);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_THAT(again.error().message, HasSubstr("exists"));

  auto copy = GetParam().open(copy_dir.path());
  Must(copy->Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(WorkOrder back, txn.GetWorkOrder(j, wo.id));
    EXPECT_EQ(WorkOrderDiff(back, wo), "");
    LZ_ASSIGN_OR_RETURN(auto later, txn.ListByTrackingNo("20261123000002"));
    EXPECT_TRUE(later.empty());
    LZ_ASSIGN_OR_RETURN(auto events, txn.ListEvents(j, wo.id));
    EXPECT_EQ(events.size(), 3u);
    LZ_ASSIGN_OR_RETURN(auto user, txn.FindUser(j, "admin"));
    EXPECT_TRUE(user.has_value());
    return OkStatus();
  }));
  ExpectChainsVerify(*copy);
  // The copy is a working store of its own.
  Must(copy->Write([&](WriteTxn& txn) -> Status {
    WorkOrder next = FullWorkOrder(j, "20261123000003");
    next.version = 1;
    LZ_ASSIGN_OR_RETURN(next.id, txn.InsertWorkOrder(next));
    Event e = MakeEvent(j, next.id, Action::kSubmit, 9);
    return txn.AppendEvent(e);
  }));
  ExpectChainsVerify(*copy);
}

}  // namespace
}  // namespace lizheng::store::testsupport
