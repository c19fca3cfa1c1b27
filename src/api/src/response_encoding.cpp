#include "response_encoding.hpp"

#include <zlib.h>

#include <cctype>
#include <cstdlib>

namespace lizheng::api {
namespace {

constexpr std::size_t kMinCompressBytes = 1024;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

bool AcceptsGzip(const Request& req) {
  const std::string header = req.get_header_value("Accept-Encoding");
  std::string_view rest = header;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const std::size_t semi = item.find(';');
    const std::string_view coding = Trim(item.substr(0, semi));
    if (!EqualsNoCase(coding, "gzip") && coding != "*") continue;
    if (semi == std::string_view::npos) return true;
    const std::string_view param = Trim(item.substr(semi + 1));
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') return true;
    return std::strtod(std::string(param.substr(2)).c_str(), nullptr) > 0;
  }
  return false;
}

bool CompressibleType(std::string_view type) {
  type = type.substr(0, type.find(';'));
  return type.rfind("text/", 0) == 0 || type == "application/json" || type == "application/geo+json" ||
         type == "application/javascript" || type == "image/svg+xml" || type == "application/xml" ||
         type == "application/manifest+json";
}

std::optional<std::string> Gzip(std::string_view data) {
  z_stream z{};
  // windowBits 15 + 16: a gzip wrapper rather than a zlib one.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return std::nullopt;
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  const std::size_t size = z.total_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return std::nullopt;
  out.resize(size);
  return out;
}

void MaybeCompress(const Request& req, Response& res) {
  if (res.body.size() < kMinCompressBytes || res.has_header("Content-Encoding")) return;
  if (!CompressibleType(res.get_header_value("Content-Type")) || !AcceptsGzip(req)) return;
  std::optional<std::string> gz = Gzip(res.body);
  if (!gz) return;
  res.body = std::move(*gz);
  res.set_header("Content-Encoding", "gzip");
  res.set_header("Vary", "Accept-Encoding");
}

}  // namespace lizheng::api
