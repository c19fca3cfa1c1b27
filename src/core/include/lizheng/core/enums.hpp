// Every closed set of the domain as an enum, with one table-driven
// conversion to and from its wire name and its Chinese label.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lizheng {

// 工单状态: the states of the closed loop (DESIGN.md §3).
enum class State {
  kSubmitted,   // 待受理
  kRejected,    // 不予受理 (terminal)
  kAccepted,    // 已受理
  kDispatched,  // 待签收
  kReturned,    // 已退回
  kInProgress,  // 办理中
  kReplied,     // 待审核
  kAnswered,    // 待回访
  kReopened,    // 重办
  kClosed,      // 已办结
  kMerged,      // 已并单
};

// 角色. Citizens have no account; kCitizen and kSystem are pseudo-roles of
// the query-code holder and of the scheduler.
enum class Role {
  kOperator,     // 话务员/受理员
  kDispatcher,   // 派单员 (centre)
  kUnitHandler,  // 承办人
  kUnitManager,  // 承办单位负责人
  kReviewer,     // 审核员
  kLeader,       // 领导
  kAdmin,        // 管理员
  kCitizen,      // 群众
  kSystem,       // 系统
};

// 诉求类型.
enum class RequestType { kConsult, kHelp, kComplaint, kReport, kSuggestion, kPraise };

// 渠道.
enum class Channel { kWeb, kApp, kWechat, kSms, kHotline, kMailbox, kEmail, kOpen311 };

// 紧急程度. Emergencies go straight to the unit (直派) and the fast lane.
enum class Urgency { kNormal, kUrgent, kEmergency };

// 满意度 of a callback or a citizen's rating.
enum class Satisfaction { kSatisfied, kBasicallySatisfied, kUnsatisfied };

// 单位类型: the kinds of bodies in the unit tree.
enum class UnitKind { kCentre, kGovernment, kDistrict, kStreet, kDepartment, kUtility };

// 信箱级别: a leader's mailbox is on one of three levels.
enum class MailboxLevel { kCity, kDistrict, kStreet };

// 联系方式 of the first contact with the citizen.
enum class ContactMethod { kPhone, kSms, kVisit, kOnline };

// The clocks that run on a work order.
// Where a work order's category came from.
enum class CategorySource {
  kNone,      // not classified
  kCitizen,   // chosen by the citizen or the recording operator
  kModel,     // the classifier trained on the jurisdiction's history
  kKeywords,  // the keyword rules (cold start, no history yet)
  kStaff,     // set or confirmed by the centre when accepting or dispatching
};

// 风险研判: what makes a request urgent beyond its own words' urgency.
enum class RiskKind {
  kSafety,        // danger to life or property
  kManyPeople,    // many people affected
  kMassIncident,  // risk of a mass incident (群体性事件)
};

enum class ClockKind { kSignFor, kContact, kReply, kCallback, kSupervision };

// Every action that changes a work order, including the citizen's and the
// scheduler's. Each one is an event type of the log.
enum class Action {
  kSubmit,               // 提交 / 登记
  kAccept,               // 受理
  kReject,               // 不予受理
  kSelfResolve,          // 自办
  kDispatch,             // 派单
  kDirectDispatch,       // 直派
  kSignFor,              // 签收
  kReturn,               // 退回
  kRejectReturn,         // 派单异议审核: return refused, back to the unit
  kRedispatch,           // 改派
  kPassDown,             // 转派 to a subordinate unit
  kContact,              // 联系群众
  kReply,                // 答复
  kApproveReply,         // 审核通过
  kSendBackReply,        // 审核退回
  kRequestExtension,     // 申请延期
  kDecideExtension,      // 延期审批
  kCallback,             // 回访
  kReopen,               // 重办
  kClose,                // 办结
  kDispute,              // 群众异议
  kRate,                 // 群众评价
  kMerge,                // 并单
  kFollowPrimary,        // a merged request receives its primary's reply or closure
  kUnmerge,              // 取消并单: the centre takes a repeat out of its merge
  kSupervise,            // 督办
  kEscalate,             // 提级办理
  kInstruct,             // 批示
  kAcknowledgeInstruction,  // 批示确认
  kWatch,                // 关注
  kUnwatch,              // 取消关注
  kPublish,              // 公开
  kUnpublish,            // 撤销公开
  kDeadlineWarning,      // 临期预警 (scheduler)
  kMarkOverdue,          // 超期 (scheduler)
};

// One row of an enum's table.
template <class E>
struct EnumName {
  E value;
  std::string_view wire;  // snake_case name on the wire and in the database
  std::string_view zh;    // Chinese label for people
};

// The table of every value of E, in declaration order. Specialised in
// enums.cpp for each enum above.
template <class E>
std::span<const EnumName<E>> EnumNames();

// The wire name of a value. Every value has one (enums.cpp is exhaustive).
template <class E>
std::string_view ToWire(E value) {
  for (const auto& n : EnumNames<E>())
    if (n.value == value) return n.wire;
  return "unknown";  // unreachable: tables are exhaustive (tested)
}

// The Chinese label of a value.
template <class E>
std::string_view ToChinese(E value) {
  for (const auto& n : EnumNames<E>())
    if (n.value == value) return n.zh;
  return "未知";
}

// Parses a wire name; nullopt for anything else.
template <class E>
std::optional<E> FromWire(std::string_view wire) {
  for (const auto& n : EnumNames<E>())
    if (n.wire == wire) return n.value;
  return std::nullopt;
}

// "a, b, c": the accepted wire names, for error messages.
template <class E>
std::string WireNamesList() {
  std::string out;
  for (const auto& n : EnumNames<E>()) {
    if (!out.empty()) out += ", ";
    out += n.wire;
  }
  return out;
}

}  // namespace lizheng
