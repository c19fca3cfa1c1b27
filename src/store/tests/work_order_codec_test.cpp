#include "work_order_codec.hpp"

#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace lizheng::store {
namespace {

using testsupport::FullWorkOrder;

TEST(WorkOrderCodecTest, FullWorkOrderRoundTripsExactly) {
  const WorkOrder wo = FullWorkOrder(2, "20261123000001");
  auto doc = EncodeWorkOrder(wo);
  ASSERT_TRUE(doc.ok());
  auto back = DecodeWorkOrder(*doc);
  ASSERT_TRUE(back.ok()) << back.error().detail;
  EXPECT_EQ(testsupport::WorkOrderDiff(*back, wo), "");
}

TEST(WorkOrderCodecTest, DefaultWorkOrderRoundTripsExactly) {
  const WorkOrder wo;
  auto doc = EncodeWorkOrder(wo);
  ASSERT_TRUE(doc.ok());
  auto back = DecodeWorkOrder(*doc);
  ASSERT_TRUE(back.ok()) << back.error().detail;
  EXPECT_EQ(testsupport::WorkOrderDiff(*back, wo), "");
}

// A tripwire, not a contract: when WorkOrder gains a field its size
// changes, and this test points at the two field lists to extend.
TEST(WorkOrderCodecTest, KnowsEveryFieldOfWorkOrder) {
  EXPECT_EQ(sizeof(WorkOrder), 1256u)
      << "WorkOrder changed: add the new field to Visit(WorkOrder) in src/work_order_codec.cpp "
         "and to WorkOrderDiff in tests/store_test_support.cpp, then update this size";
}

TEST(WorkOrderCodecTest, EnumsAreStoredByWireNameAndTimesAsEpochSeconds) {
  auto doc = EncodeWorkOrder(FullWorkOrder(2, "t"));
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->find("\"state\":\"in_progress\""), std::string::npos) << *doc;
  EXPECT_NE(doc->find("\"created_at\":1780000000"), std::string::npos) << *doc;
  EXPECT_NE(doc->find("\"kind\":\"sign_for\""), std::string::npos) << *doc;
}

TEST(WorkOrderCodecTest, MissingMembersKeepDefaults) {
  auto back = DecodeWorkOrder(R"({"id": 7, "title": "old document"})");
  ASSERT_TRUE(back.ok()) << back.error().detail;
  EXPECT_EQ(back->id, 7);
  EXPECT_EQ(back->title, "old document");
  EXPECT_EQ(back->state, State::kSubmitted);
}

TEST(WorkOrderCodecTest, AnOlderDocumentsCategoryWasChosenByPeople) {
  auto back = DecodeWorkOrder(R"({"id": 7, "category_code": "01.02"})");
  ASSERT_TRUE(back.ok()) << back.error().detail;
  EXPECT_EQ(back->category_source, CategorySource::kStaff);
  auto none = DecodeWorkOrder(R"({"id": 8})");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->category_source, CategorySource::kNone);
}

TEST(WorkOrderCodecTest, UnknownEnumNameIsAnInternalErrorNamingTheMember) {
  auto back = DecodeWorkOrder(R"({"state": "lost"})");
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().code, ErrorCode::kInternal);
  EXPECT_NE(back.error().detail.find("state"), std::string::npos);
  EXPECT_EQ(back.error().message.find("lost"), std::string::npos);  // details stay in the log
}

TEST(WorkOrderCodecTest, WrongTypeAndBadJsonAreInternalErrors) {
  EXPECT_EQ(DecodeWorkOrder(R"({"version": "four"})").error().code, ErrorCode::kInternal);
  EXPECT_EQ(DecodeWorkOrder("{not json").error().code, ErrorCode::kInternal);
  EXPECT_EQ(DecodeWorkOrder("[]").error().code, ErrorCode::kInternal);
}

TEST(WorkOrderCodecTest, InvalidUtf8IsRefusedNotMangled) {
  WorkOrder wo;
  wo.title = std::string("bad \xff\xfe byte");
  auto doc = EncodeWorkOrder(wo);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kInvalidArgument);
}

TEST(EventDataCodecTest, KeepsOrderAndDuplicates) {
  const EventData data = {{"b", "2"}, {"a", "1"}, {"b", "3"}, {"", ""}, {"中文", "值"}};
  auto doc = EncodeEventData(data);
  ASSERT_TRUE(doc.ok());
  auto back = DecodeEventData(*doc);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, data);
}

TEST(EventDataCodecTest, MalformedDataIsAnInternalError) {
  EXPECT_EQ(DecodeEventData(R"([["only key"]])").error().code, ErrorCode::kInternal);
  EXPECT_EQ(DecodeEventData(R"({"a": "b"})").error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace lizheng::store
