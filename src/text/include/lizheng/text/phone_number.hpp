// A citizen's phone number as people type it: Chinese input methods give
// full-width digits (１３８００１３８０００), '＋' and '－' and the ideographic
// space. Every channel's number is normalised the same way before it is
// checked and stored, so the web page and API clients get the same answer.
#pragma once

#include <string>
#include <string_view>

namespace lizheng::text {

// Full-width forms become ASCII ('０'-'９', '＋', '－'; NormalizeText's
// folding), the dashes U+2010-U+2015 and U+2212 become '-', white space is
// collapsed to single spaces and trimmed. Letters keep their case and
// anything else is kept as it is, for the validation to name. Pure.
std::string NormalizePhone(std::string_view utf8);

}  // namespace lizheng::text
