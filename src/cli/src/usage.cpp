#include "usage.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace lizheng::cli {
namespace {

constexpr std::string_view kServe = R"(usage: lizheng serve [flags]

Serves the API (/api/v1) and, with --web, the web pages; runs the scheduler
(deadline warnings and overdue marks, the analytics' refresh, the calendar
check) in the same process. Stops cleanly on SIGINT or SIGTERM.

  --db PATH                 database file (default $LIZHENG_DB or var/lizheng.db)
  --host H                  address to listen on (default 127.0.0.1)
  --port N                  port (default 8080; 0 = any free port)
  --port-file F             write the bound port to F once listening
  --threads N               worker threads that run requests (default 0: twice the
                            hardware threads, at least 8); connections need no thread
  --web DIR                 built web pages (web/dist) to serve at /
  --sync full|normal        full: every acknowledgement is on disk (default)
  --scheduler-interval S    seconds between scheduler passes (default 60)
  --max-body BYTES          larger request bodies get 413, chunked ones too (default 262144)
  --head-timeout S          a new connection's request head must arrive within S seconds
                            (default 10)
  --body-timeout S          a request body must arrive within S seconds (default 30)
  --idle-timeout S          a kept-alive connection closes after S idle seconds (default 10)
  --max-connections N       open connections at once; more get 503 (default 10000)
  --max-connections-per-address N
                            open connections from one client address (default 64)
  --trusted-proxy ADDR      a reverse proxy's address (repeatable): only for connections
                            from it is X-Forwarded-For read to find the client's address
  --retrain-hours H         retrain the classifier once it is H hours old (default 24)
  --dictionary PATH         the jieba dictionary of the word segmenter
  --now TIME                start the clock at TIME (RFC 3339) and let it run on from
                            there, to rehearse a date such as a new year; default: real time
  --public-url URL          the address the public uses (default $LIZHENG_PUBLIC_URL), such
                            as https://12345.example.gov.cn; when it is https the session
                            cookie is marked Secure
  --rate-limits on|off      off: no limits on anonymous intake, lookups and sign-in, for
                            load tests and test harnesses only (default on; the limits
                            are set per jurisdiction with `lizheng rate-limits`)
  --log-key FILE            the key that chains the event log (default $LIZHENG_LOG_KEY or
                            the database path + ".log-key"); created, mode 0600, if missing.
                            Keep it outside the database's directory and back it up apart
                            from the database: verify-log needs it
)";

constexpr std::string_view kDemo = R"(usage: lizheng demo [flags]

Creates the demo jurisdiction 江川市 (code jc) with areas, units, categories,
the responsibility catalogue, leaders' mailboxes, staff accounts and requests
walked through the whole loop. Refuses a database that has jc already.

  --db PATH        database file (default $LIZHENG_DB or var/lizheng.db)
  --requests N     number of requests (default 3000; 0 = structure and users only)
  --days D         spread the requests over the D days before now (default 90)
  --seed S         random seed (default 1); the same seed and --now give the same demo
  --now TIME       the simulated present, RFC 3339 (default: the current time)
  --password P     password of every demo account (default lizheng-demo)
  --log-key FILE   the key that chains the event log (default $LIZHENG_LOG_KEY or the
                   database path + ".log-key"); created, mode 0600, if missing
)";

constexpr std::string_view kSetup = R"(usage: lizheng setup --code CODE --name NAME [flags]

Creates an empty jurisdiction with the official working calendars that ship
with lizheng and the default time limits.

  --db PATH                  database file (default $LIZHENG_DB or var/lizheng.db)
  --code CODE                the jurisdiction's code, e.g. jc
  --name NAME                its name, e.g. 江川市
  --utc-offset-minutes N     its local time's offset from UTC (default 480, China)
)";

constexpr std::string_view kMigrate = R"(usage: lizheng migrate [--db PATH]

Creates the database schema or upgrades it to this version, and prints the
schema version.
)";

constexpr std::string_view kUser = R"(usage: lizheng user add --username U --role R [flags]

Adds a staff account. The password comes from --password or, so that it
stays out of the process list, $LIZHENG_PASSWORD. It needs 10 characters
(12 for an admin) of more than one kind, must not be a common password
(data/common_passwords.txt) and must not contain the username; a refused
password exits 2 and adds nothing.

  --db PATH            database file (default $LIZHENG_DB or var/lizheng.db)
  --jurisdiction CODE  default: the first jurisdiction
  --username U         the sign-in name
  --role R             operator, dispatcher, reviewer, leader, unit_manager,
                       unit_handler or admin
  --unit CODE          the unit of a unit manager or handler
  --name N             the name shown (default: the username)
  --password P
)";

constexpr std::string_view kLimits = R"(usage: lizheng limits export [flags]
       lizheng limits import --file FILE [flags]

Prints, or replaces from FILE, the jurisdiction's time-limits matrix and
clock policy (the format of data/time_limits.tsv). A bad file is refused
whole, naming the line.

  --db PATH            database file (default $LIZHENG_DB or var/lizheng.db)
  --jurisdiction CODE  default: the first jurisdiction
  --file FILE          the file to import
)";

constexpr std::string_view kRateLimits = R"(usage: lizheng rate-limits export [flags]
       lizheng rate-limits import --file FILE [flags]

Prints, or replaces from FILE, the jurisdiction's rate limits on anonymous
intake, lookups by query code and staff sign-in (without a file of its own
a jurisdiction has the defaults, which export prints). FILE is TSV with the
header name<TAB>value; settings not given keep their defaults. Values are a
count per window (30/1h), a count (10) or a duration (90s, 15m, 1h, 1d).
A bad file is refused whole, naming the line. A running server applies the
new limits within a minute; its counters live in its memory.

  --db PATH            database file (default $LIZHENG_DB or var/lizheng.db)
  --jurisdiction CODE  default: the first jurisdiction
  --file FILE          the file to import
)";

constexpr std::string_view kCalendar = R"(usage: lizheng calendar export --year Y [flags]
       lizheng calendar import --year Y --file FILE [flags]

Prints, or replaces from FILE, one year of the jurisdiction's working
calendar: its public holidays and the weekend days declared working days
(调休). One line per day that differs from Monday to Friday:
  YYYY-MM-DD<TAB>holiday|workday<TAB>name
'#' starts a comment. A bad file is refused whole, naming the line and rule.

  --db PATH            database file (default $LIZHENG_DB or var/lizheng.db)
  --jurisdiction CODE  default: the first jurisdiction
  --year Y             the calendar year, 2000 to 2100
  --file FILE          the file to import
)";

constexpr std::string_view kMap = R"(usage: lizheng map export [flags]
       lizheng map import --file FILE.geojson [flags]

Prints, or replaces from FILE, the district map of the leader dashboard: a
GeoJSON FeatureCollection with one feature per district, its area code in
properties.code.

  --db PATH            database file (default $LIZHENG_DB or var/lizheng.db)
  --jurisdiction CODE  default: the first jurisdiction
  --file FILE          the file to import
)";

constexpr std::string_view kVerifyLog =
    R"(usage: lizheng verify-log [--db PATH] [--log-key FILE] [--anchor FILE [--init]]

Recomputes every jurisdiction's event chain with the log key (events from
before the keyed log with plain SHA-256) and checks every work order against
its events: as many events as its version, its stored row the one its newest
event recorded (digest), its columns what its document says. An edited
event, an edited work order, or a chain recomputed without the key is
reported as BROKEN, naming the event or the work order.

  --db PATH        database file (default $LIZHENG_DB or var/lizheng.db)
  --log-key FILE   the key the server writes with (default $LIZHENG_LOG_KEY or
                   the database path + ".log-key"); without it nothing is verified
  --anchor FILE    also check the chain heads recorded in FILE by the previous
                   run (this reveals removed newest events), then record the new
                   ones; FILE must exist
  --init           with --anchor: start a new anchor file (FILE must not exist)

Exit codes: 0 intact, 1 cannot run, 2 usage (also a missing key or anchor
file), 3 the log is broken.
)";

constexpr std::string_view kBackup = R"(usage: lizheng backup --out FILE [--db PATH]

Writes a consistent copy of the database to FILE while servers use it.
)";

constexpr std::string_view kClassify =
    R"(usage: lizheng classify train --data FILE --model OUT [options]
       lizheng classify eval --model M --data FILE [--dictionary PATH]
       lizheng classify cv --data FILE [--folds 5] [options]
       lizheng classify train --db PATH [--jurisdiction CODE] [--dictionary PATH]

The message classifier on a TSV of 留言主题, 留言详情, 一级标签 (prints JSON).
The --db form trains the jurisdiction's own classifier from its labelled work
orders and stores it in the database, where every server picks it up.
)";

constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kUsages = {{
    {"serve", kServe},
    {"demo", kDemo},
    {"setup", kSetup},
    {"migrate", kMigrate},
    {"user", kUser},
    {"limits", kLimits},
    {"rate-limits", kRateLimits},
    {"calendar", kCalendar},
    {"map", kMap},
    {"verify-log", kVerifyLog},
    {"backup", kBackup},
    {"classify", kClassify},
}};

}  // namespace

std::string_view CommandUsage(std::string_view command) {
  for (const auto& [name, text] : kUsages)
    if (name == command) return text;
  return {};
}

bool AsksForHelp(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(),
                     [](const std::string& a) { return a == "--help" || a == "-h"; });
}

}  // namespace lizheng::cli
