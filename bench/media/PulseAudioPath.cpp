#include "PulseAudioPath.h"

#include "media/audio/QtAudioInput.h"
#include "media/audio/QtAudioOutput.h"
#include "support/BenchServer.h"

#include <QMediaDevices>

#include <chrono>
#include <cstdio>

namespace consult::bench {

namespace {

// Peak thresholds: the first sound (the pauses play far below), and full level (a burst's first
// 10-20 ms after silence are softened by the voice processing's attack).
constexpr double kFirstSoundDbfs = -65.0;
constexpr double kFullLevelDbfs = -40.0;

bool opened(const Status &status, const char *what)
{
    if (!status)
        std::fprintf(stderr, "%s: %s\n", what, qPrintable(status.problem().message));
    return status.ok();
}

QAudioDevice find(const QList<QAudioDevice> &devices, const QString &name)
{
    for (const QAudioDevice &device : devices)
        if (device.id() == name.toUtf8())
            return device;
    return {};
}

// The engine's microphone: the Qt device, each frame also shown to the detector (stamped by the
// device with its capture time) before the engine gets it. Lives on the audio thread.
class WatchedMicrophone final : public media::AudioSource
{
public:
    WatchedMicrophone(const QAudioDevice &device, OnsetDetector &detector)
        : m_input(device)
    {
        m_input.setFrameHandler([this, &detector](const media::AudioFrame &frame) {
            detector.listen(frame);
            deliver(frame);
        });
        m_input.setFailureHandler([this](const QString &reason) { reportFailure(reason); });
    }
    Status start() override { return m_input.start(); }
    void stop() override { m_input.stop(); }
    int latencyMs() const override { return m_input.latencyMs(); }

private:
    media::QtAudioInput m_input;
};

// The engine's speaker: the Qt device, each frame the device takes from the engine also shown to
// the detector, stamped with the moment it was taken. Lives on the audio thread.
class WatchedSpeaker final : public media::AudioSink
{
public:
    WatchedSpeaker(const QAudioDevice &device, OnsetDetector &detector)
        : m_output(device)
    {
        m_output.setFrameProvider([this, &detector] {
            const media::AudioFrame frame = nextFrame();
            media::AudioFrame taken = frame;
            taken.captureUs = steadyUs();
            detector.listen(taken);
            return frame;
        });
        m_output.setFailureHandler([this](const QString &reason) { reportFailure(reason); });
    }
    Status start() override { return m_output.start(); }
    void stop() override { m_output.stop(); }
    int latencyMs() const override { return m_output.latencyMs(); }

private:
    media::QtAudioOutput m_output;
};

} // namespace

QStringList PulseLayout::modules()
{
    // As run-with-pulseaudio.sh: 48 kHz stereo null sinks, monitors remapped into sources.
    const auto sink = [](const QString &name) {
        return QStringLiteral("load-module module-null-sink sink_name=%1 rate=48000 channels=2 "
                              "sink_properties=device.description=%1")
            .arg(name);
    };
    const auto monitor = [](const QString &name, const QString &sinkName) {
        return QStringLiteral("load-module module-remap-source source_name=%1 master=%2.monitor "
                              "source_properties=device.description=%1")
            .arg(name, sinkName);
    };
    return {sink(room), monitor(customerMicrophone, room), sink(advisorSpeaker), monitor(advisorEar, advisorSpeaker)};
}

QStringList PulseLayout::devices()
{
    return {room, customerMicrophone, advisorSpeaker, advisorEar};
}

QAudioDevice PulseLayout::output(const QString &name)
{
    return find(QMediaDevices::audioOutputs(), name);
}

QAudioDevice PulseLayout::input(const QString &name)
{
    return find(QMediaDevices::audioInputs(), name);
}

qint64 steadyUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

DeviceThread::DeviceThread(const QString &name)
    : m_context(new QObject)
{
    m_thread.setObjectName(name);
    m_context->moveToThread(&m_thread);
    m_thread.start(QThread::TimeCriticalPriority);
}

DeviceThread::~DeviceThread()
{
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

void DeviceThread::run(const std::function<void()> &fn)
{
    QMetaObject::invokeMethod(m_context, fn, Qt::BlockingQueuedConnection);
}

BurstPlayer::BurstPlayer(const QAudioDevice &sink, OnsetLog &log)
    : m_sink(sink)
    , m_bursts(log, &steadyUs, TimedBursts::Pauses::Irregular)
{}

BurstPlayer::~BurstPlayer()
{
    stop();
}

Status BurstPlayer::start()
{
    Status started = success();
    m_thread.run([this, &started] {
        m_output = std::make_unique<media::QtAudioOutput>(m_sink);
        m_output->setFrameProvider([this] { return m_bursts.nextFrame().value_or(media::AudioFrame{}); });
        started = m_output->start();
        m_bufferMs = m_output->latencyMs();
    });
    return started;
}

void BurstPlayer::stop()
{
    m_thread.run([this] { m_output.reset(); });
}

MonitorListener::MonitorListener(const QAudioDevice &source, OnsetDetector &detector)
    : m_source(source)
    , m_detector(detector)
{}

MonitorListener::~MonitorListener()
{
    stop();
}

Status MonitorListener::start()
{
    Status started = success();
    m_thread.run([this, &started] {
        m_input = std::make_unique<media::QtAudioInput>(m_source);
        m_input->setFrameHandler([this](const media::AudioFrame &frame) { m_detector.listen(frame); });
        started = m_input->start();
        m_bufferMs = m_input->latencyMs();
    });
    return started;
}

void MonitorListener::stop()
{
    m_thread.run([this] { m_input.reset(); });
}

std::optional<LoopFigures> measureLoop(const QAudioDevice &sink, const QAudioDevice &monitor, int seconds)
{
    OnsetLog log;
    OnsetDetector detector(log, {kFirstSoundDbfs});
    MonitorListener listener(monitor, detector);
    BurstPlayer player(sink, log);
    if (!opened(listener.start(), "loop listener") || !opened(player.start(), "loop player"))
        return std::nullopt;
    waitFor([] { return false; }, 1000); // both streams settle
    log.setMeasuring(true);
    waitFor([] { return false; }, seconds * 1000);
    log.setMeasuring(false);
    player.stop();
    listener.stop();
    return LoopFigures{detector.delaysMs(0), player.bufferMs(), listener.bufferMs()};
}

CallProbe::CallProbe(const QAudioDevice &room, const QAudioDevice &customerMicrophone, const QAudioDevice &advisorEar)
    : m_atMicrophone(m_log, {kFirstSoundDbfs})
    , m_atSpeakerPull(m_log, {kFirstSoundDbfs, kFullLevelDbfs})
    , m_atSpeaker(m_log, {kFirstSoundDbfs, kFullLevelDbfs})
    , m_atMicrophoneMonitor(m_log, {kFirstSoundDbfs})
    , m_speakerListener(advisorEar, m_atSpeaker)
    , m_microphoneListener(customerMicrophone, m_atMicrophoneMonitor)
    , m_player(room, m_log)
{}

std::unique_ptr<media::AudioSource> CallProbe::microphone(const QAudioDevice &device)
{
    return std::make_unique<WatchedMicrophone>(device, m_atMicrophone);
}

std::unique_ptr<media::AudioSink> CallProbe::speaker(const QAudioDevice &device)
{
    return std::make_unique<WatchedSpeaker>(device, m_atSpeakerPull);
}

bool CallProbe::start()
{
    return opened(m_speakerListener.start(), "listener on the advisor's speaker") &&
           opened(m_microphoneListener.start(), "listener on the customer's microphone") &&
           opened(m_player.start(), "tone player");
}

void CallProbe::stop()
{
    m_player.stop();
    m_microphoneListener.stop();
    m_speakerListener.stop();
}

} // namespace consult::bench
