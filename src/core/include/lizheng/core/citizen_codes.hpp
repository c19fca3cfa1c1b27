// The two codes a citizen holds for a request: the tracking number (编号),
// which names the work order across every jurisdiction, and the query code
// (查询码), which proves the citizen may read it. What a citizen types is
// brought to the stored form before either is compared.
#pragma once

#include <string>
#include <string_view>

namespace lizheng {

// Digits of a new query code: 10^12 codes, so that guessing one within the
// lookup limits (a handful of tries per tracking number before it locks) is
// hopeless. Codes issued earlier with 8 digits stay valid.
inline constexpr int kQueryCodeDigits = 12;

// A tracking number or query code as typed, in its stored form: spaces,
// hyphens and dots between groups ("1234 5678 9012", "1234-5678-9012") are
// dropped, as are their full-width forms (U+3000, U+FF0D, U+2010..U+2015,
// U+FF0E), and full-width digits and letters become ASCII. Anything else is
// kept, so a wrong code still compares unequal. Pure.
std::string CanonicalCitizenCode(std::string_view typed);

}  // namespace lizheng
