// Private: the built web pages (web/dist) served at /, beside the API.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "http_message.hpp"

namespace lizheng::api {

// Headers of an HTML page: no framing by other sites, scripts and data only
// from this origin (Element Plus sets inline styles, hence 'unsafe-inline'
// for styles alone).
void SetPageHeaders(Response& res);

// Files of one folder, read on demand and kept with their gzip form while
// they do not change on disk. Thread-safe.
class StaticFiles {
 public:
  explicit StaticFiles(std::string dir) : dir_(std::move(dir)) {}

  // A GET or HEAD of a file in the folder ("/" and ".../" mean index.html):
  // 200 with its type and cache headers; false (res untouched) when there is
  // no such file or the path leaves the folder. Range is ignored: the whole
  // file is sent.
  bool Serve(const Request& req, Response& res) const;
  // History-mode routing: a GET of a page path that is no file
  // (/track/2026..., /staff/work-orders/12) gets the page's HTML, so a
  // bookmark or a reload works. /staff/... is the workbench, everything else
  // the citizen portal. API paths and names with an extension are left to
  // their 404 (false).
  bool ServePage(const Request& req, Response& res) const;

 private:
  struct Cached {
    std::filesystem::file_time_type mtime;
    std::uintmax_t size = 0;
    std::shared_ptr<const std::string> body;
    std::shared_ptr<const std::string> gzipped;  // null: not worth it or not compressible
  };
  // The file at `rel` (relative to the folder), read or from the cache.
  std::optional<Cached> Load(const std::string& rel, const std::string& type) const;
  void Send(const Request& req, Response& res, const std::string& rel, const Cached& file,
            const std::string& type) const;

  std::string dir_;
  mutable std::mutex mu_;
  mutable std::map<std::string, Cached> cache_;
};

}  // namespace lizheng::api
