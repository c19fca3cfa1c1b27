// The administrative subcommands: migrate, setup, user add, limits,
// rate-limits, calendar, verify-log, backup.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>

#include "commands.hpp"
#include "flags.hpp"
#include "log_key_file.hpp"
#include "lizheng/app/auth.hpp"
#include "lizheng/app/district_map.hpp"
#include "lizheng/app/environment.hpp"
#include "lizheng/app/rate_limit_settings.hpp"
#include "lizheng/app/setup.hpp"
#include "lizheng/core/time_limits.hpp"
#include "lizheng/core/working_calendar.hpp"
#include "lizheng/store/sqlite_store.hpp"

namespace lizheng::cli {
namespace {

int Fail(const std::string& cmd, const std::string& message, int code = 1) {
  std::cerr << "lizheng " << cmd << ": " << message << "\n";
  return code;
}

}  // namespace

Result<std::unique_ptr<store::Store>> Open(const Flags& flags) {
  store::SqliteOptions so;
  so.path = flags.GetOr("db", DefaultDbPath());
  return store::OpenSqliteStore(so);
}

// The jurisdiction named by --jurisdiction, or the only/first one.
Result<Jurisdiction> PickJurisdiction(store::Store& s, const Flags& flags) {
  std::vector<Jurisdiction> all;
  LZ_RETURN_IF_ERROR(s.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(all, txn.ListJurisdictions());
    return OkStatus();
  }));
  if (all.empty()) return MakeError(ErrorCode::kNotFound, "no jurisdiction yet; run 'lizheng setup' or 'lizheng demo'");
  if (auto code = flags.Get("jurisdiction")) {
    for (const auto& j : all)
      if (j.code == *code) return j;
    return MakeError(ErrorCode::kNotFound, "--jurisdiction: unknown code '" + *code + "'");
  }
  return all.front();
}

std::string DefaultDbPath() {
  if (const char* env = std::getenv("LIZHENG_DB"); env && *env) return env;
  return "var/lizheng.db";
}

int Migrate(const Args& args) {
  auto flags = Flags::Parse(args, {"db"});
  if (!flags.ok()) return Fail("migrate", flags.error().message, 2);
  auto s = Open(*flags);
  if (!s.ok()) return Fail("migrate", s.error().message);
  std::cout << "schema version " << (*s)->SchemaVersion() << "\n";
  return 0;
}

int Setup(const Args& args) {
  auto flags = Flags::Parse(args, {"db", "code", "name", "utc-offset-minutes"});
  if (!flags.ok()) return Fail("setup", flags.error().message, 2);
  auto code = flags->Get("code");
  auto name = flags->Get("name");
  if (!code || !name) return Fail("setup", "--code and --name are required", 2);
  auto offset = flags->GetInt("utc-offset-minutes", 480, -720, 840);
  if (!offset.ok()) return Fail("setup", offset.error().message, 2);
  auto s = Open(*flags);
  if (!s.ok()) return Fail("setup", s.error().message);
  JurisdictionId id = 0;
  Status st = (*s)->Write([&](store::WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(id, app::CreateJurisdiction(txn, Jurisdiction{0, *code, *name, static_cast<int>(*offset)}));
    return OkStatus();
  });
  if (!st.ok()) return Fail("setup", st.error().message);
  std::cout << "created jurisdiction " << *code << " (" << *name << "), id " << id << "\n";
  return 0;
}

int UserCommand(const Args& args) {
  if (args.empty() || args[0] != "add") return Fail("user", "usage: lizheng user add --username U --role R [--unit CODE] [--name N] [--password P]", 2);
  auto flags = Flags::Parse(Args(args.begin() + 1, args.end()),
                            {"db", "jurisdiction", "username", "role", "unit", "name", "password"});
  if (!flags.ok()) return Fail("user add", flags.error().message, 2);
  auto username = flags->Get("username");
  auto role_name = flags->Get("role");
  if (!username || !role_name) return Fail("user add", "--username and --role are required", 2);
  auto role = FromWire<Role>(*role_name);
  if (!role) return Fail("user add", "--role: expected one of: " + WireNamesList<Role>(), 2);
  // The password comes from the flag or $LIZHENG_PASSWORD so that it need
  // not appear in the process list.
  std::string password = flags->GetOr("password", "");
  if (password.empty())
    if (const char* env = std::getenv("LIZHENG_PASSWORD")) password = env;
  if (password.empty()) return Fail("user add", "--password or $LIZHENG_PASSWORD is required", 2);
  auto s = Open(*flags);
  if (!s.ok()) return Fail("user add", s.error().message);
  auto j = PickJurisdiction(**s, *flags);
  if (!j.ok()) return Fail("user add", j.error().message);
  std::optional<UnitId> unit;
  if (auto unit_code = flags->Get("unit")) {
    Status st = (*s)->Read([&](store::ReadTxn& txn) -> Status {
      LZ_ASSIGN_OR_RETURN(Directory dir, txn.LoadDirectory(j->id));
      const Unit* u = dir.FindUnitByCode(*unit_code);
      if (!u) return MakeError(ErrorCode::kNotFound, "--unit: unknown unit code '" + *unit_code + "'");
      unit = u->id;
      return OkStatus();
    });
    if (!st.ok()) return Fail("user add", st.error().message);
  }
  app::SystemTime time;
  app::SecureRandom random;
  app::AuthService auth(**s, time, random, app::AuthOptions{});
  auto id = auth.CreateUser(j->id, *username, flags->GetOr("name", *username), *role, unit, password);
  // A password the policy refuses is bad input (2), like a bad flag.
  if (!id.ok())
    return Fail("user add", id.error().message,
                id.error().code == ErrorCode::kInvalidArgument ? 2 : 1);
  std::cout << "added user " << *username << " (" << ToWire(*role) << "), id " << *id << "\n";
  return 0;
}

namespace {

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kNotFound, "--file: cannot read " + path, "file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "limits export" prints the jurisdiction's matrix and clock policy in the
// file form of data/time_limits.tsv; "limits import --file F" validates F
// whole and replaces both in one transaction.
int LimitsExport(store::Store& s, const Jurisdiction& j) {
  std::optional<TimeLimitMatrix> m;
  Status st = s.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(TimeLimitMatrix loaded, txn.LoadTimeLimits(j.id));
    m.emplace(std::move(loaded));
    return OkStatus();
  });
  if (!st.ok()) return Fail("limits export", st.error().message);
  std::cout << "# time limits of " << j.code << " (" << j.name << ")\n" << m->ToTsv();
  return 0;
}

int LimitsImport(store::Store& s, const Jurisdiction& j, const Flags& flags) {
  auto path = flags.Get("file");
  if (!path) return Fail("limits import", "--file FILE is required", 2);
  auto text = ReadWholeFile(*path);
  if (!text.ok()) return Fail("limits import", text.error().message, 2);
  auto m = TimeLimitMatrix::Parse(*text);
  if (!m.ok()) return Fail("limits import", *path + ": " + m.error().message, 2);
  Status st = s.Write([&](store::WriteTxn& txn) { return txn.ReplaceTimeLimits(j.id, *m); });
  if (!st.ok()) return Fail("limits import", st.error().message);
  std::cout << "time limits of " << j.code << " replaced: " << m->rules().size()
            << " rules and the clock policy. Deadlines already running keep their due "
               "times; a running server applies the new limits within a minute.\n";
  return 0;
}

// "calendar export --year Y" prints the year's exceptional days in the form
// of data/calendars/Y.tsv; "calendar import --year Y --file F" replaces them.
int CalendarExport(store::Store& s, const Jurisdiction& j, int year) {
  std::vector<CalendarException> days;
  Status st = s.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(days, txn.LoadCalendar(j.id));
    return OkStatus();
  });
  if (!st.ok()) return Fail("calendar export", st.error().message);
  std::cout << "# working calendar " << year << " of " << j.code << " (" << j.name << ")\n";
  for (const CalendarException& d : WorkingCalendar(j.utc_offset_minutes, days).Exceptions(year))
    std::cout << FormatDate(d.day) << '\t' << (d.working ? "workday" : "holiday") << '\t' << d.name
              << '\n';
  return 0;
}

int CalendarImport(store::Store& s, const Jurisdiction& j, int year, const Flags& flags) {
  auto path = flags.Get("file");
  if (!path) return Fail("calendar import", "--file FILE is required", 2);
  auto text = ReadWholeFile(*path);
  if (!text.ok()) return Fail("calendar import", text.error().message, 2);
  auto days = WorkingCalendar::ParseYearFile(*text, year);
  if (!days.ok()) return Fail("calendar import", *path + ": " + days.error().message, 2);
  Status st = s.Write([&](store::WriteTxn& txn) { return txn.ReplaceCalendar(j.id, year, *days); });
  if (!st.ok()) return Fail("calendar import", st.error().message);
  std::cout << "calendar " << year << " of " << j.code << " replaced: " << days->size()
            << " exceptional days\n";
  return 0;
}

// "map import --file F" checks a district map against the jurisdiction's
// areas and stores it; "map export" prints the stored one.
int MapImport(store::Store& s, const Jurisdiction& j, const Flags& flags) {
  auto path = flags.Get("file");
  if (!path) return Fail("map import", "--file FILE is required", 2);
  auto text = ReadWholeFile(*path);
  if (!text.ok()) return Fail("map import", text.error().message, 2);
  Status st = s.Write([&](store::WriteTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(Directory dir, txn.LoadDirectory(j.id));
    LZ_RETURN_IF_ERROR(app::ValidateDistrictMap(*text, dir));
    return txn.PutJurisdictionFile(j.id, app::kDistrictMapFile, *text, app::SystemTime().Now());
  });
  if (!st.ok())
    return Fail("map import", *path + ": " + st.error().message,
                st.error().code == ErrorCode::kInvalidArgument ? 2 : 1);
  std::cout << "district map of " << j.code << " replaced (" << text->size() << " bytes)\n";
  return 0;
}

int MapExport(store::Store& s, const Jurisdiction& j) {
  std::optional<std::string> map;
  Status st = s.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(map, txn.GetJurisdictionFile(j.id, app::kDistrictMapFile));
    return OkStatus();
  });
  if (!st.ok()) return Fail("map export", st.error().message);
  if (!map) return Fail("map export", j.code + " has no district map; add one with 'lizheng map import --file F'");
  std::cout << *map;
  return 0;
}

// "rate-limits export" prints the jurisdiction's rate limits (the defaults
// when none are stored); "rate-limits import --file F" validates F whole and
// stores it as the jurisdiction file kRateLimitsFile.
int RateLimitsExport(store::Store& s, const Jurisdiction& j) {
  std::optional<std::string> stored;
  Status st = s.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(stored, txn.GetJurisdictionFile(j.id, app::kRateLimitsFile));
    return OkStatus();
  });
  if (!st.ok()) return Fail("rate-limits export", st.error().message);
  app::RateLimitSettings settings;
  if (stored) {
    auto parsed = app::RateLimitSettings::Parse(*stored);
    if (!parsed.ok()) return Fail("rate-limits export", "the stored rate limits: " + parsed.error().message);
    settings = *parsed;
  }
  std::cout << "# rate limits of " << j.code << " (" << j.name << ")"
            << (stored ? "" : ": the defaults, none stored") << "\n"
            << settings.ToTsv();
  return 0;
}

int RateLimitsImport(store::Store& s, const Jurisdiction& j, const Flags& flags) {
  auto path = flags.Get("file");
  if (!path) return Fail("rate-limits import", "--file FILE is required", 2);
  auto text = ReadWholeFile(*path);
  if (!text.ok()) return Fail("rate-limits import", text.error().message, 2);
  auto settings = app::RateLimitSettings::Parse(*text);
  if (!settings.ok()) return Fail("rate-limits import", *path + ": " + settings.error().message, 2);
  // Stored in the canonical form, every setting spelled out.
  Status st = s.Write([&](store::WriteTxn& txn) {
    return txn.PutJurisdictionFile(j.id, app::kRateLimitsFile, settings->ToTsv(),
                                   app::SystemTime().Now());
  });
  if (!st.ok()) return Fail("rate-limits import", st.error().message);
  std::cout << "rate limits of " << j.code
            << " replaced; a running server applies them within a minute.\n";
  return 0;
}

// The shape of the settings commands: "<cmd> export|import [flags]" on one
// jurisdiction's store. `run` gets the subcommand, the flags, the store and
// the jurisdiction.
using SettingsFn = std::function<int(const std::string& sub, const Flags& flags, store::Store& s,
                                     const Jurisdiction& j)>;

// `check`, if given, validates the flags before the store is opened (a
// usage error must not create a database file) and returns 0 to go on.
int RunSettingsCommand(const std::string& cmd, const Args& args, const std::string& usage,
                       std::set<std::string> known, const SettingsFn& run,
                       const std::function<int(const std::string&, const Flags&)>& check = {}) {
  const std::string sub = args.empty() ? "" : args[0];
  if (sub != "export" && sub != "import") return Fail(cmd, "expected " + usage, 2);
  known.insert({"db", "jurisdiction", "file"});
  auto flags = Flags::Parse(Args(args.begin() + 1, args.end()), known);
  if (!flags.ok()) return Fail(cmd + " " + sub, flags.error().message, 2);
  if (check) {
    if (const int rc = check(sub, *flags); rc != 0) return rc;
  }
  auto s = Open(*flags);
  if (!s.ok()) return Fail(cmd + " " + sub, s.error().message);
  auto j = PickJurisdiction(**s, *flags);
  if (!j.ok()) return Fail(cmd + " " + sub, j.error().message);
  return run(sub, *flags, **s, *j);
}

}  // namespace

int Map(const Args& args) {
  return RunSettingsCommand(
      "map", args, "'map export' or 'map import --file FILE.geojson'", {},
      [](const std::string& sub, const Flags& flags, store::Store& s, const Jurisdiction& j) {
        return sub == "export" ? MapExport(s, j) : MapImport(s, j, flags);
      });
}

int Limits(const Args& args) {
  return RunSettingsCommand(
      "limits", args, "'limits export' or 'limits import --file FILE'", {},
      [](const std::string& sub, const Flags& flags, store::Store& s, const Jurisdiction& j) {
        return sub == "export" ? LimitsExport(s, j) : LimitsImport(s, j, flags);
      });
}

int RateLimits(const Args& args) {
  return RunSettingsCommand(
      "rate-limits", args, "'rate-limits export' or 'rate-limits import --file FILE'", {},
      [](const std::string& sub, const Flags& flags, store::Store& s, const Jurisdiction& j) {
        return sub == "export" ? RateLimitsExport(s, j) : RateLimitsImport(s, j, flags);
      });
}

int Calendar(const Args& args) {
  return RunSettingsCommand(
      "calendar", args, "'calendar export --year Y' or 'calendar import --year Y --file FILE'",
      {"year"},
      [](const std::string& sub, const Flags& flags, store::Store& s, const Jurisdiction& j) {
        const int y = static_cast<int>(*flags.GetInt("year", 0, 2000, 2100));
        return sub == "export" ? CalendarExport(s, j, y) : CalendarImport(s, j, y, flags);
      },
      [](const std::string& sub, const Flags& flags) {
        if (!flags.Has("year")) return Fail("calendar " + sub, "--year is required", 2);
        auto year = flags.GetInt("year", 0, 2000, 2100);
        if (!year.ok()) return Fail("calendar " + sub, year.error().message, 2);
        return 0;
      });
}

namespace {

// The anchor file: one line per jurisdiction, "<id> <seq> <hash>". A
// missing file is an error: it is what an attacker would delete.
Result<std::vector<store::ChainAnchor>> ReadAnchors(const std::string& path) {
  std::vector<store::ChainAnchor> anchors;
  std::ifstream in(path);
  if (!in) {
    return MakeError(ErrorCode::kNotFound,
                     "--anchor: " + path +
                         " does not exist; to start a new anchor there, add --init",
                     "anchor");
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    store::ChainAnchor a;
    if (!(fields >> a.jurisdiction >> a.seq >> a.hash) || a.seq < 0) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "--anchor: " + path + " line " + std::to_string(line_no) +
                           ": expected '<jurisdiction id> <seq> <hash>'",
                       "anchor");
    }
    if (a.hash == "-") a.hash.clear();
    anchors.push_back(std::move(a));
  }
  return anchors;
}

Status WriteAnchors(const std::string& path, const std::vector<store::ChainReport>& reports) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "# lizheng event-chain anchor: jurisdiction id, newest event seq, its hash\n";
    for (const auto& r : reports)
      out << r.jurisdiction << ' ' << r.head.seq << ' ' << (r.head.hash.empty() ? "-" : r.head.hash)
          << '\n';
    out.flush();
    if (!out) return MakeError(ErrorCode::kUnavailable, "--anchor: cannot write " + tmp, "anchor");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return MakeError(ErrorCode::kUnavailable, "--anchor: cannot replace " + path + ": " + ec.message(), "anchor");
  return OkStatus();
}

// The anchors to check: none without --anchor or with --init (which must
// name a file that does not exist yet), else the file's.
Result<std::vector<store::ChainAnchor>> AnchorsToCheck(const Flags& flags) {
  const std::optional<std::string> path = flags.Get("anchor");
  if (!path) {
    if (flags.Has("init"))
      return MakeError(ErrorCode::kInvalidArgument, "--init: needs --anchor FILE", "init");
    return std::vector<store::ChainAnchor>{};
  }
  if (flags.Has("init")) {
    if (std::filesystem::exists(*path)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "--init: " + *path + " exists already; drop --init to check against it",
                       "anchor");
    }
    return std::vector<store::ChainAnchor>{};
  }
  return ReadAnchors(*path);
}

}  // namespace

// Exit codes: 0 intact, 1 cannot run, 2 usage (a missing key or anchor
// file too), 3 the log is broken.
int VerifyLog(const Args& args) {
  auto flags = Flags::Parse(args, {"db", "anchor", "log-key"}, {"init"});
  if (!flags.ok()) return Fail("verify-log", flags.error().message, 2);
  auto anchors = AnchorsToCheck(*flags);
  if (!anchors.ok()) return Fail("verify-log", anchors.error().message, 2);
  store::SqliteOptions so;
  so.path = flags->GetOr("db", DefaultDbPath());
  if (!std::filesystem::exists(so.path))
    return Fail("verify-log", "--db: no database at " + so.path, 2);
  const std::string key_path = LogKeyPath(*flags, so.path);
  auto key = ReadLogKeyFile(key_path);
  if (!key.ok()) {
    return Fail("verify-log", key.error().message +
                                  "; the keyed event chain cannot be verified without the key "
                                  "the server writes with (--log-key FILE)",
                2);
  }
  so.log_key = *key;
  // A key that does not fit is reported below, event by event.
  so.check_log_key = false;
  auto s = store::OpenSqliteStore(so);
  if (!s.ok()) return Fail("verify-log", s.error().message);
  auto reports = (*s)->VerifyChains(*anchors);
  if (!reports.ok()) return Fail("verify-log", reports.error().message);
  bool ok = true;
  for (const auto& r : *reports) {
    if (!r.intact()) {
      ok = false;
      std::cout << "jurisdiction " << r.jurisdiction << ": BROKEN";
      if (r.first_bad_seq) std::cout << " at event " << *r.first_bad_seq;
      std::cout << ": " << r.message << "\n";
    } else {
      std::cout << "jurisdiction " << r.jurisdiction << ": " << r.message << ", chain intact"
                << (anchors->empty() ? "" : ", anchor matched") << "\n";
    }
  }
  if (!ok) return 3;
  if (const auto anchor_path = flags->Get("anchor")) {
    Status st = WriteAnchors(*anchor_path, *reports);
    if (!st.ok()) return Fail("verify-log", st.error().message);
    std::cout << (flags->Has("init") ? "anchor created: " : "anchor updated: ") << *anchor_path
              << "\n";
  }
  return 0;
}

int Backup(const Args& args) {
  auto flags = Flags::Parse(args, {"db", "out"});
  if (!flags.ok()) return Fail("backup", flags.error().message, 2);
  auto out = flags->Get("out");
  if (!out) return Fail("backup", "--out FILE is required", 2);
  auto s = Open(*flags);
  if (!s.ok()) return Fail("backup", s.error().message);
  Status st = (*s)->Backup(*out);
  if (!st.ok()) return Fail("backup", st.error().message);
  std::cout << "backup written to " << *out << "\n";
  return 0;
}

}  // namespace lizheng::cli
