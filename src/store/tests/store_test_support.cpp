#include "store_test_support.hpp"

#include <sqlite3.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "lizheng/store/sqlite_store.hpp"

namespace lizheng::store::testsupport {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern =
      std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/lz_store_test_XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

namespace {

std::string SqlitePath(const std::string& dir) { return dir + "/lizheng.db"; }

// Runs one statement with (j, seq) bound behind the store's back, as an
// attacker with file access would; `expect_changes` rows must change
// (-1: any number but zero).
void RunSqliteBehindTheStore(const std::string& dir, const char* sql, JurisdictionId j,
                             std::int64_t seq, int expect_changes) {
  sqlite3* db = nullptr;
  if (sqlite3_open(SqlitePath(dir).c_str(), &db) != SQLITE_OK) {
    throw std::runtime_error("cannot open the database to tamper with it");
  }
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
  sqlite3_bind_int64(stmt, 1, j);
  sqlite3_bind_int64(stmt, 2, seq);
  const int rc = sqlite3_step(stmt);
  const int changed = sqlite3_changes(db);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  const bool count_ok = expect_changes < 0 ? changed > 0 : changed == expect_changes;
  if (rc != SQLITE_DONE || !count_ok) throw std::runtime_error("tampering failed");
}

void RunSqlBehindTheStore(const std::string& dir, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(SqlitePath(dir).c_str(), &db) != SQLITE_OK) {
    throw std::runtime_error("cannot open the database to tamper with it");
  }
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  const int changed = sqlite3_changes(db);
  const std::string error = message != nullptr ? message : "";
  sqlite3_free(message);
  sqlite3_close(db);
  if (rc != SQLITE_OK || changed == 0) throw std::runtime_error("tampering failed: " + error + ": " + sql);
}

Result<std::unique_ptr<Store>> OpenSqliteWithKey(const std::string& dir, std::optional<LogKey> key,
                                                 bool check_key) {
  SqliteOptions options;
  options.path = SqlitePath(dir);
  options.read_connections = 4;
  // Durability is what the contract promises, so the suite runs with it.
  options.synchronous_full = true;
  options.log_key = std::move(key);
  options.check_log_key = check_key;
  return OpenSqliteStore(options);
}

void TamperSqliteEvent(const std::string& dir, JurisdictionId j, std::int64_t seq) {
  RunSqliteBehindTheStore(dir,
                          "UPDATE events SET actor_name = actor_name || ' (forged)' "
                          "WHERE jurisdiction_id = ?1 AND seq = ?2",
                          j, seq, 1);
}

void TruncateSqliteEvents(const std::string& dir, JurisdictionId j, std::int64_t seq) {
  RunSqliteBehindTheStore(dir, "DELETE FROM events WHERE jurisdiction_id = ?1 AND seq >= ?2", j,
                          seq, -1);
}

}  // namespace

Backend SqliteBackend() {
  Backend b;
  b.name = "Sqlite";
  b.open = [](const std::string& dir) -> std::unique_ptr<Store> {
    auto store = OpenSqliteWithKey(dir, TestLogKey(), true);
    if (!store.ok()) {
      throw std::runtime_error("open failed: " + store.error().message + " | " +
                               store.error().detail);
    }
    return std::move(store).value();
  };
  b.open_with_key = OpenSqliteWithKey;
  b.run_sql = RunSqlBehindTheStore;
  b.backup_path = SqlitePath;
  b.tamper_event = TamperSqliteEvent;
  b.truncate_events = TruncateSqliteEvents;
  return b;
}

LogKey TestLogKey() {
  auto key = LogKey::FromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  if (!key.ok()) throw std::runtime_error("the test log key does not parse");
  return *key;
}

WorkOrder FullWorkOrder(JurisdictionId j, const std::string& tracking_no) {
  WorkOrder wo;
  wo.jurisdiction = j;
  wo.tracking_no = tracking_no;
  wo.query_code = "Q7K2";
  wo.idempotency_key = "idem-" + tracking_no;
  wo.channel = Channel::kWechat;
  wo.type = RequestType::kComplaint;
  wo.urgency = Urgency::kUrgent;
  wo.title = "小区物业乱收停车费 100% _x_";
  wo.detail = "详情：\"引号\" \\ 反斜杠\n换行";
  wo.category_code = "03.01";
  wo.area_code = "0102";
  wo.address = "潇楚南路 1 号";
  wo.citizen = Citizen{"张三", "13800000000"};
  wo.mailbox = 3;
  wo.consent_public = true;
  wo.recorded_by = 11;
  wo.state = State::kInProgress;
  wo.created_at = At(1'780'000'000);
  wo.updated_at = At(1'780'000'500);
  wo.version = 4;
  wo.lead_unit = 5;
  wo.handling_unit = 6;
  wo.assisting_units = {7, 8};
  wo.merged = {90, 91};
  wo.clocks = {
      Clock{ClockKind::kSignFor, At(1'780'000'100), At(1'780'000'200), At(1'780'000'180),
            At(1'780'000'150), true, false},
      Clock{ClockKind::kReply, At(1'780'000'150), At(1'780'900'000), At(1'780'700'000),
            std::nullopt, false, false},
  };
  wo.pending_extension = Extension{5, "需要现场勘查", At(1'780'000'400), 12};
  wo.extensions_granted = 1;
  wo.extensions_refused = 2;
  wo.draft_reply = Reply{"草稿", 6, 12, At(1'780'000'450)};
  wo.review_comment = "请补充依据";
  wo.reply = Reply{"已处理", 6, 12, At(1'780'000'460)};
  wo.contacted_at = At(1'780'000'300);
  wo.callback = CallbackResult{true, Satisfaction::kBasicallySatisfied, "回访", At(1'780'000'470)};
  wo.citizen_rating = Satisfaction::kUnsatisfied;
  wo.citizen_comment = "太慢";
  wo.reject_reason = "无";
  wo.last_return = ReturnInfo{4, "不属于本单位", "《条例》第三条", At(1'780'000'120)};
  wo.return_count = 1;
  wo.redispatch_count = 1;
  wo.reopen_count = 1;
  wo.disputed = true;
  wo.closed_at = At(1'780'000'490);
  wo.supervision = Supervision{"加快办理", 13, At(1'780'000'350), true};
  wo.escalated = true;
  wo.fast_lane = true;
  wo.suspected_flood = true;
  wo.instructions = {Instruction{14, "限期解决", At(1'780'000'360), std::nullopt, 0},
                     Instruction{14, "已阅", At(1'780'000'370), At(1'780'000'380), 12}};
  wo.watchers = {14, 15};
  wo.published = true;
  wo.category_source = CategorySource::kModel;
  wo.assessment = Assessment{"03", 0.875, CategorySource::kModel,
                             {RiskFlag{RiskKind::kManyPeople, Urgency::kUrgent, "200名工人", "涉及人数众多", "many people"}}, true};
  return wo;
}

std::string WorkOrderDiff(const WorkOrder& a, const WorkOrder& b) {
  std::string diff;
#define LZ_FIELD(f) \
  if (!(a.f == b.f)) diff += #f " ";
  LZ_FIELD(id)
  LZ_FIELD(jurisdiction)
  LZ_FIELD(tracking_no) LZ_FIELD(query_code) LZ_FIELD(idempotency_key) LZ_FIELD(channel)
      LZ_FIELD(type) LZ_FIELD(urgency) LZ_FIELD(title) LZ_FIELD(detail) LZ_FIELD(category_code)
          LZ_FIELD(area_code) LZ_FIELD(address) LZ_FIELD(citizen.name) LZ_FIELD(citizen.phone)
              LZ_FIELD(mailbox) LZ_FIELD(consent_public) LZ_FIELD(recorded_by) LZ_FIELD(state)
                  LZ_FIELD(created_at) LZ_FIELD(updated_at) LZ_FIELD(version) LZ_FIELD(lead_unit)
                      LZ_FIELD(handling_unit) LZ_FIELD(assisting_units) LZ_FIELD(merged_into)
                          LZ_FIELD(merged) LZ_FIELD(clocks) LZ_FIELD(pending_extension) LZ_FIELD(
                              extensions_granted) LZ_FIELD(extensions_refused) LZ_FIELD(draft_reply)
                              LZ_FIELD(review_comment) LZ_FIELD(reply) LZ_FIELD(contacted_at)
                                  LZ_FIELD(callback) LZ_FIELD(citizen_rating)
                                      LZ_FIELD(citizen_comment) LZ_FIELD(reject_reason)
                                          LZ_FIELD(last_return) LZ_FIELD(return_count)
                                              LZ_FIELD(redispatch_count) LZ_FIELD(reopen_count)
                                                  LZ_FIELD(disputed) LZ_FIELD(closed_at)
                                                      LZ_FIELD(supervision) LZ_FIELD(escalated)
                                                          LZ_FIELD(fast_lane) LZ_FIELD(suspected_flood) LZ_FIELD(instructions)
                                                              LZ_FIELD(watchers) LZ_FIELD(published)
                                                                  LZ_FIELD(category_source)
                                                                      LZ_FIELD(assessment)
#undef LZ_FIELD
                                                                  return diff;
}

Event MakeEvent(JurisdictionId j, WorkOrderId wo, Action action, std::int64_t at_seconds) {
  Event e;
  e.jurisdiction = j;
  e.work_order = wo;
  e.action = action;
  e.from = State::kAccepted;
  e.to = State::kDispatched;
  e.actor_role = Role::kDispatcher;
  e.actor_user = 21;
  e.actor_name = "派单员甲";
  e.actor_unit = 1;
  e.at = At(at_seconds);
  e.data = {{"unit", "6"}, {"reason", "按目录派单"}};
  e.is_public = true;
  return e;
}

}  // namespace lizheng::store::testsupport
