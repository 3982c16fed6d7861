#pragma once

#include <cstdint>
#include <vector>

namespace consult::media::testing {

// A far-end talker for the echo tests, without depending on a recording or a speech synthesiser
// being installed: syllables of 120-300 ms separated by short gaps and occasional pauses; voiced
// syllables are harmonic series on a gliding pitch (100-220 Hz) shaped by two formants, unvoiced
// ones are high-passed noise. It has what makes echo cancellation hard (a sparse, non-stationary,
// wide-band signal with pauses) and is the same for a given seed on every machine.
std::vector<std::int16_t> speechLikeSignal(int durationMs, unsigned seed, double peakDbfs = -10.0);

} // namespace consult::media::testing
