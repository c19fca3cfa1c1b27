// lizheng: the command line. Parses the subcommand and hands over.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "lizheng/insight/classify_command.hpp"
#include "lizheng/insight/hotspots/hotspots_command.hpp"
#include "lizheng/insight/reply_quality_command.hpp"
#include "usage.hpp"

namespace {

constexpr const char* kUsage = R"(lizheng — 12345 hotline and leaders' mailbox platform

usage: lizheng <command> [flags]

commands:
  serve        start the HTTP server (/api/v1) and the scheduler
  demo         create a demo jurisdiction with users and requests
  setup        create an empty jurisdiction with the official calendars
  migrate      create or upgrade the database schema
  user add     add a staff account
  limits       export or import the time limits and clock policy (TSV)
  rate-limits  export or import the limits on anonymous intake, lookups and sign-in (TSV)
  calendar     export or import a year of the working calendar (TSV)
  map          export or import the district map of the dashboard (GeoJSON)
  verify-log   verify the keyed event log and every work order against it
  backup       write a consistent copy of the database while it is in use
  classify     train, evaluate or cross-validate the message classifier
               (train --data F --model OUT | eval --model M --data F | cv --data F [--folds 5]);
               train --db PATH [--jurisdiction CODE] trains the jurisdiction's own model
               from its labelled work orders and stores it for the servers
  reply-quality  score replies for relevance, completeness, interpretability,
               timeliness and tone (--data F --out TSV [--limit-days 15])
  hotspots     hot issues of a message file: 热点问题表 and 热点问题留言明细表 (TSV, Excel)
               (--data F --out DIR [--top 5])

common flags: --db PATH (default $LIZHENG_DB or var/lizheng.db)
run 'lizheng <command> --help' (or 'lizheng help <command>') for a command's flags.
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "help" && !lizheng::cli::CommandUsage(args[1]).empty()) {
    std::cout << lizheng::cli::CommandUsage(args[1]);
    return 0;
  }
  if (args.empty() || args[0] == "--help" || args[0] == "help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::string cmd = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  // hotspots and reply-quality answer --help themselves, with their own text.
  if (const std::string_view usage = lizheng::cli::CommandUsage(cmd);
      !usage.empty() && lizheng::cli::AsksForHelp(rest)) {
    std::cout << usage;
    return 0;
  }
  try {
    if (cmd == "serve") return lizheng::cli::Serve(rest);
    if (cmd == "demo") return lizheng::cli::Demo(rest);
    if (cmd == "setup") return lizheng::cli::Setup(rest);
    if (cmd == "migrate") return lizheng::cli::Migrate(rest);
    if (cmd == "user") return lizheng::cli::UserCommand(rest);
    if (cmd == "limits") return lizheng::cli::Limits(rest);
    if (cmd == "rate-limits") return lizheng::cli::RateLimits(rest);
    if (cmd == "calendar") return lizheng::cli::Calendar(rest);
    if (cmd == "map") return lizheng::cli::Map(rest);
    if (cmd == "verify-log") return lizheng::cli::VerifyLog(rest);
    if (cmd == "backup") return lizheng::cli::Backup(rest);
    if (cmd == "classify") {
      const bool from_db = rest.size() > 1 && rest[0] == "train" &&
                           std::find(rest.begin(), rest.end(), "--data") == rest.end() &&
                           std::find_if(rest.begin(), rest.end(), [](const std::string& a) {
                             return a == "--db" || a.rfind("--db=", 0) == 0;
                           }) != rest.end();
      if (from_db) return lizheng::cli::ClassifyFromDatabase({rest.begin() + 1, rest.end()});
      return lizheng::insight::RunClassifyCommand(rest, std::cout, std::cerr);
    }
    if (cmd == "reply-quality") {
      return lizheng::insight::RunReplyQualityCommand(rest, std::cout, std::cerr);
    }
    if (cmd == "hotspots") {
      return lizheng::insight::hotspots::RunHotspotsCommand(rest, std::cout, std::cerr);
    }
  } catch (const std::exception& e) {
    std::cerr << "lizheng " << cmd << ": internal error: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "lizheng: unknown command '" << cmd << "'\n\n" << kUsage;
  return 2;
}
