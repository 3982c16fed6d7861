#pragma once

#include "media/audio/AudioSource.h"

#include <optional>

namespace consult::media {

// A source that produces frames on demand instead of by a clock: whoever drives it (a test, the
// pre-call check's tone, a benchmark) calls pump() and the frames are delivered synchronously, as
// fast as the pipeline behind it can take them. Real-time pacing lives only in the Qt devices.
class SyntheticSource : public AudioSource
{
public:
    Status start() override
    {
        m_running = true;
        return success();
    }
    void stop() override { m_running = false; }
    bool isRunning() const { return m_running; }

    // Delivers up to frameCount frames to the frame handler; returns how many were delivered
    // (fewer when the source has ended, none when it is stopped).
    int pump(int frameCount)
    {
        int delivered = 0;
        while (m_running && delivered < frameCount) {
            std::optional<AudioFrame> frame = nextFrame();
            if (!frame)
                break;
            deliver(*frame);
            ++delivered;
        }
        return delivered;
    }

    // The next frame, or nothing when the signal has ended. Usable without start() by code that
    // just wants the samples.
    virtual std::optional<AudioFrame> nextFrame() = 0;

private:
    bool m_running = false;
};

} // namespace consult::media
