#include "error_status.hpp"

#include <array>
#include <iostream>

namespace lizheng::api {
namespace {

struct Row {
  ErrorCode code;
  int status;
  std::string_view wire;
};

constexpr std::array<Row, 11> kTable{{
    {ErrorCode::kInvalidArgument, 400, "invalid_argument"},
    {ErrorCode::kUnauthenticated, 401, "unauthenticated"},
    {ErrorCode::kForbidden, 403, "forbidden"},
    {ErrorCode::kNotFound, 404, "not_found"},
    {ErrorCode::kConflict, 409, "conflict"},
    {ErrorCode::kIllegalTransition, 409, "illegal_transition"},
    {ErrorCode::kPayloadTooLarge, 413, "payload_too_large"},
    {ErrorCode::kUnsupportedMediaType, 415, "unsupported_media_type"},
    {ErrorCode::kTooManyRequests, 429, "too_many_requests"},
    {ErrorCode::kUnavailable, 503, "unavailable"},
    {ErrorCode::kInternal, 500, "internal"},
}};

}  // namespace

int HttpStatusOf(ErrorCode code) {
  for (const Row& r : kTable)
    if (r.code == code) return r.status;
  return 500;
}

std::string_view WireNameOf(ErrorCode code) {
  for (const Row& r : kTable)
    if (r.code == code) return r.wire;
  return "internal";
}

nlohmann::json ErrorJson(const Error& e) {
  nlohmann::json err = {{"code", WireNameOf(e.code)}, {"message", e.message}};
  if (!e.field.empty()) err["field"] = e.field;
  return {{"error", err}};
}

void SendJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, const Error& e) {
  const int status = HttpStatusOf(e.code);
  if (status >= 500) std::cerr << "error: " << e.message << " (" << e.detail << ")\n";
  SendJson(res, status, ErrorJson(e));
}

}  // namespace lizheng::api
