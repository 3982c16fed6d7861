// The synthetic devices behind the MediaDevices interface, as tests and headless runs use them: the
// lists follow the knobs, the camera's pictures carry their frame counter, the microphone speaks its
// tone in real time, the speaker hands what it plays to the consumer, and each trouble a real
// machine has can be made: missing, refusing, picture-less, silent, unplugged mid-run.
#include "media/audio/LevelMeter.h"
#include "media/devices/SyntheticMediaDevices.h"
#include "media/video/FrameStamp.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace consult;
using namespace consult::media;
using Kind = SyntheticMediaDevices::Kind;

class TestSyntheticMediaDevices final : public QObject
{
    Q_OBJECT
private slots:
    void listsFollowWhatIsPresent()
    {
        SyntheticMediaDevices devices;
        QCOMPARE(devices.cameras().size(), 1);
        QCOMPARE(devices.microphones().size(), 1);
        QCOMPARE(devices.speakers().size(), 1);
        QSignalSpy changed(&devices, &MediaDevices::devicesChanged);
        devices.setPresent(Kind::Microphone, false);
        QCOMPARE(changed.size(), 1);
        QVERIFY(devices.microphones().isEmpty());
        QVERIFY(!devices.microphone({}));
        devices.setPresent(Kind::Camera, false);
        QVERIFY(!devices.makeCamera({}));
        QVERIFY(devices.speaker({}));
    }

    void theCameraStampsItsFrameCounterIntoThePicture()
    {
        SyntheticMediaDevices devices;
        std::unique_ptr<VideoSource> camera = devices.makeCamera(SyntheticMediaDevices::kCameraId);
        QVERIFY(camera);
        std::vector<quint32> counters;
        connect(camera.get(), &VideoSource::frameCaptured, this, [&](const I420Frame &frame) {
            if (const auto stamp = FrameStamp::readFrom(frame))
                counters.push_back(stamp->counter);
        });
        camera->start();
        QCOMPARE(camera->status(), VideoSource::Status::Capturing);
        QCOMPARE(devices.openCount(Kind::Camera), 1);
        QTRY_VERIFY(counters.size() >= 3);
        QCOMPARE(counters[0], 0u);
        QCOMPARE(counters[2], 2u);
        camera->stop();
        QCOMPARE(devices.openCount(Kind::Camera), 0);
    }

    void aCameraThatDeliversNothingRunsWithoutPictures()
    {
        SyntheticMediaDevices devices;
        devices.setCameraDeliversNothing(true);
        std::unique_ptr<VideoSource> camera = devices.makeCamera({});
        QSignalSpy frames(camera.get(), &VideoSource::frameCaptured);
        camera->start();
        QCOMPARE(camera->status(), VideoSource::Status::Capturing);
        QTest::qWait(200); // five frames' time
        QCOMPARE(frames.size(), 0);
    }

    void aRefusingCameraFails()
    {
        SyntheticMediaDevices devices;
        devices.setRefusesToOpen(Kind::Camera, true);
        std::unique_ptr<VideoSource> camera = devices.makeCamera({});
        camera->start();
        QCOMPARE(camera->status(), VideoSource::Status::Failed);
        QVERIFY(!camera->errorString().isEmpty());
        QCOMPARE(devices.openCount(Kind::Camera), 0);
    }

    void anUnpluggedCameraFailsAndLeavesTheList()
    {
        SyntheticMediaDevices devices;
        std::unique_ptr<VideoSource> camera = devices.makeCamera({});
        camera->start();
        QSignalSpy changed(&devices, &MediaDevices::devicesChanged);
        devices.unplug(Kind::Camera);
        QCOMPARE(camera->status(), VideoSource::Status::Failed);
        QCOMPARE(changed.size(), 1);
        QVERIFY(devices.cameras().isEmpty());
        QCOMPARE(devices.openCount(Kind::Camera), 0);
    }

    void theMicrophoneSpeaksItsToneInRealTime()
    {
        SyntheticMediaDevices devices;
        devices.setTone(440.0, -12.0f);
        std::unique_ptr<AudioSource> microphone = devices.microphone({})();
        int frames = 0;
        float level = LevelMeter::kFloorDbfs;
        microphone->setFrameHandler([&](const AudioFrame &frame) {
            ++frames;
            level = LevelMeter::rmsDbfs(frame.samples);
        });
        QVERIFY(microphone->start().ok());
        QTRY_VERIFY(frames >= 20);
        QVERIFY2(std::abs(level - -15.05f) < 0.5f, qPrintable(QString::number(level))); // sine: peak - 3 dB
        microphone->stop();
        QCOMPARE(devices.openCount(Kind::Microphone), 0);
    }

    void aSilentMicrophoneDeliversSilence()
    {
        SyntheticMediaDevices devices;
        devices.setMicrophoneSilent(true);
        std::unique_ptr<AudioSource> microphone = devices.microphone({})();
        int frames = 0;
        float loudest = LevelMeter::kFloorDbfs;
        microphone->setFrameHandler([&](const AudioFrame &frame) {
            ++frames;
            loudest = std::max(loudest, LevelMeter::rmsDbfs(frame.samples));
        });
        QVERIFY(microphone->start().ok());
        QTRY_VERIFY(frames >= 10);
        QCOMPARE(loudest, LevelMeter::kFloorDbfs);
    }

    void refusingAudioDevicesSaySo()
    {
        SyntheticMediaDevices devices;
        devices.setRefusesToOpen(Kind::Microphone, true);
        devices.setRefusesToOpen(Kind::Speaker, true);
        const Status microphone = devices.microphone({})()->start();
        const Status speaker = devices.speaker({})()->start();
        QVERIFY(!microphone.ok());
        QCOMPARE(microphone.problem().code, QStringLiteral("device_error"));
        QVERIFY(!speaker.ok());
    }

    void theSpeakerHandsWhatItPlaysToTheConsumer()
    {
        SyntheticMediaDevices devices;
        std::atomic<int> played = 0;
        devices.setSpeakerConsumer([&](const AudioFrame &frame, qint64) {
            if (frame.samples[0] == 1234)
                ++played;
        });
        std::unique_ptr<AudioSink> speaker = devices.speaker({})();
        speaker->setFrameProvider([] {
            AudioFrame frame;
            frame.samples.fill(1234);
            return frame;
        });
        QVERIFY(speaker->start().ok());
        QCOMPARE(devices.openCount(Kind::Speaker), 1);
        QTRY_VERIFY(played >= 10);
    }

    void unpluggedAudioDevicesReportTheirFailureAndStop()
    {
        SyntheticMediaDevices devices;
        std::unique_ptr<AudioSource> microphone = devices.microphone({})();
        std::unique_ptr<AudioSink> speaker = devices.speaker({})();
        QString microphoneFailure;
        QString speakerFailure;
        int framesAfter = 0;
        bool unplugged = false;
        microphone->setFrameHandler([&](const AudioFrame &) { framesAfter += unplugged; });
        microphone->setFailureHandler([&](const QString &reason) { microphoneFailure = reason; });
        speaker->setFailureHandler([&](const QString &reason) { speakerFailure = reason; });
        QVERIFY(microphone->start().ok());
        QVERIFY(speaker->start().ok());
        QTest::qWait(50);
        QSignalSpy changed(&devices, &MediaDevices::devicesChanged);
        unplugged = true;
        devices.unplug(Kind::Microphone);
        devices.unplug(Kind::Speaker);
        QCOMPARE(changed.size(), 2);
        QTRY_VERIFY(!microphoneFailure.isEmpty() && !speakerFailure.isEmpty());
        QCOMPARE(framesAfter, 0);
        QCOMPARE(devices.openCount(Kind::Microphone), 0);
        QCOMPARE(devices.openCount(Kind::Speaker), 0);
        QVERIFY(!devices.microphone({})); // gone from the machine
    }
};

QTEST_GUILESS_MAIN(TestSyntheticMediaDevices)
#include "TestSyntheticMediaDevices.moc"
