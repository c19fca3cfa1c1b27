// The action table: for every action of the closed loop, who may perform it,
// from which states, on which work orders, and which fields it takes. The
// engine, the permission checks, the API decoder and the "what may I do"
// list of the workbench all read this one table.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "lizheng/core/enums.hpp"

namespace lizheng {

// The fields an action's command may carry.
enum class CommandField {
  kReason,           // reason (reject, return, reopen, close, extension, dispute)
  kLegalBasis,       // legal basis of a return
  kText,             // reply text, instruction text
  kComment,          // review comment, citizen's comment
  kNote,             // free note (contact, supervision, callback)
  kUnit,             // target unit (dispatch, redispatch, pass down, escalate)
  kAssistingUnits,   // 协办 units
  kWorkingDays,      // extension length, supervision deadline
  kApprove,          // decision of an extension
  kResolved,         // callback: resolved or not
  kSatisfaction,     // callback or rating
  kCategory,         // classification at acceptance
  kType,             // corrected request type at acceptance
  kUrgency,          // corrected urgency at acceptance
  kPrimary,          // the work order to merge into
  kMethod,           // contact method
};

// The wire name of a command field ("legal_basis").
std::string_view FieldWireName(CommandField f);
std::span<const CommandField> AllCommandFields();

// Which work orders a role holder may touch with the action.
enum class UnitScope {
  kJurisdiction,   // any work order of the actor's jurisdiction
  kHandlingUnit,   // the actor's unit is the handling unit or above it
};

template <class E>
constexpr std::uint32_t Bit(E e) {
  return std::uint32_t{1} << static_cast<unsigned>(e);
}

struct ActionSpec {
  Action action;
  std::uint32_t roles;       // Bit(Role)
  std::uint32_t from;        // Bit(State)
  UnitScope scope;
  std::uint32_t required;    // Bit(CommandField)
  std::uint32_t optional;    // Bit(CommandField)
  bool public_timeline;      // shown on the citizen's timeline
  bool by_people;            // false for the scheduler's and the engine's own actions
};

// The spec of an action. Every action has one (tested).
const ActionSpec& SpecOf(Action action);
std::span<const ActionSpec> AllActionSpecs();

inline bool Has(std::uint32_t mask, auto e) { return (mask & Bit(e)) != 0; }

}  // namespace lizheng
