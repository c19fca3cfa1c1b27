// Private: the state of one action being applied, shared by the engine's
// per-action handlers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/workflow.hpp"

namespace lizheng::detail {

// One application of a command: the work order being changed, the event
// being written and the notices to send. Handlers edit `wo`, fill `ev.data`
// and set `wo.state`; the engine finishes the event afterwards.
struct Step {
  const WorkOrder& before;
  WorkOrder wo;
  Event ev;
  const Actor& actor;
  const Command& cmd;
  const EngineContext& ctx;
  std::vector<Notice> notices;
  std::optional<WorkOrder> primary_after;
  std::optional<Event> primary_event;

  void Put(std::string key, std::string value) { ev.data.emplace_back(std::move(key), std::move(value)); }
  void PutUnit(std::string_view key, UnitId id);
  // Queues a message to the citizen if a phone number is known.
  void Notify(std::string text);
};

// A field's value breaks a rule: "字段 unit：<rule.zh>" / "unit: <rule.en>",
// with a stable `reason` for programs.
Error InvalidField(CommandField f, std::string reason, Text rule);
Error InvalidField(std::string_view field, std::string reason, Text rule);
// The work order's state does not allow the action.
Error Illegal(std::string reason, Text message);

// Per-action handlers (workflow_actions.cpp). Each validates what the action
// table cannot express and edits the step.
Status ApplyAction(Step& s);

}  // namespace lizheng::detail
