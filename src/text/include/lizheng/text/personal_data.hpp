// Personal data in citizens' text: what must never be published (DESIGN.md
// §8: the public sees only consented, masked content). Finds mobile and
// landline numbers, ID-card and bank-card numbers, e-mail addresses,
// licence plates, names introduced as such (我叫, 本人, 姓名, 邻居 ...), the
// house numbers of exact addresses and WeChat / QQ accounts, and masks them;
// numbers also when written in Chinese numerals (一三八…, 一百二十三号), with
// a country code or odd separators, e-mail also in full width or spelled
// out ("name at qq dot com").
//
// Rules, not a model: each kind is a pattern with its context, chosen so
// that the numbers a request is about (dates, amounts, the 12345 hotline,
// bus lines, years) are left alone.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lizheng::text {

enum class PersonalDataKind {
  kMobilePhone,   // 13812345678, 138-1234-5678
  kLandline,      // 0731-84567890, (0731)84567890
  kIdCard,        // 18 (or 15) characters with a plausible birth date
  kBankCard,      // 16 to 19 digits
  kEmail,         // name@example.com
  kLicencePlate,  // 湘A12345, 粤B·D12345
  kName,          // the name after 我叫 / 本人 / 姓名 / 联系人 ...
  kHouseNumber,   // the numbers of 3栋2单元501室, 人民路88号, 7-2-301
  kAccount,       // a WeChat id or QQ number: 微信号wxid_ab123, QQ号12345678
};

// A found span, in bytes of the UTF-8 input: [begin, end).
struct PersonalDataSpan {
  PersonalDataKind kind;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Every span of personal data in `utf8`, in order, not overlapping.
// Invalid UTF-8 bytes are skipped. Pure function, any thread.
std::vector<PersonalDataSpan> FindPersonalData(std::string_view utf8);

// `utf8` with every span masked: digits, Chinese numerals and letters of
// numbers, accounts, plates and addresses become '*' (a plate keeps its province and city letter, so
// "湘A*****"); a name keeps its surname ("张某某"); an e-mail address becomes
// "***@***". Everything else is unchanged.
std::string MaskPersonalData(std::string_view utf8);

// The kind's name for logs and tests ("mobile_phone", ...).
std::string_view PersonalDataKindName(PersonalDataKind kind);

}  // namespace lizheng::text
