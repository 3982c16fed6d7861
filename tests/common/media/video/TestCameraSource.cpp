#include "media/video/CameraSource.h"

#include <QCameraDevice>
#include <QMediaDevices>
#include <QSignalSpy>
#include <QTest>

using namespace consult::media;
using Mode = CameraSource::Mode;

class TestCameraSource final : public QObject
{
    Q_OBJECT
private slots:
    void aMachineWithoutACameraSaysSoAndCarriesOn()
    {
        if (!QMediaDevices::videoInputs().isEmpty())
            QSKIP("this machine has a camera");
        CameraSource source;
        QSignalSpy statuses(&source, &VideoSource::statusChanged);
        QSignalSpy frames(&source, &VideoSource::frameCaptured);

        source.start(); // must return at once: nothing to open
        QCOMPARE(source.status(), VideoSource::Status::NoCamera);
        QVERIFY(!source.isCapturing());
        QCOMPARE(statuses.count(), 1);
        QCOMPARE(statuses.at(0).at(0).value<VideoSource::Status>(), VideoSource::Status::NoCamera);

        source.stop();
        QCOMPARE(source.status(), VideoSource::Status::Off);
        source.start();
        QCOMPARE(source.status(), VideoSource::Status::NoCamera);
        QCOMPARE(frames.count(), 0);
    }

    void theModeToAskForIsConvertibleFastAndNearTheTarget()
    {
        using F = QVideoFrameFormat;
        const QList<Mode> modes{
            {F::Format_Jpeg, {640, 360}, 30},   // cannot convert
            {F::Format_YUYV, {1920, 1080}, 30}, // more to copy than needed
            {F::Format_YUYV, {640, 480}, 30},   // not 16:9
            {F::Format_NV12, {1280, 720}, 30},  // the one
            {F::Format_YUYV, {640, 360}, 10},   // too slow
            {F::Format_YUYV, {320, 180}, 30},   // too small
        };
        QCOMPARE(CameraSource::preferredMode(modes), 3);
    }

    void aSmallCameraGivesItsLargestMode()
    {
        using F = QVideoFrameFormat;
        const QList<Mode> modes{{F::Format_YUYV, {160, 120}, 30}, {F::Format_YUYV, {320, 240}, 30}};
        QCOMPARE(CameraSource::preferredMode(modes), 1);
    }

    void aCameraWithNothingWeConvertHasNoMode()
    {
        QCOMPARE(CameraSource::preferredMode({{QVideoFrameFormat::Format_Jpeg, {1280, 720}, 30}}), -1);
        QCOMPARE(CameraSource::preferredMode({}), -1);
    }
};

QTEST_MAIN(TestCameraSource)
#include "TestCameraSource.moc"
