// How the words around a cue change what it says: "没有安全隐患" denies it,
// "以免发生火灾" only fears it, "随时可能倒塌" makes it imminent, "重大安全
// 隐患" makes it severe. Private to the insight module.
#pragma once

#include <cstddef>
#include <string_view>

namespace lizheng::insight {

struct CueContext {
  bool negated = false;  // 没有, 不存在, 无, 脱离 before; 已排除, 已整改 after (same clause)
  bool hedged = false;  // 以免, 防止, 如果, 担心, 是否, 可能 before (same sentence); 隐患 after
  bool imminent = false;     // 随时, 即将, 马上, 正在 before (same clause); cancels a hedge
  bool intensified = false;  // 重大, 严重, 极大, 非常大 right before or after (same clause)
  bool first_person = false;  // 我, 本人, 俺 before (same sentence): the writer speaks of himself
};

// Reads the context of the cue at code points [begin, end) of `text`.
// Requires begin <= end <= text.size(). Pure function, any thread.
CueContext ReadCueContext(std::u32string_view text, std::size_t begin, std::size_t end);

// Punctuation and line breaks that end a clause (，。！？；：、 and more);
// the sentence-ending subset (。！？ and line breaks) ends a sentence.
bool IsClauseBreak(char32_t c);
bool IsSentenceBreak(char32_t c);

}  // namespace lizheng::insight
