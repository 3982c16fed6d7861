// The video consultation's system check (seed 001 step 2) in the customer window, against a real
// server with real TLS, on synthetic devices: each line a tick or the reason with what to do; a
// missing camera is no failure; a line below 1 / 0.5 Mbit/s (shaped by the project's link emulator)
// is too slow and the text chat is offered; the device choice is remembered; the check can be
// repeated from the settings entry.
#include "CustomerTestMain.h"
#include "VideoFlow.h"
#include "widgets/DeviceChooser.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>

using namespace consult;
using namespace consult::testing;
using Line = DeviceCheck::Line;

Q_DECLARE_METATYPE(consult::DeviceCheck::Line)
Q_DECLARE_METATYPE(consult::wire::CheckOutcome)

class TestCustomerSystemCheck final : public QObject
{
    Q_OBJECT
private slots:
    void everyLinePassesOnAWorkingMachine()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        media::SyntheticMediaDevices devices;
        CustomerApp app(scenario.endpoint(), &devices);
        CUSTOMER_STEP(runSystemCheck(app));
        customer::SystemCheckPage *check = checkPage(app);
        for (const char *mark : {"cameraMark", "microphoneMark", "speakerMark", "connectionMark"})
            QCOMPARE(check->findChild<QLabel *>(QString::fromLatin1(mark))->text(), QStringLiteral("✓"));
        QVERIFY(check->continueButton()->isEnabled());
        QVERIFY(!check->summaryLabel()->isVisible());
        QVERIFY(check->connectionText()->text().contains(QStringLiteral("Mbit/s")));
    }

    // Each missing or failing device is named with its reason and what to do.
    void eachMissingDeviceIsReportedWithItsReason_data()
    {
        QTest::addColumn<int>("trouble");
        QTest::addColumn<consult::DeviceCheck::Line>("line");
        QTest::addColumn<consult::wire::CheckOutcome>("outcome");
        QTest::addColumn<QString>("says");
        QTest::addColumn<bool>("videoPossible");
        QTest::newRow("no camera") << 0 << Line::Camera << wire::CHECK_OUTCOME_MISSING
                                   << QStringLiteral("Sie sehen Ihre Beraterin oder Ihren Berater trotzdem") << true;
        QTest::newRow("camera without picture")
            << 1 << Line::Camera << wire::CHECK_OUTCOME_FAILED << QStringLiteral("liefert kein Bild") << true;
        QTest::newRow("no microphone") << 2 << Line::Microphone << wire::CHECK_OUTCOME_MISSING
                                       << QStringLiteral("Schließen Sie ein Headset an") << true;
        QTest::newRow("silent microphone")
            << 3 << Line::Microphone << wire::CHECK_OUTCOME_FAILED << QStringLiteral("nicht stummgeschaltet") << true;
        QTest::newRow("no speakers") << 4 << Line::Speaker << wire::CHECK_OUTCOME_MISSING
                                     << QStringLiteral("kein Headset gefunden") << true;
        QTest::newRow("tone not heard") << 5 << Line::Speaker << wire::CHECK_OUTCOME_FAILED
                                        << QStringLiteral("nicht gehört") << true;
    }

    void eachMissingDeviceIsReportedWithItsReason()
    {
        QFETCH(int, trouble);
        QFETCH(consult::DeviceCheck::Line, line);
        QFETCH(consult::wire::CheckOutcome, outcome);
        QFETCH(QString, says);
        QFETCH(bool, videoPossible);
        Scenario scenario;
        QVERIFY(scenario.start());
        media::SyntheticMediaDevices devices;
        switch (trouble) {
        case 0:
            devices.setPresent(DeviceKind::Camera, false);
            break;
        case 1:
            devices.setCameraDeliversNothing(true);
            break;
        case 2:
            devices.setPresent(DeviceKind::Microphone, false);
            break;
        case 3:
            devices.setMicrophoneSilent(true);
            break;
        case 4:
            devices.setPresent(DeviceKind::Speaker, false);
            break;
        default:
            break;
        }
        CustomerApp app(scenario.endpoint(), &devices);
        CUSTOMER_STEP(runSystemCheck(app, /*heard=*/trouble != 5));
        customer::SystemCheckPage *check = checkPage(app);
        const wire::SystemCheck result = check->result();
        const wire::CheckOutcome found = line == Line::Camera       ? result.camera()
                                         : line == Line::Microphone ? result.microphone()
                                                                    : result.speaker();
        QCOMPARE(found, outcome);
        QVERIFY2(check->lineText(line)->text().contains(says), qPrintable(check->lineText(line)->text()));
        QCOMPARE(check->continueButton()->isEnabled(), videoPossible);
        // What it means is said too (the telephone, or seeing the advisor anyway).
        QVERIFY(check->summaryLabel()->isVisible());
    }

    // Seed 002: at least 1 Mbit/s down and 0.5 Mbit/s up. A line shaped below that is too slow: the
    // reason with what to do, no "Weiter", and the text chat offered instead.
    void aShapedLineBelowTheMinimumIsTooSlow_data()
    {
        QTest::addColumn<double>("upBps");
        QTest::addColumn<double>("downBps");
        QTest::newRow("download 0.6 Mbit/s") << 0.0 << 600'000.0;
        QTest::newRow("upload 0.3 Mbit/s") << 300'000.0 << 0.0;
    }

    void aShapedLineBelowTheMinimumIsTooSlow()
    {
        QFETCH(double, upBps);
        QFETCH(double, downBps);
        Scenario scenario;
        QVERIFY(scenario.start());
        scenario.emulateLink({upBps, 10, 0}, {downBps, 10, 0});
        media::SyntheticMediaDevices devices;
        CustomerApp app(scenario.endpoint(Route::EmulatedLink), &devices);
        CUSTOMER_STEP(runSystemCheck(app));
        customer::SystemCheckPage *check = checkPage(app);
        QVERIFY(check->result().connection() == wire::CHECK_OUTCOME_TOO_SLOW ||
                check->result().connection() == wire::CHECK_OUTCOME_FAILED);
        QVERIFY2(check->connectionText()->text().contains(QStringLiteral("zu langsam")),
                 qPrintable(check->connectionText()->text()));
        QVERIFY(!check->continueButton()->isEnabled());
        QVERIFY(check->textChatButton()->isVisible());
        // The text chat instead: the same session, the log-in form, then only text can be chosen.
        QTest::mouseClick(check->textChatButton(), Qt::LeftButton);
        QTRY_COMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->loginPage()));
        QTRY_COMPARE_WITH_TIMEOUT(app->loginPage()->noticeChecks().size(), 3, 10000);
        typeText(app->loginPage()->nameEdit(), QStringLiteral("Max Müller"));
        typeText(app->loginPage()->phoneEdit(), QStringLiteral("0171 1234567"));
        CUSTOMER_STEP(acceptNotices(app));
        QTest::mouseClick(app->loginPage()->loginButton(), Qt::LeftButton);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->modePage()));
        QVERIFY(!app->modePage()->videoOption()->isEnabled());
        QVERIFY(app->modePage()->textOption()->isChecked());
        QTest::mouseClick(app->modePage()->connectButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), CustomerClient::Phase::Waiting, 10000);
    }

    // The device chooser's choice is remembered for the next start.
    void theDeviceChoiceIsRemembered()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        media::SyntheticMediaDevices devices;
        {
            CustomerApp app(scenario.endpoint(), &devices);
            QTest::mouseClick(app->startPage()->videoButton(), Qt::LeftButton);
            // The customer picks the named devices instead of the system's defaults (entry 0).
            DeviceChooser *chooser = checkPage(app)->chooser();
            QVERIFY(chooser);
            for (QComboBox *box : {chooser->cameraBox(), chooser->microphoneBox(), chooser->speakerBox()}) {
                QCOMPARE(box->currentIndex(), 0);
                box->setCurrentIndex(1);
            }
            QCOMPARE(checkPage(app)->choice().camera, media::SyntheticMediaDevices::kCameraId);
            QCOMPARE(checkPage(app)->choice().speaker, media::SyntheticMediaDevices::kSpeakerId);
        }
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("devices/camera")).toByteArray(),
                 media::SyntheticMediaDevices::kCameraId);
        CustomerApp again(scenario.endpoint(), &devices);
        QTest::mouseClick(again->startPage()->videoButton(), Qt::LeftButton);
        QCOMPARE(checkPage(again)->choice().microphone, media::SyntheticMediaDevices::kMicrophoneId);
    }

    // The check can be repeated from the settings entry; "Fertig" returns where the customer was.
    void theCheckCanBeRepeatedFromTheSettingsEntry()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        media::SyntheticMediaDevices devices;
        CustomerApp app(scenario.endpoint(), &devices);
        QVERIFY(!app->checkAgainButton()->isVisible());
        CUSTOMER_STEP(runSystemCheck(app));
        QTest::mouseClick(checkPage(app)->continueButton(), Qt::LeftButton);
        QTRY_COMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->loginPage()));
        QVERIFY(app->checkAgainButton()->isVisible());
        QTest::mouseClick(app->checkAgainButton(), Qt::LeftButton);
        customer::SystemCheckPage *check = checkPage(app);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(check));
        QVERIFY(!check->textChatButton()->isVisible());
        QVERIFY(!app->checkAgainButton()->isVisible());
        QSignalSpy toneDone(check->deviceCheck(), &DeviceCheck::testToneFinished);
        QTest::mouseClick(check->playToneButton(), Qt::LeftButton);
        QVERIFY(toneDone.wait(10000));
        QTest::mouseClick(check->heardButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(check->continueButton()->isEnabled(), 20000);
        QTest::mouseClick(check->continueButton(), Qt::LeftButton);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->loginPage()));
        QCOMPARE(devices.openCount(DeviceKind::Camera), 0);
        QVERIFY(app->systemCheck().has_value());
    }
};

CUSTOMER_TEST_MAIN(TestCustomerSystemCheck)
#include "TestCustomerSystemCheck.moc"
