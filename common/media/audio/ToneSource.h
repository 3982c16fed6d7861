#pragma once

#include "media/audio/SyntheticSource.h"

#include <cstdint>

namespace consult::media {

// A sine of a given frequency and peak level, endless, optionally keyed on and off in bursts (the
// speaker test tone of the pre-call check beeps; tests use bursts as talk spurts). Frame n carries
// captureUs = n * 10 ms: the tone's own sample clock.
class ToneSource final : public SyntheticSource
{
public:
    ToneSource(double frequencyHz, float peakDbfs);

    // On for onMs, off for offMs, repeating, starting with on; multiples of 10 ms. 0/0: continuous.
    void setBursts(int onMs, int offMs);

    std::optional<AudioFrame> nextFrame() override;

    double frequencyHz() const { return m_frequencyHz; }
    float peakDbfs() const { return m_peakDbfs; }

private:
    bool isOn(std::int64_t frameIndex) const;

    double m_frequencyHz;
    float m_peakDbfs;
    double m_amplitude;
    double m_phase = 0.0;
    std::int64_t m_frameIndex = 0;
    int m_onFrames = 0;
    int m_offFrames = 0;
};

} // namespace consult::media
