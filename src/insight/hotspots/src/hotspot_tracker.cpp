#include "lizheng/insight/hotspots/hotspot_tracker.hpp"

#include <algorithm>
#include <queue>
#include <unordered_map>

#include "candidate_index.hpp"
#include "issue_state.hpp"
#include "issue_summary.hpp"
#include "request_place.hpp"

namespace lizheng::insight::hotspots {

using detail::IssueState;

namespace {

// Place keys and keywords live in separate indexes; a byte hash suffices.
std::uint64_t KeyHash(std::string_view key) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

// Calls fn(hash) for the key and each of its endings of three characters
// or more (万科魅力之城: 科魅力之城, 魅力之城, ...), so that an issue indexed
// under its endings is found from a request naming a shorter or longer
// form (SamePlace).
template <class Fn>
void ForEachPlaceEnding(std::string_view key, Fn&& fn) {
  std::size_t characters = 0;
  for (const char c : key) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  for (std::size_t i = 0; i < key.size() && characters >= 3; ++i) {
    if ((static_cast<unsigned char>(key[i]) & 0xC0) == 0x80) continue;  // inside a character
    fn(KeyHash(key.substr(i)));
    --characters;
  }
}

bool Conflicts(const std::string& a, const std::string& b) {
  return !a.empty() && !b.empty() && a != b;
}

using detail::SamePlace;

using Expiry = std::pair<Timestamp, IssueId>;

bool HotterFirst(const IssueSummary& a, const IssueSummary& b) {
  if (a.hotness != b.hotness) return a.hotness > b.hotness;
  if (a.inputs.messages != b.inputs.messages) return a.inputs.messages > b.inputs.messages;
  if (a.first != b.first) return a.first < b.first;
  return a.id < b.id;
}

}  // namespace

std::string_view AlertKindName(AlertKind kind) {
  return kind == AlertKind::kNewTopic ? "new_topic" : "surge";
}

struct HotspotTracker::State {
  State(text::Segmenter segmenter, HotspotOptions o)
      : options(std::move(o)),
        keywords(segmenter, options.keywords),
        places(std::move(segmenter)),
        // A place entry counts while its issue is open: an issue rarely
        // changes place, and candidates are checked in full anyway.
        by_place([this](IssueId id, std::uint64_t) { return open.contains(id); }),
        by_term([this](IssueId id, std::uint64_t key) {
          const auto it = open.find(id);
          if (it == open.end()) return false;
          for (const detail::ProfileTerm& t : it->second.profile) {
            if (t.hash == key) return true;
          }
          return false;
        }) {}

  HotspotOptions options;
  text::KeywordExtractor keywords;
  PlaceExtractor places;
  std::unordered_map<IssueId, IssueState> open;
  detail::CandidateIndex by_place;
  detail::CandidateIndex by_term;
  std::priority_queue<Expiry, std::vector<Expiry>, std::greater<>> expiry;
  std::vector<IssueSummary> archive;  // a heap, coolest on top
  std::deque<HotspotAlert> alerts;
  std::optional<Timestamp> watermark;
  TrackerStats stats;
  IssueId next_id = 1;
  std::size_t closed_since_sweep = 0;
  // Working memory reused across requests.
  std::vector<text::Keyword> request_keywords;
  std::vector<IssueId> candidates;
  std::vector<std::uint64_t> new_terms;

  void Close(IssueState& issue);
  void Expire(Timestamp now);
  IssueState* BestMatch(const detail::RequestPlace& place, const std::string& category);
  bool SharesAnchor(const IssueState& issue) const;
  std::optional<HotspotAlert> CheckAlert(IssueState& issue, Timestamp at);
};

void HotspotTracker::State::Close(IssueState& issue) {
  if (issue.messages >= options.min_archived_messages && options.archive_capacity > 0) {
    const auto cooler = [](const IssueSummary& a, const IssueSummary& b) {
      return HotterFirst(a, b);
    };
    archive.push_back(detail::Summarize(issue, issue.peak_growth, false, options.weights));
    std::push_heap(archive.begin(), archive.end(), cooler);
    if (archive.size() > options.archive_capacity) {
      std::pop_heap(archive.begin(), archive.end(), cooler);
      archive.pop_back();
    }
  }
  open.erase(issue.id);
  // Stale index entries are dropped in bulk once as many issues closed as
  // are open, so the index stays proportional to the open issues.
  if (++closed_since_sweep > open.size() + 64) {
    by_place.Sweep();
    by_term.Sweep();
    closed_since_sweep = 0;
  }
}

void HotspotTracker::State::Expire(Timestamp now) {
  const Timestamp cutoff = now - std::chrono::days(options.idle_days);
  while (!expiry.empty() && expiry.top().first < cutoff) {
    const auto [last, id] = expiry.top();
    expiry.pop();
    const auto it = open.find(id);
    // An issue that received requests since this entry has a newer one.
    if (it != open.end() && it->second.last == last) Close(it->second);
  }
}

IssueState* HotspotTracker::State::BestMatch(const detail::RequestPlace& place,
                                             const std::string& category) {
  candidates.clear();
  ForEachPlaceEnding(place.place_key, [&](std::uint64_t h) {
    by_place.Newest(h, options.place_candidates, candidates);
  });
  const std::size_t lookups = std::min(options.keyword_lookups, request_keywords.size());
  for (std::size_t i = 0; i < lookups; ++i) {
    by_term.Newest(request_keywords[i].hash, options.keyword_candidates, candidates);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  IssueState* best = nullptr;
  double best_score = 0;
  for (const IssueId id : candidates) {
    IssueState& issue = open.at(id);  // Newest returns open issues only
    if (Conflicts(category, issue.category) ||
        Conflicts(place.district_key, issue.place.district_key)) {
      continue;
    }
    const bool same_place = SamePlace(place.place_key, issue.place.place_key);
    if (!same_place && place.firm && issue.place.firm) continue;
    const double needed = same_place || SharesAnchor(issue) ? options.same_place_similarity
                                                            : options.other_similarity;
    const double score = issue.Similarity(request_keywords);
    if (score >= needed && (best == nullptr || score > best_score)) {
      best = &issue;
      best_score = score;
    }
  }
  return best;
}

// A rare word (in at most anchor_document_share of all requests, or
// anchor_min_documents while few have arrived) among the
// four strongest of the request and the five strongest of the issue names
// the topic as a place would: a case (58车贷), an event, a new policy.
bool HotspotTracker::State::SharesAnchor(const IssueState& issue) const {
  const text::DocumentFrequencies& df = keywords.frequencies();
  const double limit = options.anchor_document_share * df.documents();
  const std::size_t n = std::min<std::size_t>(4, request_keywords.size());
  for (std::size_t i = 0; i < n; ++i) {
    const text::Keyword& k = request_keywords[i];
    if (df.Frequency(k.hash) > std::max(limit, double(options.anchor_min_documents))) continue;
    // Is it among the issue's five strongest terms?
    std::size_t stronger = 0;
    double weight = -1;
    for (const detail::ProfileTerm& t : issue.profile) {
      if (t.hash == k.hash) weight = t.weight;
    }
    if (weight < 0) continue;
    for (const detail::ProfileTerm& t : issue.profile) stronger += t.weight > weight;
    if (stronger < 5) return true;
  }
  return false;
}

std::optional<HotspotAlert> HotspotTracker::State::CheckAlert(IssueState& issue, Timestamp at) {
  const detail::Day day = detail::DayOf(at, options.utc_offset_minutes);
  const std::uint32_t recent = issue.days.Recent(day, options.growth_window_days);
  double baseline = 0;
  const double growth = issue.GrowthAt(day, options, &baseline);
  if (recent < options.alert_min_recent || issue.citizens < options.alert_min_citizens ||
      growth < options.alert_growth) {
    return std::nullopt;
  }
  if (issue.last_alert && at - *issue.last_alert < std::chrono::days(options.alert_cooldown_days)) {
    return std::nullopt;
  }
  issue.last_alert = at;
  const detail::Day first_day = detail::DayOf(issue.first, options.utc_offset_minutes);
  const IssueSummary s = detail::Summarize(issue, growth, true, options.weights);
  HotspotAlert alert{first_day > day - options.growth_window_days ? AlertKind::kNewTopic
                                                                  : AlertKind::kSurge,
                     issue.id, at, recent, baseline, growth, s.place_or_people, s.description};
  alerts.push_back(alert);
  if (alerts.size() > options.alert_log_capacity) alerts.pop_front();
  ++stats.alerts;
  return alert;
}

HotspotTracker::HotspotTracker(text::Segmenter segmenter, HotspotOptions options)
    : state_(std::make_unique<State>(std::move(segmenter), std::move(options))) {}
HotspotTracker::~HotspotTracker() = default;
HotspotTracker::HotspotTracker(HotspotTracker&&) noexcept = default;
HotspotTracker& HotspotTracker::operator=(HotspotTracker&&) noexcept = default;

Result<AddOutcome> HotspotTracker::Add(const HotspotRequest& r) {
  if (r.id.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "id: must not be empty; every request needs one",
                     "id");
  }
  if (r.title.empty() && r.details.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "title, details: both empty in request '" + r.id + "'; one must hold text",
                     "details");
  }
  State& s = *state_;
  if (!s.watermark || r.time > *s.watermark) {
    s.watermark = r.time;
    s.Expire(r.time);
  }
  s.keywords.Extract(r.title, r.details, s.request_keywords);
  const detail::RequestPlace place = detail::LocateRequest(s.places, r);
  const std::uint32_t people = detail::PeopleMask(r.title, r.details);

  AddOutcome outcome;
  IssueState* issue = s.BestMatch(place, r.category);
  if (issue == nullptr) {
    const IssueId id = s.next_id++;
    issue = &s.open[id];
    issue->id = id;
    issue->category = r.category;
    outcome.opened = true;
    ++s.stats.issues_opened;
  }
  s.new_terms.clear();
  issue->Absorb(r, place, s.request_keywords, people, s.options, s.new_terms);
  for (const std::uint64_t term : s.new_terms) s.by_term.Add(term, issue->id);
  ForEachPlaceEnding(issue->place.place_key,
                     [&](std::uint64_t h) { s.by_place.Add(h, issue->id); });
  s.expiry.emplace(issue->last, issue->id);

  outcome.issue = issue->id;
  outcome.alert = s.CheckAlert(*issue, r.time);
  ++s.stats.requests;
  return outcome;
}

std::vector<IssueSummary> HotspotTracker::TopIssues(std::size_t n,
                                                    std::optional<Timestamp> as_of) const {
  const State& s = *state_;
  // Rank light summaries (figures only); describe only the chosen ones.
  std::vector<IssueSummary> ranked;
  std::vector<const IssueState*> sources;  // nullptr: from the archive
  for (const auto& [id, issue] : s.open) {
    double growth = issue.peak_growth;
    if (as_of) {
      const detail::Day day = detail::DayOf(*as_of, s.options.utc_offset_minutes);
      if (issue.days.Recent(day, s.options.growth_window_days) == 0) continue;
      growth = issue.GrowthAt(day, s.options);
    }
    IssueSummary light;
    light.id = id;
    light.first = issue.first;
    light.inputs = issue.Inputs(growth);
    light.hotness = HotnessIndex(light.inputs, s.options.weights);
    ranked.push_back(std::move(light));
    sources.push_back(&issue);
  }
  if (!as_of) {
    for (const IssueSummary& a : s.archive) {
      ranked.push_back(a);
      sources.push_back(nullptr);
    }
  }
  std::vector<std::size_t> order(ranked.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const std::size_t k = std::min(n, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                    [&](std::size_t a, std::size_t b) { return HotterFirst(ranked[a], ranked[b]); });
  std::vector<IssueSummary> out;
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t j = order[i];
    if (sources[j] == nullptr) {
      out.push_back(ranked[j]);
    } else {
      out.push_back(detail::Summarize(*sources[j], ranked[j].inputs.growth, true,
                                      s.options.weights));
    }
  }
  return out;
}

std::optional<IssueSummary> HotspotTracker::Issue(IssueId id) const {
  const State& s = *state_;
  if (const auto it = s.open.find(id); it != s.open.end()) {
    return detail::Summarize(it->second, it->second.peak_growth, true, s.options.weights);
  }
  for (const IssueSummary& a : s.archive) {
    if (a.id == id) return a;
  }
  return std::nullopt;
}

const std::deque<HotspotAlert>& HotspotTracker::RecentAlerts() const { return state_->alerts; }

TrackerStats HotspotTracker::stats() const {
  TrackerStats t = state_->stats;
  t.open_issues = state_->open.size();
  t.archived_issues = state_->archive.size();
  return t;
}

const HotspotOptions& HotspotTracker::options() const { return state_->options; }

}  // namespace lizheng::insight::hotspots
