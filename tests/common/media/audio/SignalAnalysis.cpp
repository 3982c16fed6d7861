#include "SignalAnalysis.h"

#include "media/MediaFrames.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace consult::media::testing {

namespace {
constexpr double kFullScale = 32768.0;

double frameDbfs(std::span<const std::int16_t> samples, int frame)
{
    return powerDbfs(samples.subspan(std::size_t(frame) * kFrameSamples, kFrameSamples));
}
} // namespace

double powerDbfs(std::span<const std::int16_t> samples)
{
    if (samples.empty())
        return -200.0;
    double sum = 0.0;
    for (const std::int16_t s : samples)
        sum += double(s) * double(s);
    return 10.0 * std::log10(std::max(sum / double(samples.size()) / (kFullScale * kFullScale), 1e-20));
}

double powerDbfs(std::span<const double> samples)
{
    if (samples.empty())
        return -200.0;
    double sum = 0.0;
    for (const double s : samples)
        sum += s * s;
    return 10.0 * std::log10(std::max(sum / double(samples.size()) / (kFullScale * kFullScale), 1e-20));
}

double tonePowerDbfs(std::span<const std::int16_t> samples, double frequencyHz)
{
    const std::size_t n = samples.size();
    if (n < 2)
        return -200.0;
    const double omega = 2.0 * std::numbers::pi * frequencyHz / kSampleRate;
    const double coefficient = 2.0 * std::cos(omega);
    double s1 = 0.0;
    double s2 = 0.0;
    double windowSum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double window = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * double(i) / double(n - 1));
        windowSum += window;
        const double s0 = double(samples[i]) * window + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double magnitude = std::sqrt(std::max(0.0, s1 * s1 + s2 * s2 - coefficient * s1 * s2));
    // A sine of amplitude A gives magnitude A * windowSum / 2; its RMS is A / sqrt(2).
    const double rms = magnitude / windowSum * 2.0 / std::numbers::sqrt2;
    return 20.0 * std::log10(std::max(rms / kFullScale, 1e-10));
}

double toneDominanceDb(std::span<const std::int16_t> samples, double frequencyHz)
{
    double strongestNeighbour = -200.0;
    for (const double offset : {-300.0, -200.0, -100.0, 100.0, 200.0, 300.0, frequencyHz})
        strongestNeighbour = std::max(strongestNeighbour, tonePowerDbfs(samples, frequencyHz + offset));
    return tonePowerDbfs(samples, frequencyHz) - strongestNeighbour;
}

std::vector<SilentRun> silentRuns(std::span<const std::int16_t> samples, double thresholdDbfs)
{
    std::vector<SilentRun> runs;
    const int frames = int(samples.size() / kFrameSamples);
    for (int frame = 0; frame < frames; ++frame) {
        if (frameDbfs(samples, frame) >= thresholdDbfs)
            continue;
        if (!runs.empty() && runs.back().firstFrame + runs.back().frames == frame)
            ++runs.back().frames;
        else
            runs.push_back({frame, 1});
    }
    return runs;
}

std::vector<SoundRun> soundRuns(std::span<const std::int16_t> samples, double thresholdDbfs, int bridgeFrames)
{
    std::vector<SoundRun> runs;
    const int frames = int(samples.size() / kFrameSamples);
    for (int frame = 0; frame < frames; ++frame) {
        if (frameDbfs(samples, frame) < thresholdDbfs)
            continue;
        if (!runs.empty() && frame - (runs.back().firstFrame + runs.back().frames) <= bridgeFrames)
            runs.back().frames = frame - runs.back().firstFrame + 1;
        else
            runs.push_back({frame, 1});
    }
    return runs;
}

} // namespace consult::media::testing
