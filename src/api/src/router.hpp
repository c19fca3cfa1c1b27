// Private: maps a method and a path to a handler. Patterns are regular
// expressions matched against the whole decoded path; their captures reach
// the handler as Request::matches. Knows nothing of the server library.
#pragma once

#include <functional>
#include <regex>
#include <string>
#include <vector>

#include "http_message.hpp"

namespace lizheng::api {

using Handler = std::function<void(const Request&, Response&)>;

class Router {
 public:
  // Registers a handler; patterns are tried in the order they were added.
  // A GET route answers HEAD too (the server drops the body). Call before
  // serving: registration is not thread-safe, Dispatch is.
  void Get(const std::string& pattern, Handler handler);
  void Post(const std::string& pattern, Handler handler);

  // Runs the first route of the request's method whose pattern matches the
  // whole path, filling req.matches. Returns false when none does (the
  // caller answers 404), without touching `res`.
  bool Dispatch(Request& req, Response& res) const;

 private:
  struct Route {
    std::string method;
    std::regex pattern;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace lizheng::api
