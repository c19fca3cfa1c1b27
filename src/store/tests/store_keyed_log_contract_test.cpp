// The storage contract, part 4: the keyed event log. Events are chained with
// the store's log key and carry the digest of their work order as stored,
// so verification finds an edited work-order row, removed newest events
// whose version was lowered to match, and a chain recomputed by someone
// without the key. Runs against every backend of AllBackends().
#include <fmt/format.h>

#include "store_contract_fixture.hpp"

namespace lizheng::store::testsupport {
namespace {

using ::testing::HasSubstr;

class StoreKeyedLogContractTest : public StoreContractTest {
 protected:
  // A work order written the way the application writes one: inserted with
  // its submission event, then updated once per further event. Returns its
  // id; it ends at version `events`.
  WorkOrderId FileWorkOrder(JurisdictionId j, const std::string& tracking_no, int events) {
    WorkOrder wo = FullWorkOrder(j, tracking_no);
    wo.version = 1;
    wo.state = State::kSubmitted;
    Write([&](WriteTxn& txn) -> Status {
      LZ_ASSIGN_OR_RETURN(wo.id, txn.InsertWorkOrder(wo));
      Event e = MakeEvent(j, wo.id, Action::kSubmit, 1000);
      return txn.AppendEvent(e);
    });
    for (int v = 2; v <= events; ++v) {
      Write([&](WriteTxn& txn) -> Status {
        wo.version = v;
        wo.state = v % 2 == 0 ? State::kAccepted : State::kDispatched;
        wo.address = "潇楚南路 " + std::to_string(v) + " 号";
        LZ_RETURN_IF_ERROR(txn.UpdateWorkOrder(wo));
        Event e = MakeEvent(j, wo.id, Action::kAccept, 1000 + v);
        return txn.AppendEvent(e);
      });
    }
    return wo.id;
  }

  std::vector<Event> EventsOf(JurisdictionId j, WorkOrderId id) {
    std::vector<Event> events;
    Read([&](ReadTxn& txn) -> Status {
      LZ_ASSIGN_OR_RETURN(events, txn.ListEvents(j, id));
      return OkStatus();
    });
    return events;
  }

  ChainReport VerifyOnly() {
    std::vector<ChainReport> reports = Must(store_->VerifyChains());
    if (reports.size() != 1) throw std::runtime_error("expected one jurisdiction");
    return reports[0];
  }

  // Runs `sql` behind the closed store, then reopens it as verification
  // does: with the key, but not refusing a newest event the key does not
  // fit (the verification reports it).
  void Tamper(const std::string& sql) {
    store_.reset();
    GetParam().run_sql(dir_.path(), sql);
    store_ = Must(GetParam().open_with_key(dir_.path(), TestLogKey(), false));
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, StoreKeyedLogContractTest, AllBackends(), BackendName);

TEST_P(StoreKeyedLogContractTest, EventsAreKeyedAndCarryTheirWorkOrdersDigest) {
  const JurisdictionId j = AddJurisdiction("jc");
  const WorkOrderId id = FileWorkOrder(j, "20260101000001", 2);
  const std::vector<Event> events = EventsOf(j, id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].hash, KeyedChainHash(events[0], "", TestLogKey()));
  EXPECT_EQ(events[1].hash, KeyedChainHash(events[1], events[0].hash, TestLogKey()));
  EXPECT_NE(events[0].hash, ChainHash(events[0], "")) << "a new event must not be plain SHA-256";
  ASSERT_EQ(events[0].work_order_digest.size(), 64u);
  // Each event records the work order as it left that event.
  EXPECT_NE(events[0].work_order_digest, events[1].work_order_digest);
  // An event of a work order the store does not hold records no digest.
  Event orphan = MakeEvent(j, 999, Action::kContact, 2000);
  Write([&](WriteTxn& txn) { return txn.AppendEvent(orphan); });
  EXPECT_EQ(orphan.work_order_digest, "");

  const ChainReport r = VerifyOnly();
  EXPECT_TRUE(r.intact()) << r.message;
  EXPECT_EQ(r.events_checked, 3);
  EXPECT_EQ(r.work_orders_checked, 1);
  EXPECT_EQ(r.unkeyed_events, 0);
}

// The reply text rewritten in the stored document (then published as if
// the unit had written it) is found from the digest.
TEST_P(StoreKeyedLogContractTest, AnEditedDocumentIsReported) {
  const JurisdictionId j = AddJurisdiction("jc");
  FileWorkOrder(j, "20260101000001", 2);
  const WorkOrderId id = FileWorkOrder(j, "20260101000002", 3);
  ASSERT_TRUE(VerifyOnly().intact());
  Tamper(fmt::format("UPDATE work_orders SET doc = replace(doc, '潇楚南路', '别的路') "
                     "WHERE jurisdiction_id = {} AND id = {}",
                     j, id));
  const ChainReport r = VerifyOnly();
  EXPECT_FALSE(r.intact());
  EXPECT_EQ(r.first_bad_seq, std::nullopt) << "the chain itself is whole";
  EXPECT_EQ(r.bad_work_order, std::optional<WorkOrderId>(id));
  EXPECT_THAT(r.message, HasSubstr("20260101000002"));
  EXPECT_THAT(r.message, HasSubstr("changed outside the log"));
}

// A column changed without its document (a queue or a public list reads
// the columns) is found by comparing the columns with the document.
TEST_P(StoreKeyedLogContractTest, AnEditedColumnIsReported) {
  const JurisdictionId j = AddJurisdiction("jc");
  const WorkOrderId id = FileWorkOrder(j, "20260101000001", 2);
  Tamper(fmt::format("UPDATE work_orders SET state = 'closed', published = 1 "
                     "WHERE jurisdiction_id = {} AND id = {}",
                     j, id));
  const ChainReport r = VerifyOnly();
  EXPECT_EQ(r.bad_work_order, std::optional<WorkOrderId>(id));
  EXPECT_THAT(r.message, HasSubstr("columns"));
}

// Removing a work order's newest events and lowering its version to match
// keeps the counts in step, but the row is no longer the one the remaining
// newest event recorded.
TEST_P(StoreKeyedLogContractTest, RemovedNewestEventsWithALoweredVersionAreReported) {
  const JurisdictionId j = AddJurisdiction("jc");
  const WorkOrderId id = FileWorkOrder(j, "20260101000001", 3);
  Tamper(fmt::format(
      "DELETE FROM events WHERE jurisdiction_id = {0} AND seq = 3; "
      "UPDATE work_orders SET version = 2, doc = replace(doc, '\"version\":3', '\"version\":2') "
      "WHERE jurisdiction_id = {0} AND id = {1}",
      j, id));
  const ChainReport r = VerifyOnly();
  EXPECT_FALSE(r.intact());
  EXPECT_EQ(r.events_checked, 2);
  EXPECT_EQ(r.bad_work_order, std::optional<WorkOrderId>(id));
  EXPECT_THAT(r.message, HasSubstr("changed outside the log"));
}

// Someone with the file but not the key edits an event and recomputes every
// later hash, in the old plain format or with a key of their own.
TEST_P(StoreKeyedLogContractTest, AChainRecomputedWithoutTheKeyIsReported) {
  const JurisdictionId j = AddJurisdiction("jc");
  const WorkOrderId id = FileWorkOrder(j, "20260101000001", 4);
  const std::vector<Event> original = EventsOf(j, id);
  ASSERT_EQ(original.size(), 4u);
  auto forged_key = LogKey::FromHex(std::string(64, 'f'));
  ASSERT_TRUE(forged_key.ok());
  for (const bool plain : {true, false}) {
    std::string sql;
    std::string prev = original[0].hash;
    for (std::size_t i = 1; i < original.size(); ++i) {
      Event e = original[i];
      if (i == 1) e.actor_name = "冒名者";
      e.prev_hash = prev;
      e.hash = plain ? ChainHash(e, prev) : KeyedChainHash(e, prev, *forged_key);
      prev = e.hash;
      sql += fmt::format(
          "UPDATE events SET actor_name = '{}', prev_hash = '{}', hash = '{}' "
          "WHERE jurisdiction_id = {} AND seq = {};",
          e.actor_name, e.prev_hash, e.hash, j, e.seq);
    }
    Tamper(sql);
    const ChainReport r = VerifyOnly();
    EXPECT_EQ(r.first_bad_seq, std::optional<std::int64_t>(2)) << (plain ? "plain" : "keyed");
    EXPECT_THAT(r.message, HasSubstr("keyed hash"));
    // A server would not start on it: the newest event does not fit the key.
    store_.reset();
    auto refused = GetParam().open_with_key(dir_.path(), TestLogKey(), true);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().reason, "log_key_mismatch");
  }
}

TEST_P(StoreKeyedLogContractTest, AnotherKeyIsRefusedAndNoKeyWritesNoEvents) {
  const JurisdictionId j = AddJurisdiction("jc");
  const WorkOrderId id = FileWorkOrder(j, "20260101000001", 2);
  store_.reset();
  auto other = LogKey::FromHex(std::string(64, 'a'));
  ASSERT_TRUE(other.ok());
  auto refused = GetParam().open_with_key(dir_.path(), *other, true);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "log_key");
  EXPECT_EQ(refused.error().reason, "log_key_mismatch");

  // Without a key the store opens for everything but the log.
  store_ = Must(GetParam().open_with_key(dir_.path(), std::nullopt, true));
  Event e = MakeEvent(j, id, Action::kContact, 3000);
  Status append = store_->Write([&](WriteTxn& txn) { return txn.AppendEvent(e); });
  ASSERT_FALSE(append.ok());
  EXPECT_EQ(append.error().field, "log_key");
  EXPECT_EQ(append.error().code, ErrorCode::kUnavailable);
  auto verified = store_->VerifyChains();
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.error().field, "log_key");
  EXPECT_EQ(EventsOf(j, id).size(), 2u);
}

}  // namespace
}  // namespace lizheng::store::testsupport
