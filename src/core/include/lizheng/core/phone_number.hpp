// A citizen's phone number as people type it: Chinese input methods give
// full-width digits (１３８００１３８０００), '＋' and '－' and the ideographic
// space. Every channel's number is normalised the same way before it is
// checked and stored, so the web page and API clients get the same answer.
#pragma once

#include <string>
#include <string_view>

namespace lizheng {

// Full-width digits, '＋', '－' and the dashes U+2010-U+2015 and U+2212 become
// ASCII ('0'-'9', '+', '-'); the ideographic space U+3000 and tabs become ' ',
// runs of spaces one space, and leading and trailing spaces are dropped.
// Anything else is kept as it is, for the validation to name. Pure.
std::string NormalizePhone(std::string_view utf8);

}  // namespace lizheng
