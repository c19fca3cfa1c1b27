// `lizheng verify-log` against a real database written by the real server,
// edited afterwards the way someone with access to the file would: an
// edited work-order row (the published reply rewritten, a state column
// changed), the newest events removed with the version lowered to match, an
// event edited with every later hash recomputed with plain SHA-256 (no key),
// the wrong key; and the key and anchor files' rules (a missing key or
// anchor file is an error, --init starts an anchor).
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lizheng/store/event_chain.hpp"
#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

namespace fs = std::filesystem;

// A copy of the stopped suite server's database and key file in a fresh
// directory, removed afterwards: each test tampers with its own.
class DatabaseCopy {
 public:
  DatabaseCopy(const std::string& db, const std::string& key) {
    std::string pattern = (fs::temp_directory_path() / "lz_event_log_XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    fs::copy_file(db, this->db());
    if (fs::exists(db + "-wal")) fs::copy_file(db + "-wal", this->db() + "-wal");
    fs::copy_file(key, this->key());
  }
  ~DatabaseCopy() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string db() const { return dir_ + "/db"; }
  std::string key() const { return dir_ + "/log.key"; }
  std::string anchor() const { return dir_ + "/anchor"; }
  const std::string& dir() const { return dir_; }

  // Runs SQL on the file behind lizheng's back; fails the test unless rows changed.
  void Tamper(const std::string& sql) const {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(this->db().c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    const int changed = sqlite3_changes(db);
    const std::string error = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << error << "\n" << sql;
    ASSERT_GT(changed, 0) << sql;
  }

  // One value of a query on the file ("" when there is no row).
  std::string Query(const std::string& sql) const {
    sqlite3* db = nullptr;
    sqlite3_open(this->db().c_str(), &db);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
    std::string out;
    if (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(stmt, 0);
      if (text) out = reinterpret_cast<const char*>(text);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
  }

 private:
  std::string dir_;
};

class EventLogCliTest : public ServerSuite {
 protected:
  // A published reply and a work order that was only accepted, then the
  // server stops so that its files can be copied.
  static void SetUpTestSuite() {
    ServerSuite::SetUpTestSuite();
    if (!server_) return;
    replied_ = loop().Answered("dh-01");
    accepted_ = loop().Accepted();
    replied_tracking_ = loop().View(replied_)["tracking_no"].get<std::string>();
    accepted_tracking_ = loop().View(accepted_)["tracking_no"].get<std::string>();
    server().Stop();
  }
  // The server is stopped on purpose.
  void SetUp() override {
    if (!server_) FAIL() << "the test server did not start: " << start_error_;
  }

  static std::string KeyFile() { return server().db_path() + ".log-key"; }
  static DatabaseCopy Copy() { return DatabaseCopy(server().db_path(), KeyFile()); }

  static int Verify(const DatabaseCopy& copy, std::vector<std::string> more, std::string* out) {
    std::vector<std::string> args = {"verify-log", "--db", copy.db(), "--log-key", copy.key()};
    args.insert(args.end(), more.begin(), more.end());
    return TestServer::RunCli(args, out);
  }

  inline static std::int64_t replied_ = 0;
  inline static std::int64_t accepted_ = 0;
  inline static std::string replied_tracking_;
  inline static std::string accepted_tracking_;
};

// The server made the key file beside the database (the harness copies the
// demo template's), readable by its owner only.
TEST_F(EventLogCliTest, TheKeyFileIsOwnerOnlyAndAnIntactDatabasePasses) {
  struct stat st {};
  ASSERT_EQ(::stat(KeyFile().c_str(), &st), 0) << KeyFile();
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const DatabaseCopy copy = Copy();
  std::string out;
  EXPECT_EQ(Verify(copy, {}, &out), 0) << out;
  EXPECT_NE(out.find("chain intact"), std::string::npos) << out;
  EXPECT_NE(out.find("work orders verified"), std::string::npos) << out;
}

TEST_F(EventLogCliTest, ARewrittenReplyInTheStoredDocumentIsBroken) {
  const DatabaseCopy copy = Copy();
  const std::string where = " WHERE id = " + std::to_string(replied_);
  ASSERT_NE(copy.Query("SELECT json_extract(doc, '$.reply.text') FROM work_orders" + where), "");
  copy.Tamper("UPDATE work_orders SET doc = json_set(doc, '$.reply.text', '此事已圆满解决') " +
              where);
  std::string out;
  EXPECT_EQ(Verify(copy, {}, &out), 3) << out;
  EXPECT_NE(out.find("BROKEN"), std::string::npos) << out;
  EXPECT_NE(out.find(replied_tracking_), std::string::npos) << out;
}

TEST_F(EventLogCliTest, AnEditedStateColumnIsBroken) {
  const DatabaseCopy copy = Copy();
  copy.Tamper("UPDATE work_orders SET state = 'closed' WHERE id = " + std::to_string(accepted_));
  std::string out;
  EXPECT_EQ(Verify(copy, {}, &out), 3) << out;
  EXPECT_NE(out.find(accepted_tracking_), std::string::npos) << out;
}

// The newest event removed and the version lowered in the row and its
// document: the event count agrees again, but the row is not the one the
// remaining newest event recorded. An anchor taken before also sees it.
TEST_F(EventLogCliTest, RemovedNewestEventsWithALoweredVersionAreBroken) {
  const DatabaseCopy copy = Copy();
  std::string out;
  ASSERT_EQ(Verify(copy, {"--anchor", copy.anchor(), "--init"}, &out), 0) << out;
  const std::string id = copy.Query("SELECT work_order_id FROM events ORDER BY seq DESC LIMIT 1");
  const std::string tracking_no =
      copy.Query("SELECT tracking_no FROM work_orders WHERE id = " + id);
  ASSERT_NE(tracking_no, "");
  copy.Tamper("DELETE FROM events WHERE seq = (SELECT MAX(seq) FROM events); "
              "UPDATE work_orders SET version = version - 1, "
              "doc = json_set(doc, '$.version', version - 1) WHERE id = " + id);
  out.clear();
  EXPECT_EQ(Verify(copy, {}, &out), 3) << out;
  EXPECT_NE(out.find(tracking_no), std::string::npos) << out;
  EXPECT_NE(out.find("changed outside the log"), std::string::npos) << out;
  out.clear();
  EXPECT_EQ(Verify(copy, {"--anchor", copy.anchor()}, &out), 3) << out;
  EXPECT_NE(out.find("removed"), std::string::npos) << out;
}

// An event rewritten and every later hash recomputed in the plain format
// (all one can do without the key) no longer verifies.
TEST_F(EventLogCliTest, AnEventRecomputedWithPlainSha256IsBroken) {
  const DatabaseCopy copy = Copy();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(copy.db().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* read = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT jurisdiction_id, seq, work_order_id, action, from_state, "
                               "to_state, actor_role, actor_user, actor_name, actor_unit, at, "
                               "data, is_public, prev_hash FROM events ORDER BY seq",
                               -1, &read, nullptr),
            SQLITE_OK);
  std::vector<Event> events;
  while (sqlite3_step(read) == SQLITE_ROW) {
    auto text = [read](int col) {
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(read, col)));
    };
    Event e;
    e.jurisdiction = sqlite3_column_int64(read, 0);
    e.seq = sqlite3_column_int64(read, 1);
    e.work_order = sqlite3_column_int64(read, 2);
    e.action = *FromWire<Action>(text(3));
    e.from = *FromWire<State>(text(4));
    e.to = *FromWire<State>(text(5));
    e.actor_role = *FromWire<Role>(text(6));
    e.actor_user = sqlite3_column_int64(read, 7);
    e.actor_name = text(8);
    if (sqlite3_column_type(read, 9) != SQLITE_NULL) e.actor_unit = sqlite3_column_int64(read, 9);
    e.at = Timestamp{std::chrono::seconds{sqlite3_column_int64(read, 10)}};
    for (const auto& pair : json::parse(text(11)))
      e.data.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
    e.is_public = sqlite3_column_int64(read, 12) != 0;
    e.prev_hash = text(13);
    events.push_back(std::move(e));
  }
  sqlite3_finalize(read);
  sqlite3_close(db);
  ASSERT_GE(events.size(), 3u);

  std::string sql;
  std::string prev = events[0].prev_hash;
  for (Event& e : events) {
    if (e.seq == 2) e.actor_name = "冒名者";
    e.prev_hash = prev;
    const std::string hash = store::ChainHash(e, prev);
    sql += "UPDATE events SET actor_name = '" + e.actor_name + "', prev_hash = '" + prev +
           "', hash = '" + hash + "' WHERE seq = " + std::to_string(e.seq) + ";";
    prev = hash;
  }
  copy.Tamper(sql);
  std::string out;
  EXPECT_EQ(Verify(copy, {}, &out), 3) << out;
  EXPECT_NE(out.find("BROKEN at event 1"), std::string::npos)
      << "event 1 is keyed, so its recomputed plain hash does not verify:\n" << out;
}

TEST_F(EventLogCliTest, AnotherKeyIsBrokenAndNoKeyIsAUsageError) {
  const DatabaseCopy copy = Copy();
  fs::remove(copy.key());
  std::string out;
  EXPECT_EQ(Verify(copy, {}, &out), 2) << out;
  EXPECT_NE(out.find("key"), std::string::npos) << out;

  std::ofstream(copy.key()) << "# another database's key\n" << std::string(64, 'a') << "\n";
  out.clear();
  EXPECT_EQ(Verify(copy, {}, &out), 3) << out;
  EXPECT_NE(out.find("BROKEN at event 1"), std::string::npos) << out;
  EXPECT_NE(out.find("key is not this database's"), std::string::npos) << out;

  std::ofstream(copy.key(), std::ios::trunc) << "not a key\n";
  out.clear();
  EXPECT_EQ(Verify(copy, {}, &out), 2) << out;
  EXPECT_NE(out.find("64 hex digits"), std::string::npos) << out;
}

// A server or demo started without the database's key file refuses to
// extend the chain with a key of its own, and leaves no key file behind.
TEST_F(EventLogCliTest, AWriterWithoutTheDatabasesKeyRefuses) {
  const DatabaseCopy copy = Copy();
  const std::string missing = copy.dir() + "/no-such.key";
  std::string out;
  EXPECT_EQ(TestServer::RunCli({"demo", "--db", copy.db(), "--requests", "0", "--log-key", missing},
                               &out),
            1)
      << out;
  EXPECT_NE(out.find("restore its key file"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(missing));
}

TEST_F(EventLogCliTest, AMissingAnchorIsAnErrorUnlessInitStartsOne) {
  const DatabaseCopy copy = Copy();
  std::string out;
  EXPECT_EQ(Verify(copy, {"--anchor", copy.anchor()}, &out), 2) << out;
  EXPECT_NE(out.find("--init"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(copy.anchor())) << "a missing anchor must not be recreated silently";

  out.clear();
  EXPECT_EQ(Verify(copy, {"--anchor", copy.anchor(), "--init"}, &out), 0) << out;
  EXPECT_NE(out.find("anchor created"), std::string::npos) << out;
  ASSERT_TRUE(fs::exists(copy.anchor()));

  out.clear();
  EXPECT_EQ(Verify(copy, {"--anchor", copy.anchor(), "--init"}, &out), 2) << out;
  EXPECT_NE(out.find("exists already"), std::string::npos) << out;

  out.clear();
  EXPECT_EQ(Verify(copy, {"--anchor", copy.anchor()}, &out), 0) << out;
  EXPECT_NE(out.find("anchor matched"), std::string::npos) << out;

  out.clear();
  EXPECT_EQ(Verify(copy, {"--init"}, &out), 2) << out;
}

}  // namespace
}  // namespace lizheng::e2e
