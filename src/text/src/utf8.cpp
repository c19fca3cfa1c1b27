#include "lizheng/text/utf8.hpp"

#include <cstdint>

namespace lizheng::text {

namespace {

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

DecodedCodePoint Invalid() { return {kReplacementChar, 1, false}; }

}  // namespace

DecodedCodePoint DecodeOne(std::string_view bytes, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(bytes[pos]);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t need = 0;
  char32_t cp = 0;
  char32_t min_value = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1F;
    min_value = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0F;
    min_value = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07;
    min_value = 0x10000;
  } else {
    return Invalid();  // a stray continuation byte, C0/C1 or F5..FF
  }
  if (pos + need >= bytes.size()) return Invalid();  // truncated at the end
  for (std::size_t i = 1; i <= need; ++i) {
    const auto b = static_cast<unsigned char>(bytes[pos + i]);
    if (!IsContinuation(b)) return Invalid();
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min_value || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return Invalid();
  return {cp, need + 1, true};
}

std::u32string DecodeUtf8(std::string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const auto b = static_cast<unsigned char>(bytes[pos]);
    if (b < 0x80) {  // fast path for ASCII
      out.push_back(b);
      ++pos;
      continue;
    }
    const DecodedCodePoint d = DecodeOne(bytes, pos);
    out.push_back(d.code_point);
    pos += d.length;
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string EncodeUtf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size() * 3);
  for (char32_t cp : code_points) AppendUtf8(cp, out);
  return out;
}

bool IsValidUtf8(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const DecodedCodePoint d = DecodeOne(bytes, pos);
    if (!d.valid) return false;
    pos += d.length;
  }
  return true;
}

}  // namespace lizheng::text
