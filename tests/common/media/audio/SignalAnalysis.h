#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace consult::media::testing {

// Measurements the audio tests make on what comes out of the engine.

// Mean power of the samples relative to full scale, in dB (a full-scale sine reads -3 dB).
double powerDbfs(std::span<const std::int16_t> samples);
double powerDbfs(std::span<const double> samples);

// Power of one frequency (Hann-windowed Goertzel), relative to full scale in dB: a sine of RMS r
// reads about 20*log10(r / 32768).
double tonePowerDbfs(std::span<const std::int16_t> samples, double frequencyHz);

// How far the tone at frequencyHz stands above the strongest of its neighbours (the frequencies
// +-100, +-200, +-300 Hz away and the second harmonic), in dB.
double toneDominanceDb(std::span<const std::int16_t> samples, double frequencyHz);

// Runs of consecutive 10 ms frames whose RMS is below thresholdDbfs, as (first frame, length).
struct SilentRun
{
    int firstFrame = 0;
    int frames = 0;
};
std::vector<SilentRun> silentRuns(std::span<const std::int16_t> samples, double thresholdDbfs);

// Start frames of stretches of sound (>= minFrames frames above thresholdDbfs, gaps shorter than
// bridgeFrames bridged), with their lengths in frames.
struct SoundRun
{
    int firstFrame = 0;
    int frames = 0;
};
std::vector<SoundRun> soundRuns(std::span<const std::int16_t> samples, double thresholdDbfs, int bridgeFrames = 0);

} // namespace consult::media::testing
