#include "reply_text.hpp"

#include "lizheng/text/normalize.hpp"
#include "lizheng/text/utf8.hpp"

namespace lizheng::insight::reply {

namespace {

bool EndsSentence(wchar_t c) {
  return c == L'。' || c == L'！' || c == L'？' || c == L'!' || c == L'?' || c == L'；' ||
         c == L';' || c == L'\n';
}

bool IsClauseEnd(wchar_t c) {
  return EndsSentence(c) || c == L'，' || c == L',' || c == L'：' || c == L':';
}

bool IsLeadingJunk(wchar_t c) {
  return c == L' ' || c == L'\n' || c == L'，' || c == L',' || c == L'、' || c == L'：' ||
         c == L':' || c == L'”' || c == L'"' || c == L'）' || c == L')';
}

}  // namespace

std::wstring NormalizeWide(std::string_view utf8) {
  const std::u32string cps = text::NormalizeToCodePoints(utf8);
  return std::wstring(cps.begin(), cps.end());
}

std::string ToUtf8(std::wstring_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (const wchar_t c : text) text::AppendUtf8(static_cast<char32_t>(c), out);
  return out;
}

std::string Quote(std::wstring_view text, std::size_t max_chars) {
  while (!text.empty() && IsLeadingJunk(text.front())) text.remove_prefix(1);
  while (!text.empty() && (IsLeadingJunk(text.back()) || EndsSentence(text.back()))) {
    text.remove_suffix(1);
  }
  std::string out = "「";
  if (text.size() > max_chars) {
    out += ToUtf8(text.substr(0, max_chars)) + "…";
  } else {
    out += ToUtf8(text);
  }
  return out + "」";
}

std::vector<std::wstring_view> Sentences(std::wstring_view text) {
  std::vector<std::wstring_view> out;
  const auto push = [&](std::wstring_view s) {
    while (!s.empty() && IsLeadingJunk(s.front())) s.remove_prefix(1);
    while (!s.empty() && (s.back() == L' ' || s.back() == L'\n')) s.remove_suffix(1);
    if (!s.empty()) out.push_back(s);
  };
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!EndsSentence(text[i])) {
      ++i;
      continue;
    }
    // Keep a run of closing marks ("？？", "。！") with its sentence.
    std::size_t end = i + 1;
    while (end < text.size() && EndsSentence(text[end])) ++end;
    push(text.substr(start, end - start));
    start = i = end;
  }
  push(text.substr(start));
  return out;
}

std::size_t HanCount(std::wstring_view text) {
  std::size_t n = 0;
  for (const wchar_t c : text) n += text::IsHan(static_cast<char32_t>(c)) ? 1 : 0;
  return n;
}

std::wstring_view FindFirst(std::wstring_view text, const std::wregex& re) {
  std::match_results<std::wstring_view::const_iterator> m;
  if (!std::regex_search(text.begin(), text.end(), m, re)) return {};
  return text.substr(static_cast<std::size_t>(m.position(0)),
                     static_cast<std::size_t>(m.length(0)));
}

std::wstring_view InContext(std::wstring_view text, std::wstring_view match,
                            std::size_t min_chars) {
  if (match.empty()) return match;
  const std::size_t begin = static_cast<std::size_t>(match.data() - text.data());
  std::size_t end = begin + match.size();
  while (end < text.size() && end - begin < min_chars && !IsClauseEnd(text[end])) ++end;
  return text.substr(begin, end - begin);
}

std::wregex WideRegex(const wchar_t* pattern) {
  return std::wregex(pattern, std::regex::ECMAScript | std::regex::optimize);
}

}  // namespace lizheng::insight::reply
