// Merging (并单) and its undoing: a repeat follows one primary work order,
// whose reply and closure reach it; the centre may take a repeat back out,
// and its citizen may dispute the shared answer. Merges stay one level deep.
#include <string>

#include "step.hpp"

namespace lizheng::detail {

using F = CommandField;

// The ids of the repeats merged into a work order ("#12, #15"), for
// messages that tell staff which ones to look at.
std::string RepeatIds(const WorkOrder& wo) {
  std::string out;
  for (WorkOrderId id : wo.merged) out += (out.empty() ? "#" : ", #") + std::to_string(id);
  return out;
}

namespace {

// Records the step on the primary as well: its changed copy and an event
// for its (staff-only) timeline.
void RecordOnPrimary(Step& s, WorkOrder primary, EventData data) {
  primary.version += 1;
  primary.updated_at = s.ctx.now;
  Event pe = s.ev;
  pe.work_order = primary.id;
  pe.from = primary.state;
  pe.to = primary.state;
  pe.is_public = false;
  pe.data = std::move(data);
  s.primary_after = std::move(primary);
  s.primary_event = std::move(pe);
}

}  // namespace

Status DoMerge(Step& s) {
  const WorkOrder* p = s.ctx.primary;
  if (!p || p->id != *s.cmd.primary || p->jurisdiction != s.wo.jurisdiction)
    return InvalidField(F::kPrimary, "unknown_work_order",
                        Text{"没有这个工单", "unknown work order"});
  if (p->id == s.wo.id)
    return InvalidField(F::kPrimary, "merge_into_self",
                        Text{"工单不能并入自身", "a work order cannot be merged into itself"});
  // Merges stay one level deep, so the primary's reply and closure reach
  // every repeat directly: a chain would leave the first repeats behind.
  if (p->state == State::kMerged && p->merged_into) {
    const std::string top = "#" + std::to_string(*p->merged_into);
    return InvalidField(F::kPrimary, "primary_merged",
                        Text{"#" + std::to_string(p->id) + " 已并入 " + top + "，请并入 " + top,
                             "#" + std::to_string(p->id) + " is itself merged into " + top +
                                 "; merge into " + top + " instead"});
  }
  if (p->state == State::kMerged || p->state == State::kRejected || p->state == State::kClosed)
    return InvalidField(
        F::kPrimary, "primary_not_open",
        Text{
            "主单状态为“" + std::string(ToChinese(p->state)) + "”，请并入未办结的工单",
            "the primary is " + std::string(ToWire(p->state)) + "; merge into an open work order"});
  if (!s.wo.merged.empty())
    return Illegal(
        "merge_has_repeats",
        Text{"本件已有并入的重复诉求（" + RepeatIds(s.wo) + "），不能再并入他件；请把 #" +
                 std::to_string(p->id) + " 并入本件，或先取消这些并单",
             "repeats are merged into this work order (" + RepeatIds(s.wo) +
                 "), so it cannot become a repeat itself; merge #" + std::to_string(p->id) +
                 " into it instead, or un-merge them first"});
  s.wo.merged_into = p->id;
  s.wo.state = State::kMerged;
  s.Put("primary_id", std::to_string(p->id));
  s.Put("primary_tracking_no", p->tracking_no);
  if (!s.cmd.note.empty()) s.Put("note", s.cmd.note);
  s.Notify("您的诉求（编号" + s.wo.tracking_no + "）与同类诉求合并办理，答复将同步告知您。");

  WorkOrder primary = *p;
  primary.merged.push_back(s.wo.id);
  RecordOnPrimary(
      s, std::move(primary),
      {{"merged_id", std::to_string(s.wo.id)}, {"merged_tracking_no", s.wo.tracking_no}});
  return OkStatus();
}

// Takes a repeat out of its merge: the primary forgets it, so the primary's
// news no longer reaches it, and the primary's timeline says which one left.
Status Detach(Step& s) {
  const WorkOrder* p = s.ctx.primary;
  if (!p || !s.wo.merged_into || p->id != *s.wo.merged_into)
    return InvalidField(F::kPrimary, "field_required",
                        Text{"需要主单", "the primary work order is required"});
  WorkOrder primary = *p;
  std::erase(primary.merged, s.wo.id);
  EventData data = {{"unmerged_id", std::to_string(s.wo.id)},
                    {"unmerged_tracking_no", s.wo.tracking_no}};
  if (!s.cmd.reason.empty()) data.emplace_back("reason", s.cmd.reason);
  RecordOnPrimary(s, std::move(primary), std::move(data));
  s.Put("primary_id", std::to_string(p->id));
  s.Put("primary_tracking_no", p->tracking_no);
  s.wo.merged_into.reset();
  return OkStatus();
}

// 取消并单: the centre finds a repeat is not one (or its primary cannot
// answer it) and takes it back to handle on its own.
Status DoUnmerge(Step& s) {
  if (s.wo.reply)
    return Illegal("unmerge_after_answer",
                   Text{"主单的答复已送达本件群众，不能再取消并单；群众可在办结后提出异议",
                        "the primary's answer has already reached this citizen, so the request can "
                        "no longer be un-merged; the citizen may dispute it once closed"});
  LZ_RETURN_IF_ERROR(Detach(s));
  s.wo.state = State::kAccepted;
  s.Put("reason", s.cmd.reason);
  s.Notify("您的诉求（编号" + s.wo.tracking_no + "）已取消合并，将单独办理：" + s.cmd.reason);
  return OkStatus();
}

Status DoFollowPrimary(Step& s) {
  const WorkOrder* p = s.ctx.primary;
  if (!p || !s.wo.merged_into || p->id != *s.wo.merged_into)
    return InvalidField(F::kPrimary, "field_required",
                        Text{"需要主单", "the primary work order is required"});
  bool changed = false;
  if (p->reply && s.wo.reply != p->reply) {
    s.wo.reply = p->reply;
    s.Put("reply", "published");
    s.Notify("您的诉求（编号" + s.wo.tracking_no + "）已有答复，请凭查询码查看。");
    changed = true;
  }
  if (p->closed_at && !s.wo.closed_at) {
    s.wo.closed_at = p->closed_at;
    s.Put("closed", "true");
    changed = true;
  }
  if (!changed)
    return Illegal("primary_unchanged",
                   Text{"主单没有新的进展", "nothing new on the primary work order"});
  s.Put("primary_id", std::to_string(p->id));
  return OkStatus();
}

}  // namespace lizheng::detail
