#include "lizheng/core/prerequisites.hpp"

#include <string>

namespace lizheng {

std::string_view PrerequisiteWireName(Prerequisite p) {
  switch (p) {
    case Prerequisite::kFirstContact: return "contact_required";
  }
  return "unknown";
}

std::optional<Prerequisite> MissingPrerequisite(const WorkOrder& wo, Action action) {
  // Without a phone number there is no one to call first: the reply itself
  // is the contact (anonymous letters, mailbox requests without a number).
  if (action == Action::kReply && !wo.contacted_at && !wo.citizen.phone.empty())
    return Prerequisite::kFirstContact;
  return std::nullopt;
}

Error PrerequisiteError(Prerequisite p) {
  switch (p) {
    case Prerequisite::kFirstContact:
      return MakeError(ErrorCode::kIllegalTransition, std::string(PrerequisiteWireName(p)),
                       Text{"答复前请先联系群众，并记录首次联系",
                            "record the first contact with the citizen before replying"});
  }
  return MakeError(ErrorCode::kIllegalTransition, "step_required",
                   Text{"办理此操作前还缺少一个步骤", "a step is missing before this action"});
}

}  // namespace lizheng
