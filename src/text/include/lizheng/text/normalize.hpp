// Text normalisation applied before segmentation, n-grams and matching.
#pragma once

#include <string>
#include <string_view>

namespace lizheng::text {

// Which normalisation steps to apply. The defaults are what the analytics use.
struct NormalizeOptions {
  // Full-width ASCII forms (U+FF01-U+FF5E) become their ASCII counterparts and
  // the ideographic space U+3000 a plain space.
  bool fold_full_width = true;
  // 'A'-'Z' become 'a'-'z' (after full-width folding, so 'Ａ' becomes 'a').
  bool lower_ascii = true;
  // The two characters '\' 'n' (how the data sets write a line break inside
  // a cell) count as a line break.
  bool literal_backslash_n = true;
};

// Normalises UTF-8 text: the steps chosen in `options`, then white space is
// collapsed: a run of white space containing a line break becomes one '\n',
// any other run one ' ', and leading and trailing white space is dropped.
// Zero-width characters (U+200B-U+200D, U+FEFF) are removed. Invalid UTF-8
// bytes become U+FFFD. Never fails; pure function, any thread.
std::string NormalizeText(std::string_view utf8, const NormalizeOptions& options = {});

// The same normalisation, returning code points (what the segmenter takes).
std::u32string NormalizeToCodePoints(std::string_view utf8,
                                     const NormalizeOptions& options = {});

// The same normalisation into caller-owned working memory, so that
// normalising many texts allocates nothing after warm-up: `buffer` is grown
// as needed (never shrunk; its contents are unspecified) and the result is a
// view into it, valid until `buffer` is next modified.
std::u32string_view NormalizeInto(std::string_view utf8, std::u32string& buffer,
                                  const NormalizeOptions& options = {});

}  // namespace lizheng::text
