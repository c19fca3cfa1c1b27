// Private: the event-driven HTTP/1.x server underneath HttpServer (Boost.Beast
// on Asio; http_transport.cpp is the one file that includes them). A few io
// threads read and write every connection; handlers run on a separate pool
// of worker threads, so a slow handler never stalls reading other sockets
// and an idle client holds a socket, not a thread.
//
// It enforces the edge's limits (ServerOptions): deadlines for the request
// head, the body, an idle keep-alive connection and a write; connection caps
// in all and per client address; limits on the head's size, its header
// count and the body (Content-Length and chunked alike). A request refused
// before its body is read is answered and its connection closed, so the
// unread body can never be taken for a next request.
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include "http_message.hpp"
#include "lizheng/api/http_server.hpp"
#include "lizheng/core/result.hpp"

namespace lizheng::api {

// Why the transport refuses a request without asking the handlers.
enum class Refusal {
  kMalformed,         // 400: not HTTP/1.x as the RFCs define it
  kHeadTooLarge,      // 431: the head is over max_head_bytes or max_headers
  kBodyTooLarge,      // 413: the body is over max_body_bytes
  kContentEncoding,   // 415: a compressed request body (Content-Encoding)
  kTooManyConnections // 503: over the connection caps (sent best-effort)
};

class HttpTransport {
 public:
  struct Callbacks {
    // On an io thread, once the head is read and before the body is: a
    // response that refuses the request (the body is then never read and the
    // connection closes), or nullopt to go on. Must be quick.
    std::function<std::optional<Response>(const Request&)> screen;
    // On an io thread: whether the request is a cheap probe (health) that
    // goes to a thread of its own instead of queueing behind the workers,
    // so that a load balancer still gets its answer while every worker is
    // busy (a crowd of list reads, sign-ins waiting for a hash). Must be quick.
    std::function<bool(const Request&)> urgent;
    // On a worker thread (or the probe thread), with the whole request.
    std::function<void(Request&, Response&)> handle;
    // The response to a refusal, given the request as far as it was read
    // (its headers may be missing). Must be quick.
    std::function<Response(Refusal, const Request&)> refuse;
  };

  HttpTransport(const ServerOptions& options, Callbacks callbacks);
  ~HttpTransport();
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  // Binds and listens (SO_REUSEADDR, never SO_REUSEPORT; backlog SOMAXCONN);
  // returns the port, useful with port 0.
  Result<int> Bind();
  // Serves until Stop(), on the calling thread and the io and worker
  // threads it starts; returns once in-flight requests are answered.
  void Run();
  // Makes Run stop accepting, close idle connections, finish requests in
  // flight and return. Thread-safe and async-signal-safe (a write to a
  // pipe), so a signal handler may call it.
  void Stop();

  // The server's state, shared with its connections (http_transport.cpp).
  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace lizheng::api
