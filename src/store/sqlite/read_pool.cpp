#include "read_pool.hpp"

namespace lizheng::store::sqlite {

Result<std::unique_ptr<ReadPool>> ReadPool::Open(const ConnectionOptions& options, int size) {
  std::unique_ptr<ReadPool> pool(new ReadPool());
  ConnectionOptions read_options = options;
  read_options.mode = OpenMode::kReadOnly;
  for (int i = 0; i < size; ++i) {
    LZ_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, Connection::Open(read_options));
    pool->free_.push_back(conn.get());
    pool->connections_.push_back(std::move(conn));
  }
  return pool;
}

Connection* ReadPool::Acquire() {
  std::unique_lock lock(mu_);
  available_.wait(lock, [this] { return !free_.empty(); });
  Connection* conn = free_.back();
  free_.pop_back();
  return conn;
}

void ReadPool::Release(Connection* conn) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(conn);
  }
  available_.notify_one();
}

Status ReadPool::With(const std::function<Status(Connection&)>& fn) {
  // A guard rather than a plain call, so an exception cannot leak the lease.
  struct Lease {
    ReadPool* pool;
    Connection* conn;
    ~Lease() { pool->Release(conn); }
  } lease{this, Acquire()};
  return fn(*lease.conn);
}

}  // namespace lizheng::store::sqlite
