#include "lizheng/core/enums.hpp"

#include <array>

namespace lizheng {
namespace {

constexpr std::array<EnumName<State>, 11> kStates{{
    {State::kSubmitted, "submitted", "待受理"},
    {State::kRejected, "rejected", "不予受理"},
    {State::kAccepted, "accepted", "已受理"},
    {State::kDispatched, "dispatched", "待签收"},
    {State::kReturned, "returned", "已退回"},
    {State::kInProgress, "in_progress", "办理中"},
    {State::kReplied, "replied", "待审核"},
    {State::kAnswered, "answered", "待回访"},
    {State::kReopened, "reopened", "重办"},
    {State::kClosed, "closed", "已办结"},
    {State::kMerged, "merged", "已并单"},
}};

constexpr std::array<EnumName<Role>, 9> kRoles{{
    {Role::kOperator, "operator", "话务员"},
    {Role::kDispatcher, "dispatcher", "派单员"},
    {Role::kUnitHandler, "unit_handler", "承办人"},
    {Role::kUnitManager, "unit_manager", "单位负责人"},
    {Role::kReviewer, "reviewer", "审核员"},
    {Role::kLeader, "leader", "领导"},
    {Role::kAdmin, "admin", "管理员"},
    {Role::kCitizen, "citizen", "群众"},
    {Role::kSystem, "system", "系统"},
}};

constexpr std::array<EnumName<RequestType>, 6> kRequestTypes{{
    {RequestType::kConsult, "consult", "咨询"},
    {RequestType::kHelp, "help", "求助"},
    {RequestType::kComplaint, "complaint", "投诉"},
    {RequestType::kReport, "report", "举报"},
    {RequestType::kSuggestion, "suggestion", "建议"},
    {RequestType::kPraise, "praise", "表扬"},
}};

constexpr std::array<EnumName<Channel>, 8> kChannels{{
    {Channel::kWeb, "web", "网站"},
    {Channel::kApp, "app", "移动应用"},
    {Channel::kWechat, "wechat", "微信"},
    {Channel::kSms, "sms", "短信"},
    {Channel::kHotline, "hotline", "热线电话"},
    {Channel::kMailbox, "mailbox", "领导信箱"},
    {Channel::kEmail, "email", "电子邮件"},
    {Channel::kOpen311, "open311", "Open311"},
}};

constexpr std::array<EnumName<Urgency>, 3> kUrgencies{{
    {Urgency::kNormal, "normal", "一般"},
    {Urgency::kUrgent, "urgent", "紧急"},
    {Urgency::kEmergency, "emergency", "特急"},
}};

constexpr std::array<EnumName<Satisfaction>, 3> kSatisfactions{{
    {Satisfaction::kSatisfied, "satisfied", "满意"},
    {Satisfaction::kBasicallySatisfied, "basically_satisfied", "基本满意"},
    {Satisfaction::kUnsatisfied, "unsatisfied", "不满意"},
}};

constexpr std::array<EnumName<UnitKind>, 6> kUnitKinds{{
    {UnitKind::kCentre, "centre", "政务服务中心"},
    {UnitKind::kGovernment, "government", "人民政府"},
    {UnitKind::kDistrict, "district", "区县"},
    {UnitKind::kStreet, "street", "街道乡镇"},
    {UnitKind::kDepartment, "department", "职能部门"},
    {UnitKind::kUtility, "utility", "公共事业单位"},
}};

constexpr std::array<EnumName<CategorySource>, 5> kCategorySources{{
    {CategorySource::kNone, "none", "未分类"},
    {CategorySource::kCitizen, "citizen", "来电人选择"},
    {CategorySource::kModel, "model", "模型分类"},
    {CategorySource::kKeywords, "keywords", "关键词规则"},
    {CategorySource::kStaff, "staff", "人工确认"},
}};

constexpr std::array<EnumName<RiskKind>, 3> kRiskKinds{{
    {RiskKind::kSafety, "safety", "危及生命财产"},
    {RiskKind::kManyPeople, "many_people", "涉及人数众多"},
    {RiskKind::kMassIncident, "mass_incident", "群体性事件风险"},
}};

constexpr std::array<EnumName<MailboxLevel>, 3> kMailboxLevels{{
    {MailboxLevel::kCity, "city", "市级"},
    {MailboxLevel::kDistrict, "district", "区县级"},
    {MailboxLevel::kStreet, "street", "街道乡镇级"},
}};

constexpr std::array<EnumName<ContactMethod>, 4> kContactMethods{{
    {ContactMethod::kPhone, "phone", "电话"},
    {ContactMethod::kSms, "sms", "短信"},
    {ContactMethod::kVisit, "visit", "上门"},
    {ContactMethod::kOnline, "online", "网络"},
}};

constexpr std::array<EnumName<ClockKind>, 5> kClockKinds{{
    {ClockKind::kSignFor, "sign_for", "签收时限"},
    {ClockKind::kContact, "contact", "联系时限"},
    {ClockKind::kReply, "reply", "答复时限"},
    {ClockKind::kCallback, "callback", "回访时限"},
    {ClockKind::kSupervision, "supervision", "督办时限"},
}};

constexpr std::array<EnumName<Action>, 35> kActions{{
    {Action::kSubmit, "submit", "提交"},
    {Action::kAccept, "accept", "受理"},
    {Action::kReject, "reject", "不予受理"},
    {Action::kSelfResolve, "self_resolve", "自办"},
    {Action::kDispatch, "dispatch", "派单"},
    {Action::kDirectDispatch, "direct_dispatch", "直派"},
    {Action::kSignFor, "sign_for", "签收"},
    {Action::kReturn, "return", "退回"},
    {Action::kRejectReturn, "reject_return", "驳回退回"},
    {Action::kRedispatch, "redispatch", "改派"},
    {Action::kPassDown, "pass_down", "转派"},
    {Action::kContact, "contact", "联系群众"},
    {Action::kReply, "reply", "答复"},
    {Action::kApproveReply, "approve_reply", "审核通过"},
    {Action::kSendBackReply, "send_back_reply", "审核退回"},
    {Action::kRequestExtension, "request_extension", "申请延期"},
    {Action::kDecideExtension, "decide_extension", "延期审批"},
    {Action::kCallback, "callback", "回访"},
    {Action::kReopen, "reopen", "重办"},
    {Action::kClose, "close", "办结"},
    {Action::kDispute, "dispute", "异议"},
    {Action::kRate, "rate", "评价"},
    {Action::kMerge, "merge", "并单"},
    {Action::kFollowPrimary, "follow_primary", "随主单"},
    {Action::kUnmerge, "unmerge", "取消并单"},
    {Action::kSupervise, "supervise", "督办"},
    {Action::kEscalate, "escalate", "提级办理"},
    {Action::kInstruct, "instruct", "批示"},
    {Action::kAcknowledgeInstruction, "acknowledge_instruction", "批示确认"},
    {Action::kWatch, "watch", "关注"},
    {Action::kUnwatch, "unwatch", "取消关注"},
    {Action::kPublish, "publish", "公开"},
    {Action::kUnpublish, "unpublish", "撤销公开"},
    {Action::kDeadlineWarning, "deadline_warning", "临期预警"},
    {Action::kMarkOverdue, "mark_overdue", "超期"},
}};

}  // namespace

template <> std::span<const EnumName<State>> EnumNames<State>() { return kStates; }
template <> std::span<const EnumName<Role>> EnumNames<Role>() { return kRoles; }
template <> std::span<const EnumName<RequestType>> EnumNames<RequestType>() { return kRequestTypes; }
template <> std::span<const EnumName<Channel>> EnumNames<Channel>() { return kChannels; }
template <> std::span<const EnumName<Urgency>> EnumNames<Urgency>() { return kUrgencies; }
template <> std::span<const EnumName<Satisfaction>> EnumNames<Satisfaction>() { return kSatisfactions; }
template <> std::span<const EnumName<UnitKind>> EnumNames<UnitKind>() { return kUnitKinds; }
template <> std::span<const EnumName<MailboxLevel>> EnumNames<MailboxLevel>() { return kMailboxLevels; }
template <> std::span<const EnumName<CategorySource>> EnumNames<CategorySource>() { return kCategorySources; }
template <> std::span<const EnumName<RiskKind>> EnumNames<RiskKind>() { return kRiskKinds; }
template <> std::span<const EnumName<ContactMethod>> EnumNames<ContactMethod>() { return kContactMethods; }
template <> std::span<const EnumName<ClockKind>> EnumNames<ClockKind>() { return kClockKinds; }
template <> std::span<const EnumName<Action>> EnumNames<Action>() { return kActions; }

}  // namespace lizheng
