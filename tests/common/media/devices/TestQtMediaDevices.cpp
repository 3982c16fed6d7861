// The Qt Multimedia devices behind the MediaDevices interface, against a private PulseAudio daemon
// (run-with-pulseaudio.sh): the lists show the sound server's devices, a chosen id opens that very
// device (the loopback microphone hears the tone played into the speaker, the default microphone
// would hear silence), a gone id falls back to the default, and a device removed from the sound
// server fires devicesChanged. The waits are guards against a hang, not measurements.
#include "SignalAnalysis.h"
#include "media/audio/ToneSource.h"
#include "media/devices/QtMediaDevices.h"

#include <QMutex>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace consult;
using namespace consult::media;
using namespace consult::media::testing;

namespace {

constexpr int kGuardMs = 10'000;

bool lists(const QList<DeviceInfo> &devices, const QByteArray &id)
{
    return std::any_of(devices.begin(), devices.end(), [&](const DeviceInfo &device) { return device.id == id; });
}

} // namespace

class TestQtMediaDevices final : public QObject
{
    Q_OBJECT
private slots:
    void listsTheSoundServersDevices()
    {
        QtMediaDevices devices;
        QVERIFY(lists(devices.microphones(), "consult_mic"));
        QVERIFY(lists(devices.microphones(), "consult_loopback"));
        QVERIFY(lists(devices.speakers(), "consult_speaker"));
        for (const DeviceInfo &speaker : devices.speakers())
            QCOMPARE(speaker.isDefault, speaker.id == "consult_speaker");
        // No camera on a headless machine means no camera source, never a broken one.
        QCOMPARE(devices.makeCamera({}) == nullptr, devices.cameras().isEmpty());
    }

    void theChosenMicrophoneIsTheOneOpened()
    {
        QtMediaDevices devices;
        std::unique_ptr<AudioSink> speaker = devices.speaker("consult_speaker")();
        std::unique_ptr<AudioSource> microphone = devices.microphone("consult_loopback")();
        ToneSource tone(440.0, -12.0f);
        speaker->setFrameProvider([&tone] { return *tone.nextFrame(); });
        std::vector<std::int16_t> heard;
        microphone->setFrameHandler([&heard](const AudioFrame &frame) {
            heard.insert(heard.end(), frame.samples.begin(), frame.samples.end());
        });
        QVERIFY(speaker->start().ok());
        QVERIFY(microphone->start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(heard.size() >= std::size_t(kSampleRate), kGuardMs);
        microphone->stop();
        speaker->stop();
        const auto last = std::span(heard).last(kSampleRate / 2);
        QVERIFY2(toneDominanceDb(last, 440.0) > 20.0, qPrintable(QString::number(toneDominanceDb(last, 440.0))));
    }

    void aGoneIdFallsBackToTheDefault()
    {
        QtMediaDevices devices;
        auto microphone = devices.microphone("unplugged-long-ago");
        QVERIFY(microphone);
        std::unique_ptr<AudioSource> source = microphone();
        QVERIFY(source->start().ok());
        source->stop();
    }

    void aDeviceRemovedFromTheSoundServerIsAChange()
    {
        QtMediaDevices devices;
        QSignalSpy changed(&devices, &MediaDevices::devicesChanged);
        QProcess pactl;
        pactl.start(QStringLiteral("pactl"), {QStringLiteral("unload-module"), QStringLiteral("module-null-source")});
        QVERIFY(pactl.waitForFinished(kGuardMs));
        QCOMPARE(pactl.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!lists(devices.microphones(), "consult_mic"), kGuardMs);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kGuardMs);
    }
};

QTEST_GUILESS_MAIN(TestQtMediaDevices)
#include "TestQtMediaDevices.moc"
