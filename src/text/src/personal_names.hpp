// Names of people in citizens' text, for the personal-data masker
// (personal_data.hpp): a name introduced as such (我叫, 姓名, 投诉人, 本人 ...)
// or addressed in a greeting (王建国您好, 李明先生). Private to the text module.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace lizheng::text::detail {

// A name: code points [begin, end) of the text.
struct NameSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The name introduced by a trigger word that starts at s[i] (我叫李小明,
// 姓名：欧阳春花, 本人张伟反映). Strong triggers (我叫, 姓名, 投诉人 ...) take
// any surname; the weak ones (本人, 我是), which far more often start a
// sentence ("本人认为", "本人于2019年", "我是江西人"), take only a common
// surname not also a common word. Either way the name must end where a name
// ends: punctuation, a digit, the end, or a word such as 反映, 男, 今年.
std::optional<NameSpan> MatchIntroducedName(std::u32string_view s, std::size_t i);

// A name after a short description of the writer (我是住在三楼的孙丽丽).
// Common surnames only, as for the weak triggers.
std::optional<NameSpan> MatchDescribedName(std::u32string_view s, std::size_t i);

// A full name directly before 您好, 你好, 先生, 女士 or 同志 (王先生 alone
// names no one; 胡书记您好 and 李市长您好 are titles, not names).
std::optional<NameSpan> MatchGreetedName(std::u32string_view s, std::size_t i);

// The length of the surname at s[i]: 2 for a compound one (欧阳), 1 for a
// single one, 0 for none.
std::size_t SurnameLength(std::u32string_view s, std::size_t i);

}  // namespace lizheng::text::detail
