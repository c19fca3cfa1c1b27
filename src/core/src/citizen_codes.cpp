#include "lizheng/core/citizen_codes.hpp"

namespace lizheng {
namespace {

// Decodes one UTF-8 sequence at `i` (advancing it); an invalid byte is
// returned as itself so that it is kept, not dropped.
char32_t NextCodePoint(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b : b & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += len;
  return cp;
}

bool IsGroupSeparator(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'-' || c == U'.' || c == 0x3000 || c == 0xFF0D ||
         c == 0xFF0E || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

}  // namespace

std::string CanonicalCitizenCode(std::string_view typed) {
  std::string out;
  out.reserve(typed.size());
  std::size_t i = 0;
  while (i < typed.size()) {
    const std::size_t start = i;
    const char32_t c = NextCodePoint(typed, i);
    if (IsGroupSeparator(c)) continue;
    // Full-width ASCII (a Chinese input method's digits and letters).
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
        (c >= 0xFF41 && c <= 0xFF5A)) {
      out.push_back(static_cast<char>(c - 0xFF00 + 0x20));
      continue;
    }
    out.append(typed.substr(start, i - start));
  }
  return out;
}

}  // namespace lizheng
