// Private: the reply scorer's view of a text — normalised wide characters
// (std::wregex works on them; wchar_t holds a whole code point on the
// platforms we build for), sentences, and short quotes for reasons.
#pragma once

#include <cstddef>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace lizheng::insight::reply {

static_assert(sizeof(wchar_t) == 4, "the reply scorer needs wchar_t to hold a code point");

// NormalizeText (full-width folded, ASCII lower-cased, "\n" escapes as line
// breaks, white space collapsed) as wide characters.
std::wstring NormalizeWide(std::string_view utf8);

std::string ToUtf8(std::wstring_view text);

// `text` in 「」 for a reason, cut to `max_chars` characters with "…".
std::string Quote(std::wstring_view text, std::size_t max_chars = 24);

// The sentences of `text`: split after 。！？!?；; and at line breaks,
// trimmed of white space and leading punctuation; empty pieces dropped.
std::vector<std::wstring_view> Sentences(std::wstring_view text);

// How many Chinese characters `text` holds.
std::size_t HanCount(std::wstring_view text);

// The first match of `re` in `text`, or an empty view.
std::wstring_view FindFirst(std::wstring_view text, const std::wregex& re);

// `match` widened to at least `min_chars` characters by taking the text
// that follows it up to the end of its clause: for quoting a hit in context.
std::wstring_view InContext(std::wstring_view text, std::wstring_view match,
                            std::size_t min_chars = 14);

// A regex over wide characters (ECMAScript), for patterns written as L"...".
std::wregex WideRegex(const wchar_t* pattern);

}  // namespace lizheng::insight::reply
