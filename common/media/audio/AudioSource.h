#pragma once

#include "core/Result.h"
#include "media/MediaFrames.h"

#include <QString>

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
    // Told when the device stops on its own after a successful start (unplugged, the sound server
    // went away); called on the source's thread, with a reason in English for logs.
    using FailureHandler = std::function<void(const QString &reason)>;

    virtual ~AudioSource() = default;

    void setFrameHandler(FrameHandler handler) { m_handler = std::move(handler); }
    void setFailureHandler(FailureHandler handler) { m_failureHandler = std::move(handler); }

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

    void reportFailure(const QString &reason)
    {
        if (m_failureHandler)
            m_failureHandler(reason);
    }

private:
    FrameHandler m_handler;
    FailureHandler m_failureHandler;
};

} // namespace consult::media
