#include "names_zh.hpp"

#include <array>

namespace lizheng::detail {
namespace {

// Indexed by the enums' values, in declaration order (enums.hpp).
constexpr std::array<std::string_view, 11> kStates = {
    "待受理", "不予受理", "已受理", "待签收", "已退回", "办理中",
    "待审核", "待回访",   "重办",   "已办结", "已并单",
};

constexpr std::array<std::string_view, 34> kActions = {
    "提交",     "受理",         "不予受理", "自办",     "派单",     "直派", "签收",
    "退回",     "派单异议审核", "改派",     "转派",     "联系群众", "答复", "审核通过",
    "审核退回", "申请延期",     "延期审批", "回访",     "重办",     "办结", "群众异议",
    "群众评价", "并单",         "同步主单", "督办",     "提级办理", "批示", "批示确认",
    "关注",     "取消关注",     "公开",     "撤销公开", "临期预警", "超期",
};

constexpr std::array<std::string_view, 9> kRoles = {
    "话务员", "派单员", "承办人", "承办单位负责人", "审核员", "领导", "管理员", "群众", "系统",
};

template <std::size_t N>
std::string_view At(const std::array<std::string_view, N>& table, std::size_t i) {
  return i < N ? table[i] : std::string_view("?");
}

}  // namespace

std::string_view StateNameZh(State s) {
  return At(kStates, static_cast<std::size_t>(s));
}
std::string_view ActionNameZh(Action a) {
  return At(kActions, static_cast<std::size_t>(a));
}
std::string_view RoleNameZh(Role r) {
  return At(kRoles, static_cast<std::size_t>(r));
}

std::string StateListZh(std::uint32_t mask) {
  std::string out;
  for (std::size_t i = 0; i < kStates.size(); ++i) {
    if (!(mask & (std::uint32_t{1} << i))) continue;
    if (!out.empty()) out += "、";
    out += kStates[i];
  }
  return out;
}

}  // namespace lizheng::detail
