// A small OpenAPI 3.0 response checker for the end-to-end tests: it finds the
// documented response of (method, concrete path, status) in docs/openapi.json
// and validates a JSON body against its schema. It understands the subset of
// JSON Schema the document uses: $ref, type (integer apart from number),
// nullable, enum, required, properties, additionalProperties, items,
// minItems/maxItems, minLength/maxLength, pattern, minimum/maximum, formats
// date-time and date, allOf, anyOf and oneOf.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace lizheng::e2e {

// Immutable after construction, so any thread may call it.
class OpenApiValidator {
 public:
  // Reads and parses the document; throws std::runtime_error when the file
  // cannot be read or is not JSON.
  static OpenApiValidator FromFile(const std::string& path);
  explicit OpenApiValidator(nlohmann::json document);

  // The violations of the response `status` with `body` to `method` `path`
  // (a concrete path such as /api/v1/work-orders/7; a query string is
  // ignored). Empty when the response conforms. An undocumented path,
  // method or status is a violation too.
  std::vector<std::string> CheckResponse(std::string_view method, std::string_view path, int status,
                                         std::string_view body) const;

  // The violations of `value` against `schema` (a schema object or a $ref),
  // each starting with the JSON pointer of the offending value ("(root)" for
  // the root), e.g. "/items/0/state/code: 'sent' is not one of ...".
  std::vector<std::string> CheckValue(const nlohmann::json& schema,
                                      const nlohmann::json& value) const;

  // {"$ref": "#/components/schemas/<name>"}.
  static nlohmann::json SchemaRef(std::string_view name);

  const nlohmann::json& document() const { return doc_; }

 private:
  void Check(const nlohmann::json& schema, const nlohmann::json& value, const std::string& pointer,
             std::vector<std::string>& out, int depth) const;
  void CheckObject(const nlohmann::json& schema, const nlohmann::json& value,
                   const std::string& pointer, std::vector<std::string>& out, int depth) const;
  void CheckScalar(const nlohmann::json& schema, const nlohmann::json& value,
                   const std::string& pointer, std::vector<std::string>& out) const;
  // The target of a local reference "#/..."; nullptr if it does not resolve.
  const nlohmann::json* Resolve(const std::string& ref) const;
  // The path item matching a concrete path; concrete segments beat templates.
  const nlohmann::json* FindPathItem(std::string_view path, std::string* template_out) const;

  nlohmann::json doc_;
};

}  // namespace lizheng::e2e
