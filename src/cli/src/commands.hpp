// Private: one function per subcommand. Each returns the process exit code
// and writes its own messages.
#pragma once

#include <string>
#include <vector>

namespace lizheng::cli {

using Args = std::vector<std::string>;

int Serve(const Args& args);
int Demo(const Args& args);
int Migrate(const Args& args);
int Setup(const Args& args);
int UserCommand(const Args& args);
int Limits(const Args& args);
int Calendar(const Args& args);
int Map(const Args& args);
int VerifyLog(const Args& args);
int Backup(const Args& args);

// The database path: --db, else $LIZHENG_DB, else var/lizheng.db.
std::string DefaultDbPath();

}  // namespace lizheng::cli
