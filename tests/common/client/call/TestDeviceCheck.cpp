// The device lines of the customer's system check (seed 001 step 2) on synthetic devices: each
// missing device has its outcome and reason, a camera that delivers nothing and a silent microphone
// fail at their timeouts (on the injected clock), a working camera passes with preview pictures, a
// speaking microphone passes, the tone passes the speaker only once the customer confirms it.
#include "client/call/DeviceCheck.h"
#include "core/Clock.h"
#include "media/devices/SyntheticMediaDevices.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace consult;
using namespace consult::media;
using Kind = SyntheticMediaDevices::Kind;
using Line = DeviceCheck::Line;

using namespace std::chrono_literals;

class TestDeviceCheck final : public QObject
{
    Q_OBJECT
private slots:
    void missingDevicesAreMissingWithAReason_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("line");
        QTest::newRow("camera") << int(Kind::Camera) << int(Line::Camera);
        QTest::newRow("microphone") << int(Kind::Microphone) << int(Line::Microphone);
        QTest::newRow("speaker") << int(Kind::Speaker) << int(Line::Speaker);
    }
    void missingDevicesAreMissingWithAReason()
    {
        QFETCH(int, kind);
        QFETCH(int, line);
        SyntheticMediaDevices devices;
        devices.setPresent(Kind(kind), false);
        ManualClock clock;
        DeviceCheck check(devices, clock);
        check.start({});
        QCOMPARE(check.outcome(Line(line)), wire::CHECK_OUTCOME_MISSING);
        QVERIFY(!check.problem(Line(line)).isEmpty());
        // Nothing the customer does turns a missing speaker into a pass.
        check.confirmSpeaker(true);
        QCOMPARE(check.outcome(Line(line)), wire::CHECK_OUTCOME_MISSING);
    }

    void aWorkingCameraPassesWithPreviewPictures()
    {
        SyntheticMediaDevices devices;
        ManualClock clock;
        DeviceCheck check(devices, clock);
        QSignalSpy frames(&check, &DeviceCheck::cameraFrame);
        check.start({});
        QCOMPARE(check.outcome(Line::Camera), wire::CHECK_OUTCOME_UNSPECIFIED);
        QTRY_COMPARE(check.outcome(Line::Camera), wire::CHECK_OUTCOME_PASSED);
        QTRY_VERIFY(frames.size() >= 3); // the live preview goes on after the pass
        check.stop();
        QCOMPARE(devices.openCount(Kind::Camera), 0);
    }

    void aCameraThatDeliversNothingFailsAtItsTimeout()
    {
        SyntheticMediaDevices devices;
        devices.setCameraDeliversNothing(true);
        ManualClock clock;
        DeviceCheck::Settings settings;
        settings.cameraTimeoutMs = 4000;
        DeviceCheck check(devices, clock, settings);
        QSignalSpy outcomes(&check, &DeviceCheck::outcomeChanged);
        check.start({});
        QTest::qWait(200);
        QCOMPARE(check.outcome(Line::Camera), wire::CHECK_OUTCOME_UNSPECIFIED);
        clock.advance(3900ms);
        QTest::qWait(150);
        QCOMPARE(check.outcome(Line::Camera), wire::CHECK_OUTCOME_UNSPECIFIED);
        clock.advance(200ms);
        QTRY_COMPARE(check.outcome(Line::Camera), wire::CHECK_OUTCOME_FAILED);
        QVERIFY(!check.problem(Line::Camera).isEmpty());
    }

    void aRefusingCameraFails()
    {
        SyntheticMediaDevices devices;
        devices.setRefusesToOpen(Kind::Camera, true);
        ManualClock clock;
        DeviceCheck check(devices, clock);
        check.start({});
        QCOMPARE(check.outcome(Line::Camera), wire::CHECK_OUTCOME_FAILED);
    }

    void aSpeakingMicrophonePassesAndShowsItsLevel()
    {
        SyntheticMediaDevices devices;
        devices.setTone(300.0, -20.0f);
        ManualClock clock;
        DeviceCheck check(devices, clock);
        QSignalSpy levels(&check, &DeviceCheck::microphoneLevel);
        check.start({});
        QTRY_COMPARE(check.outcome(Line::Microphone), wire::CHECK_OUTCOME_PASSED);
        QTRY_VERIFY(!levels.isEmpty());
        QVERIFY(levels.last().at(0).toFloat() > -45.0f);
    }

    void aSilentMicrophoneFailsAtItsTimeout()
    {
        SyntheticMediaDevices devices;
        devices.setMicrophoneSilent(true);
        ManualClock clock;
        DeviceCheck::Settings settings;
        settings.microphoneTimeoutMs = 8000;
        DeviceCheck check(devices, clock, settings);
        QSignalSpy levels(&check, &DeviceCheck::microphoneLevel);
        check.start({});
        QTRY_VERIFY(levels.size() >= 4); // frames flow, but at the floor
        QCOMPARE(check.outcome(Line::Microphone), wire::CHECK_OUTCOME_UNSPECIFIED);
        clock.advance(8001ms);
        QTRY_COMPARE(check.outcome(Line::Microphone), wire::CHECK_OUTCOME_FAILED);
        QVERIFY(!check.problem(Line::Microphone).isEmpty());
    }

    void aRefusingMicrophoneFails()
    {
        SyntheticMediaDevices devices;
        devices.setRefusesToOpen(Kind::Microphone, true);
        ManualClock clock;
        DeviceCheck check(devices, clock);
        check.start({});
        QTRY_COMPARE(check.outcome(Line::Microphone), wire::CHECK_OUTCOME_FAILED);
    }

    void theToneIsPlayedAndPassesOnlyWhenConfirmed()
    {
        SyntheticMediaDevices devices;
        std::atomic<int> loudFrames = 0;
        devices.setSpeakerConsumer([&](const AudioFrame &frame, qint64) {
            int peak = 0;
            for (std::int16_t sample : frame.samples)
                peak = std::max(peak, std::abs(int(sample)));
            loudFrames += peak > 1000;
        });
        ManualClock clock;
        DeviceCheck::Settings settings;
        settings.toneMs = 500;
        DeviceCheck check(devices, clock, settings);
        QSignalSpy finished(&check, &DeviceCheck::testToneFinished);
        check.start({});
        check.playTestTone();
        QTRY_VERIFY(loudFrames >= 20);
        QCOMPARE(check.outcome(Line::Speaker), wire::CHECK_OUTCOME_UNSPECIFIED); // hearing is the customer's
        clock.advance(600ms);
        QTRY_COMPARE(finished.size(), 1);
        QTRY_COMPARE(devices.openCount(Kind::Speaker), 0);
        check.confirmSpeaker(true);
        QCOMPARE(check.outcome(Line::Speaker), wire::CHECK_OUTCOME_PASSED);
        check.confirmSpeaker(false);
        QCOMPARE(check.outcome(Line::Speaker), wire::CHECK_OUTCOME_FAILED);
    }

    void stoppingClosesEveryDevice()
    {
        SyntheticMediaDevices devices;
        ManualClock clock;
        DeviceCheck check(devices, clock);
        check.start({});
        check.playTestTone();
        QTRY_VERIFY(devices.openCount(Kind::Microphone) == 1 && devices.openCount(Kind::Speaker) == 1);
        QCOMPARE(devices.openCount(Kind::Camera), 1);
        check.stop();
        QCOMPARE(devices.openCount(Kind::Camera), 0);
        QCOMPARE(devices.openCount(Kind::Microphone), 0);
        QCOMPARE(devices.openCount(Kind::Speaker), 0);
    }
};

QTEST_GUILESS_MAIN(TestDeviceCheck)
#include "TestDeviceCheck.moc"
