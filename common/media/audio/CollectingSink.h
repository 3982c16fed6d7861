#pragma once

#include "media/audio/AudioSink.h"

#include <cstdint>
#include <vector>

namespace consult::media {

// A sink that records what it is given instead of playing it: the ear of the headless tests.
// It pulls only when told (pull()), so the test is the clock and runs as fast as the CPU allows.
class CollectingSink final : public AudioSink
{
public:
    Status start() override
    {
        m_running = true;
        return success();
    }
    void stop() override { m_running = false; }

    // Pulls frameCount frames from the provider and records them (nothing when stopped).
    void pull(int frameCount);

    const std::vector<AudioFrame> &frames() const { return m_frames; }
    // All recorded samples, back to back.
    std::vector<std::int16_t> samples() const;
    void clear() { m_frames.clear(); }

private:
    bool m_running = false;
    std::vector<AudioFrame> m_frames;
};

} // namespace consult::media
