// Private: the one table from error codes to HTTP statuses and wire names,
// and the JSON shape of an error.
#pragma once

#include <string_view>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "lizheng/core/result.hpp"

namespace lizheng::api {

int HttpStatusOf(ErrorCode code);
std::string_view WireNameOf(ErrorCode code);
// {"error": {"code": ..., "message": ..., "field": ...}}
nlohmann::json ErrorJson(const Error& e);
// Writes the error response and logs the detail for server errors.
void SendError(httplib::Response& res, const Error& e);
void SendJson(httplib::Response& res, int status, const nlohmann::json& body);

}  // namespace lizheng::api
