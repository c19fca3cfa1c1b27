// Private: one function per subcommand. Each returns the process exit code
// and writes its own messages.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "flags.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::cli {

using Args = std::vector<std::string>;

int Serve(const Args& args);
int Demo(const Args& args);
int Migrate(const Args& args);
int Setup(const Args& args);
int UserCommand(const Args& args);
int Limits(const Args& args);
int RateLimits(const Args& args);
int Calendar(const Args& args);
int Map(const Args& args);
int VerifyLog(const Args& args);
int Backup(const Args& args);
// `classify train --db PATH [--jurisdiction CODE]`: trains the classifier
// from the jurisdiction's own labelled work orders and stores it.
int ClassifyFromDatabase(const Args& args);

// The database path: --db, else $LIZHENG_DB, else var/lizheng.db.
std::string DefaultDbPath();
// The SQLite store at --db (or the default path).
Result<std::unique_ptr<store::Store>> Open(const Flags& flags);
// The jurisdiction named by --jurisdiction, or the only/first one.
Result<Jurisdiction> PickJurisdiction(store::Store& s, const Flags& flags);

}  // namespace lizheng::cli
