#include "lizheng/core/actions.hpp"

#include <array>

namespace lizheng {
namespace {

template <class E, class... Es>
constexpr std::uint32_t Bits(E first, Es... rest) {
  return (Bit(first) | ... | Bit(rest));
}

using enum Role;
using enum CommandField;
using S = State;

constexpr std::uint32_t kNone = 0;
constexpr std::uint32_t kUnitRoles = Bits(kUnitHandler, kUnitManager);
constexpr std::uint32_t kAllStates =
    Bits(S::kSubmitted, S::kRejected, S::kAccepted, S::kDispatched, S::kReturned, S::kInProgress,
         S::kReplied, S::kAnswered, S::kReopened, S::kClosed, S::kMerged);
constexpr std::uint32_t kOpenStates =
    Bits(S::kSubmitted, S::kAccepted, S::kDispatched, S::kReturned, S::kInProgress, S::kReplied,
         S::kAnswered, S::kReopened);
constexpr std::uint32_t kWithUnitStates =
    Bits(S::kDispatched, S::kInProgress, S::kReplied, S::kAnswered, S::kReopened);
constexpr std::uint32_t kHandlingStates = Bits(S::kInProgress, S::kReopened);

constexpr UnitScope kAnyWo = UnitScope::kJurisdiction;
constexpr UnitScope kOwnUnit = UnitScope::kHandlingUnit;

// The table. Columns: action, roles, from states, scope, required fields,
// optional fields, shown on the citizen's timeline, performed by people.
constexpr std::array<ActionSpec, 35> kSpecs{{
    {Action::kSubmit, Bits(kOperator, kDispatcher, kCitizen), kNone, kAnyWo, kNone, kNone, true, true},
    {Action::kAccept, Bits(kOperator, kDispatcher), Bits(S::kSubmitted), kAnyWo, kNone,
     Bits(kCategory, kType, kUrgency, kNote), true, true},
    {Action::kReject, Bits(kOperator, kDispatcher), Bits(S::kSubmitted, S::kAccepted), kAnyWo,
     Bits(kReason), kNone, true, true},
    {Action::kSelfResolve, Bits(kOperator, kDispatcher), Bits(S::kAccepted), kAnyWo, Bits(kText),
     Bits(kCategory), true, true},
    {Action::kDispatch, Bits(kDispatcher), Bits(S::kAccepted), kAnyWo, Bits(kUnit),
     Bits(kAssistingUnits, kNote, kCategory), true, true},
    {Action::kDirectDispatch, Bits(kOperator, kDispatcher), Bits(S::kSubmitted), kAnyWo, Bits(kUnit),
     Bits(kAssistingUnits, kNote, kCategory), true, true},
    {Action::kSignFor, kUnitRoles, Bits(S::kDispatched), kOwnUnit, kNone, Bits(kNote), true, true},
    {Action::kReturn, Bits(kUnitManager), Bits(S::kDispatched), kOwnUnit, Bits(kReason, kLegalBasis),
     kNone, false, true},
    {Action::kRejectReturn, Bits(kDispatcher), Bits(S::kReturned), kAnyWo, Bits(kReason), kNone,
     false, true},
    {Action::kRedispatch, Bits(kDispatcher), Bits(S::kReturned, S::kDispatched, S::kInProgress),
     kAnyWo, Bits(kUnit), Bits(kReason, kAssistingUnits, kNote), true, true},
    {Action::kPassDown, Bits(kUnitManager), Bits(S::kInProgress), kOwnUnit, Bits(kUnit), Bits(kNote),
     true, true},
    {Action::kContact, kUnitRoles, kHandlingStates, kOwnUnit, Bits(kMethod), Bits(kNote), true, true},
    {Action::kReply, kUnitRoles, kHandlingStates, kOwnUnit, Bits(kText), kNone, false, true},
    {Action::kApproveReply, Bits(kReviewer), Bits(S::kReplied), kAnyWo, kNone, Bits(kComment), true,
     true},
    {Action::kSendBackReply, Bits(kReviewer), Bits(S::kReplied), kAnyWo, Bits(kComment), kNone, false,
     true},
    {Action::kRequestExtension, Bits(kUnitManager), kHandlingStates, kOwnUnit,
     Bits(kWorkingDays, kReason), kNone, false, true},
    {Action::kDecideExtension, Bits(kDispatcher), Bits(S::kInProgress, S::kReopened, S::kReplied),
     kAnyWo, Bits(kApprove), Bits(kComment), false, true},
    {Action::kCallback, Bits(kOperator, kDispatcher), Bits(S::kAnswered), kAnyWo,
     Bits(kResolved, kSatisfaction), Bits(kNote), true, true},
    {Action::kReopen, Bits(kDispatcher), Bits(S::kAnswered, S::kClosed), kAnyWo, Bits(kReason),
     kNone, true, true},
    {Action::kClose, Bits(kDispatcher), Bits(S::kAnswered), kAnyWo, Bits(kReason), kNone, true, true},
    // A merged request's citizen may dispute the primary's answer once it
    // reached them (DoDispute checks the closure and the window).
    {Action::kDispute, Bits(kCitizen), Bits(S::kClosed, S::kMerged), kAnyWo, Bits(kReason), kNone,
     true, true},
    {Action::kRate, Bits(kCitizen), Bits(S::kAnswered, S::kClosed, S::kMerged), kAnyWo,
     Bits(kSatisfaction), Bits(kComment), true, true},
    {Action::kMerge, Bits(kOperator, kDispatcher), Bits(S::kSubmitted, S::kAccepted), kAnyWo,
     Bits(kPrimary), Bits(kNote), true, true},
    {Action::kFollowPrimary, Bits(kSystem), Bits(S::kMerged), kAnyWo, kNone, kNone, true, false},
    {Action::kUnmerge, Bits(kOperator, kDispatcher), Bits(S::kMerged), kAnyWo, Bits(kReason), kNone,
     true, true},
    {Action::kSupervise, Bits(kDispatcher, kLeader),
     Bits(S::kAccepted, S::kDispatched, S::kReturned, S::kInProgress, S::kReplied, S::kReopened),
     kAnyWo, kNone, Bits(kNote, kWorkingDays), false, true},
    {Action::kEscalate, Bits(kDispatcher),
     Bits(S::kDispatched, S::kReturned, S::kInProgress, S::kReopened), kAnyWo, Bits(kUnit, kReason),
     Bits(kNote), true, true},
    {Action::kInstruct, Bits(kLeader), kOpenStates, kAnyWo, Bits(kText), kNone, false, true},
    {Action::kAcknowledgeInstruction, kUnitRoles, kWithUnitStates, kOwnUnit, kNone, Bits(kNote), false,
     true},
    {Action::kWatch, Bits(kLeader, kDispatcher), kAllStates, kAnyWo, kNone, kNone, false, true},
    {Action::kUnwatch, Bits(kLeader, kDispatcher), kAllStates, kAnyWo, kNone, kNone, false, true},
    {Action::kPublish, Bits(kReviewer, kDispatcher), Bits(S::kAnswered, S::kClosed), kAnyWo, kNone,
     kNone, false, true},
    {Action::kUnpublish, Bits(kReviewer, kDispatcher), Bits(S::kAnswered, S::kClosed), kAnyWo,
     Bits(kReason), kNone, false, true},
    {Action::kDeadlineWarning, Bits(kSystem), kAllStates, kAnyWo, kNone, kNone, false, false},
    {Action::kMarkOverdue, Bits(kSystem), kAllStates, kAnyWo, kNone, kNone, false, false},
}};

constexpr std::array<std::pair<CommandField, std::string_view>, 16> kFieldNames{{
    {kReason, "reason"},
    {kLegalBasis, "legal_basis"},
    {kText, "text"},
    {kComment, "comment"},
    {kNote, "note"},
    {kUnit, "unit_id"},
    {kAssistingUnits, "assisting_unit_ids"},
    {kWorkingDays, "working_days"},
    {kApprove, "approve"},
    {kResolved, "resolved"},
    {kSatisfaction, "satisfaction"},
    {kCategory, "category_code"},
    {kType, "type"},
    {kUrgency, "urgency"},
    {kPrimary, "primary_id"},
    {kMethod, "method"},
}};

constexpr std::array<CommandField, 16> kAllFields{kReason,  kLegalBasis, kText,       kComment,
                                                  kNote,    kUnit,       kAssistingUnits,
                                                  kWorkingDays, kApprove, kResolved,
                                                  kSatisfaction, kCategory, kType, kUrgency,
                                                  kPrimary, kMethod};

}  // namespace

std::string_view FieldWireName(CommandField f) {
  for (const auto& [field, name] : kFieldNames)
    if (field == f) return name;
  return "unknown";  // unreachable: the table is exhaustive (tested)
}

std::span<const CommandField> AllCommandFields() { return kAllFields; }

const ActionSpec& SpecOf(Action action) {
  // The table is in enum order (tested), so the index is the enumerator.
  return kSpecs[static_cast<std::size_t>(action)];
}

std::span<const ActionSpec> AllActionSpecs() { return kSpecs; }

}  // namespace lizheng
