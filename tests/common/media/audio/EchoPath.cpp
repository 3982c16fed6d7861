#include "EchoPath.h"

#include "SampleSource.h"

#include <algorithm>
#include <cmath>

namespace consult::media::testing {

EchoPath::EchoPath(int delayMs, double gainDb, double noiseDbfs, unsigned seed)
    : m_random(seed)
    , m_noise(0.0, 32768.0 * std::pow(10.0, noiseDbfs / 20.0))
{
    const double gain = std::pow(10.0, gainDb / 20.0);
    const auto delay = std::size_t(delayMs * kSampleRate / 1000);
    m_taps = {{delay, gain},
              {delay + 173, -0.5 * gain},
              {delay + 421, 0.3 * gain},
              {delay + 977, -0.15 * gain},
              {delay + 1730, 0.08 * gain}};
    m_played.assign(delay + 1730 + kFrameSamples, 0);
}

AudioFrame EchoPath::microphoneFrame(const AudioFrame &speakerFrame)
{
    AudioFrame microphone;
    microphone.captureUs = speakerFrame.captureUs;
    for (std::size_t i = 0; i < std::size_t(kFrameSamples); ++i) {
        m_played.pop_front();
        m_played.push_back(speakerFrame.samples[i]);
        const std::size_t newest = m_played.size() - 1;
        double sample = m_noise(m_random);
        for (const Tap &tap : m_taps)
            sample += tap.gain * m_played[newest - tap.delaySamples];
        microphone.samples[i] = std::int16_t(std::clamp(std::lround(sample), -32768L, 32767L));
    }
    return microphone;
}

std::vector<std::int16_t> echoOf(const std::vector<std::int16_t> &farEnd, int delayMs, double gainDb, double noiseDbfs,
                                 unsigned seed)
{
    EchoPath path(delayMs, gainDb, noiseDbfs, seed);
    std::vector<std::int16_t> echo;
    for (const AudioFrame &frame : framesOf(farEnd)) {
        const AudioFrame microphone = path.microphoneFrame(frame);
        echo.insert(echo.end(), microphone.samples.begin(), microphone.samples.end());
    }
    echo.resize(farEnd.size());
    return echo;
}

} // namespace consult::media::testing
