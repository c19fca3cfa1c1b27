// Private: gzip for responses (zlib), for clients that accept it. Never
// Brotli: at its highest quality it cost 0.32 s for the portal's bundle.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http_message.hpp"

namespace lizheng::api {

// Whether the request's Accept-Encoding admits gzip (named or "*", with a
// weight above zero).
bool AcceptsGzip(const Request& req);
// Whether a body of this Content-Type shrinks when compressed (text, JSON,
// JavaScript, SVG, XML).
bool CompressibleType(std::string_view content_type);
// `data` gzip-compressed at zlib's default level; nullopt if zlib fails.
std::optional<std::string> Gzip(std::string_view data);

// Compresses the response body in place (Content-Encoding: gzip, Vary:
// Accept-Encoding) when the client accepts gzip, the type is compressible,
// the body is worth it (1 KiB or more) and not encoded already.
void MaybeCompress(const Request& req, Response& res);

}  // namespace lizheng::api
