#include "http_message.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace lizheng::api {
namespace {

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string ValueAt(const Headers& headers, std::string_view key, std::size_t id) {
  const auto [first, last] = headers.equal_range(std::string(key));
  if (static_cast<std::size_t>(std::distance(first, last)) <= id) return {};
  return std::next(first, static_cast<std::ptrdiff_t>(id))->second;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return Lower(x) < Lower(y); });
}

bool Request::has_header(std::string_view key) const { return headers.count(std::string(key)) > 0; }

std::string Request::get_header_value(std::string_view key, std::size_t id) const {
  return ValueAt(headers, key, id);
}

bool Request::has_param(const std::string& key) const { return params.count(key) > 0; }

std::string Request::get_param_value(const std::string& key, std::size_t id) const {
  const auto [first, last] = params.equal_range(key);
  if (static_cast<std::size_t>(std::distance(first, last)) <= id) return {};
  return std::next(first, static_cast<std::ptrdiff_t>(id))->second;
}

bool Response::has_header(std::string_view key) const { return headers.count(std::string(key)) > 0; }

std::string Response::get_header_value(std::string_view key, std::size_t id) const {
  return ValueAt(headers, key, id);
}

void Response::set_header(std::string_view key, std::string_view value) {
  if (key.find_first_of("\r\n:") != std::string_view::npos) return;
  if (value.find_first_of("\r\n") != std::string_view::npos) return;
  headers.emplace(std::string(key), std::string(value));
}

void Response::set_content(std::string content, std::string_view content_type) {
  body = std::move(content);
  headers.erase("Content-Type");
  set_header("Content-Type", content_type);
}

std::string DecodeUrl(std::string_view s, bool plus_as_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%' && i + 2 < s.size()) {
      const int hi = HexValue(s[i + 1]);
      const int lo = HexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(plus_as_space && c == '+' ? ' ' : c);
  }
  return out;
}

void ParseQuery(std::string_view query, Params& params) {
  std::size_t pos = 0;
  while (pos <= query.size()) {
    std::size_t end = query.find('&', pos);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(pos, end - pos);
    pos = end + 1;
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string_view key = pair.substr(0, eq);
    const std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    params.emplace(DecodeUrl(key, true), DecodeUrl(value, true));
  }
}

}  // namespace lizheng::api
