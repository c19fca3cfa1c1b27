#include "error_status.hpp"

#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>
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

Language PreferredLanguage(std::string_view header) {
  // Each entry is "tag[;q=weight]"; the best-weighted Chinese or English tag
  // wins, ties going to the earlier one, and everything else is ignored.
  double best_q = -1;
  Language best = Language::kZh;
  std::size_t pos = 0;
  while (pos <= header.size()) {
    std::size_t end = header.find(',', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(pos, end - pos);
    pos = end + 1;
    std::string_view tag = item.substr(0, item.find(';'));
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    double q = 1.0;
    if (const std::size_t at = item.find("q="); at != std::string_view::npos) {
      const std::string weight(item.substr(at + 2));
      char* stop = nullptr;
      q = std::strtod(weight.c_str(), &stop);
      if (stop == weight.c_str()) q = 0;
    }
    auto starts = [&](std::string_view lang) {
      if (tag.size() < lang.size()) return false;
      for (std::size_t i = 0; i < lang.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(tag[i])) != lang[i]) return false;
      return tag.size() == lang.size() || tag[lang.size()] == '-';
    };
    std::optional<Language> lang;
    if (starts("zh")) lang = Language::kZh;
    if (starts("en")) lang = Language::kEn;
    if (lang && q > best_q) {
      best_q = q;
      best = *lang;
    }
  }
  return best_q > 0 ? best : Language::kZh;
}

Language PreferredLanguage(const Request& req) {
  return PreferredLanguage(req.get_header_value("Accept-Language"));
}

const std::string& MessageIn(const Error& e, Language lang) {
  return lang == Language::kZh && !e.message_zh.empty() ? e.message_zh : e.message;
}

nlohmann::json ErrorJson(const Error& e, Language lang) {
  nlohmann::json err = {{"code", WireNameOf(e.code)}, {"message", MessageIn(e, lang)}};
  if (!e.reason.empty()) err["reason"] = e.reason;
  if (!e.field.empty()) err["field"] = e.field;
  return {{"error", err}};
}

void SendJson(Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void SendError(const Request& req, Response& res, const Error& e) {
  const int status = HttpStatusOf(e.code);
  if (status >= 500) std::cerr << "error: " << e.message << " (" << e.detail << ")\n";
  const Language lang = PreferredLanguage(req);
  SendJson(res, status, ErrorJson(e, lang));
  res.set_header("Content-Language", lang == Language::kZh ? "zh-CN" : "en");
  if (e.retry_after_seconds > 0) res.set_header("Retry-After", std::to_string(e.retry_after_seconds));
}

}  // namespace lizheng::api
