#pragma once

#include "media/MediaFrames.h"

#include <cstdint>
#include <deque>
#include <random>
#include <vector>

namespace consult::media::testing {

// The loudspeaker-to-microphone path of a small room, 10 ms at a time: what the speaker played
// comes back delayed, attenuated and smeared by a few reflections over about 40 ms, and the
// microphone adds its own low white noise. Deterministic for a given seed.
class EchoPath
{
public:
    EchoPath(int delayMs, double gainDb, double noiseDbfs, unsigned seed);

    // The microphone frame of the same 10 ms in which the speaker played speakerFrame.
    AudioFrame microphoneFrame(const AudioFrame &speakerFrame);

private:
    struct Tap
    {
        std::size_t delaySamples;
        double gain;
    };
    std::vector<Tap> m_taps;
    std::deque<std::int16_t> m_played; // newest last, as long as the longest tap
    std::mt19937 m_random;
    std::normal_distribution<double> m_noise;
};

// A whole recording through the path.
std::vector<std::int16_t> echoOf(const std::vector<std::int16_t> &farEnd, int delayMs, double gainDb, double noiseDbfs,
                                 unsigned seed);

} // namespace consult::media::testing
