#include "openapi_validator.hpp"

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace lizheng::e2e {
namespace {

using nlohmann::json;

// Guards against $ref cycles; the document nests far less deeply.
constexpr int kMaxDepth = 64;

std::string EscapePointerToken(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string TypeOf(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "integer";
    case json::value_t::number_float: return "number";
    case json::value_t::string: return "string";
    case json::value_t::array: return "array";
    case json::value_t::object: return "object";
    default: return "unknown";
  }
}

bool HasType(const json& v, const std::string& type) {
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "string") return v.is_string();
  if (type == "boolean") return v.is_boolean();
  if (type == "array") return v.is_array();
  if (type == "object") return v.is_object();
  return false;
}

// A short rendering of a value for messages.
std::string Show(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 80) s = s.substr(0, 77) + "...";
  return s;
}

std::size_t CodePoints(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    const std::size_t end = std::min(path.find('/', pos), path.size());
    parts.emplace_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return parts;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whether `s` matches `shape`, where 'd' stands for any ASCII digit and
// every other character for itself. (Hand-written rather than std::regex,
// which is slow in sanitizer builds and this runs for every timestamp.)
bool Shaped(std::string_view s, std::string_view shape) {
  if (s.size() != shape.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool digit = s[i] >= '0' && s[i] <= '9';
    if (shape[i] == 'd' ? !digit : s[i] != shape[i]) return false;
  }
  return true;
}

// RFC 3339 date-time: dddd-dd-ddTdd:dd:dd, optional fraction, then Z or +hh:mm.
bool IsDateTime(std::string_view s) {
  if (s.size() < 20 || !Shaped(s.substr(0, 10), "dddd-dd-dd") || (s[10] != 'T' && s[10] != 't') ||
      !Shaped(s.substr(11, 8), "dd:dd:dd"))
    return false;
  std::size_t pos = 19;
  if (s[pos] == '.') {
    const std::size_t start = ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start) return false;
  }
  const std::string_view zone = s.substr(pos);
  if (zone == "Z" || zone == "z") return true;
  return (Shaped(zone, "+dd:dd") || Shaped(zone, "-dd:dd"));
}

bool CheckFormat(const std::string& format, const std::string& value) {
  if (format == "date-time") return IsDateTime(value);
  if (format == "date") return Shaped(value, "dddd-dd-dd");
  return true;  // other formats (int64, password) say nothing checkable
}

}  // namespace

OpenApiValidator OpenApiValidator::FromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the OpenAPI document " + path);
  std::stringstream text;
  text << in.rdbuf();
  try {
    return OpenApiValidator(json::parse(text.str()));
  } catch (const json::parse_error& e) {
    throw std::runtime_error("the OpenAPI document " + path + " is not JSON: " + e.what());
  }
}

OpenApiValidator::OpenApiValidator(json document) : doc_(std::move(document)) {}

json OpenApiValidator::SchemaRef(std::string_view name) {
  return {{"$ref", "#/components/schemas/" + std::string(name)}};
}

const json* OpenApiValidator::Resolve(const std::string& ref) const {
  if (ref.rfind("#/", 0) != 0) return nullptr;
  try {
    const json::json_pointer ptr(ref.substr(1));
    if (!doc_.contains(ptr)) return nullptr;
    return &doc_.at(ptr);
  } catch (const json::exception&) {
    return nullptr;
  }
}

const json* OpenApiValidator::FindPathItem(std::string_view path, std::string* template_out) const {
  const auto q = path.find('?');
  const std::vector<std::string> parts = Split(path.substr(0, q));
  const json* best = nullptr;
  int best_templates = 1 << 20;
  if (!doc_.contains("paths")) return nullptr;
  for (const auto& [tmpl, item] : doc_["paths"].items()) {
    const std::vector<std::string> tparts = Split(tmpl);
    if (tparts.size() != parts.size()) continue;
    int templates = 0;
    bool match = true;
    for (std::size_t i = 0; i < parts.size() && match; ++i) {
      const std::string& t = tparts[i];
      if (t.size() > 2 && t.front() == '{' && t.back() == '}') {
        ++templates;
        match = !parts[i].empty();
      } else {
        match = t == parts[i];
      }
    }
    if (match && templates < best_templates) {
      best = &item;
      best_templates = templates;
      if (template_out) *template_out = tmpl;
    }
  }
  return best;
}

std::vector<std::string> OpenApiValidator::CheckResponse(std::string_view method,
                                                         std::string_view path, int status,
                                                         std::string_view body) const {
  std::string tmpl;
  const json* item = FindPathItem(path, &tmpl);
  if (!item) return {"(response): no documented path matches " + std::string(path)};
  const std::string m = Lower(method);
  if (!item->contains(m))
    return {"(response): " + std::string(method) + " " + tmpl + " is not documented"};
  const json& op = (*item)[m];
  if (!op.contains("responses")) return {"(response): " + tmpl + " documents no responses"};
  const json& responses = op["responses"];
  const std::string code = std::to_string(status);
  const std::string range = code.substr(0, 1) + "XX";
  const json* response = nullptr;
  for (const std::string& key : {code, range, std::string("default")}) {
    if (responses.contains(key)) {
      response = &responses[key];
      break;
    }
  }
  if (!response)
    return {"(response): status " + code + " is not documented for " + std::string(method) + " " +
            tmpl};
  int hops = 0;
  while (response->contains("$ref") && hops++ < 8) {
    response = Resolve((*response)["$ref"].get<std::string>());
    if (!response) return {"(response): unresolvable response $ref for status " + code};
  }
  if (!response->contains("content")) return {};
  const json& content = (*response)["content"];
  if (!content.contains("application/json") || !content["application/json"].contains("schema"))
    return {};
  json value;
  try {
    value = json::parse(body);
  } catch (const json::parse_error& e) {
    return {"(response): the body is not JSON: " + std::string(e.what())};
  }
  return CheckValue(content["application/json"]["schema"], value);
}

std::vector<std::string> OpenApiValidator::CheckValue(const json& schema, const json& value) const {
  std::vector<std::string> out;
  Check(schema, value, "", out, 0);
  for (std::string& v : out)
    if (v.rfind(": ", 0) == 0) v.insert(0, "(root)");  // the root's pointer is ""
  return out;
}

void OpenApiValidator::Check(const json& schema, const json& value, const std::string& pointer,
                             std::vector<std::string>& out, int depth) const {
  if (depth > kMaxDepth) {
    out.push_back(pointer + ": schema nested too deeply (a $ref cycle?)");
    return;
  }
  if (schema.is_boolean()) {
    if (!schema.get<bool>()) out.push_back(pointer + ": no value is allowed here");
    return;
  }
  if (!schema.is_object()) {
    out.push_back(pointer + ": the schema is not an object: " + Show(schema));
    return;
  }
  if (schema.contains("$ref")) {
    const std::string ref = schema["$ref"].get<std::string>();
    const json* target = Resolve(ref);
    if (!target) {
      out.push_back(pointer + ": unresolvable $ref " + ref);
      return;
    }
    Check(*target, value, pointer, out, depth + 1);
    return;
  }
  if (value.is_null() && schema.value("nullable", false)) return;

  if (schema.contains("allOf"))
    for (const json& sub : schema["allOf"]) Check(sub, value, pointer, out, depth + 1);
  if (schema.contains("anyOf") || schema.contains("oneOf")) {
    const bool one = schema.contains("oneOf");
    const json& subs = one ? schema["oneOf"] : schema["anyOf"];
    int matches = 0;
    std::string why;
    for (std::size_t i = 0; i < subs.size(); ++i) {
      std::vector<std::string> sub_out;
      Check(subs[i], value, pointer, sub_out, depth + 1);
      if (sub_out.empty()) {
        ++matches;
      } else {
        const std::string& first = sub_out.front();
        why += "\n    alternative " + std::to_string(i) + ": " +
               (first.rfind(": ", 0) == 0 ? "(root)" : "") + first;
        if (sub_out.size() > 1) why += " (+" + std::to_string(sub_out.size() - 1) + " more)";
      }
    }
    if (matches == 0) {
      out.push_back(pointer + ": matches none of the " + std::string(one ? "oneOf" : "anyOf") +
                    " alternatives:" + why);
    } else if (one && matches > 1) {
      out.push_back(pointer + ": matches " + std::to_string(matches) +
                    " oneOf alternatives, exactly one allowed");
    }
  }

  if (schema.contains("type")) {
    const std::string type = schema["type"].get<std::string>();
    if (!HasType(value, type)) {
      out.push_back(pointer + ": expected " + type +
                    (schema.value("nullable", false) ? " or null" : "") + ", got " + TypeOf(value) +
                    " " + Show(value));
      return;  // the remaining keywords would only repeat the mismatch
    }
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const json& e : schema["enum"]) found = found || e == value;
    if (!found)
      out.push_back(pointer + ": " + Show(value) + " is not one of " + Show(schema["enum"]));
  }
  if (value.is_object() || value.is_array()) {
    CheckObject(schema, value, pointer, out, depth);
  } else {
    CheckScalar(schema, value, pointer, out);
  }
}

void OpenApiValidator::CheckObject(const json& schema, const json& value,
                                   const std::string& pointer, std::vector<std::string>& out,
                                   int depth) const {
  if (value.is_array()) {
    if (schema.contains("minItems") && value.size() < schema["minItems"].get<std::size_t>())
      out.push_back(pointer + ": fewer than " + schema["minItems"].dump() + " items");
    if (schema.contains("maxItems") && value.size() > schema["maxItems"].get<std::size_t>())
      out.push_back(pointer + ": more than " + schema["maxItems"].dump() + " items");
    if (schema.contains("items"))
      for (std::size_t i = 0; i < value.size(); ++i)
        Check(schema["items"], value[i], pointer + "/" + std::to_string(i), out, depth + 1);
    return;
  }
  if (schema.contains("required"))
    for (const json& key : schema["required"])
      if (!value.contains(key.get<std::string>()))
        out.push_back(pointer + ": required property '" + key.get<std::string>() + "' is missing");
  const json empty = json::object();
  const json& props = schema.contains("properties") ? schema["properties"] : empty;
  for (const auto& [key, v] : value.items()) {
    const std::string child = pointer + "/" + EscapePointerToken(key);
    if (props.contains(key)) {
      Check(props[key], v, child, out, depth + 1);
    } else if (schema.contains("additionalProperties")) {
      const json& extra = schema["additionalProperties"];
      if (extra.is_boolean() && !extra.get<bool>()) {
        out.push_back(child + ": property '" + key +
                      "' is not in the schema (additionalProperties: false)");
      } else if (extra.is_object()) {
        Check(extra, v, child, out, depth + 1);
      }
    }
  }
}

void OpenApiValidator::CheckScalar(const json& schema, const json& value,
                                   const std::string& pointer,
                                   std::vector<std::string>& out) const {
  if (value.is_string()) {
    const std::string s = value.get<std::string>();
    const std::size_t n = CodePoints(s);
    if (schema.contains("maxLength") && n > schema["maxLength"].get<std::size_t>())
      out.push_back(pointer + ": longer than " + schema["maxLength"].dump() + " characters");
    if (schema.contains("minLength") && n < schema["minLength"].get<std::size_t>())
      out.push_back(pointer + ": shorter than " + schema["minLength"].dump() + " characters");
    if (schema.contains("pattern") &&
        !std::regex_search(s, std::regex(schema["pattern"].get<std::string>())))
      out.push_back(pointer + ": " + Show(value) + " does not match the pattern " +
                    schema["pattern"].dump());
    if (schema.contains("format") && !CheckFormat(schema["format"].get<std::string>(), s))
      out.push_back(pointer + ": " + Show(value) + " is not a " +
                    schema["format"].get<std::string>());
  } else if (value.is_number()) {
    const double d = value.get<double>();
    if (schema.contains("minimum") && d < schema["minimum"].get<double>())
      out.push_back(pointer + ": " + Show(value) + " is less than the minimum " +
                    schema["minimum"].dump());
    if (schema.contains("maximum") && d > schema["maximum"].get<double>())
      out.push_back(pointer + ": " + Show(value) + " is more than the maximum " +
                    schema["maximum"].dump());
  }
}

}  // namespace lizheng::e2e
