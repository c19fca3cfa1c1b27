// Private: the usage text of every subcommand, printed by
// `lizheng <command> --help` (or -h) and after a usage error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lizheng::cli {

// The usage of `command` ("serve", "calendar", ...); empty for a command
// that prints its own (hotspots, reply-quality) or an unknown one.
std::string_view CommandUsage(std::string_view command);

// Whether `args` (what follows the command name) ask for help: a "--help"
// or "-h" anywhere, as `git` and most tools accept it.
bool AsksForHelp(const std::vector<std::string>& args);

}  // namespace lizheng::cli
