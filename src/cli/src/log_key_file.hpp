// Private: the file that holds the event-log key (store/event_chain.hpp),
// kept outside the database. Its text is a comment line and the key as 64
// hex digits; it is created with mode 0600.
#pragma once

#include <string>

#include "flags.hpp"
#include "lizheng/store/event_chain.hpp"

namespace lizheng::cli {

// The key file: --log-key FILE, else $LIZHENG_LOG_KEY, else the database
// path with ".log-key" appended (var/lizheng.db.log-key).
std::string LogKeyPath(const Flags& flags, const std::string& db_path);

// Reads the key. kNotFound if the file does not exist, kInvalidArgument
// naming "log-key" if it holds no key; warns on stderr if others may read it.
Result<store::LogKey> ReadLogKeyFile(const std::string& path);

// The key of a command that writes events (serve, demo): the file's, or a
// new one when the file does not exist. `created` says to write it with
// WriteLogKeyFile once the database has accepted it.
struct LogKeyChoice {
  store::LogKey key;
  std::string path;
  bool created = false;
};
Result<LogKeyChoice> LoadOrMakeLogKey(const Flags& flags, const std::string& db_path);

// Writes `key` to a new file at `path`, readable by its owner only; never
// replaces an existing file.
Status WriteLogKeyFile(const std::string& path, const store::LogKey& key);

// What to add to the store's refusal `error` when it refused a key made
// just now (the database's own key file is missing); "" otherwise.
std::string LogKeyRefusalHint(const LogKeyChoice& choice, const Error& error);

}  // namespace lizheng::cli
