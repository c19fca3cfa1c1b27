// 热点问题挖掘: hot spots computed as requests arrive. Each request joins the
// most similar open issue of the same place and problem, or opens a new one;
// issues close when they have been quiet for a while; a surging issue raises
// an alert. The state is bounded by what arrives within the windows, never
// by the whole history: see HotspotOptions.
//
// How a server uses it: one tracker per jurisdiction, fed from the intake
// path (or replayed from the store at start-up over the last idle_days), one
// writer at a time (guard it with a mutex or feed it from one thread):
//
//   HotspotTracker tracker(segmenter, options);
//   Result<AddOutcome> r = tracker.Add(request);   // per accepted request
//   if (r.ok() && r->alert) notify(*r->alert);
//   std::vector<IssueSummary> top = tracker.TopIssues(10, now);  // dashboard
//   std::vector<IssueSummary> year = tracker.TopIssues(5);       // report
//
// Member ids in a summary are the requests' ids: read the requests
// themselves from the store (or the data file) to list them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lizheng/core/result.hpp"
#include "lizheng/insight/hotspots/hotness.hpp"
#include "lizheng/insight/hotspots/hotspot_request.hpp"
#include "lizheng/insight/hotspots/place_extractor.hpp"
#include "lizheng/text/keywords.hpp"

namespace lizheng::insight::hotspots {

// A tracker-wide issue number, from 1 in order of opening.
using IssueId = std::uint64_t;

struct HotspotOptions {
  // An issue that received nothing for this long is closed: it takes no
  // more requests and leaves the live set (a later request about the same
  // place and problem opens a new issue).
  int idle_days = 30;
  // The window of "recent" for growth and alerts.
  int growth_window_days = 7;
  // The weekly baseline of an issue with no history before the window.
  double baseline_prior_per_week = 1.0;
  // Cosine similarity of a request's keywords to an issue's needed to join:
  // with the same specific place (estate, school, road...), and otherwise.
  double same_place_similarity = 0.15;
  double other_similarity = 0.40;
  // A word in at most this share of all requests that is among the four
  // strongest keywords of a request and the five of an issue counts as a
  // shared place (it names a case or an event, such as a failed lending
  // platform): the lower threshold applies.
  double anchor_document_share = 0.005;
  std::size_t anchor_min_documents = 20;  // the limit while few requests have arrived
  // Bounds of the candidate lookup per request: the newest issues of its
  // place, and of each of its strongest keywords.
  std::size_t place_candidates = 32;
  std::size_t keyword_lookups = 4;
  std::size_t keyword_candidates = 32;
  // An issue keeps this many keywords (its profile).
  std::size_t profile_terms = 32;
  // Members and distinct citizens remembered per issue (counts stay exact
  // beyond; a summary says when its member list is cut).
  std::size_t max_members = 5000;
  // Closed issues kept for TopIssues() without as_of: the hottest ones with
  // at least min_archived_messages messages.
  std::size_t archive_capacity = 200;
  std::uint32_t min_archived_messages = 2;
  // An alert is raised when, within the growth window, an issue has at
  // least alert_min_recent requests from at least alert_min_citizens
  // citizens and grew by at least alert_growth; at most once per
  // alert_cooldown_days per issue.
  std::uint32_t alert_min_recent = 5;
  std::uint32_t alert_min_citizens = 3;
  double alert_growth = 3.0;
  int alert_cooldown_days = 7;
  std::size_t alert_log_capacity = 1000;
  // Local time of the jurisdiction, for day boundaries (UTC+8).
  int utc_offset_minutes = 480;
  HotnessWeights weights;
  // Titles say what the problem is; a body's start says where and why.
  text::KeywordOptions keywords{
      .max_keywords = 12, .title_weight = 5.0, .max_body_chars = 300, .learn = true, .frequencies = {}};
};

enum class AlertKind {
  kNewTopic,  // the issue is younger than the growth window: a sudden topic
  kSurge,     // an older issue grew well above its own baseline
};

std::string_view AlertKindName(AlertKind kind);  // "new_topic", "surge"

struct HotspotAlert {
  AlertKind kind = AlertKind::kNewTopic;
  IssueId issue = 0;
  Timestamp at{};                  // time of the request that raised it
  std::uint32_t recent_messages = 0;
  double baseline_per_week = 0;
  double growth = 0;
  std::string place;        // as in IssueSummary::place
  std::string description;  // as in IssueSummary::description
};

// What an issue looks like now, for tables, dashboards and alerts.
struct IssueSummary {
  IssueId id = 0;
  bool open = true;  // false: closed (idle), from the archive
  Timestamp first{}, last{};
  std::string district;    // "A市A5区", an area name or code; may be empty
  std::string place;       // the specific place, e.g. "丽发新城小区"; may be empty
  PlaceKind place_kind = PlaceKind::kDistrict;
  std::string people;      // the group most members speak for (业主, 学生); may be empty
  std::string category;
  // 地点/人群: district, place and people joined by spaces.
  std::string place_or_people;
  // 问题描述: the issue's main keywords in reading order, after the place.
  std::string description;
  std::vector<std::string> keywords;  // strongest first
  HotnessInputs inputs;
  double hotness = 0;
  std::vector<std::string> member_ids;  // in order of arrival
  bool members_truncated = false;
};

// What happened to one request.
struct AddOutcome {
  IssueId issue = 0;
  bool opened = false;               // it opened a new issue
  std::optional<HotspotAlert> alert;  // raised by this request
};

struct TrackerStats {
  std::uint64_t requests = 0;
  std::size_t open_issues = 0;
  std::size_t archived_issues = 0;
  std::uint64_t issues_opened = 0;
  std::uint64_t alerts = 0;
};

// Not thread-safe: one writer at a time; const members may run concurrently
// with each other only.
class HotspotTracker {
 public:
  HotspotTracker(text::Segmenter segmenter, HotspotOptions options = {});
  ~HotspotTracker();
  HotspotTracker(HotspotTracker&&) noexcept;
  HotspotTracker& operator=(HotspotTracker&&) noexcept;

  // Files one request. Requests should come in order of time; a late one is
  // accepted and counted, but only joins issues still open. Fails (changing
  // nothing) with kInvalidArgument naming the field when the id is empty or
  // both title and details are empty.
  Result<AddOutcome> Add(const HotspotRequest& request);

  // The n hottest issues, hottest first (ties: more messages, then older).
  // Without as_of: open and archived issues, each with its whole life's
  // figures and its peak growth (the report of a period). With as_of: open
  // issues active within the growth window before it, growth measured at
  // as_of (the dashboard's "hot now").
  std::vector<IssueSummary> TopIssues(std::size_t n,
                                      std::optional<Timestamp> as_of = std::nullopt) const;

  // One open or archived issue.
  std::optional<IssueSummary> Issue(IssueId id) const;

  // The latest alerts, oldest first (at most alert_log_capacity).
  const std::deque<HotspotAlert>& RecentAlerts() const;

  TrackerStats stats() const;
  const HotspotOptions& options() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace lizheng::insight::hotspots
