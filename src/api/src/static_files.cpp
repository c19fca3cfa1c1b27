#include "static_files.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include "response_encoding.hpp"

namespace lizheng::api {
namespace {

namespace fs = std::filesystem;

struct TypeRow {
  std::string_view extension;
  std::string_view type;
};

constexpr std::array<TypeRow, 18> kTypes{{
    {"html", "text/html; charset=utf-8"},
    {"js", "application/javascript; charset=utf-8"},
    {"mjs", "application/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"json", "application/json; charset=utf-8"},
    {"map", "application/json; charset=utf-8"},
    {"webmanifest", "application/manifest+json"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"gif", "image/gif"},
    {"webp", "image/webp"},
    {"ico", "image/x-icon"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"txt", "text/plain; charset=utf-8"},
    {"wasm", "application/wasm"},
}};

std::string TypeOf(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  if (dot != std::string::npos && path.find('/', dot) == std::string::npos) {
    const std::string_view ext = std::string_view(path).substr(dot + 1);
    for (const TypeRow& r : kTypes)
      if (r.extension == ext) return std::string(r.type);
  }
  return "application/octet-stream";
}

// The path relative to the folder, or "" when it would leave it (a ".."
// segment, a backslash or a NUL).
std::string Relative(const std::string& path) {
  if (path.empty() || path.front() != '/') return "";
  if (path.find('\\') != std::string::npos || path.find('\0') != std::string::npos) return "";
  std::string rel = path.substr(1);
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  std::size_t pos = 0;
  while (pos <= rel.size()) {
    std::size_t end = rel.find('/', pos);
    if (end == std::string::npos) end = rel.size();
    const std::string_view seg = std::string_view(rel).substr(pos, end - pos);
    if (seg == ".." || seg == ".") return "";
    pos = end + 1;
  }
  return rel;
}

}  // namespace

void SetPageHeaders(Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                 "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "same-origin");
}

std::optional<StaticFiles::Cached> StaticFiles::Load(const std::string& rel, const std::string& type) const {
  const fs::path full = fs::path(dir_) / rel;
  std::error_code ec;
  if (!fs::is_regular_file(full, ec)) return std::nullopt;
  const auto mtime = fs::last_write_time(full, ec);
  const auto size = fs::file_size(full, ec);
  if (ec) return std::nullopt;
  {
    std::lock_guard lock(mu_);
    if (auto it = cache_.find(rel); it != cache_.end() && it->second.mtime == mtime && it->second.size == size)
      return it->second;
  }
  std::ifstream in(full, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream data;
  data << in.rdbuf();
  Cached c{mtime, size, std::make_shared<const std::string>(data.str()), nullptr};
  if (c.body->size() >= 1024 && CompressibleType(type))
    if (auto gz = Gzip(*c.body)) c.gzipped = std::make_shared<const std::string>(std::move(*gz));
  std::lock_guard lock(mu_);
  cache_[rel] = c;
  return c;
}

void StaticFiles::Send(const Request& req, Response& res, const std::string& rel, const Cached& file,
                       const std::string& type) const {
  res.status = 200;
  if (file.gzipped && AcceptsGzip(req)) {
    res.set_content(*file.gzipped, type);
    res.set_header("Content-Encoding", "gzip");
  } else {
    res.set_content(*file.body, type);
  }
  if (file.gzipped) res.set_header("Vary", "Accept-Encoding");
  // Vite names the bundles by content hash, so they never change under
  // their name; the pages themselves are always revalidated.
  res.headers.erase("Cache-Control");
  res.set_header("Cache-Control",
                 rel.rfind("assets/", 0) == 0 ? "public, max-age=31536000, immutable" : "no-cache");
  if (type.rfind("text/html", 0) == 0) SetPageHeaders(res);
}

bool StaticFiles::Serve(const Request& req, Response& res) const {
  if (req.method != "GET" && req.method != "HEAD") return false;
  const std::string rel = Relative(req.path);
  if (rel.empty()) return false;
  const std::string type = TypeOf(rel);
  const std::optional<Cached> file = Load(rel, type);
  if (!file) return false;
  Send(req, res, rel, *file, type);
  return true;
}

bool StaticFiles::ServePage(const Request& req, Response& res) const {
  if (req.method != "GET" && req.method != "HEAD") return false;
  if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") return false;
  const std::string last = req.path.substr(req.path.rfind('/') + 1);
  if (last.find('.') != std::string::npos) return false;
  const bool staff = req.path == "/staff" || req.path.rfind("/staff/", 0) == 0;
  const std::string rel = staff ? "staff.html" : "index.html";
  const std::string type = TypeOf(rel);
  const std::optional<Cached> file = Load(rel, type);
  if (!file) return false;
  Send(req, res, rel, *file, type);
  return true;
}

}  // namespace lizheng::api
