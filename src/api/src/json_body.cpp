#include "json_body.hpp"

#include <functional>

namespace lizheng::api {

bool IsValidUtf8(std::string_view s, std::size_t* bad_offset) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) { len = 1; cp = c; }
    else if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else { if (bad_offset) *bad_offset = i; return false; }
    if (i + static_cast<std::size_t>(len) > s.size()) { if (bad_offset) *bad_offset = i; return false; }
    for (int k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) { if (bad_offset) *bad_offset = i; return false; }
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid.
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += static_cast<std::size_t>(len);
  }
  return true;
}

namespace {

// A parser callback that remembers the first key repeated within one object,
// as a dotted path ("citizen.name"). nlohmann keeps the last value of a
// repeated key; other parsers keep the first, so a body with one is
// ambiguous and refused. Arrays add no name to the path.
class DuplicateKeyFinder {
 public:
  bool operator()(int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
      case Event::object_start: objects_.push_back(Object{{}, path_key_}); break;
      case Event::key: {
        Object& top = objects_.back();
        const std::string name = parsed.get<std::string>();
        path_key_ = top.path.empty() ? name : top.path + "." + name;
        if (!top.keys.insert(name).second && !found_) found_ = path_key_;
        break;
      }
      case Event::object_end:
        path_key_ = objects_.back().path;
        objects_.pop_back();
        break;
      case Event::array_start:
      case Event::array_end:
      case Event::value: break;
    }
    return true;
  }
  const std::optional<std::string>& found() const { return found_; }
  // The path of the latest key read: the field a failing value belongs to.
  const std::string& latest_key() const { return path_key_; }

 private:
  struct Object {
    std::set<std::string> keys;
    std::string path;  // the key this object is the value of
  };
  std::vector<Object> objects_;
  std::string path_key_;  // the path of the latest key
  std::optional<std::string> found_;
};

}  // namespace

Result<JsonBody> JsonBody::Parse(const std::string& body, bool allow_empty) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    if (allow_empty) return JsonBody(nlohmann::json::object(), "");
    return MakeError(ErrorCode::kInvalidArgument, "body_required",
                     Text{"请求体须为 JSON 对象，不能为空", "body: a JSON object is required"},
                     "body");
  }
  std::size_t bad = 0;
  if (!IsValidUtf8(body, &bad))
    return MakeError(ErrorCode::kInvalidArgument, "invalid_utf8",
                     Text{"请求体第 " + std::to_string(bad) + " 字节不是有效的 UTF-8",
                          "body: invalid UTF-8 at byte " + std::to_string(bad)},
                     "body");
  nlohmann::json j;
  DuplicateKeyFinder duplicates;
  try {
    j = nlohmann::json::parse(body, std::ref(duplicates));
  } catch (const nlohmann::json::parse_error& e) {
    return MakeError(ErrorCode::kInvalidArgument, "malformed_json",
                     Text{"请求体第 " + std::to_string(e.byte) + " 字节处 JSON 格式有误",
                          "body: malformed JSON at byte " + std::to_string(e.byte)},
                     "body");
  } catch (const nlohmann::json::out_of_range&) {
    // A number past the range of a double (1e400), named by its field when
    // it is the value of one.
    const std::string field = duplicates.latest_key().empty() ? "body" : duplicates.latest_key();
    const std::string zh_name = field == "body" ? "请求体" : "字段 " + field;
    return MakeError(ErrorCode::kInvalidArgument, "number_out_of_range",
                     Text{zh_name + "：数字超出范围（最大约 1.8e308）",
                          field + ": a number is out of range (the largest is about 1.8e308)"},
                     field);
  }
  if (duplicates.found()) {
    const std::string& key = *duplicates.found();
    return MakeError(ErrorCode::kInvalidArgument, "duplicate_key",
                     Text{"字段 " + key + "：在同一对象中重复出现，每个字段只能给一次",
                          key + ": given twice in the same object; give each field once"},
                     key);
  }
  if (!j.is_object())
    return MakeError(ErrorCode::kInvalidArgument, "body_not_object",
                     Text{"请求体须为 JSON 对象", "body: must be a JSON object"}, "body");
  return JsonBody(std::move(j), "");
}

Error JsonBody::Bad(const std::string& key, std::string reason, const Text& rule) const {
  const std::string name = prefix_ + key;
  return MakeError(ErrorCode::kInvalidArgument, std::move(reason),
                   Text{"字段 " + name + "：" + rule.zh, name + ": " + rule.en}, name);
}

const nlohmann::json* JsonBody::Get(const std::string& key) {
  read_.insert(key);
  auto it = j_.find(key);
  if (it == j_.end() || it->is_null()) return nullptr;
  return &*it;
}

Result<std::optional<std::string>> JsonBody::OptString(const std::string& key) {
  const nlohmann::json* v = Get(key);
  if (!v) return std::optional<std::string>();
  if (!v->is_string()) return Bad(key, "wrong_type", Text{"须为字符串", "must be a string"});
  return std::optional<std::string>(v->get<std::string>());
}

Result<std::string> JsonBody::RequiredString(const std::string& key) {
  LZ_ASSIGN_OR_RETURN(std::optional<std::string> s, OptString(key));
  if (!s) return Bad(key, "field_required", Text{"必填", "required"});
  return *s;
}

Result<std::optional<std::int64_t>> JsonBody::OptInt(const std::string& key, std::int64_t min,
                                                     std::int64_t max) {
  const nlohmann::json* v = Get(key);
  if (!v) return std::optional<std::int64_t>();
  if (!v->is_number_integer())
    return Bad(key, "wrong_type", Text{"须为整数", "must be an integer"});
  const auto n = v->get<std::int64_t>();
  if (n < min || n > max)
    return Bad(key, "out_of_range",
               Text{"须在 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间",
                    "must be between " + std::to_string(min) + " and " + std::to_string(max)});
  return std::optional<std::int64_t>(n);
}

Result<std::optional<bool>> JsonBody::OptBool(const std::string& key) {
  const nlohmann::json* v = Get(key);
  if (!v) return std::optional<bool>();
  if (!v->is_boolean())
    return Bad(key, "wrong_type", Text{"须为 true 或 false", "must be true or false"});
  return std::optional<bool>(v->get<bool>());
}

Result<std::vector<std::int64_t>> JsonBody::OptIntArray(const std::string& key, std::size_t max_items) {
  const nlohmann::json* v = Get(key);
  std::vector<std::int64_t> out;
  if (!v) return out;
  if (!v->is_array())
    return Bad(key, "wrong_type", Text{"须为整数数组", "must be an array of integers"});
  if (v->size() > max_items)
    return Bad(key, "too_many_items",
               Text{"最多 " + std::to_string(max_items) + " 项",
                    "at most " + std::to_string(max_items) + " items"});
  for (const auto& item : *v) {
    if (!item.is_number_integer() || item.get<std::int64_t>() <= 0)
      return Bad(key, "wrong_type",
                 Text{"须为正整数数组", "must be an array of positive integers"});
    out.push_back(item.get<std::int64_t>());
  }
  return out;
}

Result<std::optional<JsonBody>> JsonBody::OptObject(const std::string& key) {
  const nlohmann::json* v = Get(key);
  if (!v) return std::optional<JsonBody>();
  if (!v->is_object()) return Bad(key, "wrong_type", Text{"须为对象", "must be an object"});
  return std::optional<JsonBody>(JsonBody(*v, prefix_ + key + "."));
}

Status JsonBody::Finish() const {
  for (const auto& [key, value] : j_.items()) {
    if (read_.count(key)) continue;
    std::string accepted;
    for (const auto& k : read_) accepted += (accepted.empty() ? "" : ", ") + k;
    return Bad(
        key, "unknown_field",
        Text{"没有这个字段；可用字段：" + accepted, "unknown field; accepted fields: " + accepted});
  }
  return OkStatus();
}

}  // namespace lizheng::api
