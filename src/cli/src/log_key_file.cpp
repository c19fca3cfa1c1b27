#include "log_key_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

namespace lizheng::cli {

std::string LogKeyPath(const Flags& flags, const std::string& db_path) {
  if (auto path = flags.Get("log-key")) return *path;
  if (const char* env = std::getenv("LIZHENG_LOG_KEY"); env && *env) return env;
  return db_path + ".log-key";
}

Result<store::LogKey> ReadLogKeyFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return MakeError(ErrorCode::kNotFound,
                     "--log-key: no event-log key file at " + path, "log-key");
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
    std::cerr << "lizheng: warning: the event-log key " << path
              << " can be read by other users; run 'chmod 600 " << path << "'\n";
  }
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto key = store::LogKey::FromHex(line);
    if (!key.ok()) break;
    return key;
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "--log-key: " + path + " holds no key (expected a line of 64 hex digits)",
                   "log-key");
}

Result<LogKeyChoice> LoadOrMakeLogKey(const Flags& flags, const std::string& db_path) {
  LogKeyChoice choice;
  choice.path = LogKeyPath(flags, db_path);
  auto read = ReadLogKeyFile(choice.path);
  if (read.ok()) {
    choice.key = *read;
    return choice;
  }
  if (read.error().code != ErrorCode::kNotFound) return read.error();
  choice.key = store::LogKey::Generate();
  choice.created = true;
  return choice;
}

Status WriteLogKeyFile(const std::string& path, const store::LogKey& key) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return MakeError(ErrorCode::kUnavailable,
                     "--log-key: cannot create " + path + ": " + std::strerror(errno), "log-key");
  }
  const std::string text =
      "# lizheng event-log key (HMAC-SHA-256). Keep it secret, apart from the database,\n"
      "# and back it up: without it the event log cannot be verified or extended.\n" +
      key.Hex() + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written) {
    ::unlink(path.c_str());
    return MakeError(ErrorCode::kUnavailable, "--log-key: cannot write " + path, "log-key");
  }
  return OkStatus();
}

std::string LogKeyRefusalHint(const LogKeyChoice& choice, const Error& error) {
  if (!choice.created || error.reason != "log_key_mismatch") return "";
  return "\n(there is no key file at " + choice.path +
         ", but this database's events are keyed: restore its key file, or name it with "
         "--log-key FILE)";
}

}  // namespace lizheng::cli
