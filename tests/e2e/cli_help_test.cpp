// `--help` and `-h` after any command print that command's usage and exit
// 0, instead of being refused as unknown flags; `lizheng --help` and
// `lizheng help` print the list of commands.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_server.hpp"

namespace lizheng::e2e {
namespace {

struct HelpCase {
  std::vector<std::string> args;
  std::string usage_line;  // what the usage must contain
};

TEST(CliHelpTest, EveryCommandPrintsItsUsageForHelp) {
  const std::vector<HelpCase> cases = {
      {{"serve", "--help"}, "usage: lizheng serve"},
      {{"serve", "-h"}, "--port-file F"},
      {{"serve", "--db", "/nonexistent/x.db", "--help"}, "usage: lizheng serve"},
      {{"demo", "--help"}, "usage: lizheng demo"},
      {{"demo", "-h"}, "--requests N"},
      {{"setup", "--help"}, "usage: lizheng setup"},
      {{"migrate", "--help"}, "usage: lizheng migrate"},
      {{"user", "--help"}, "usage: lizheng user add"},
      {{"user", "add", "-h"}, "--username U"},
      {{"limits", "--help"}, "usage: lizheng limits"},
      {{"limits", "import", "--help"}, "lizheng limits import --file FILE"},
      {{"rate-limits", "import", "--help"}, "lizheng rate-limits import --file FILE"},
      {{"calendar", "--help"}, "usage: lizheng calendar"},
      {{"calendar", "import", "-h"}, "YYYY-MM-DD<TAB>holiday|workday<TAB>name"},
      {{"map", "export", "--help"}, "usage: lizheng map"},
      {{"verify-log", "--help"}, "usage: lizheng verify-log"},
      {{"backup", "--help"}, "usage: lizheng backup"},
      {{"classify", "--help"}, "classify train --db PATH"},
      {{"classify", "train", "--help"}, "classify cv --data FILE"},
      {{"hotspots", "--help"}, "usage: lizheng hotspots"},
      {{"reply-quality", "-h"}, "usage: reply-quality"},
      {{"help", "serve"}, "usage: lizheng serve"},
  };
  for (const HelpCase& c : cases) {
    std::string out;
    std::string shown;
    for (const auto& a : c.args) shown += " " + a;
    EXPECT_EQ(TestServer::RunCli(c.args, &out), 0) << "lizheng" << shown << ":\n" << out;
    EXPECT_NE(out.find(c.usage_line), std::string::npos) << "lizheng" << shown << ":\n" << out;
    EXPECT_EQ(out.find("unknown flag"), std::string::npos) << "lizheng" << shown << ":\n" << out;
  }
}

TEST(CliHelpTest, TheCommandListIsPrintedForHelp) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--help"}, {"-h"}, {"help"}}) {
    std::string out;
    EXPECT_EQ(TestServer::RunCli(args, &out), 0) << args[0] << ":\n" << out;
    EXPECT_NE(out.find("commands:"), std::string::npos) << out;
    EXPECT_NE(out.find("calendar"), std::string::npos) << out;
  }
}

// Help is no way around a usage error: an unknown flag is still refused.
TEST(CliHelpTest, AnUnknownFlagIsStillRefused) {
  std::string out;
  EXPECT_EQ(TestServer::RunCli({"serve", "--colour", "red"}, &out), 2);
  EXPECT_NE(out.find("unknown flag --colour"), std::string::npos) << out;
}

}  // namespace
}  // namespace lizheng::e2e
