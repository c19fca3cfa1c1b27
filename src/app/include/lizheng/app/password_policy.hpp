// The minimum password policy of staff accounts, checked wherever a
// password is set (`lizheng user add`, the demo's accounts).
#pragma once

#include <string>

#include "lizheng/core/result.hpp"
#include "lizheng/core/workflow.hpp"

namespace lizheng::app {

// At least 10 characters (12 for administrators, whose account can create
// every other); not made of one character class alone (all digits, all
// lower-case letters, ...); not a common password, as it is or padded with
// digits and symbols ("admin12345"); not containing the username (of 3
// characters or more). A refusal is kInvalidArgument on field "password",
// with a stable reason naming the rule and the text in both languages.
Status CheckPassword(const std::string& password, const std::string& username, Role role);

}  // namespace lizheng::app
