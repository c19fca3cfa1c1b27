// lizheng demo: creates the demo jurisdiction 江川市 (jc) with its staff
// accounts and requests, and prints what it made.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "flags.hpp"
#include "log_key_file.hpp"
#include "lizheng/app/demo.hpp"
#include "lizheng/app/environment.hpp"
#include "lizheng/store/sqlite_store.hpp"
#include "usage.hpp"

namespace lizheng::cli {
namespace {

int Fail(const std::string& message, int code = 1) {
  std::cerr << "lizheng demo: " << message << "\n";
  return code;
}

void PrintSummary(const app::DemoSummary& s, const std::string& db, const std::string& password,
                  Timestamp now, double seconds) {
  std::cout << "created jurisdiction " << s.jurisdiction.code << " " << s.jurisdiction.name << " (id "
            << s.jurisdiction.id << ") in " << db << "\n";
  std::cout << "  " << s.areas << " areas, " << s.units << " units, " << s.categories << " categories, "
            << s.catalogue_entries << " catalogue entries, " << s.mailboxes << " mailboxes\n";
  std::cout << "  " << s.users.size() << " users, password '" << password << "':\n";
  for (const app::DemoUser& u : s.users) {
    char line[160];
    std::snprintf(line, sizeof line, "    %-16s %-13s %-8s ", u.username.c_str(),
                  std::string(ToWire(u.role)).c_str(), u.unit_code.c_str());
    std::cout << line << u.display_name << "\n";
  }
  std::cout << "  " << s.work_orders << " requests up to " << FormatTimestamp(now, s.jurisdiction.utc_offset_minutes)
            << ", " << s.events << " events:\n   ";
  for (const auto& [state, count] : s.states) std::cout << " " << ToWire(state) << " " << count;
  char took[64];
  std::snprintf(took, sizeof took, "%.1f", seconds);
  std::cout << "\n  took " << took << " s\n";
}

}  // namespace

int Demo(const Args& args) {
  auto flags = Flags::Parse(args, {"db", "requests", "days", "seed", "now", "password", "log-key"});
  if (!flags.ok())
    return Fail(flags.error().message + "\n\n" + std::string(CommandUsage("demo")), 2);
  app::DemoOptions o;
  auto requests = flags->GetInt("requests", 3000, 0, 100'000'000);
  auto days = flags->GetInt("days", 90, 1, 3650);
  auto seed = flags->GetInt("seed", 1, 0, 9'000'000'000'000'000'000LL);
  for (const auto* r : {&requests, &days, &seed})
    if (!r->ok()) return Fail(r->error().message, 2);
  o.requests = *requests;
  o.days = static_cast<int>(*days);
  o.seed = static_cast<std::uint64_t>(*seed);
  o.password = flags->GetOr("password", "lizheng-demo");
  if (o.password.empty()) return Fail("--password: must not be empty", 2);
  if (auto now = flags->Get("now")) {
    auto t = ParseTimestamp(*now, "--now");
    if (!t.ok()) return Fail(t.error().message, 2);
    o.now = *t;
  } else {
    o.now = app::SystemTime().Now();
  }
  std::int64_t shown = 0;
  o.progress = [&shown](std::int64_t done, std::int64_t total) {
    if (total < 50'000 || done - shown < total / 20) return;
    shown = done;
    std::cerr << "lizheng demo: " << done << " of " << total << " requests written\n";
  };

  const auto start = std::chrono::steady_clock::now();
  store::SqliteOptions so;
  so.path = flags->GetOr("db", DefaultDbPath());
  // `lizheng demo` is the first command of a fresh checkout: make var/.
  if (const auto parent = std::filesystem::path(so.path).parent_path(); !parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);  // a failure shows when the store opens
  }
  auto log_key = LoadOrMakeLogKey(*flags, so.path);
  if (!log_key.ok()) return Fail(log_key.error().message, 2);
  so.log_key = log_key->key;
  auto store = store::OpenSqliteStore(so);
  if (!store.ok()) return Fail(store.error().message + LogKeyRefusalHint(*log_key, store.error()));
  if (log_key->created) {
    if (Status st = WriteLogKeyFile(log_key->path, log_key->key); !st.ok())
      return Fail(st.error().message);
    std::cout << "created the event-log key " << log_key->path
              << " (keep it secret and back it up apart from the database)\n";
  }
  auto summary = app::GenerateDemo(**store, o);
  if (!summary.ok()) {
    const Error& e = summary.error();
    return Fail(e.message + (e.detail.empty() ? "" : " (" + e.detail + ")"));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  PrintSummary(*summary, so.path, o.password, o.now, seconds);
  return 0;
}

}  // namespace lizheng::cli
