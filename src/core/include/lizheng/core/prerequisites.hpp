// Steps an action needs done first on the work order itself (前置步骤),
// beyond what the action table states (role, unit scope, state): a reply
// needs the first contact with the citizen. The engine refuses an action
// whose step is missing, and the workbench's list of allowed actions leaves
// it out and says which step is missing, from this one rule set.
#pragma once

#include <optional>
#include <string_view>

#include "lizheng/core/enums.hpp"
#include "lizheng/core/result.hpp"
#include "lizheng/core/work_order.hpp"

namespace lizheng {

// A step the work order lacks before an action.
enum class Prerequisite {
  kFirstContact,  // 联系群众: record the first contact with the citizen
};

// The stable reason code of the refusal ("contact_required"), also the wire
// name of the missing step in the API.
std::string_view PrerequisiteWireName(Prerequisite p);

// The step `action` still needs on `wo`, or nullopt when none is missing.
// Pure; says nothing about who may act or in which state (see Permit).
std::optional<Prerequisite> MissingPrerequisite(const WorkOrder& wo, Action action);

// The refusal of an action whose step is missing: kIllegalTransition with
// the step's reason code and a message, in both languages, saying what to do
// first.
Error PrerequisiteError(Prerequisite p);

}  // namespace lizheng
