#pragma once

#include "core/Result.h"
#include "media/MediaFrames.h"

#include <functional>
#include <utility>

namespace consult::media {

// Where captured audio comes from: a microphone (QtAudioInput) or a synthetic signal (ToneSource,
// WavFileSource). A source hands every 10 ms frame, already 48 kHz mono int16, to its frame
// handler, on the thread the source lives on; a device that runs at another rate or channel count
// is converted at this edge, so nothing behind it ever sees another format.
//
// Pacing belongs to the source: a device delivers as its clock runs, a synthetic source delivers
// when a test pumps it, so a test can run an hour of audio in a second.
class AudioSource
{
public:
    using FrameHandler = std::function<void(const AudioFrame &)>;

    virtual ~AudioSource() = default;

    void setFrameHandler(FrameHandler handler) { m_handler = std::move(handler); }

    virtual Status start() = 0;
    virtual void stop() = 0;

    // How long a sample waits inside the device before it is delivered; part of the echo path
    // delay the echo canceller is told about. Zero for synthetic sources.
    virtual int latencyMs() const { return 0; }

protected:
    void deliver(const AudioFrame &frame)
    {
        if (m_handler)
            m_handler(frame);
    }

private:
    FrameHandler m_handler;
};

} // namespace consult::media
