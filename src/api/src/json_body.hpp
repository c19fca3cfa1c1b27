// Private: a strict reader of JSON request bodies. Every read names the
// field in its error; keys that nobody read are refused by Finish(), so a
// misspelt field never passes silently.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lizheng/core/enums.hpp"
#include "lizheng/core/result.hpp"

namespace lizheng::api {

// Whether `s` is valid UTF-8; on failure `bad_offset` is the first bad byte.
bool IsValidUtf8(std::string_view s, std::size_t* bad_offset);

class JsonBody {
 public:
  // An empty body reads as {} when allow_empty. Errors: invalid UTF-8,
  // malformed JSON (with the byte offset), not an object.
  static Result<JsonBody> Parse(const std::string& body, bool allow_empty);

  Result<std::optional<std::string>> OptString(const std::string& key);
  Result<std::string> RequiredString(const std::string& key);
  Result<std::optional<std::int64_t>> OptInt(const std::string& key, std::int64_t min, std::int64_t max);
  Result<std::optional<bool>> OptBool(const std::string& key);
  Result<std::vector<std::int64_t>> OptIntArray(const std::string& key, std::size_t max_items);
  Result<std::optional<JsonBody>> OptObject(const std::string& key);

  template <class E>
  Result<std::optional<E>> OptEnum(const std::string& key) {
    LZ_ASSIGN_OR_RETURN(std::optional<std::string> s, OptString(key));
    if (!s) return std::optional<E>();
    if (auto e = FromWire<E>(*s)) return std::optional<E>(*e);
    return Bad(key, "unknown_value",
               Text{"没有取值 '" + *s + "'；可选：" + WireNamesList<E>(),
                    "unknown value '" + *s + "'; expected one of: " + WireNamesList<E>()});
  }

  // Refuses keys that were never read, listing the accepted ones.
  Status Finish() const;

 private:
  JsonBody(nlohmann::json j, std::string prefix) : j_(std::move(j)), prefix_(std::move(prefix)) {}
  // "字段 citizen.phone：<rule.zh>" / "citizen.phone: <rule.en>".
  Error Bad(const std::string& key, std::string reason, const Text& rule) const;
  const nlohmann::json* Get(const std::string& key);

  nlohmann::json j_;
  std::string prefix_;
  std::set<std::string> read_;
};

}  // namespace lizheng::api
