#pragma once

#include <cstdint>
#include <span>

namespace consult::media {

// A level in dBFS. RMS is relative to full scale (a full-scale sine reads -3 dB, a full-scale
// square 0 dB); peak is the largest sample magnitude. Silence reads LevelMeter::kFloorDbfs.
struct AudioLevel
{
    float rmsDbfs = -100.0f;
    float peakDbfs = -100.0f;
};

// The microphone level for the UI (pre-call check, "am I heard"). Fed one 10 ms frame at a time;
// keeps both the frame's own level and a smoothed one with meter ballistics: the RMS rises within
// a few frames and falls over about 300 ms, the peak jumps up at once and falls 20 dB per second,
// so a glance at the bar shows speech rather than flicker. Plain value object, one thread.
class LevelMeter
{
public:
    static constexpr float kFloorDbfs = -100.0f;

    // Measures one frame and returns the smoothed level after it.
    AudioLevel measure(std::span<const std::int16_t> frame);
    void reset();

    AudioLevel lastFrame() const { return m_lastFrame; }
    AudioLevel smoothed() const { return m_smoothed; }

    static float rmsDbfs(std::span<const std::int16_t> samples);
    static float peakDbfs(std::span<const std::int16_t> samples);

private:
    AudioLevel m_lastFrame;
    AudioLevel m_smoothed;
};

} // namespace consult::media
