// The fixture of the storage contract suite: every test runs once per
// backend (see the INSTANTIATE lines), on a fresh store in a temporary
// directory. A new backend joins by adding one Backend value.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "lizheng/store/store.hpp"
#include "store_test_support.hpp"

#define LZ_ASSERT_OK(expr)                                                             \
  do {                                                                                 \
    auto lz_s_ = (expr);                                                               \
    ASSERT_TRUE(lz_s_.ok()) << lz_s_.error().message << " | " << lz_s_.error().detail; \
  } while (false)

#define LZ_EXPECT_OK(expr)                                                             \
  do {                                                                                 \
    auto lz_s_ = (expr);                                                               \
    EXPECT_TRUE(lz_s_.ok()) << lz_s_.error().message << " | " << lz_s_.error().detail; \
  } while (false)

namespace lizheng::store::testsupport {

// The value of a Result, or a test failure (thrown, so gtest reports it
// where it happened).
template <class T>
T Must(Result<T> r) {
  if (!r.ok()) {
    throw std::runtime_error("unexpected error: " + r.error().message + " | " + r.error().detail);
  }
  return std::move(r).value();
}
inline void Must(Status s) {
  if (!s.ok()) {
    throw std::runtime_error("unexpected error: " + s.error().message + " | " + s.error().detail);
  }
}

// A query built by setting some fields of a default one. (Designated
// initializers would warn about every field left out.)
inline WorkOrderQuery Query(const std::function<void(WorkOrderQuery&)>& set) {
  WorkOrderQuery q;
  set(q);
  return q;
}

// Every backend the contract suites run against. A new backend (PostgreSQL)
// joins every suite by being added here.
inline auto AllBackends() { return ::testing::Values(SqliteBackend()); }
inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param.name;
}

class StoreContractTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { store_ = GetParam().open(dir_.path()); }

  void Reopen() {
    store_.reset();
    store_ = GetParam().open(dir_.path());
  }

  // Runs a write that must succeed.
  void Write(std::function<Status(WriteTxn&)> fn) { Must(store_->Write(std::move(fn))); }
  // Runs a read that must succeed.
  void Read(const std::function<Status(ReadTxn&)>& fn) { Must(store_->Read(fn)); }

  JurisdictionId AddJurisdiction(const std::string& code) {
    JurisdictionId id = 0;
    Write([&](WriteTxn& txn) -> Status {
      LZ_ASSIGN_OR_RETURN(id, txn.InsertJurisdiction(Jurisdiction{0, code, code + "市", 480}));
      return OkStatus();
    });
    return id;
  }

  WorkOrderId AddWorkOrder(const WorkOrder& wo) {
    WorkOrderId id = 0;
    Write([&](WriteTxn& txn) -> Status {
      LZ_ASSIGN_OR_RETURN(id, txn.InsertWorkOrder(wo));
      return OkStatus();
    });
    return id;
  }

  WorkOrder GetWorkOrder(JurisdictionId j, WorkOrderId id) {
    WorkOrder out;
    Read([&](ReadTxn& txn) -> Status {
      LZ_ASSIGN_OR_RETURN(out, txn.GetWorkOrder(j, id));
      return OkStatus();
    });
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace lizheng::store::testsupport
