// Private: the Chinese names of states, actions and roles, for refusal
// messages people read (the wire names stay English).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lizheng/core/enums.hpp"

namespace lizheng::detail {

std::string_view StateNameZh(State s);
std::string_view ActionNameZh(Action a);
std::string_view RoleNameZh(Role r);
// The states in `mask` as "待受理、已受理", in enum order.
std::string StateListZh(std::uint32_t mask);

}  // namespace lizheng::detail
