#include "SignalAnalysis.h"

#include "media/audio/QtAudioInput.h"
#include "media/audio/QtAudioOutput.h"
#include "media/audio/ToneSource.h"

#include <QMediaDevices>
#include <QSignalSpy>
#include <QTest>

using namespace consult::media;
using namespace consult::media::testing;

// Runs under run-with-pulseaudio.sh: a private PulseAudio daemon with a null sink
// (consult_speaker), a source fed by its monitor (consult_loopback: what is played comes back as a
// microphone) and a silent null source (consult_mic). The waits below are guards against a hang,
// not measurements: every assertion is about what arrived, never about how fast.
namespace {

constexpr int kGuardMs = 10'000;

QAudioDevice findDevice(const QList<QAudioDevice> &devices, const QByteArray &id)
{
    for (const QAudioDevice &device : devices) {
        if (device.id() == id)
            return device;
    }
    return {};
}

QString names(const QList<QAudioDevice> &devices)
{
    QStringList list;
    for (const QAudioDevice &device : devices)
        list << QString::fromUtf8(device.id());
    return list.join(QStringLiteral(", "));
}

} // namespace

class TestQtAudioDevices final : public QObject
{
    Q_OBJECT
private slots:
    void qtSeesTheVirtualDevices();
    void framesFlowFromTheMicrophoneInTheEngineFormat();
    void theSpeakerPullsFramesFromTheEngine();
    void aTonePlayedComesBackThroughTheSoundServer();
    void aMissingDeviceIsReportedNotCrashedOn();
};

void TestQtAudioDevices::qtSeesTheVirtualDevices()
{
    const QList<QAudioDevice> inputs = QMediaDevices::audioInputs();
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    qInfo("inputs: %s; outputs: %s", qPrintable(names(inputs)), qPrintable(names(outputs)));
    QVERIFY(!findDevice(inputs, "consult_mic").isNull());
    QVERIFY(!findDevice(inputs, "consult_loopback").isNull());
    QVERIFY(!findDevice(outputs, "consult_speaker").isNull());
    QCOMPARE(QMediaDevices::defaultAudioOutput().id(), QByteArray("consult_speaker"));
}

void TestQtAudioDevices::framesFlowFromTheMicrophoneInTheEngineFormat()
{
    QtAudioInput microphone(findDevice(QMediaDevices::audioInputs(), "consult_mic"));
    std::vector<AudioFrame> frames;
    microphone.setFrameHandler([&frames](const AudioFrame &frame) { frames.push_back(frame); });
    const consult::Status started = microphone.start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.problem().message));

    QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= 50, kGuardMs); // half a second of audio
    qInfo("device format: %d Hz, %d channel(s), sample format %d; latency %d ms",
          microphone.deviceFormat().sampleRate(), microphone.deviceFormat().channelCount(),
          int(microphone.deviceFormat().sampleFormat()), microphone.latencyMs());
    QVERIFY(microphone.deviceFormat().isValid());
    QVERIFY(microphone.latencyMs() > 0);
    // A null source is silent; each frame is stamped 10 ms after the one before.
    for (std::size_t i = 1; i < frames.size(); ++i)
        QVERIFY(frames[i].captureUs > frames[i - 1].captureUs);
    QVERIFY(std::all_of(frames.begin(), frames.end(), [](const AudioFrame &frame) {
        return std::all_of(frame.samples.begin(), frame.samples.end(), [](std::int16_t s) { return s == 0; });
    }));
    microphone.stop();
}

void TestQtAudioDevices::theSpeakerPullsFramesFromTheEngine()
{
    QtAudioOutput speaker(findDevice(QMediaDevices::audioOutputs(), "consult_speaker"));
    int provided = 0;
    speaker.setFrameProvider([&provided] {
        ++provided;
        return AudioFrame{};
    });
    const consult::Status started = speaker.start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.problem().message));
    QTRY_VERIFY_WITH_TIMEOUT(provided >= 50, kGuardMs);
    qInfo("device format: %d Hz, %d channel(s); latency %d ms", speaker.deviceFormat().sampleRate(),
          speaker.deviceFormat().channelCount(), speaker.latencyMs());
    QCOMPARE(speaker.framesPulled(), qint64(provided));
    speaker.stop();
}

void TestQtAudioDevices::aTonePlayedComesBackThroughTheSoundServer()
{
    // Through the real devices: the tone into the speaker, the speaker's monitor as microphone.
    ToneSource tone(440.0, -20.0f);
    QtAudioOutput speaker(findDevice(QMediaDevices::audioOutputs(), "consult_speaker"));
    speaker.setFrameProvider([&tone] { return *tone.nextFrame(); });
    QtAudioInput monitor(findDevice(QMediaDevices::audioInputs(), "consult_loopback"));
    std::vector<std::int16_t> heard;
    monitor.setFrameHandler(
        [&heard](const AudioFrame &frame) { heard.insert(heard.end(), frame.samples.begin(), frame.samples.end()); });
    QVERIFY(monitor.start().ok());
    QVERIFY(speaker.start().ok());

    QTRY_VERIFY_WITH_TIMEOUT(heard.size() >= std::size_t(2 * kSampleRate), kGuardMs); // two seconds
    speaker.stop();
    monitor.stop();
    // The last second: the tone at the level it was played, without dropouts (an underrun or a
    // lost period shows as a 10 ms frame off the level).
    const std::span<const std::int16_t> last = std::span(heard).last(kSampleRate);
    int dropouts = 0;
    for (std::size_t frame = 0; frame < last.size() / kFrameSamples; ++frame)
        dropouts += std::abs(powerDbfs(last.subspan(frame * kFrameSamples, kFrameSamples)) - -23.01) > 1.0;
    qInfo("heard %.2f dBFS (played at -23.01 dBFS), 440 Hz dominance %.1f dB, %d of 100 frames off the level",
          powerDbfs(last), toneDominanceDb(last, 440.0), dropouts);
    QVERIFY(toneDominanceDb(last, 440.0) > 30.0);
    QVERIFY(std::abs(powerDbfs(last) - -23.01) < 1.0);
    QVERIFY(dropouts <= 5); // a loaded CI machine may miss a deadline now and then
}

void TestQtAudioDevices::aMissingDeviceIsReportedNotCrashedOn()
{
    QtAudioInput microphone{QAudioDevice()};
    const consult::Status started = microphone.start();
    QVERIFY(!started.ok());
    QCOMPARE(started.problem().code, QStringLiteral("no_device"));
    QtAudioOutput speaker{QAudioDevice()};
    QVERIFY(!speaker.start().ok());
}

QTEST_GUILESS_MAIN(TestQtAudioDevices)
#include "TestQtAudioDevices.moc"
