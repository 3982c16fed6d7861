#pragma once

#include "core/Result.h"
#include "media/MediaFrames.h"

#include <QString>

#include <functional>
#include <utility>

namespace consult::media {

// Where played audio goes: speakers (QtAudioOutput) or a recorder for tests (CollectingSink).
// The sink pulls: whenever it has room for 10 ms more it asks the frame provider for the next
// 48 kHz mono frame, on the thread the sink lives on. The playout clock is therefore the device's
// own clock, never a timer of ours that would drift against it.
class AudioSink
{
public:
    using FrameProvider = std::function<AudioFrame()>;
    // Told when the device stops on its own after a successful start (unplugged, the sound server
    // went away); called on the sink's thread, with a reason in English for logs.
    using FailureHandler = std::function<void(const QString &reason)>;

    virtual ~AudioSink() = default;

    void setFrameProvider(FrameProvider provider) { m_provider = std::move(provider); }
    void setFailureHandler(FailureHandler handler) { m_failureHandler = std::move(handler); }

    virtual Status start() = 0;
    virtual void stop() = 0;

    // How long a sample handed to the sink waits before it leaves the speaker; the other part of
    // the echo path delay. Zero for sinks that do not play.
    virtual int latencyMs() const { return 0; }

protected:
    // Silence when nobody provides frames: a sink must never stall the device.
    AudioFrame nextFrame() { return m_provider ? m_provider() : AudioFrame{}; }

    void reportFailure(const QString &reason)
    {
        if (m_failureHandler)
            m_failureHandler(reason);
    }

private:
    FrameProvider m_provider;
    FailureHandler m_failureHandler;
};

} // namespace consult::media
