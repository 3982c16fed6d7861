// The Qt Multimedia devices behind the MediaDevices interface, against a private PulseAudio daemon
// (run-with-pulseaudio.sh): the lists show the sound server's devices, a chosen id opens that very
// device (the loopback microphone hears the tone played into the speaker, the default microphone
// would hear silence), a gone id falls back to the default, a microphone that stops delivering is
// reported lost, and a device removed from the sound server fires devicesChanged. (A stream whose
// source is removed is moved to another source by PulseAudio itself: nothing is lost then.) The waits are guards
// against a hang, not measurements.
#include "SignalAnalysis.h"
#include "media/audio/ToneSource.h"
#include "media/devices/QtMediaDevices.h"
#include "media/engine/AudioStream.h"

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

    void aMicrophoneThatStopsDeliveringIsLost()
    {
        // The sound server stops the source under a running stream (suspended, as when a device
        // goes away under it); Qt 6.4 reports no error, the input's stall watch does.
        QtMediaDevices devices;
        AudioStream stream(devices.microphone("consult_mic"), devices.speaker("consult_speaker"));
        QVERIFY(stream.start().ok());
        QSignalSpy lost(&stream, &AudioStream::inputLost);
        QVERIFY(pactl({QStringLiteral("suspend-source"), QStringLiteral("consult_mic"), QStringLiteral("1")}));
        QTRY_VERIFY_WITH_TIMEOUT(!lost.isEmpty(), kGuardMs);
        QVERIFY(lost.first().at(0).toString().contains(QStringLiteral("Consult-Microphone")));
        QVERIFY(pactl({QStringLiteral("suspend-source"), QStringLiteral("consult_mic"), QStringLiteral("0")}));
        stream.stop();
    }

    void aDeviceRemovedFromTheSoundServerIsAChange()
    {
        QtMediaDevices devices;
        QSignalSpy changed(&devices, &MediaDevices::devicesChanged);
        QVERIFY(pactl({QStringLiteral("unload-module"), QStringLiteral("module-null-source")}));
        QTRY_VERIFY_WITH_TIMEOUT(!lists(devices.microphones(), "consult_mic"), kGuardMs);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kGuardMs);
    }

private:
    static bool pactl(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral("pactl"), arguments);
        return process.waitForFinished(kGuardMs) && process.exitStatus() == QProcess::NormalExit &&
               process.exitCode() == 0;
    }
};

QTEST_GUILESS_MAIN(TestQtMediaDevices)
#include "TestQtMediaDevices.moc"
