#include "media/video/FrameStamp.h"
#include "media/video/TestPatternSource.h"

#include <QSignalSpy>
#include <QTest>

using namespace consult;
using namespace consult::media;

class TestTestPatternSource final : public QObject
{
    Q_OBJECT
private slots:
    void aSwitchedOffSourceEmitsNothing()
    {
        ManualClock clock;
        TestPatternSource source(TestPattern::Kind::Moving, 25, clock);
        QSignalSpy frames(&source, &VideoSource::frameCaptured);
        QCOMPARE(source.status(), VideoSource::Status::Off);
        source.captureFrame();
        QCOMPARE(frames.count(), 0);
        QVERIFY(!source.isCapturing());
    }

    void switchingOnAndOffIsReportedAndGatesTheFrames()
    {
        ManualClock clock;
        TestPatternSource source(TestPattern::Kind::Moving, 25, clock);
        QSignalSpy frames(&source, &VideoSource::frameCaptured);
        QSignalSpy statuses(&source, &VideoSource::statusChanged);

        source.start();
        QVERIFY(source.isCapturing());
        source.captureFrame();
        clock.advance(std::chrono::milliseconds(40));
        source.captureFrame();
        QCOMPARE(frames.count(), 2);
        const auto second = frames.at(1).at(0).value<I420Frame>();
        QCOMPARE(second.frameNumber, 1u);
        QCOMPARE(second.captureUs, 40'000);
        QCOMPARE(FrameStamp::readFrom(second)->counter, 1u);

        source.stop();
        source.captureFrame();
        QCOMPARE(frames.count(), 2);
        QCOMPARE(statuses.count(), 2);
        QCOMPARE(statuses.at(0).at(0).value<VideoSource::Status>(), VideoSource::Status::Capturing);
        QCOMPARE(statuses.at(1).at(0).value<VideoSource::Status>(), VideoSource::Status::Off);
    }

    void theTimerDeliversFramesOnItsOwn()
    {
        TestPatternSource source;
        QSignalSpy frames(&source, &VideoSource::frameCaptured);
        source.start();
        QVERIFY(frames.wait());
        const auto frame = frames.at(0).at(0).value<I420Frame>();
        QCOMPARE(frame.width, kVideoWidth);
        QCOMPARE(frame.height, kVideoHeight);
    }
};

QTEST_GUILESS_MAIN(TestTestPatternSource)
#include "TestTestPatternSource.moc"
