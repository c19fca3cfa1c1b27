// Private: the demo's reference data (areas, units, categories, catalogue,
// mailboxes, staff accounts, pass-down rules) read from data/demo, and the
// cast of accounts that act in the simulated loop.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "demo_rng.hpp"
#include "lizheng/app/demo.hpp"
#include "lizheng/core/workflow.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::app::demo {

// Inserts the demo jurisdiction with the bundled calendars and time limits,
// then its areas, units, categories, catalogue, accounts (all with
// `password_hash`), mailboxes and district map (stored at `now`), inside the
// caller's transaction. Fills the counts and the user list of `summary`.
Result<JurisdictionId> WriteStructure(store::WriteTxn& txn, const std::string& password_hash,
                                      Timestamp now, DemoSummary& summary);

// The accounts that act in the loop, as engine actors. Immutable.
class Cast {
 public:
  // Every unit that can handle work orders (not the centre, not the
  // government) must have a handler and a manager, its own or a unit's above
  // it; kInternal otherwise.
  static Result<Cast> Make(const std::vector<store::User>& users, const Directory& directory);

  const Actor& Operator(DemoRng& rng) const { return operators_[rng.Below(operators_.size())]; }
  const Actor& Dispatcher() const { return dispatcher_; }
  const Actor& Reviewer() const { return reviewer_; }
  const Actor& Leader() const { return leader_; }
  // The handler (manager) of `unit`, or of the nearest unit above it.
  const Actor& Handler(UnitId unit) const { return handlers_.at(unit); }
  const Actor& Manager(UnitId unit) const { return managers_.at(unit); }
  static const Actor& Citizen();

 private:
  std::vector<Actor> operators_;
  Actor dispatcher_;
  Actor reviewer_;
  Actor leader_;
  std::map<UnitId, Actor> handlers_;
  std::map<UnitId, Actor> managers_;
};

// 转派 rules: the unit a handling unit passes a work order down to.
class PassDownRules {
 public:
  static Result<PassDownRules> Load(const Directory& directory);
  // The unit below `wo.handling_unit` that should handle `wo`, if any.
  std::optional<UnitId> Target(const WorkOrder& wo, const Directory& directory) const;

 private:
  struct Rule {
    std::optional<UnitId> from;  // absent: any district government
    std::string category;        // prefix; empty for any
    std::optional<UnitId> to;    // absent: the street of the request's area
  };
  std::vector<Rule> rules_;
};

}  // namespace lizheng::app::demo
