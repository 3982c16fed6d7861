#include "media/audio/ToneSource.h"

#include <cmath>
#include <numbers>

namespace consult::media {

ToneSource::ToneSource(double frequencyHz, float peakDbfs)
    : m_frequencyHz(frequencyHz)
    , m_peakDbfs(peakDbfs)
    , m_amplitude(32767.0 * std::pow(10.0, double(peakDbfs) / 20.0))
{}

void ToneSource::setBursts(int onMs, int offMs)
{
    m_onFrames = onMs / 10;
    m_offFrames = offMs / 10;
}

bool ToneSource::isOn(std::int64_t frameIndex) const
{
    const int period = m_onFrames + m_offFrames;
    return period == 0 || frameIndex % period < m_onFrames;
}

std::optional<AudioFrame> ToneSource::nextFrame()
{
    AudioFrame frame;
    frame.captureUs = m_frameIndex * 10'000;
    const double step = 2.0 * std::numbers::pi * m_frequencyHz / kSampleRate;
    const bool on = isOn(m_frameIndex);
    for (std::int16_t &sample : frame.samples) {
        // The phase runs on through the off bursts so every burst is a slice of one continuous sine.
        sample = on ? std::int16_t(std::lround(m_amplitude * std::sin(m_phase))) : std::int16_t(0);
        m_phase = std::fmod(m_phase + step, 2.0 * std::numbers::pi);
    }
    ++m_frameIndex;
    return frame;
}

} // namespace consult::media
