// The stop-word list behind text::IsStopWord.
#pragma once

#include <string_view>

namespace lizheng::text::detail {

// Whether `word` (normalised) is on the list. Any thread.
bool IsStopWord(std::u32string_view word);

// A character that is a word of grammar on its own (的, 了, 在, 是, 我 ...):
// never part of an unknown word.
bool IsFunctionCharacter(char32_t c);

}  // namespace lizheng::text::detail
