// Private: the HTTP request and response as the route handlers see them,
// independent of the server library that reads and writes them (today
// Boost.Beast, in http_transport.cpp). Member names follow the ones the
// handlers were first written against, so a handler reads the same either way.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lizheng::api {

// Orders header names without regard to ASCII case ("content-type" and
// "Content-Type" are one name).
struct CaseInsensitiveLess {
  bool operator()(std::string_view a, std::string_view b) const;
};

using Headers = std::multimap<std::string, std::string, CaseInsensitiveLess>;
// Query parameters, percent-decoded ("+" is a space); a key may repeat.
using Params = std::multimap<std::string, std::string>;

// One request, read whole (the body is in memory and within the limit).
struct Request {
  std::string method;       // "GET", "POST", ... as sent (upper case)
  std::string target;       // the request target as sent: path and query
  std::string path;         // the target's path, percent-decoded
  Headers headers;
  Params params;
  std::string body;
  // The client's address: the TCP peer, or, when the peer is a trusted
  // proxy, the last untrusted hop of X-Forwarded-For.
  std::string remote_addr;
  int version = 11;  // 10 for HTTP/1.0, 11 for HTTP/1.1
  // The route pattern's captures: matches[0] is the whole path.
  std::vector<std::string> matches;

  bool has_header(std::string_view key) const;
  // The id-th value of header `key`, or "" when it has fewer.
  std::string get_header_value(std::string_view key, std::size_t id = 0) const;
  bool has_param(const std::string& key) const;
  // The id-th value of query parameter `key`, or "" when it has fewer.
  std::string get_param_value(const std::string& key, std::size_t id = 0) const;
};

// One response. A handler sets the status, headers and body; the server
// adds the framing (Content-Length, Connection) and may compress the body.
struct Response {
  int status = -1;  // -1: nobody answered yet
  Headers headers;
  std::string body;

  bool has_header(std::string_view key) const;
  std::string get_header_value(std::string_view key, std::size_t id = 0) const;
  // Adds a header; a value with CR or LF is dropped (no header injection).
  void set_header(std::string_view key, std::string_view value);
  // Sets the body and its Content-Type (replacing an earlier one).
  void set_content(std::string content, std::string_view content_type);
};

// Percent-decodes `s`; with plus_as_space, "+" becomes " " (query strings).
// Malformed escapes are kept as they are.
std::string DecodeUrl(std::string_view s, bool plus_as_space);
// Splits "a=1&b=x%20y" into `params`.
void ParseQuery(std::string_view query, Params& params);

}  // namespace lizheng::api
