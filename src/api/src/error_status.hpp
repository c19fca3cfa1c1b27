// Private: the one table from error codes to HTTP statuses and wire names,
// and the JSON shape of an error.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "http_message.hpp"
#include "lizheng/core/result.hpp"

namespace lizheng::api {

int HttpStatusOf(ErrorCode code);
std::string_view WireNameOf(ErrorCode code);
// The language a client reads messages in: Chinese unless its
// Accept-Language ranks English above Chinese.
enum class Language { kZh, kEn };
Language PreferredLanguage(const Request& req);
// Parses an Accept-Language value; exposed for its unit test.
Language PreferredLanguage(std::string_view accept_language);

// The error's message in `lang` (English when it has no Chinese text).
const std::string& MessageIn(const Error& e, Language lang);

// {"error": {"code": ..., "reason": ..., "message": ..., "field": ...}}:
// `code` is the wire name of the ErrorCode, `reason` the error's stable
// reason (when it has one), `message` in `lang` (English when the error has
// no Chinese text).
nlohmann::json ErrorJson(const Error& e, Language lang);
// Writes the error response in the request's language (with
// Content-Language) and logs the detail of server errors.
void SendError(const Request& req, Response& res, const Error& e);
void SendJson(Response& res, int status, const nlohmann::json& body);

}  // namespace lizheng::api
