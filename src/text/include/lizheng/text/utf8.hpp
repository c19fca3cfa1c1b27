// UTF-8 decoding and encoding helpers for the text module.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lizheng::text {

// What decoding puts in place of a byte sequence that is not valid UTF-8.
inline constexpr char32_t kReplacementChar = 0xFFFD;

// One decoded code point and the number of bytes it took (>= 1).
struct DecodedCodePoint {
  char32_t code_point = 0;
  std::size_t length = 0;
  bool valid = false;  // false: an invalid sequence; code_point is U+FFFD
};

// Decodes the code point starting at bytes[pos]; requires pos < bytes.size().
// An invalid or truncated sequence, an overlong form, a surrogate or a value
// above U+10FFFF yields U+FFFD and consumes exactly one byte, so decoding
// always makes progress and resynchronises on the next byte.
DecodedCodePoint DecodeOne(std::string_view bytes, std::size_t pos);

// Decodes all of `bytes`; invalid bytes become U+FFFD (one per bad byte).
std::u32string DecodeUtf8(std::string_view bytes);

// Appends the UTF-8 form of `cp` to `out`. A surrogate or a value above
// U+10FFFF is written as U+FFFD.
void AppendUtf8(char32_t cp, std::string& out);

// The UTF-8 form of a code point sequence.
std::string EncodeUtf8(std::u32string_view code_points);

// Whether `bytes` is entirely well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);

// A CJK unified ideograph in the range jieba treats as Chinese (U+4E00-U+9FD5).
constexpr bool IsHan(char32_t cp) { return cp >= 0x4E00 && cp <= 0x9FD5; }

constexpr bool IsAsciiAlnum(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
}

// Unicode white space (the characters Python's str.isspace() accepts).
// Inline: the n-gram and segmentation loops test every character.
constexpr bool IsSpace(char32_t cp) {
  if (cp > 0x3000) return false;  // all of CJK text, in one comparison
  // clang-format off
  switch (cp) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D:
    case 0x1C: case 0x1D: case 0x1E: case 0x1F: case 0x20:
    case 0x85: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
  // clang-format on
}

}  // namespace lizheng::text
