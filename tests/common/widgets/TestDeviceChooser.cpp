// The device chooser of the system check and the settings: three named boxes filled from the
// devices, refilled when they change, the choice emitted when the user picks, operable by keyboard.
#include "media/devices/SyntheticMediaDevices.h"
#include "widgets/DeviceChooser.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace consult;
using namespace consult::media;
using Kind = SyntheticMediaDevices::Kind;

class TestDeviceChooser final : public QObject
{
    Q_OBJECT
private slots:
    void listsTheDefaultAndEachDevice()
    {
        SyntheticMediaDevices devices;
        DeviceChooser chooser(devices);
        QCOMPARE(chooser.cameraBox()->count(), 2); // the system's default, the synthetic camera
        QCOMPARE(chooser.cameraBox()->itemData(1).toByteArray(), SyntheticMediaDevices::kCameraId);
        QCOMPARE(chooser.choice(), DeviceChoice{});
        QCOMPARE(chooser.cameraBox()->accessibleName(), QStringLiteral("Kamera"));
        QCOMPARE(chooser.microphoneBox()->accessibleName(), QStringLiteral("Mikrofon"));
        QCOMPARE(chooser.speakerBox()->accessibleName(), QStringLiteral("Lautsprecher"));
        // Each box has its label as buddy, so Alt+letter reaches it.
        for (QLabel *label : chooser.findChildren<QLabel *>())
            QVERIFY(label->buddy());
    }

    void pickingADeviceEmitsTheChoice()
    {
        SyntheticMediaDevices devices;
        DeviceChooser chooser(devices);
        QSignalSpy chosen(&chooser, &DeviceChooser::choiceChanged);
        chooser.show();
        chooser.microphoneBox()->setFocus();
        QTest::keyClick(chooser.microphoneBox(), Qt::Key_Down); // keyboard only
        QCOMPARE(chosen.size(), 1);
        const auto choice = chosen.last().at(0).value<DeviceChoice>();
        QCOMPARE(choice.microphone, SyntheticMediaDevices::kMicrophoneId);
        QVERIFY(choice.camera.isEmpty());
    }

    void aVanishedDeviceIsRemovedAndTheChoiceFallsBack()
    {
        SyntheticMediaDevices devices;
        DeviceChooser chooser(devices);
        chooser.setChoice({SyntheticMediaDevices::kCameraId, {}, {}});
        QCOMPARE(chooser.choice().camera, SyntheticMediaDevices::kCameraId);
        QSignalSpy chosen(&chooser, &DeviceChooser::choiceChanged);
        devices.unplug(Kind::Camera);
        QCOMPARE(chooser.cameraBox()->count(), 1);
        QVERIFY(!chooser.cameraBox()->isEnabled());
        QCOMPARE(chooser.cameraBox()->currentText(), QStringLiteral("Keine Kamera gefunden"));
        QCOMPARE(chosen.size(), 1);
        QVERIFY(chooser.choice().camera.isEmpty());

        devices.setPresent(Kind::Camera, true); // plugged in again: offered again
        QCOMPARE(chooser.cameraBox()->count(), 2);
        QVERIFY(chooser.cameraBox()->isEnabled());
    }
};

QTEST_MAIN(TestDeviceChooser)
#include "TestDeviceChooser.moc"
