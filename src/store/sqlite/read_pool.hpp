// A fixed pool of read-only connections. Any thread may lease one; a lease
// blocks while all are in use -- so a read function that starts another Read
// can deadlock a pool of one, and holds two connections otherwise.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "connection.hpp"

namespace lizheng::store::sqlite {

class ReadPool {
 public:
  // Opens `size` read-only connections to options.path (size >= 1).
  static Result<std::unique_ptr<ReadPool>> Open(const ConnectionOptions& options, int size);

  // Runs `fn` with a connection of its own for the duration of the call.
  Status With(const std::function<Status(Connection&)>& fn);

 private:
  ReadPool() = default;
  Connection* Acquire();
  void Release(Connection* conn);

  std::vector<std::unique_ptr<Connection>> connections_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<Connection*> free_;  // guarded by mu_
};

}  // namespace lizheng::store::sqlite
