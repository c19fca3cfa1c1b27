// The storage contract, part 2: users and sessions, tracking numbers and
// work orders. Runs against every backend of AllBackends().
#include "store_contract_fixture.hpp"

namespace lizheng::store::testsupport {
namespace {

using ::testing::HasSubstr;

class StoreRecordContractTest : public StoreContractTest {};
INSTANTIATE_TEST_SUITE_P(Backends, StoreRecordContractTest, AllBackends(), BackendName);

// ---- users and sessions ----

TEST_P(StoreRecordContractTest, UsersAndSessions) {
  const JurisdictionId j = AddJurisdiction("jc");
  User u{0, j, "zhang", "张三", Role::kUnitHandler, UnitId{6}, "$argon2id$v=19$x", true};
  Write([&](WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(u.id, txn.InsertUser(u));
    return OkStatus();
  });
  EXPECT_EQ(u.id, 1);

  Status taken_direct = store_->Write([&](WriteTxn& txn) -> Status {
    User again = u;
    again.id = 0;
    LZ_RETURN_IF_ERROR(txn.InsertUser(again));
    return OkStatus();
  });
  ASSERT_FALSE(taken_direct.ok());
  EXPECT_EQ(taken_direct.error().code, ErrorCode::kConflict);
  EXPECT_EQ(taken_direct.error().field, "username");
  EXPECT_THAT(taken_direct.error().message, HasSubstr("zhang"));

  User leader{0, j, "li", "李四", Role::kLeader, std::nullopt, "h", true};
  Write([&](WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(leader.id, txn.InsertUser(leader));
    User changed = u;
    changed.display_name = "张三丰";
    changed.active = false;
    changed.unit.reset();
    changed.role = Role::kReviewer;
    return txn.UpdateUser(changed);
  });
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto found, txn.FindUser(j, "zhang"));
    EXPECT_TRUE(found.has_value());
    if (found) {
      EXPECT_EQ(found->display_name, "张三丰");
      EXPECT_FALSE(found->active);
      EXPECT_EQ(found->unit, std::nullopt);
      EXPECT_EQ(found->role, Role::kReviewer);
      EXPECT_EQ(found->password_hash, "$argon2id$v=19$x");
    }
    LZ_ASSIGN_OR_RETURN(auto by_id, txn.GetUser(j, leader.id));
    EXPECT_TRUE(by_id && by_id->username == "li");
    LZ_ASSIGN_OR_RETURN(auto nobody, txn.FindUser(j, "nobody"));
    EXPECT_FALSE(nobody.has_value());
    LZ_ASSIGN_OR_RETURN(auto elsewhere, txn.FindUser(j + 1, "zhang"));
    EXPECT_FALSE(elsewhere.has_value());
    LZ_ASSIGN_OR_RETURN(auto all, txn.ListUsers(j));
    EXPECT_EQ(all.size(), 2u);
    return OkStatus();
  });

  Status rename_to_taken = store_->Write([&](WriteTxn& txn) {
    User clash = leader;
    clash.username = "zhang";
    return txn.UpdateUser(clash);
  });
  ASSERT_FALSE(rename_to_taken.ok());
  EXPECT_EQ(rename_to_taken.error().code, ErrorCode::kConflict);
  Status unknown = store_->Write([&](WriteTxn& txn) {
    User ghost = leader;
    ghost.id = 999;
    return txn.UpdateUser(ghost);
  });
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);

  const Session s{"hash-1", j, u.id, "csrf", At(1000), At(2000)};
  Write([&](WriteTxn& txn) { return txn.InsertSession(s); });
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto found, txn.FindSession("hash-1"));
    EXPECT_TRUE(found.has_value());
    if (found) {
      EXPECT_EQ(found->jurisdiction, j);
      EXPECT_EQ(found->user, u.id);
      EXPECT_EQ(found->csrf_token, "csrf");
      EXPECT_EQ(found->created_at, At(1000));
      EXPECT_EQ(found->expires_at, At(2000));
    }
    return OkStatus();
  });
  Write([&](WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.DeleteSession("hash-1"));
    return txn.DeleteSession("hash-1");  // signing out twice is fine
  });
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto gone, txn.FindSession("hash-1"));
    EXPECT_FALSE(gone.has_value());
    return OkStatus();
  });
}

TEST_P(StoreRecordContractTest, ExpiredSessionsArePurgedAndLiveOnesKept) {
  const JurisdictionId j = AddJurisdiction("jc");
  User u{0, j, "zhang", "张三", Role::kOperator, std::nullopt, "h", true};
  Write([&](WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(u.id, txn.InsertUser(u));
    LZ_RETURN_IF_ERROR(txn.InsertSession(Session{"old", j, u.id, "c1", At(100), At(1000)}));
    LZ_RETURN_IF_ERROR(txn.InsertSession(Session{"edge", j, u.id, "c2", At(500), At(2000)}));
    return txn.InsertSession(Session{"live", j, u.id, "c3", At(1500), At(3000)});
  });
  std::int64_t purged = -1;
  Write([&](WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(purged, txn.DeleteExpiredSessions(At(2000)));
    return OkStatus();
  });
  // Expiry is inclusive, as in sign-in: a session is dead at its expires_at.
  EXPECT_EQ(purged, 2);
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto old, txn.FindSession("old"));
    LZ_ASSIGN_OR_RETURN(auto edge, txn.FindSession("edge"));
    LZ_ASSIGN_OR_RETURN(auto live, txn.FindSession("live"));
    EXPECT_FALSE(old.has_value());
    EXPECT_FALSE(edge.has_value());
    EXPECT_TRUE(live.has_value());
    return OkStatus();
  });
  Write([&](WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(purged, txn.DeleteExpiredSessions(At(2000)));
    return OkStatus();
  });
  EXPECT_EQ(purged, 0);
}

// ---- tracking numbers ----

TEST_P(StoreRecordContractTest, TrackingNumbersCountPerDayAcrossJurisdictions) {
  const JurisdictionId a = AddJurisdiction("a");
  const JurisdictionId b = AddJurisdiction("b");
  const Date day = std::chrono::year{2026} / 11 / 23;
  const Date next_day = std::chrono::year{2026} / 11 / 24;
  std::vector<std::string> got;
  Write([&](WriteTxn& txn) -> Status {
    for (int i = 0; i < 3; ++i) {
      LZ_ASSIGN_OR_RETURN(std::string no, txn.NextTrackingNo(a, day));
      got.push_back(no);
    }
    LZ_ASSIGN_OR_RETURN(std::string other_day, txn.NextTrackingNo(a, next_day));
    got.push_back(other_day);
    // Another jurisdiction continues the same sequence: no number twice.
    LZ_ASSIGN_OR_RETURN(std::string other_j, txn.NextTrackingNo(b, day));
    got.push_back(other_j);
    return OkStatus();
  });
  EXPECT_EQ(got, (std::vector<std::string>{"20261123000001", "20261123000002", "20261123000003",
                                           "20261124000001", "20261123000004"}));
  // A failed write hands its numbers back.
  Status failed = store_->Write([&](WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.NextTrackingNo(a, day));
    return MakeError(ErrorCode::kInvalidArgument, "refused");
  });
  EXPECT_FALSE(failed.ok());
  Write([&](WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(std::string no, txn.NextTrackingNo(a, day));
    EXPECT_EQ(no, "20261123000005");
    return OkStatus();
  });
  Reopen();
  Write([&](WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(std::string no, txn.NextTrackingNo(b, day));
    EXPECT_EQ(no, "20261123000006");
    return OkStatus();
  });
}

// ---- work orders ----

TEST_P(StoreRecordContractTest, WorkOrderInsertGetUpdateAndVersionConflict) {
  const JurisdictionId j = AddJurisdiction("jc");
  WorkOrder wo = FullWorkOrder(j, "20261123000001");
  wo.id = 0;
  const WorkOrderId id = AddWorkOrder(wo);
  EXPECT_EQ(id, 1);
  wo.id = id;
  EXPECT_EQ(WorkOrderDiff(GetWorkOrder(j, id), wo), "");
  EXPECT_EQ(AddWorkOrder(FullWorkOrder(j, "20261123000002")), 2);

  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(std::vector<WorkOrder> by_no, txn.ListByTrackingNo("20261123000001"));
    EXPECT_EQ(by_no.size(), 1u);
    if (!by_no.empty()) {
      EXPECT_EQ(WorkOrderDiff(by_no[0], wo), "");
    }
    LZ_ASSIGN_OR_RETURN(std::vector<WorkOrder> missing, txn.ListByTrackingNo("20990101000001"));
    EXPECT_TRUE(missing.empty());
    auto absent = txn.GetWorkOrder(j, 99);
    EXPECT_FALSE(absent.ok());
    if (!absent.ok()) {
      EXPECT_EQ(absent.error().code, ErrorCode::kNotFound);
    }
    auto other_j = txn.GetWorkOrder(j + 1, id);
    EXPECT_FALSE(other_j.ok());
    return OkStatus();
  });

  WorkOrder next = wo;
  next.version += 1;
  next.state = State::kReplied;
  next.handling_unit = 9;
  next.watchers = {15};
  next.title = "改后的标题";
  Write([&](WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.UpdateWorkOrder(next));
    LZ_ASSIGN_OR_RETURN(WorkOrder seen, txn.GetWorkOrder(j, id));  // reads its own write
    EXPECT_EQ(WorkOrderDiff(seen, next), "");
    return OkStatus();
  });
  EXPECT_EQ(WorkOrderDiff(GetWorkOrder(j, id), next), "");

  // A writer that loaded the old version loses.
  WorkOrder stale = wo;
  stale.version += 1;
  Status conflict = store_->Write([&](WriteTxn& txn) { return txn.UpdateWorkOrder(stale); });
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().code, ErrorCode::kConflict);
  EXPECT_EQ(conflict.error().message, "work order 1 was changed by someone else; reload and retry");
  EXPECT_EQ(WorkOrderDiff(GetWorkOrder(j, id), next), "");

  WorkOrder ghost = next;
  ghost.id = 77;
  Status missing = store_->Write([&](WriteTxn& txn) { return txn.UpdateWorkOrder(ghost); });
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(StoreRecordContractTest, TrackingNumberAndIdempotencyKeyAreUniquePerJurisdiction) {
  const JurisdictionId a = AddJurisdiction("a");
  const JurisdictionId b = AddJurisdiction("b");
  WorkOrder first = FullWorkOrder(a, "20261123000001");
  first.idempotency_key = "key-1";
  AddWorkOrder(first);

  WorkOrder same_key = FullWorkOrder(a, "20261123000002");
  same_key.idempotency_key = "key-1";
  Status dup_key = store_->Write([&](WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.InsertWorkOrder(same_key));
    return OkStatus();
  });
  ASSERT_FALSE(dup_key.ok());
  EXPECT_EQ(dup_key.error().code, ErrorCode::kConflict);
  EXPECT_EQ(dup_key.error().field, "idempotency_key");

  WorkOrder same_no = FullWorkOrder(a, "20261123000001");
  same_no.idempotency_key = "key-2";
  Status dup_no = store_->Write([&](WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.InsertWorkOrder(same_no));
    return OkStatus();
  });
  ASSERT_FALSE(dup_no.ok());
  EXPECT_EQ(dup_no.error().code, ErrorCode::kConflict);
  EXPECT_EQ(dup_no.error().field, "tracking_no");

  // Empty keys never collide; other jurisdictions have their own keys.
  WorkOrder no_key_1 = FullWorkOrder(a, "20261123000003");
  no_key_1.idempotency_key.clear();
  WorkOrder no_key_2 = FullWorkOrder(a, "20261123000004");
  no_key_2.idempotency_key.clear();
  AddWorkOrder(no_key_1);
  AddWorkOrder(no_key_2);
  WorkOrder in_b = FullWorkOrder(b, "20261123000009");
  in_b.idempotency_key = "key-1";
  AddWorkOrder(in_b);

  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto found, txn.FindByIdempotencyKey(a, "key-1"));
    EXPECT_TRUE(found && found->tracking_no == "20261123000001");
    LZ_ASSIGN_OR_RETURN(auto in_other, txn.FindByIdempotencyKey(b, "key-1"));
    EXPECT_TRUE(in_other && in_other->tracking_no == "20261123000009");
    LZ_ASSIGN_OR_RETURN(auto none, txn.FindByIdempotencyKey(a, "key-x"));
    EXPECT_FALSE(none.has_value());
    LZ_ASSIGN_OR_RETURN(auto empty, txn.FindByIdempotencyKey(a, ""));
    EXPECT_FALSE(empty.has_value());
    return OkStatus();
  });
}

}  // namespace
}  // namespace lizheng::store::testsupport
