// 热度指数: the hotness index of an issue. docs/hotspots.md explains the
// formula and its defaults with examples.
//
//   H = 10 × ( w_v·ln(1 + V) + w_c·ln(1 + C) + w_s·ln(1 + max(0, S − A))
//            + w_g·ln(max(1, G)) + w_u·ln(1 + U) )
//
// V messages, C distinct citizens, S support votes (点赞), A against votes
// (反对), U urgent or emergency requests, and G the growth: messages in the
// last growth window (7 days) divided by the issue's own weekly baseline
// before that window (a new issue's baseline is the prior, 1 a week).
// Logarithms, because the tenth complaint about one estate says less than
// the second; citizens weigh more than messages, because one person writing
// ten times is one voice; growth only adds (a quiet week is no merit).
#pragma once

#include <cstdint>

namespace lizheng::insight::hotspots {

struct HotnessWeights {
  double volume = 1.0;     // w_v
  double citizens = 1.5;   // w_c
  double support = 0.4;    // w_s
  double growth = 0.5;     // w_g
  double urgency = 1.0;    // w_u
};

// The inputs of the formula for one issue at one moment.
struct HotnessInputs {
  std::uint32_t messages = 0;         // V
  std::uint32_t citizens = 0;         // C
  std::uint64_t support_votes = 0;    // S
  std::uint64_t against_votes = 0;    // A
  std::uint32_t urgent_messages = 0;  // U
  double growth = 0;                  // G
};

// H as above; 0 for an issue without messages. Pure function.
double HotnessIndex(const HotnessInputs& in, const HotnessWeights& weights = {});

}  // namespace lizheng::insight::hotspots
