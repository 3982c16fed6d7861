#pragma once

#include "core/Result.h"
#include "media/MediaStream.h"
#include "media/audio/AudioPlayoutPipeline.h"
#include "media/audio/AudioProcessor.h"
#include "media/audio/AudioSink.h"
#include "media/audio/AudioSource.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace consult::media {

// The audio of one call on one side, plugged into a MediaSession as its audio source and sink:
// microphone -> echo cancellation, noise suppression, gain control -> Opus -> packets out, and
// packets in -> jitter buffer -> Opus (with concealment) -> speaker, the speaker's frames being the
// echo canceller's far-end reference.
//
// Threads (docs/THREADING.md): everything of the engine (devices, processor, both pipelines) is
// created, run and destroyed on the stream's own audio thread; the devices' clocks drive it. This
// object lives in the session's thread (the GUI thread) and crosses over only by queued calls:
// packets and switches in, packets and level readings out. Nothing here blocks the audio thread;
// start(), stop() and statistics() wait for it briefly.
class AudioStream final : public QObject, public MediaStreamSource, public MediaStreamSink
{
    Q_OBJECT
public:
    // Called on the audio thread by start(): the devices are made where they will run.
    using InputFactory = std::function<std::unique_ptr<AudioSource>()>;
    using OutputFactory = std::function<std::unique_ptr<AudioSink>()>;

    struct Statistics
    {
        AudioPlayoutPipeline::Statistics playout;
        qint64 packetsSent = 0;
        int bitrate = 0;       // Opus target, bit/s
        int streamDelayMs = 0; // the echo path delay the canceller was told
        int expectedLossPercent = 0;
    };

    AudioStream(InputFactory input, OutputFactory output, AudioProcessingSettings settings = {},
                QObject *parent = nullptr);
    ~AudioStream() override;

    // Starts the audio thread, makes both devices there and starts them. Runs with what opens: a
    // missing factory (an empty function or nullptr) or a device that refuses is left out (sending
    // without hearing, or hearing without sending); inputStatus() and outputStatus() say why. Fails
    // (and runs nothing) only when neither device opens.
    Status start();
    void stop();
    bool isRunning() const { return m_context != nullptr; }
    // How each device fared in the last start() (problem code "no_device" when there was none).
    const Status &inputStatus() const { return m_inputStatus; }
    const Status &outputStatus() const { return m_outputStatus; }

    // MediaStreamSource: the session's switches and the bitrate control.
    wire::MediaKind kind() const override { return wire::MEDIA_KIND_AUDIO; }
    void setBitrateKbps(int kbps) override;
    // Off is "muted": the echo canceller keeps running, nothing is encoded or sent.
    void setEnabled(bool enabled) override;
    void setPeerLossPercent(int percent) override;

    // MediaStreamSink: a packet from the peer.
    void push(const wire::MediaPacket &packet) override;

    // Waits for the audio thread (tests, benchmarks, diagnostics).
    Statistics statistics() const;

Q_SIGNALS:
    // The microphone level after processing, 20 times a second (the UI's meter; "you are muted"
    // when the user talks while muted).
    void levelMeasured(float rmsDbfs, float peakDbfs);
    // A device that ran stopped on its own (unplugged, the sound server went away); the stream goes
    // on with the other one. Emitted from the audio thread: connect with a receiver in the GUI thread.
    void inputLost(const QString &reason);
    void outputLost(const QString &reason);

private:
    struct Engine;
    // On the audio thread: the device reported its failure.
    void lose(bool input, const QString &reason);
    void deliverPacket(quint16 sequence, quint32 timestamp, const QByteArray &payload, qint64 captureUs);
    // Runs fn(engine) on the audio thread, if the engine runs.
    void post(std::function<void(Engine &)> fn);

    InputFactory m_makeInput;
    OutputFactory m_makeOutput;
    AudioProcessingSettings m_settings;
    QThread m_thread;
    QObject *m_context = nullptr;     // lives on m_thread while running; the target of queued calls
    std::unique_ptr<Engine> m_engine; // touched on m_thread only
    Status m_inputStatus = success(); // written by start() on the audio thread while we wait
    Status m_outputStatus = success();
    bool m_enabled = false;
    int m_bitrate = 0;
    int m_lossPercent = 0;
};

} // namespace consult::media
