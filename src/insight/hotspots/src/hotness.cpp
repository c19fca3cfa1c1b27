#include "lizheng/insight/hotspots/hotness.hpp"

#include <algorithm>
#include <cmath>

namespace lizheng::insight::hotspots {

double HotnessIndex(const HotnessInputs& in, const HotnessWeights& w) {
  if (in.messages == 0) return 0.0;
  const double net_support =
      in.support_votes > in.against_votes ? double(in.support_votes - in.against_votes) : 0.0;
  const double sum = w.volume * std::log1p(in.messages) + w.citizens * std::log1p(in.citizens) +
                     w.support * std::log1p(net_support) +
                     w.growth * std::log(std::max(1.0, in.growth)) +
                     w.urgency * std::log1p(in.urgent_messages);
  return 10.0 * sum;
}

}  // namespace lizheng::insight::hotspots
