// The engine's frame: submission, the generic checks every action passes
// (role, unit scope, state, fields), and the scheduler's clock checks. The
// per-action rules live in workflow_actions.cpp.
#include "lizheng/core/workflow.hpp"

#include <string>

#include "clocks.hpp"
#include "lizheng/core/prerequisites.hpp"
#include "step.hpp"

namespace lizheng {
namespace detail {

void Step::PutUnit(std::string_view key, UnitId id) {
  const Unit* u = ctx.directory.FindUnit(id);
  Put(std::string(key), std::to_string(id));
  Put(std::string(key) + "_name", u ? u->name : std::string());
}

void Step::Notify(std::string text) {
  if (wo.citizen.phone.empty()) return;
  notices.push_back(Notice{wo.id, wo.citizen.phone, std::move(text)});
}

Error InvalidField(CommandField f, std::string reason, Text rule) {
  return InvalidField(FieldWireName(f), std::move(reason), std::move(rule));
}

Error InvalidField(std::string_view field, std::string reason, Text rule) {
  std::string name(field);
  return MakeError(ErrorCode::kInvalidArgument, std::move(reason),
                   Text{"字段 " + name + "：" + rule.zh, name + ": " + rule.en}, name);
}

Error Illegal(std::string reason, Text message) {
  return MakeError(ErrorCode::kIllegalTransition, std::move(reason), std::move(message));
}

}  // namespace detail

namespace {

using detail::InvalidField;

// Number of code points; the input is valid UTF-8 (checked at the edge).
std::size_t Utf8Chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

Status CheckText(std::string_view field, std::string_view value, std::size_t max_chars,
                 bool required) {
  if (required && IsBlank(value))
    return InvalidField(field, "field_required", Text{"不能为空", "must not be empty"});
  if (Utf8Chars(value) > max_chars)
    return InvalidField(field, "text_too_long",
                        Text{"最多 " + std::to_string(max_chars) + " 个字",
                             "at most " + std::to_string(max_chars) + " characters"});
  return OkStatus();
}

// 11-digit mobile numbers, landlines with area code, short service numbers:
// digits with optional '+', '-' and spaces, 5 to 20 digits.
bool PlausiblePhone(std::string_view p) {
  int digits = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (!(c == '-' || c == ' ' || (c == '+' && i == 0))) {
      return false;
    }
  }
  return digits >= 5 && digits <= 20;
}

// The states of `mask`, in enum order: wire names ("a, b") or Chinese
// labels ("待受理、已受理").
std::string StateList(std::uint32_t mask, bool chinese = false) {
  std::string out;
  for (const auto& n : EnumNames<State>()) {
    if (!Has(mask, n.value)) continue;
    if (!out.empty()) out += chinese ? "、" : ", ";
    out += chinese ? n.zh : n.wire;
  }
  return out;
}

Event StartEvent(const WorkOrder& wo, const Actor& actor, Action action, Timestamp now) {
  Event ev;
  ev.jurisdiction = wo.jurisdiction;
  ev.work_order = wo.id;
  ev.action = action;
  ev.from = wo.state;
  ev.to = wo.state;
  ev.actor_role = actor.role;
  ev.actor_user = actor.user;
  ev.actor_name = actor.name;
  ev.actor_unit = actor.unit;
  ev.at = now;
  ev.is_public = SpecOf(action).public_timeline;
  return ev;
}

// Stamps the finished step: new state into the event, version and time.
void Finish(detail::Step& s) {
  s.wo.version = s.before.version + 1;
  s.wo.updated_at = s.ctx.now;
  s.ev.to = s.wo.state;
  if (s.wo.IsTerminal() || s.wo.state == State::kAnswered) {
    // A supervision order ends when the citizen has an answer or the case ends.
    if (s.wo.supervision && s.wo.supervision->open) {
      s.wo.supervision->open = false;
      detail::StopClock(s.wo, ClockKind::kSupervision, s.ctx.now);
    }
  }
  if (s.wo.IsTerminal()) detail::StopUnitClocks(s.wo, s.ctx.now);
}

}  // namespace

bool Command::HasField(CommandField f) const {
  switch (f) {
    case CommandField::kReason: return !reason.empty();
    case CommandField::kLegalBasis: return !legal_basis.empty();
    case CommandField::kText: return !text.empty();
    case CommandField::kComment: return !comment.empty();
    case CommandField::kNote: return !note.empty();
    case CommandField::kUnit: return unit.has_value();
    case CommandField::kAssistingUnits: return !assisting_units.empty();
    case CommandField::kWorkingDays: return working_days.has_value();
    case CommandField::kApprove: return approve.has_value();
    case CommandField::kResolved: return resolved.has_value();
    case CommandField::kSatisfaction: return satisfaction.has_value();
    case CommandField::kCategory: return !category_code.empty();
    case CommandField::kType: return type.has_value();
    case CommandField::kUrgency: return urgency.has_value();
    case CommandField::kPrimary: return primary.has_value();
    case CommandField::kMethod: return method.has_value();
  }
  return false;
}

Status ValidateSubmission(const Submission& s, const Directory& dir) {
  LZ_RETURN_IF_ERROR(CheckText("title", s.title, kMaxTitleChars, true));
  LZ_RETURN_IF_ERROR(CheckText("detail", s.detail, kMaxDetailChars, true));
  LZ_RETURN_IF_ERROR(CheckText("address", s.address, kMaxAddressChars, false));
  LZ_RETURN_IF_ERROR(CheckText("citizen.name", s.citizen.name, 50, false));
  if (s.area_code.empty())
    return InvalidField("area_code", "field_required", Text{"不能为空", "must not be empty"});
  if (!dir.FindArea(s.area_code))
    return InvalidField("area_code", "unknown_area",
                        Text{"没有区域 '" + s.area_code + "'，可选区域见 GET /api/v1/areas",
                             "unknown area '" + s.area_code + "'; see GET /api/v1/areas"});
  if (!s.category_code.empty() && !dir.FindCategory(s.category_code))
    return InvalidField(
        "category_code", "unknown_category",
        Text{"没有分类 '" + s.category_code + "'，可选分类见 GET /api/v1/categories",
             "unknown category '" + s.category_code + "'; see GET /api/v1/categories"});
  if (s.mailbox && !dir.FindMailbox(*s.mailbox))
    return InvalidField("mailbox", "unknown_mailbox",
                        Text{"没有这个领导信箱，可选信箱见 GET /api/v1/mailboxes",
                             "unknown mailbox; see GET /api/v1/mailboxes"});
  if (!s.citizen.phone.empty() && !PlausiblePhone(s.citizen.phone))
    return InvalidField("citizen.phone", "phone_invalid",
                        Text{"应为 5 到 20 位数字，可带 '+'、'-' 或空格",
                             "expected 5 to 20 digits, optionally with '+', '-' or spaces"});
  if (s.idempotency_key.size() > 128)
    return InvalidField("idempotency_key", "text_too_long",
                        Text{"最多 128 个字符", "at most 128 characters"});
  return OkStatus();
}

namespace {

// The analytics' advice at intake: a confident category where the citizen
// gave none (only one the taxonomy knows), and the fast lane for risks.
void ApplyAssessment(const Assessment& a, const Directory& dir, WorkOrder& wo, EventData& data) {
  if (wo.category_code.empty() && !a.category_code.empty() && dir.FindCategory(a.category_code)) {
    wo.category_code = a.category_code;
    wo.category_source = a.source;
    data.emplace_back("category_code", a.category_code);
    data.emplace_back("category_source", std::string(ToWire(a.source)));
    data.emplace_back("confidence", std::to_string(static_cast<int>(a.confidence * 100 + 0.5)) + "%");
  }
  std::string risks;
  for (const RiskFlag& r : a.risks) {
    if (risks.find(ToWire(r.kind)) != std::string::npos) continue;
    risks += (risks.empty() ? "" : ",") + std::string(ToWire(r.kind));
  }
  if (!risks.empty()) data.emplace_back("risks", risks);
  // A suspected flood waits for the centre before it takes the fast lane.
  if (a.fast_lane && !wo.suspected_flood) wo.fast_lane = true;
}

}  // namespace

Transition Submit(const Submission& s, const Actor& actor, const EngineContext& ctx) {
  WorkOrder wo;
  wo.jurisdiction = ctx.directory.jurisdiction().id;
  wo.idempotency_key = s.idempotency_key;
  wo.channel = s.mailbox ? Channel::kMailbox : s.channel;
  wo.type = s.type;
  wo.urgency = s.urgency;
  wo.title = s.title;
  wo.detail = s.detail;
  wo.category_code = s.category_code;
  wo.category_source = s.category_code.empty() ? CategorySource::kNone : CategorySource::kCitizen;
  wo.area_code = s.area_code;
  wo.address = s.address;
  wo.citizen = s.citizen;
  wo.mailbox = s.mailbox;
  wo.consent_public = s.consent_public;
  wo.recorded_by = actor.role == Role::kCitizen ? 0 : actor.user;
  wo.state = State::kSubmitted;
  wo.created_at = ctx.now;
  wo.updated_at = ctx.now;
  wo.version = 1;
  wo.fast_lane = s.urgency == Urgency::kEmergency;
  wo.assessment = s.assessment;
  wo.suspected_flood = s.suspected_flood && actor.role == Role::kCitizen;

  Event ev = StartEvent(wo, actor, Action::kSubmit, ctx.now);
  ev.from = State::kSubmitted;
  ev.data = {{"channel", std::string(ToWire(wo.channel))},
             {"type", std::string(ToWire(wo.type))},
             {"urgency", std::string(ToWire(wo.urgency))}};
  if (wo.suspected_flood) ev.data.emplace_back("suspected_flood", "true");
  if (s.assessment) ApplyAssessment(*s.assessment, ctx.directory, wo, ev.data);
  return Transition{std::move(wo), std::move(ev), {}, {}, {}};
}

Status Permit(const WorkOrder& wo, const Actor& actor, Action action, const Directory& dir) {
  const ActionSpec& spec = SpecOf(action);
  if (!Has(spec.roles, actor.role))
    return MakeError(ErrorCode::kForbidden, "role_not_permitted",
                     Text{"角色“" + std::string(ToChinese(actor.role)) + "”不能执行“" +
                              std::string(ToChinese(action)) + "”",
                          "role '" + std::string(ToWire(actor.role)) + "' may not perform '" +
                              std::string(ToWire(action)) + "'"});
  if (actor.role != Role::kCitizen && actor.role != Role::kSystem &&
      wo.jurisdiction != dir.jurisdiction().id)
    return MakeError(ErrorCode::kForbidden, "other_jurisdiction",
                     Text{"该工单属于其他辖区", "the work order belongs to another jurisdiction"});
  if (spec.scope == UnitScope::kHandlingUnit) {
    if (!actor.unit || !wo.handling_unit || !dir.IsSelfOrAncestor(*actor.unit, *wo.handling_unit))
      return MakeError(ErrorCode::kForbidden, "not_your_unit",
                       Text{"该工单不在本单位或下级单位办理",
                            "the work order is not with your unit or a unit below it"});
  }
  if (!Has(spec.from, wo.state))
    return detail::Illegal(
        "wrong_state",
        Text{"工单当前状态为“" + std::string(ToChinese(wo.state)) + "”，不能" +
                 std::string(ToChinese(action)) + "；需处于以下状态之一：" +
                 StateList(spec.from, true),
             "'" + std::string(ToWire(action)) + "' is not possible in state '" +
                 std::string(ToWire(wo.state)) + "'; it requires one of: " + StateList(spec.from)});
  return OkStatus();
}

Result<Transition> Apply(const WorkOrder& wo, const Actor& actor, const Command& cmd,
                         const EngineContext& ctx) {
  if (cmd.action == Action::kSubmit)
    return detail::Illegal("submit_not_an_action",
                           Text{"提交诉求会新建工单，不能对已有工单执行",
                                "a submission creates a work order; it cannot be applied to one"});
  LZ_RETURN_IF_ERROR(Permit(wo, actor, cmd.action, ctx.directory));
  if (auto missing = MissingPrerequisite(wo, cmd.action)) return PrerequisiteError(*missing);
  const ActionSpec& spec = SpecOf(cmd.action);
  for (CommandField f : AllCommandFields()) {
    const bool present = cmd.HasField(f);
    if (Has(spec.required, f) && !present)
      return InvalidField(f, "field_required", Text{"必填", "required"});
    if (present && !Has(spec.required | spec.optional, f))
      return InvalidField(
          f, "field_not_used",
          Text{"“" + std::string(ToChinese(cmd.action)) + "”不使用此字段",
               "not used by '" + std::string(ToWire(cmd.action)) + "'"});
  }
  LZ_RETURN_IF_ERROR(CheckText("reason", cmd.reason, kMaxTextChars, false));
  LZ_RETURN_IF_ERROR(CheckText("legal_basis", cmd.legal_basis, kMaxTextChars, false));
  LZ_RETURN_IF_ERROR(CheckText("text", cmd.text, kMaxTextChars, false));
  LZ_RETURN_IF_ERROR(CheckText("comment", cmd.comment, kMaxTextChars, false));
  LZ_RETURN_IF_ERROR(CheckText("note", cmd.note, kMaxTextChars, false));
  if (Has(spec.required, CommandField::kReason) && IsBlank(cmd.reason))
    return InvalidField(CommandField::kReason, "field_required",
                        Text{"不能为空", "must not be blank"});
  if (Has(spec.required, CommandField::kText) && IsBlank(cmd.text))
    return InvalidField(CommandField::kText, "field_required",
                        Text{"不能为空", "must not be blank"});

  detail::Step s{wo, wo, StartEvent(wo, actor, cmd.action, ctx.now), actor, cmd, ctx, {}, {}, {}};
  LZ_RETURN_IF_ERROR(detail::ApplyAction(s));
  Finish(s);
  Transition t{std::move(s.wo), std::move(s.ev), std::move(s.notices), {}, {}};
  t.primary_after = std::move(s.primary_after);
  t.primary_event = std::move(s.primary_event);
  return t;
}

std::vector<Transition> CheckClocks(const WorkOrder& wo, const EngineContext& ctx) {
  std::vector<Transition> out;
  WorkOrder current = wo;
  const Actor system{Role::kSystem, 0, std::nullopt, "system"};
  for (std::size_t i = 0; i < current.clocks.size(); ++i) {
    const Clock& c = current.clocks[i];
    if (c.stopped || c.overdue) continue;
    Action action;
    if (ctx.now >= c.due) {
      action = Action::kMarkOverdue;
    } else if (!c.warned && ctx.now >= c.warn_at) {
      action = Action::kDeadlineWarning;
    } else {
      continue;
    }
    WorkOrder next = current;
    Clock& nc = next.clocks[i];
    nc.warned = true;
    if (action == Action::kMarkOverdue) nc.overdue = true;
    next.version = current.version + 1;
    next.updated_at = ctx.now;
    Event ev = StartEvent(current, system, action, ctx.now);
    ev.data = {{"clock", std::string(ToWire(c.kind))},
               {"due", FormatTimestamp(c.due, ctx.calendar.utc_offset_minutes())}};
    if (current.handling_unit) ev.data.emplace_back("unit_id", std::to_string(*current.handling_unit));
    current = next;
    out.push_back(Transition{next, std::move(ev), {}, {}, {}});
  }
  return out;
}

}  // namespace lizheng
