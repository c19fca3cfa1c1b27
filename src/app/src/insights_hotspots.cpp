// Insights: the hot-spot tracker of each jurisdiction, replayed from the
// store over its window at start-up and fed by every request filed after.
#include <algorithm>
#include <iostream>
#include <limits>

#include "insights_models.hpp"
#include "lizheng/app/insights.hpp"

namespace lizheng::app {
namespace {

namespace hs = insight::hotspots;

hs::HotspotRequest ToHotspotRequest(const Directory& dir, const WorkOrder& wo) {
  hs::HotspotRequest r;
  r.id = std::to_string(wo.id);
  // Distinct citizens are counted by phone (kept in memory only), else
  // each request counts as its own citizen.
  r.citizen = wo.citizen.phone;
  r.time = wo.created_at;
  r.title = wo.title;
  r.details = wo.detail;
  r.area_code = wo.area_code;
  if (const Area* a = dir.FindArea(wo.area_code)) {
    const Area* district = dir.FindArea(dir.DistrictOf(a->code));
    r.area_name = district && district != a ? district->name + a->name : a->name;
  }
  r.address = wo.address;
  r.category = std::string(FirstLevelCode(wo.category_code));
  r.urgency = wo.fast_lane && wo.urgency == Urgency::kNormal ? Urgency::kUrgent : wo.urgency;
  return r;
}

void Add(hs::HotspotTracker& tracker, const Directory& dir, const WorkOrder& wo) {
  // A suspected flood is one source's burst, not many citizens: it waits
  // for the centre's confirmation (Insights::Track once accepted).
  if (wo.suspected_flood) return;
  auto outcome = tracker.Add(ToHotspotRequest(dir, wo));
  if (!outcome.ok()) return;  // a request without text: nothing to group
  if (outcome->alert)
    std::cerr << "hotspots: " << dir.jurisdiction().code << ": "
              << hs::AlertKindName(outcome->alert->kind) << " " << outcome->alert->place << " "
              << outcome->alert->description << "\n";
}

}  // namespace

Status Insights::ReplayHotspots(JurisdictionId j, const JurisdictionData& data, Models& m) {
  hs::HotspotOptions options;
  options.utc_offset_minutes = data.directory.jurisdiction().utc_offset_minutes;
  auto tracker = std::make_unique<hs::HotspotTracker>(segmenter_, options);
  store::WorkOrderQuery q;
  q.jurisdiction = j;
  q.created_from = time_.Now() - std::chrono::hours(24 * options.idle_days);
  std::vector<WorkOrder> window;  // newest first
  LZ_RETURN_IF_ERROR(ForEachRecent(store_, q, std::numeric_limits<int>::max(),
                                   [&](const WorkOrder& wo) { window.push_back(wo); }));
  for (auto it = window.rbegin(); it != window.rend(); ++it) Add(*tracker, data.directory, *it);
  std::lock_guard lock(m.hot_mu);
  m.hot = std::move(tracker);
  return OkStatus();
}

void Insights::Track(const JurisdictionData& data, const WorkOrder& wo) {
  auto m = ModelsFor(data.directory.jurisdiction().id);
  std::lock_guard lock(m->hot_mu);
  if (m->hot) Add(*m->hot, data.directory, wo);
}

Result<HotspotsView> Insights::Hotspots(JurisdictionId j, std::size_t top, bool now_only,
                                        std::size_t members) {
  auto m = ModelsFor(j);
  HotspotsView view;
  {
    std::lock_guard lock(m->hot_mu);
    if (!m->hot) return view;
    view.ready = true;
    for (auto& s : m->hot->TopIssues(top, now_only ? std::optional<Timestamp>(time_.Now()) : std::nullopt))
      view.issues.push_back(HotIssue{std::move(s), {}});
    const auto& alerts = m->hot->RecentAlerts();
    for (auto it = alerts.rbegin(); it != alerts.rend() && view.alerts.size() < 20; ++it)
      view.alerts.push_back(*it);
  }
  LZ_RETURN_IF_ERROR(LoadHotspotMembers(j, view, members));
  return view;
}

Result<HotspotsView> Insights::HotspotIssue(JurisdictionId j, hs::IssueId issue,
                                            std::size_t members) {
  auto m = ModelsFor(j);
  HotspotsView view;
  {
    std::lock_guard lock(m->hot_mu);
    if (!m->hot) return view;
    view.ready = true;
    std::optional<hs::IssueSummary> s = m->hot->Issue(issue);
    if (!s) {
      const std::string id = std::to_string(issue);
      return MakeError(ErrorCode::kNotFound, "hot_issue_unknown",
                       Text{"issue：没有编号为 " + id + " 的热点问题，请查看 GET /api/v1/hotspots",
                            "issue: no hot issue " + id + "; see GET /api/v1/hotspots"},
                       "issue");
    }
    view.issues.push_back(HotIssue{std::move(*s), {}});
    const auto& alerts = m->hot->RecentAlerts();
    for (auto it = alerts.rbegin(); it != alerts.rend(); ++it)
      if (it->issue == issue) view.alerts.push_back(*it);
  }
  LZ_RETURN_IF_ERROR(LoadHotspotMembers(j, view, members));
  return view;
}

// Up to `members` work orders of each issue of `view`, in the tracker's
// order; a member that can no longer be read is left out.
Status Insights::LoadHotspotMembers(JurisdictionId j, HotspotsView& view, std::size_t members) {
  return store_.Read([&](store::ReadTxn& txn) -> Status {
    for (HotIssue& issue : view.issues) {
      const auto& ids = issue.summary.member_ids;
      for (std::size_t i = 0; i < ids.size() && issue.members.size() < members; ++i) {
        auto wo = txn.GetWorkOrder(j, std::stoll(ids[i]));
        if (wo.ok()) issue.members.push_back(std::move(wo).value());
      }
    }
    return OkStatus();
  });
}

}  // namespace lizheng::app
