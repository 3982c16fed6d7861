#pragma once

#include <cmath>
#include <cstdint>
#include <span>

namespace consult::media {

// Decides whether decoded audio is silence, i.e. a moment where the jitter buffer may change its
// delay without anyone hearing it. Mumble's rule: track the loudest and the quietest level seen
// (the maximum decays, the minimum creeps up) and call everything within 1 % of the way from
// minimum to maximum silence, so a noisy far end still has "silence". Anything under -60 dBFS is
// silence regardless. Plain value object, one thread.
class SilenceDetector
{
public:
    bool isSilent(std::span<const std::int16_t> samples)
    {
        if (samples.empty())
            return true;
        double sum = 0.0;
        for (const std::int16_t sample : samples)
            sum += double(sample) * double(sample);
        const double rms = std::sqrt(sum / double(samples.size())) / 32768.0;

        if (rms >= m_max) {
            m_max = rms;
        } else if (rms <= m_min) {
            m_min = rms;
        } else {
            m_max *= 0.99;
            m_min += 0.0001 * rms;
        }
        return rms < kAbsoluteSilence || rms < m_min + 0.01 * (m_max - m_min);
    }

private:
    static constexpr double kAbsoluteSilence = 0.001; // -60 dBFS
    double m_max = 0.0;
    double m_min = 0.0;
};

} // namespace consult::media
