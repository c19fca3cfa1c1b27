// The enum tables and the action table are exhaustive and consistent.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "lizheng/core/actions.hpp"
#include "lizheng/core/enums.hpp"

namespace lizheng {
namespace {

template <class E>
void ExpectRoundTrip(int count) {
  const auto names = EnumNames<E>();
  ASSERT_EQ(static_cast<int>(names.size()), count);
  std::set<std::string_view> wires;
  for (int i = 0; i < count; ++i) {
    const E e = static_cast<E>(i);
    EXPECT_EQ(names[static_cast<std::size_t>(i)].value, e) << "table out of declaration order at " << i;
    EXPECT_EQ(FromWire<E>(ToWire(e)), e);
    EXPECT_FALSE(ToChinese(e).empty());
    EXPECT_TRUE(wires.insert(ToWire(e)).second) << "duplicate wire name " << ToWire(e);
  }
  EXPECT_FALSE(FromWire<E>("no_such_value").has_value());
}

TEST(EnumsTest, EveryTableRoundTrips) {
  ExpectRoundTrip<State>(11);
  ExpectRoundTrip<Role>(9);
  ExpectRoundTrip<RequestType>(6);
  ExpectRoundTrip<Channel>(8);
  ExpectRoundTrip<Urgency>(3);
  ExpectRoundTrip<Satisfaction>(3);
  ExpectRoundTrip<UnitKind>(6);
  ExpectRoundTrip<MailboxLevel>(3);
  ExpectRoundTrip<ContactMethod>(4);
  ExpectRoundTrip<ClockKind>(5);
  ExpectRoundTrip<CategorySource>(5);
  ExpectRoundTrip<RiskKind>(3);
  ExpectRoundTrip<Action>(35);
}

TEST(EnumsTest, WireNamesListNamesEveryValue) {
  EXPECT_EQ(WireNamesList<Urgency>(), "normal, urgent, emergency");
}

TEST(ActionTableTest, EveryActionHasItsOwnRowInOrder) {
  const auto specs = AllActionSpecs();
  ASSERT_EQ(specs.size(), EnumNames<Action>().size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    EXPECT_EQ(specs[i].action, static_cast<Action>(i)) << "row " << i;
    EXPECT_EQ(&SpecOf(static_cast<Action>(i)), &specs[i]);
    EXPECT_NE(specs[i].roles, 0u) << ToWire(specs[i].action) << " has no role";
    EXPECT_EQ(specs[i].required & specs[i].optional, 0u)
        << ToWire(specs[i].action) << ": a field is both required and optional";
  }
}

TEST(ActionTableTest, UnitScopedActionsBelongToUnitRolesOnly) {
  const std::uint32_t unit_roles = Bit(Role::kUnitHandler) | Bit(Role::kUnitManager);
  for (const ActionSpec& s : AllActionSpecs()) {
    if (s.scope == UnitScope::kHandlingUnit)
      EXPECT_EQ(s.roles & ~unit_roles, 0u) << ToWire(s.action);
    else
      EXPECT_EQ(s.roles & unit_roles, 0u) << ToWire(s.action) << " lets unit roles act on any work order";
  }
}

TEST(ActionTableTest, FieldNamesAreUnique) {
  std::set<std::string_view> names;
  for (CommandField f : AllCommandFields()) EXPECT_TRUE(names.insert(FieldWireName(f)).second);
  EXPECT_EQ(names.size(), 16u);
}

}  // namespace
}  // namespace lizheng
