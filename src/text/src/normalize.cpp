#include "lizheng/text/normalize.hpp"

#include "lizheng/text/utf8.hpp"

namespace lizheng::text {

namespace {

bool IsLineBreak(char32_t cp) {
  return cp == U'\n' || cp == U'\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 ||
         cp == 0x2029;
}

bool IsZeroWidth(char32_t cp) { return (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF; }

// Collects normalised code points, collapsing white space runs lazily: a
// run is only written when the next visible character arrives, which also
// trims trailing white space. Writes through a pointer into a buffer sized
// for the worst case (one code point per input byte) instead of appending,
// which cost more than the decoding.
class Collector {
 public:
  explicit Collector(char32_t* out) : begin_(out), end_(out) {}

  void Space(bool line_break) {
    pending_space_ = true;
    pending_break_ = pending_break_ || line_break;
  }
  void Visible(char32_t cp) {
    if (pending_space_ && end_ != begin_) *end_++ = pending_break_ ? U'\n' : U' ';
    pending_space_ = false;
    pending_break_ = false;
    *end_++ = cp;
  }
  std::size_t size() const { return static_cast<std::size_t>(end_ - begin_); }
  // Right after a visible character nothing is pending, so the ideographs
  // that follow go straight in; returns where the run ends.
  std::size_t IdeographRun(std::string_view utf8, std::size_t pos);

 private:
  char32_t* begin_;
  char32_t* end_;
  bool pending_space_ = false;
  bool pending_break_ = false;
};

// The code point of a well-formed three-byte sequence at utf8[pos] (the form
// of every Chinese character), or 0 when it is anything else: DecodeOne then
// handles it with all its checks.
[[gnu::always_inline]] inline char32_t DecodeThreeBytes(std::string_view utf8, std::size_t pos) {
  if (pos + 2 >= utf8.size()) return 0;
  const auto b0 = static_cast<unsigned char>(utf8[pos]);
  const auto b1 = static_cast<unsigned char>(utf8[pos + 1]);
  const auto b2 = static_cast<unsigned char>(utf8[pos + 2]);
  if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
  const char32_t cp = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
  if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;  // overlong or a surrogate
  return cp;
}

// The CJK Unified Ideographs block (U+4E00-U+9FFF): none of the
// normalisation steps applies to these characters.
bool IsIdeograph(char32_t cp) {
  return cp >= 0x4E00 && cp <= 0x9FFF;
}

std::size_t Collector::IdeographRun(std::string_view utf8, std::size_t pos) {
  for (;;) {
    const char32_t cp = DecodeThreeBytes(utf8, pos);
    if (!IsIdeograph(cp)) return pos;
    *end_++ = cp;
    pos += 3;
  }
}

}  // namespace

std::u32string_view NormalizeInto(std::string_view utf8, std::u32string& buffer,
                                  const NormalizeOptions& options) {
  // Each code point takes at least one byte, and a collapsed white-space run
  // at least one: the output never outgrows the input.
  if (buffer.size() < utf8.size()) buffer.resize(utf8.size());
  Collector collect(buffer.data());
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = static_cast<unsigned char>(utf8[pos]);
    if (cp < 0x80) {
      ++pos;
      if (cp == U'\\' && options.literal_backslash_n && pos < utf8.size() && utf8[pos] == 'n') {
        ++pos;
        collect.Space(true);
        continue;
      }
    } else if (const char32_t three = DecodeThreeBytes(utf8, pos); three != 0) {
      pos += 3;
      // Ideographs, most of the text, need none of the steps below.
      if (IsIdeograph(three)) {
        collect.Visible(three);
        pos = collect.IdeographRun(utf8, pos);
        continue;
      }
      cp = three;
    } else {
      const DecodedCodePoint d = DecodeOne(utf8, pos);
      cp = d.code_point;
      pos += d.length;
    }
    if (options.fold_full_width) {
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        cp -= 0xFEE0;
      } else if (cp == 0x3000) {
        cp = U' ';
      }
    }
    if (IsSpace(cp)) {
      collect.Space(IsLineBreak(cp));
      continue;
    }
    if (IsZeroWidth(cp)) continue;
    if (options.lower_ascii && cp >= U'A' && cp <= U'Z') cp += U'a' - U'A';
    collect.Visible(cp);
  }
  return std::u32string_view(buffer.data(), collect.size());
}

std::u32string NormalizeToCodePoints(std::string_view utf8, const NormalizeOptions& options) {
  std::u32string buffer;
  return std::u32string(NormalizeInto(utf8, buffer, options));
}

std::string NormalizeText(std::string_view utf8, const NormalizeOptions& options) {
  return EncodeUtf8(NormalizeToCodePoints(utf8, options));
}

}  // namespace lizheng::text
