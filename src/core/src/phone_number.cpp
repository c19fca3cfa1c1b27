#include "lizheng/core/phone_number.hpp"

#include <cstdint>

namespace lizheng {
namespace {

// Decodes the code point at `i` (valid UTF-8 is checked at the edge; a
// stray byte is passed through as itself) and advances `i`.
char32_t Next(std::string_view s, std::size_t& i, std::size_t& length) {
  const auto b = static_cast<unsigned char>(s[i]);
  length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
  if (i + length > s.size()) length = 1;
  char32_t cp = length == 1 ? b : b & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += length;
  return cp;
}

// The ASCII character a code point stands for in a phone number, or 0.
char AsciiOf(char32_t cp) {
  if (cp >= U'０' && cp <= U'９') return static_cast<char>('0' + (cp - U'０'));
  if (cp == U'＋') return '+';
  if (cp == U'－' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) return '-';
  if (cp == 0x3000 || cp == '\t') return ' ';
  return 0;
}

}  // namespace

std::string NormalizePhone(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t start = i;
    std::size_t length = 0;
    const char32_t cp = Next(utf8, i, length);
    const char ascii = cp < 0x80 && cp != '\t' ? static_cast<char>(cp) : AsciiOf(cp);
    if (ascii == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (ascii != 0) {
      out += ascii;
    } else {
      out.append(utf8.substr(start, length));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace lizheng
