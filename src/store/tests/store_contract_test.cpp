// The storage contract, part 1: schema and reference data (directory,
// calendar, time limits). Runs against every backend of AllBackends().
#include <algorithm>

#include "store_contract_fixture.hpp"

namespace lizheng::store::testsupport {
namespace {

using ::testing::HasSubstr;

INSTANTIATE_TEST_SUITE_P(Backends, StoreContractTest, AllBackends(), BackendName);

// ---- schema ----

TEST_P(StoreContractTest, MigratesOnceAndReopensWithTheSameData) {
  EXPECT_GE(store_->SchemaVersion(), 1);
  const int version = store_->SchemaVersion();
  const JurisdictionId j = AddJurisdiction("jc");
  Reopen();
  Reopen();
  EXPECT_EQ(store_->SchemaVersion(), version);
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto all, txn.ListJurisdictions());
    EXPECT_EQ(all.size(), 1u);
    EXPECT_EQ(all.at(0).id, j);
    EXPECT_EQ(all.at(0).name, "jc市");
    return OkStatus();
  });
}

// ---- reference data ----

TEST_P(StoreContractTest, DirectoryRoundTrips) {
  const JurisdictionId j = AddJurisdiction("jc");
  AddJurisdiction("other");
  Write([&](WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(UnitId centre,
                        txn.InsertUnit(j, Unit{0, std::nullopt, "centre", "网络理政中心",
                                               UnitKind::kCentre, "", true}));
    LZ_ASSIGN_OR_RETURN(UnitId district, txn.InsertUnit(j, Unit{0, centre, "d1", "西湖区",
                                                                UnitKind::kDistrict, "01", true}));
    LZ_ASSIGN_OR_RETURN(UnitId street, txn.InsertUnit(j, Unit{0, district, "s1", "北山街道",
                                                              UnitKind::kStreet, "01.01", false}));
    EXPECT_EQ(centre, 1);
    EXPECT_EQ(street, 3);
    LZ_RETURN_IF_ERROR(
        txn.InsertUnit(j, Unit{40, centre, "water", "水务集团", UnitKind::kUtility, "", true}));
    LZ_RETURN_IF_ERROR(txn.InsertArea(j, Area{"01", "西湖区", "", 1}));
    LZ_RETURN_IF_ERROR(txn.InsertArea(j, Area{"01.01", "北山街道", "01", 2}));
    LZ_RETURN_IF_ERROR(txn.InsertCategory(j, Category{"02", "城乡建设", "", 1}));
    LZ_RETURN_IF_ERROR(txn.InsertCategory(j, Category{"02.01", "物业管理", "02", 2}));
    LZ_ASSIGN_OR_RETURN(
        MailboxId box,
        txn.InsertMailbox(j, Mailbox{0, "mayor", "市长信箱", MailboxLevel::kCity, centre, 7}));
    EXPECT_EQ(box, 1);
    LZ_RETURN_IF_ERROR(txn.InsertMailbox(
        j, Mailbox{0, "d1", "区长信箱", MailboxLevel::kDistrict, district, std::nullopt}));
    const Date from = std::chrono::year{2026} / 1 / 1;
    LZ_RETURN_IF_ERROR(
        txn.InsertCatalogueEntry(j, CatalogueEntry{"02.01", "01", street, from, std::nullopt}));
    return txn.InsertCatalogueEntry(
        j, CatalogueEntry{"02", "", district, from, std::chrono::year{2026} / 12 / 31});
  });

  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(Directory d, txn.LoadDirectory(j));
    EXPECT_EQ(d.jurisdiction().code, "jc");
    EXPECT_EQ(d.jurisdiction().utc_offset_minutes, 480);
    EXPECT_EQ(d.units().size(), 4u);
    const Unit* street = d.FindUnitByCode("s1");
    EXPECT_NE(street, nullptr);
    if (street != nullptr) {
      EXPECT_EQ(street->parent, std::optional<UnitId>(2));
      EXPECT_EQ(street->kind, UnitKind::kStreet);
      EXPECT_EQ(street->area_code, "01.01");
      EXPECT_FALSE(street->active);
    }
    EXPECT_EQ(d.FindUnit(1)->parent, std::nullopt);
    EXPECT_EQ(d.FindUnit(40)->name, "水务集团");
    auto subtree = d.Subtree(2);
    std::sort(subtree.begin(), subtree.end());
    EXPECT_EQ(subtree, (std::vector<UnitId>{2, 3}));
    EXPECT_EQ(d.FindArea("01.01")->parent_code, "01");
    EXPECT_EQ(d.FindCategory("02.01")->level, 2);
    EXPECT_EQ(d.mailboxes().size(), 2u);
    EXPECT_EQ(d.FindMailboxByCode("mayor")->leader, std::optional<UserId>(7));
    EXPECT_EQ(d.FindMailboxByCode("d1")->leader, std::nullopt);
    EXPECT_EQ(d.FindMailboxByCode("d1")->level, MailboxLevel::kDistrict);
    EXPECT_EQ(d.catalogue().size(), 2u);
    EXPECT_EQ(d.catalogue().at(0).category_code, "02.01");  // insertion order kept
    EXPECT_EQ(d.catalogue().at(0).valid_to, std::nullopt);
    EXPECT_EQ(d.catalogue().at(1).valid_to, Date(std::chrono::year{2026} / 12 / 31));
    EXPECT_EQ(d.catalogue().at(1).valid_from, Date(std::chrono::year{2026} / 1 / 1));
    return OkStatus();
  });
}

TEST_P(StoreContractTest, ReferenceDataIsPerJurisdiction) {
  const JurisdictionId a = AddJurisdiction("a");
  const JurisdictionId b = AddJurisdiction("b");
  Write([&](WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(
        txn.InsertUnit(a, Unit{0, std::nullopt, "u", "A单位", UnitKind::kCentre, "", true}));
    LZ_ASSIGN_OR_RETURN(UnitId in_b, txn.InsertUnit(b, Unit{0, std::nullopt, "u", "B单位",
                                                            UnitKind::kCentre, "", true}));
    EXPECT_EQ(in_b, 1);  // ids are per jurisdiction
    return txn.InsertArea(b, Area{"01", "区", "", 1});
  });
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(Directory da, txn.LoadDirectory(a));
    EXPECT_EQ(da.FindUnit(1)->name, "A单位");
    EXPECT_TRUE(da.areas().empty());
    auto missing = txn.LoadDirectory(99);
    EXPECT_FALSE(missing.ok());
    if (!missing.ok()) {
      EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
    }
    return OkStatus();
  });
}

TEST_P(StoreContractTest, DuplicateReferenceDataIsAConflictThatNamesIt) {
  const JurisdictionId j = AddJurisdiction("jc");
  Status dup_code = store_->Write([&](WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.InsertJurisdiction(Jurisdiction{0, "jc", "again", 480}));
    return OkStatus();
  });
  ASSERT_FALSE(dup_code.ok());
  EXPECT_EQ(dup_code.error().code, ErrorCode::kConflict);
  EXPECT_THAT(dup_code.error().message, HasSubstr("jc"));

  Status dup_area = store_->Write([&](WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.InsertArea(j, Area{"01", "区", "", 1}));
    return txn.InsertArea(j, Area{"01", "区", "", 1});
  });
  ASSERT_FALSE(dup_area.ok());
  EXPECT_EQ(dup_area.error().code, ErrorCode::kConflict);
  EXPECT_THAT(dup_area.error().message, HasSubstr("area '01'"));
  // Never SQL in a client message.
  EXPECT_THAT(dup_area.error().message, ::testing::Not(HasSubstr("INSERT")));
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(Directory d, txn.LoadDirectory(j));
    EXPECT_TRUE(d.areas().empty());  // the failed write left nothing
    return OkStatus();
  });
}

TEST_P(StoreContractTest, CalendarReplacesWholeYears) {
  const JurisdictionId j = AddJurisdiction("jc");
  using std::chrono::year;
  const std::vector<CalendarException> y2025 = {{year{2025} / 10 / 1, false, "国庆节"},
                                                {year{2025} / 9 / 28, true, "国庆节调休上班"}};
  const std::vector<CalendarException> y2026 = {{year{2026} / 1 / 1, false, "元旦"}};
  Write([&](WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.ReplaceCalendar(j, 2025, y2025));
    return txn.ReplaceCalendar(j, 2026, y2026);
  });
  Write([&](WriteTxn& txn) -> Status {
    return txn.ReplaceCalendar(j, 2025, {{year{2025} / 5 / 1, false, "劳动节"}});
  });
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto days, txn.LoadCalendar(j));
    EXPECT_EQ(days.size(), 2u);
    if (days.size() == 2) {
      EXPECT_EQ(days[0].day, Date(year{2025} / 5 / 1));
      EXPECT_EQ(days[0].name, "劳动节");
      EXPECT_FALSE(days[0].working);
      EXPECT_EQ(days[1].day, Date(year{2026} / 1 / 1));
    }
    LZ_ASSIGN_OR_RETURN(auto none, txn.LoadCalendar(j + 1));
    EXPECT_TRUE(none.empty());
    return OkStatus();
  });
  // An empty list clears the year.
  Write([&](WriteTxn& txn) { return txn.ReplaceCalendar(j, 2026, {}); });
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(auto days, txn.LoadCalendar(j));
    EXPECT_EQ(days.size(), 1u);
    return OkStatus();
  });
}

TEST_P(StoreContractTest, TimeLimitsRoundTripInOrder) {
  const JurisdictionId j = AddJurisdiction("jc");
  Read([&](ReadTxn& txn) -> Status {
    auto none = txn.LoadTimeLimits(j);
    EXPECT_FALSE(none.ok());
    if (!none.ok()) {
      EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
    }
    return OkStatus();
  });
  const LimitSet standard{{15, LimitUnit::kWorkingMinutes},
                          {30, LimitUnit::kWorkingMinutes},
                          {5, LimitUnit::kWorkingDays}};
  const LimitSet fast{{10, LimitUnit::kMinutes}, {1, LimitUnit::kHours}, {2, LimitUnit::kDays}};
  const std::vector<TimeLimitRule> rules = {
      {std::nullopt, "", std::nullopt, standard},
      {RequestType::kConsult, "", std::nullopt, fast},
      {RequestType::kComplaint, "02", Urgency::kEmergency, fast},
      {std::nullopt,
       "03",
       Urgency::kUrgent,
       {{1, LimitUnit::kWorkingHours},
        {2, LimitUnit::kWorkingHours},
        {3, LimitUnit::kWorkingDays}}},
  };
  ClockPolicy policy;
  policy.callback = {2, LimitUnit::kWorkingDays};
  policy.supervision = {8, LimitUnit::kWorkingHours};
  policy.dispute_window_days = 30;
  policy.max_extension_working_days = 10;
  policy.warn_fraction = 0.75;
  Write([&](WriteTxn& txn) { return txn.ReplaceTimeLimits(j, TimeLimitMatrix(rules)); });
  Write([&](WriteTxn& txn) { return txn.ReplaceTimeLimits(j, TimeLimitMatrix(rules, policy)); });
  Read([&](ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(TimeLimitMatrix m, txn.LoadTimeLimits(j));
    EXPECT_EQ(m.policy(), policy);
    EXPECT_EQ(m.rules().size(), rules.size());
    for (std::size_t i = 0; i < std::min(m.rules().size(), rules.size()); ++i) {
      EXPECT_EQ(m.rules()[i].type, rules[i].type) << i;
      EXPECT_EQ(m.rules()[i].category_code, rules[i].category_code) << i;
      EXPECT_EQ(m.rules()[i].urgency, rules[i].urgency) << i;
      EXPECT_EQ(m.rules()[i].limits, rules[i].limits) << i;
    }
    return OkStatus();
  });
}

}  // namespace
}  // namespace lizheng::store::testsupport
