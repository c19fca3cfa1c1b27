#include "lizheng/text/normalize.hpp"

#include "lizheng/text/utf8.hpp"

namespace lizheng::text {

namespace {

bool IsLineBreak(char32_t cp) {
  return cp == U'\n' || cp == U'\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 ||
         cp == 0x2029;
}

bool IsZeroWidth(char32_t cp) { return (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF; }

// Collects normalised code points, collapsing white space runs lazily: a run
// is only written when the next visible character arrives, which also trims
// trailing white space.
class Collector {
 public:
  explicit Collector(std::size_t expected) { out_.reserve(expected); }

  void Space(bool line_break) {
    pending_space_ = true;
    pending_break_ = pending_break_ || line_break;
  }
  void Visible(char32_t cp) {
    if (pending_space_ && !out_.empty()) out_.push_back(pending_break_ ? U'\n' : U' ');
    pending_space_ = false;
    pending_break_ = false;
    out_.push_back(cp);
  }
  std::u32string Take() { return std::move(out_); }

 private:
  std::u32string out_;
  bool pending_space_ = false;
  bool pending_break_ = false;
};

}  // namespace

std::u32string NormalizeToCodePoints(std::string_view utf8, const NormalizeOptions& options) {
  Collector out(utf8.size());
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = static_cast<unsigned char>(utf8[pos]);
    if (cp < 0x80) {
      ++pos;
      if (cp == U'\\' && options.literal_backslash_n && pos < utf8.size() && utf8[pos] == 'n') {
        ++pos;
        out.Space(true);
        continue;
      }
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
      out.Space(IsLineBreak(cp));
      continue;
    }
    if (IsZeroWidth(cp)) continue;
    if (options.lower_ascii && cp >= U'A' && cp <= U'Z') cp += U'a' - U'A';
    out.Visible(cp);
  }
  return out.Take();
}

std::string NormalizeText(std::string_view utf8, const NormalizeOptions& options) {
  return EncodeUtf8(NormalizeToCodePoints(utf8, options));
}

}  // namespace lizheng::text
