#include "media/engine/AudioStream.h"

#include "media/audio/AudioCapturePipeline.h"

#include <QMetaObject>

#include <optional>

namespace consult::media {

struct AudioStream::Engine
{
    explicit Engine(const AudioProcessingSettings &settings)
        : processor(settings)
    {}

    AudioProcessor processor;
    AudioCapturePipeline capture{processor};
    AudioPlayoutPipeline playout{&processor};
    std::unique_ptr<AudioSource> input;
    std::unique_ptr<AudioSink> output;
};

AudioStream::AudioStream(InputFactory input, OutputFactory output, AudioProcessingSettings settings, QObject *parent)
    : QObject(parent)
    , m_makeInput(std::move(input))
    , m_makeOutput(std::move(output))
    , m_settings(settings)
{
    m_thread.setObjectName(QStringLiteral("audio"));
}

AudioStream::~AudioStream()
{
    stop();
}

Status AudioStream::start()
{
    if (isRunning())
        return success();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start(QThread::TimeCriticalPriority);

    std::optional<Status> started;
    QMetaObject::invokeMethod(
        m_context,
        [this, &started] {
            auto engine = std::make_unique<Engine>(m_settings);
            engine->input = m_makeInput ? m_makeInput() : nullptr;
            engine->output = m_makeOutput ? m_makeOutput() : nullptr;
            AudioCapturePipeline &capture = engine->capture;
            AudioPlayoutPipeline &playout = engine->playout;
            capture.setMuted(!m_enabled);
            if (m_bitrate > 0)
                capture.setBitrate(m_bitrate);
            capture.setExpectedPacketLossPercent(m_lossPercent);
            // Queued to this object's thread: the packet leaves through the session there.
            connect(&capture, &AudioCapturePipeline::packetReady, this, &AudioStream::deliverPacket);
            connect(&capture, &AudioCapturePipeline::levelMeasured, this, &AudioStream::levelMeasured);
            m_outputStatus = engine->output
                                 ? engine->output->start()
                                 : Status::failure(QStringLiteral("no_device"), QStringLiteral("no speaker"));
            if (m_outputStatus) {
                engine->output->setFrameProvider([&playout] { return playout.renderFrame(); });
                engine->output->setFailureHandler([this](const QString &reason) { lose(false, reason); });
            } else {
                engine->output.reset();
            }
            if (engine->input)
                engine->input->setFrameHandler([&capture](const AudioFrame &frame) { capture.processFrame(frame); });
            m_inputStatus = engine->input
                                ? engine->input->start()
                                : Status::failure(QStringLiteral("no_device"), QStringLiteral("no microphone"));
            if (m_inputStatus)
                engine->input->setFailureHandler([this](const QString &reason) { lose(true, reason); });
            else
                engine->input.reset();
            if (!engine->input && !engine->output) {
                started = m_inputStatus.problem().code == QStringLiteral("no_device") ? m_outputStatus : m_inputStatus;
                return;
            }
            // The echo comes back after the speaker's buffer and the microphone's.
            engine->processor.setStreamDelayMs((engine->input ? engine->input->latencyMs() : 0) +
                                               (engine->output ? engine->output->latencyMs() : 0));
            m_engine = std::move(engine);
            started = success();
        },
        Qt::BlockingQueuedConnection);

    if (!started || !*started) {
        m_thread.quit();
        m_thread.wait();
        delete m_context;
        m_context = nullptr;
        return started ? *started : Status::failure(QStringLiteral("no_thread"), QStringLiteral("audio thread"));
    }
    return success();
}

void AudioStream::stop()
{
    if (!m_context)
        return;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            if (!m_engine)
                return;
            if (m_engine->input)
                m_engine->input->stop();
            if (m_engine->output)
                m_engine->output->stop();
            m_engine.reset(); // the devices go on the thread they were made on
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
    m_context = nullptr;
}

void AudioStream::lose(bool input, const QString &reason)
{
    // On the audio thread, possibly inside the device's own signal: the device goes on the next turn.
    QMetaObject::invokeMethod(
        m_context,
        [this, input] {
            if (!m_engine)
                return;
            std::unique_ptr<AudioSource> source = input ? std::move(m_engine->input) : nullptr;
            std::unique_ptr<AudioSink> sink = input ? nullptr : std::move(m_engine->output);
            if (source)
                source->stop();
            if (sink)
                sink->stop();
        },
        Qt::QueuedConnection);
    if (input)
        Q_EMIT inputLost(reason);
    else
        Q_EMIT outputLost(reason);
}

void AudioStream::post(std::function<void(Engine &)> fn)
{
    if (!m_context)
        return;
    QMetaObject::invokeMethod(
        m_context,
        [this, fn = std::move(fn)] {
            if (m_engine)
                fn(*m_engine);
        },
        Qt::QueuedConnection);
}

void AudioStream::setBitrateKbps(int kbps)
{
    if (kbps <= 0 || kbps * 1000 == m_bitrate)
        return;
    m_bitrate = kbps * 1000;
    post([bitrate = m_bitrate](Engine &engine) { engine.capture.setBitrate(bitrate); });
}

void AudioStream::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    post([enabled](Engine &engine) { engine.capture.setMuted(!enabled); });
}

void AudioStream::setPeerLossPercent(int percent)
{
    if (percent == m_lossPercent)
        return;
    m_lossPercent = percent;
    post([percent](Engine &engine) { engine.capture.setExpectedPacketLossPercent(percent); });
}

void AudioStream::push(const wire::MediaPacket &packet)
{
    // The wire's sequence is the session's (+1 per packet sent, 32 bits); the jitter buffer
    // compares 16-bit sequences modulo 2^16, which the low half keeps.
    post([sequence = quint16(packet.sequence()), timestamp = packet.audio_timestamp(),
          payload = QByteArray::fromStdString(packet.payload())](Engine &engine) {
        if (engine.output) // nobody would drain it
            engine.playout.push(sequence, timestamp, payload);
    });
}

void AudioStream::deliverPacket(quint16, quint32 timestamp, const QByteArray &payload, qint64 captureUs)
{
    if (!deliver || !m_enabled)
        return; // a packet encoded just before the microphone went off
    wire::MediaPacket packet;
    packet.set_capture_us(captureUs);
    packet.set_audio_timestamp(timestamp);
    packet.set_payload(payload.toStdString());
    deliver(std::move(packet));
}

AudioStream::Statistics AudioStream::statistics() const
{
    Statistics statistics;
    if (!m_context)
        return statistics;
    QMetaObject::invokeMethod(
        m_context,
        [this, &statistics] {
            if (!m_engine)
                return;
            statistics.playout = m_engine->playout.statistics();
            statistics.packetsSent = m_engine->capture.packetsSent();
            statistics.bitrate = m_engine->capture.bitrate();
            statistics.streamDelayMs = m_engine->processor.streamDelayMs();
        },
        Qt::BlockingQueuedConnection);
    statistics.expectedLossPercent = m_lossPercent;
    return statistics;
}

} // namespace consult::media
