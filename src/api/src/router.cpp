#include "router.hpp"

namespace lizheng::api {

void Router::Get(const std::string& pattern, Handler handler) {
  routes_.push_back(Route{"GET", std::regex(pattern), std::move(handler)});
}

void Router::Post(const std::string& pattern, Handler handler) {
  routes_.push_back(Route{"POST", std::regex(pattern), std::move(handler)});
}

bool Router::Dispatch(Request& req, Response& res) const {
  const std::string& method = req.method == "HEAD" ? std::string("GET") : req.method;
  for (const Route& r : routes_) {
    if (r.method != method) continue;
    std::smatch m;
    if (!std::regex_match(req.path, m, r.pattern)) continue;
    req.matches.assign(m.begin(), m.end());
    r.handler(req, res);
    return true;
  }
  return false;
}

}  // namespace lizheng::api
