#include "lizheng/app/password_policy.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_set>

#include "embedded_data.hpp"
#include "lizheng/text/tsv_cells.hpp"

namespace lizheng::app {
namespace {

// data/common_passwords.txt, read once.
const std::unordered_set<std::string>& CommonPasswords() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> set;
    const auto file = data::EmbeddedFile("common_passwords.txt");
    if (!file) return set;
    for (std::string_view line : text::SplitTsvLines(*file))
      if (!line.empty() && line.front() != '#') set.emplace(line);
    return set;
  }();
  return words;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Characters, not bytes: a UTF-8 continuation byte starts no character.
std::size_t CountCharacters(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

enum class CharClass { kDigit, kLower, kUpper, kOther };

CharClass ClassOf(unsigned char c) {
  if (std::isdigit(c)) return CharClass::kDigit;
  if (std::islower(c)) return CharClass::kLower;
  if (std::isupper(c)) return CharClass::kUpper;
  return CharClass::kOther;
}

bool OneClass(const std::string& password) {
  return std::all_of(password.begin(), password.end(), [&](char c) {
    return ClassOf(static_cast<unsigned char>(c)) ==
           ClassOf(static_cast<unsigned char>(password[0]));
  });
}

// The password without the digits and symbols padding it at either end.
std::string Core(const std::string& lower) {
  auto padding = [](char c) { return !std::isalpha(static_cast<unsigned char>(c)); };
  auto first = std::find_if_not(lower.begin(), lower.end(), padding);
  auto last = std::find_if_not(lower.rbegin(), lower.rend(), padding).base();
  return first < last ? std::string(first, last) : std::string();
}

Error Refuse(std::string reason, Text text) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(reason), std::move(text), "password");
}

}  // namespace

Status CheckPassword(const std::string& password, const std::string& username, Role role) {
  const std::size_t minimum = role == Role::kAdmin ? 12 : 10;
  if (CountCharacters(password) < minimum)
    return Refuse(
        "password_too_short",
        Text{"密码至少 " + std::to_string(minimum) + " 个字符（管理员 12 个，其他账号 10 个）",
             "password: at least " + std::to_string(minimum) +
                 " characters (12 for administrators, 10 for other accounts)"});
  if (OneClass(password))
    return Refuse(
        "password_one_class",
        Text{"密码不能只由一类字符组成（如全是数字或全是小写字母），请混用字母、数字或符号",
             "password: must not be of one character class alone (such as all digits or "
             "all lower-case letters); mix letters, digits or symbols"});
  const std::string lower = Lower(password);
  const auto& common = CommonPasswords();
  if (common.count(lower) || common.count(Core(lower)))
    return Refuse("password_common", Text{"密码过于常见，容易被猜中，请换一个",
                                          "password: too common, easily guessed; choose another"});
  if (username.size() >= 3 && lower.find(Lower(username)) != std::string::npos)
    return Refuse("password_contains_username",
                  Text{"密码不能包含用户名", "password: must not contain the username"});
  return OkStatus();
}

}  // namespace lizheng::app
