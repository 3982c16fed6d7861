#include "media/audio/LevelMeter.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace consult::media {

namespace {

constexpr float kFullScale = 32768.0f;
// Per 10 ms frame: exponential smoothing of the RMS in dB, quick up (tau 20 ms), slow down (tau
// 300 ms); the peak falls linearly at 20 dB/s.
const float kRmsAttack = 1.0f - std::exp(-10.0f / 20.0f);
const float kRmsRelease = 1.0f - std::exp(-10.0f / 300.0f);
constexpr float kPeakFallPerFrameDb = 0.2f;

float toDbfs(double magnitude)
{
    if (magnitude <= 0.0)
        return LevelMeter::kFloorDbfs;
    return std::max(LevelMeter::kFloorDbfs, float(20.0 * std::log10(magnitude / kFullScale)));
}

} // namespace

float LevelMeter::rmsDbfs(std::span<const std::int16_t> samples)
{
    if (samples.empty())
        return kFloorDbfs;
    double sum = 0.0;
    for (const std::int16_t sample : samples)
        sum += double(sample) * double(sample);
    return toDbfs(std::sqrt(sum / double(samples.size())));
}

float LevelMeter::peakDbfs(std::span<const std::int16_t> samples)
{
    int peak = 0;
    for (const std::int16_t sample : samples)
        peak = std::max(peak, std::abs(int(sample)));
    return toDbfs(peak);
}

AudioLevel LevelMeter::measure(std::span<const std::int16_t> frame)
{
    m_lastFrame = {rmsDbfs(frame), peakDbfs(frame)};

    const float rmsStep = m_lastFrame.rmsDbfs > m_smoothed.rmsDbfs ? kRmsAttack : kRmsRelease;
    m_smoothed.rmsDbfs += rmsStep * (m_lastFrame.rmsDbfs - m_smoothed.rmsDbfs);
    m_smoothed.peakDbfs = std::max(m_lastFrame.peakDbfs, m_smoothed.peakDbfs - kPeakFallPerFrameDb);
    return m_smoothed;
}

void LevelMeter::reset()
{
    m_lastFrame = {};
    m_smoothed = {};
}

} // namespace consult::media
