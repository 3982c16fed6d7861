// The video consultation through the customer window (seed 001 steps 1-7, seed 002), against a real
// server with real TLS, on synthetic devices: each camera stamps its frame counter into its pictures
// and each microphone plays its own tone, so what the other side got is read back from the decoded
// pixels and from what its speaker played. The advisor is an AdvisorClient with its own VideoCall.
#include "CustomerTestMain.h"
#include "EndPage.h"
#include "VideoFlow.h"
#include "WaitingPage.h"
#include "stats/StatisticsStore.h"
#include "widgets/MediaTexts.h"

#include <QLabel>
#include <QMessageBox>

using namespace consult;
using namespace consult::testing;
using Phase = CustomerClient::Phase;
using Device = VideoCall::Device;
using DeviceState = VideoCall::DeviceState;

namespace {

// The customer's devices, playing kCustomerTone.
struct CustomerDevices
{
    media::SyntheticMediaDevices devices;
    Recorder hears;
    CustomerDevices()
    {
        devices.setTone(kCustomerTone, -12.0f);
        hears.attach(devices);
    }
};

// The scripted advisor takes the waiting customer and starts the advisor's VideoCall.
void greetedBy(Scenario &scenario, AdvisorClient &advisor, CustomerApp &app, AdvisorCall &advisorCall)
{
    takenBy(scenario, advisor, app);
    if (QTest::currentTestFailed())
        return;
    AdvisorConsultation *theirs = consultationOf(advisor, app);
    QVERIFY(theirs);
    QCOMPARE(theirs->mode, wire::CONSULTATION_MODE_VIDEO);
    advisorCall.start(*theirs);
    QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->consultationPage()));
    QVERIFY(app->consultationPage()->videoPanel()->isVisible());
    QVERIFY(app->consultationPage()->videoPanel()->call());
}

// The feature masks of the completed consultations in the anonymous statistics, oldest first.
QList<int> completedFeatures(TestServer &server)
{
    QList<int> features;
    auto query = server.database().exec(
        QStringLiteral("SELECT features FROM statistics WHERE outcome = 'completed' ORDER BY rowid"));
    if (!query.ok())
        return {-1};
    while (query.value().next())
        features.append(query.value().value(0).toInt());
    return features;
}

} // namespace

class TestCustomerVideo final : public QObject
{
    Q_OBJECT
private slots:
    // Seed 001 from the first click to the end: check, log-in, mode, consent, waiting, greeted; both
    // see a live picture and hear each other; the camera goes off (the advisor gets no more video and
    // is told) and on again; the end says that access to camera and microphone has ended.
    void theWholeVideoConsultationFromCheckToEnd()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        CustomerDevices mine;
        CustomerApp app(scenario.endpoint(), &mine.devices);
        CUSTOMER_STEP(runSystemCheck(app));
        const wire::SystemCheck check = checkPage(app)->result();
        QCOMPARE(check.camera(), wire::CHECK_OUTCOME_PASSED);
        QCOMPARE(check.microphone(), wire::CHECK_OUTCOME_PASSED);
        QCOMPARE(check.speaker(), wire::CHECK_OUTCOME_PASSED);
        QCOMPARE(check.connection(), wire::CHECK_OUTCOME_PASSED);
        QVERIFY(check.download_kbps() >= 1000 && check.upload_kbps() >= 500);
        CUSTOMER_STEP(videoLogIn(app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        CUSTOMER_STEP(chooseVideoAndAllow(app));
        // The system check went with the log-in to the advisor's queue, as ticks.
        QTRY_COMPARE_WITH_TIMEOUT(advisor->queue()->rowCount(), 1, 10000);
        AdvisorCall advisorCall;
        CUSTOMER_STEP(greetedBy(scenario, *advisor, app, advisorCall));
        AdvisorConsultation *theirs = consultationOf(*advisor, app);

        customer::VideoPanel *panel = app->consultationPage()->videoPanel();
        Screen customerSees;
        customerSees.watch(*panel->call());
        QVERIFY(panel->notRecordedBadge()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(customerSees.stamped >= 20 && advisorCall.sees.stamped >= 20, 20000);
        const quint32 counter = advisorCall.sees.newestCounter;
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.sees.newestCounter > counter + 10, 5000); // live, not a still
        QTRY_VERIFY_WITH_TIMEOUT(mine.hears.hears(kAdvisorTone) && advisorCall.hears.hears(kCustomerTone), 20000);
        // Talk and write at the same time (seed 001 step 6).
        typeText(app->consultationPage()->input(), QStringLiteral("Ich sehe Sie gut."));
        QTest::keyClick(app->consultationPage()->input(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(theirs->chat->rowCount(), 2, 10000);

        // Camera off: the relay stops the customer's video, the advisor is told (seed 002).
        QVERIFY(panel->cameraButton()->isChecked());
        QTest::mouseClick(panel->cameraButton(), Qt::LeftButton);
        QVERIFY(!panel->cameraButton()->isChecked());
        QCOMPARE(panel->call()->state(Device::Camera), DeviceState::Off);
        QTRY_VERIFY_WITH_TIMEOUT(!advisorCall.call->peerCameraOn(), 5000);
        QTest::qWait(500); // what was on its way has arrived; then nothing more may come
        const int framesWhenOff = advisorCall.sees.frames;
        QTest::qWait(1000);
        QCOMPARE(advisorCall.sees.frames, framesWhenOff);
        QVERIFY(advisorCall.hears.hears(kCustomerTone)); // the sound goes on
        QTest::mouseClick(panel->cameraButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.call->peerCameraOn(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.sees.frames >= framesWhenOff + 10, 10000);

        // The advisor switches the camera off: the customer is told in words.
        advisorCall.call->setCameraOn(false);
        QTRY_VERIFY_WITH_TIMEOUT(panel->advisorStateLabel()->isVisible(), 5000);
        QVERIFY(panel->advisorStateLabel()->text().contains(QStringLiteral("Kamera")));

        clickInModal<QMessageBox>(QStringLiteral("yes"));
        QTest::mouseClick(app->consultationPage()->endButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Ended, 10000);
        QVERIFY(app->endPage()->deviceAccessLabel()->isVisible());
        QVERIFY(app->endPage()->deviceAccessLabel()->text().contains(QStringLiteral("Kamera und Ihr Mikrofon")));
        // The permission has ended: every device is closed.
        QCOMPARE(mine.devices.openCount(DeviceKind::Camera), 0);
        QCOMPARE(mine.devices.openCount(DeviceKind::Microphone), 0);
        QCOMPARE(mine.devices.openCount(DeviceKind::Speaker), 0);
        // Seed 001, last line: the written part of the conversation is in the transcript.
        QVERIFY(app->endPage()->transcriptDocument());
        QVERIFY(app->endPage()->transcriptDocument()->toPlainText().contains(QStringLiteral("Ich sehe Sie gut.")));
        // Its title names the kind of consultation.
        QVERIFY(app->endPage()->transcriptDocument()->toPlainText().contains(QStringLiteral("Videoberatung")));
        QVERIFY(!app->endPage()->transcriptDocument()->toPlainText().contains(QStringLiteral("Service-Chat")));
        // The system check went to the advisor as structured fields with the log-in.
        QVERIFY(theirs->hasSystemCheck());
        QCOMPARE(theirs->systemCheck().camera(), wire::CHECK_OUTCOME_PASSED);
        QCOMPARE(theirs->systemCheck().connection(), wire::CHECK_OUTCOME_PASSED);
    }

    // The permission is asked once per consultation: repeating the system check while waiting and
    // coming back asks nothing again.
    void thePermissionIsNotAskedAgainWithinTheConsultation()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        advisor->setAvailable(false);
        CustomerDevices mine;
        CustomerApp app(scenario.endpoint(), &mine.devices);
        CUSTOMER_STEP(videoConsultationUpToWaiting(app));
        QVERIFY(app->checkAgainButton()->isVisible());
        QTest::mouseClick(app->checkAgainButton(), Qt::LeftButton);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(checkPage(app)));
        QTRY_VERIFY_WITH_TIMEOUT(decided(checkPage(app)->result().camera()), 10000);
        QTest::mouseClick(checkPage(app)->cancelButton(), Qt::LeftButton);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->waitingPage()));
        QCOMPARE(mine.devices.openCount(DeviceKind::Camera), 0); // the check closed what it opened
        advisor->setAvailable(true);
        AdvisorCall advisorCall;
        CUSTOMER_STEP(greetedBy(scenario, *advisor, app, advisorCall));
        QVERIFY(app->pages()->currentWidget() != static_cast<QWidget *>(app->consentPage()));
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.sees.stamped >= 5, 20000);
    }

    // Seed 002: without a camera the customer still sees and hears the advisor.
    void withoutACameraTheCustomerStillSeesAndHearsTheAdvisor()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        CustomerDevices mine;
        mine.devices.setPresent(DeviceKind::Camera, false);
        CustomerApp app(scenario.endpoint(), &mine.devices);
        CUSTOMER_STEP(runSystemCheck(app));
        QCOMPARE(checkPage(app)->result().camera(), wire::CHECK_OUTCOME_MISSING);
        QVERIFY(checkPage(app)->lineText(DeviceCheck::Line::Camera)->text().contains(QStringLiteral("trotzdem")));
        QVERIFY(checkPage(app)->continueButton()->isEnabled()); // a missing camera is no failure
        CUSTOMER_STEP(videoLogIn(app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        CUSTOMER_STEP(chooseVideoAndAllow(app));
        AdvisorCall advisorCall;
        CUSTOMER_STEP(greetedBy(scenario, *advisor, app, advisorCall));
        customer::VideoPanel *panel = app->consultationPage()->videoPanel();
        Screen customerSees;
        customerSees.watch(*panel->call());
        QTRY_VERIFY_WITH_TIMEOUT(customerSees.stamped >= 20, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(mine.hears.hears(kAdvisorTone) && advisorCall.hears.hears(kCustomerTone), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!advisorCall.call->peerCameraOn(), 5000);
        QCOMPARE(advisorCall.sees.frames, 0);
        QVERIFY(!panel->cameraButton()->isEnabled());
        QVERIFY(!panel->phoneBox()->isVisible());
    }

    // Seed 002: without microphone and speakers the customer writes and talks over the telephone:
    // the bank's dial-in number and the consultation's phone code; the advisor sees audio-by-phone.
    // Back to the computer only once the machine has something to talk through.
    void withoutAudioDevicesTheCustomerGetsTextAndThePhoneCode()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        CustomerDevices mine;
        mine.devices.setPresent(DeviceKind::Microphone, false);
        mine.devices.setPresent(DeviceKind::Speaker, false);
        CustomerApp app(scenario.endpoint(), &mine.devices);
        CUSTOMER_STEP(runSystemCheck(app));
        customer::SystemCheckPage *check = checkPage(app);
        QCOMPARE(check->result().microphone(), wire::CHECK_OUTCOME_MISSING);
        QCOMPARE(check->result().speaker(), wire::CHECK_OUTCOME_MISSING);
        QVERIFY(check->lineText(DeviceCheck::Line::Microphone)->text().contains(QStringLiteral("Headset")));
        QVERIFY(check->summaryLabel()->text().contains(QStringLiteral("Telefon")));
        CUSTOMER_STEP(videoLogIn(app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        CUSTOMER_STEP(chooseVideoAndAllow(app));
        AdvisorCall advisorCall;
        CUSTOMER_STEP(greetedBy(scenario, *advisor, app, advisorCall));
        customer::VideoPanel *panel = app->consultationPage()->videoPanel();
        const QString code = app->client()->consultation()->phoneCode();
        QCOMPARE(code.size(), 6);
        QTRY_VERIFY_WITH_TIMEOUT(panel->phoneBox()->isVisible(), 5000);
        QVERIFY(panel->phoneLabel()->text().contains(QStringLiteral("+49 561 7001 7000")));
        QVERIFY(panel->phoneLabel()->text().contains(code));
        QVERIFY(panel->call()->audioByPhone());
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.call->peerAudioByPhone(), 5000);
        QCOMPARE(consultationOf(*advisor, app)->phoneCode(), code);
        // The picture still goes both ways, and the chat works.
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.sees.stamped >= 10, 20000);
        typeText(app->consultationPage()->input(), QStringLiteral("Ich rufe gleich an."));
        QTest::keyClick(app->consultationPage()->input(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(consultationOf(*advisor, app)->chat->rowCount(), 2, 10000);
        // Nothing to talk through on this machine: the way back to the computer is not offered until a
        // headset is plugged in; then it opens it and the advisor hears the customer.
        QVERIFY(!panel->audioWayButton()->isEnabled());
        mine.devices.setPresent(DeviceKind::Microphone, true);
        mine.devices.setPresent(DeviceKind::Speaker, true);
        QTRY_VERIFY(panel->audioWayButton()->isEnabled());
        QTest::mouseClick(panel->audioWayButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!advisorCall.call->peerAudioByPhone(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.hears.hears(kCustomerTone), 20000);
    }

    // Seed 002, both ways: "Per Telefon sprechen" closes microphone and speakers and the advisor
    // sees the telephone code; "Über den Computer sprechen" opens them again under the consent
    // already given (no second question) and both hear each other again.
    void theCustomerSwitchesToThePhoneAndBackToTheComputer()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        CustomerDevices mine;
        CustomerApp app(scenario.endpoint(), &mine.devices);
        CUSTOMER_STEP(videoConsultationUpToWaiting(app));
        AdvisorCall advisorCall;
        CUSTOMER_STEP(greetedBy(scenario, *advisor, app, advisorCall));
        customer::VideoPanel *panel = app->consultationPage()->videoPanel();
        QTRY_VERIFY_WITH_TIMEOUT(mine.hears.hears(kAdvisorTone) && advisorCall.hears.hears(kCustomerTone), 20000);
        QVERIFY(!panel->phoneBox()->isVisible());
        QVERIFY(!advisorCall.call->peerAudioByPhone());

        // To the telephone: the devices close, the advisor is told and hears nothing more from them.
        QVERIFY(panel->audioWayButton()->isVisible());
        QCOMPARE(panel->audioWayButton()->text(), QStringLiteral("Per Telefon sprechen"));
        QTest::mouseClick(panel->audioWayButton(), Qt::LeftButton);
        QVERIFY(panel->call()->audioByPhone());
        QCOMPARE(mine.devices.openCount(DeviceKind::Microphone), 0);
        QCOMPARE(mine.devices.openCount(DeviceKind::Speaker), 0);
        QVERIFY(!panel->microphoneButton()->isEnabled());
        QVERIFY(panel->phoneBox()->isVisible());
        const QString code = app->client()->consultation()->phoneCode();
        QVERIFY(panel->phoneLabel()->text().contains(QStringLiteral("+49 561 7001 7000")));
        QVERIFY(panel->phoneLabel()->text().contains(code));
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.call->peerAudioByPhone(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!advisorCall.hears.hears(kCustomerTone), 10000);

        // Back to the computer: no second question, the devices open again, both hear each other.
        mine.hears.clear();
        QCOMPARE(panel->audioWayButton()->text(), QStringLiteral("Über den Computer sprechen"));
        QVERIFY(panel->audioWayButton()->isEnabled());
        QTest::mouseClick(panel->audioWayButton(), Qt::LeftButton);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->consultationPage()));
        QVERIFY(!panel->call()->audioByPhone());
        QCOMPARE(panel->call()->state(Device::Microphone), DeviceState::On);
        QCOMPARE(panel->call()->state(Device::Speaker), DeviceState::On);
        QVERIFY(panel->microphoneButton()->isEnabled());
        QVERIFY(!panel->phoneBox()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!advisorCall.call->peerAudioByPhone(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.call->peerMicrophoneOn(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(mine.hears.hears(kAdvisorTone) && advisorCall.hears.hears(kCustomerTone), 20000);
    }

    // Seed 002: a check that found a microphone but no speakers (or the reverse) starts the
    // consultation on the telephone: the advisor sees the code, the one device stays closed, the
    // panel says why; the customer may still choose the computer with the one device.
    void withOnlyOneAudioDeviceTheCustomerStartsOnThePhone_data()
    {
        QTest::addColumn<int>("missing");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no speakers") << int(DeviceKind::Speaker) << QStringLiteral("Lautsprecher");
        QTest::newRow("no microphone") << int(DeviceKind::Microphone) << QStringLiteral("Mikrofon");
    }

    void withOnlyOneAudioDeviceTheCustomerStartsOnThePhone()
    {
        QFETCH(int, missing);
        QFETCH(QString, reason);
        const auto missingKind = DeviceKind(missing);
        const auto presentKind = missingKind == DeviceKind::Speaker ? DeviceKind::Microphone : DeviceKind::Speaker;
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        CustomerDevices mine;
        mine.devices.setPresent(missingKind, false);
        CustomerApp app(scenario.endpoint(), &mine.devices);
        CUSTOMER_STEP(runSystemCheck(app));
        const wire::SystemCheck check = checkPage(app)->result();
        QCOMPARE(missingKind == DeviceKind::Speaker ? check.speaker() : check.microphone(),
                 wire::CHECK_OUTCOME_MISSING);
        QCOMPARE(missingKind == DeviceKind::Speaker ? check.microphone() : check.speaker(), wire::CHECK_OUTCOME_PASSED);
        // The check already says where the consultation starts and that the computer stays a choice.
        QVERIFY(checkPage(app)->summaryLabel()->text().contains(QStringLiteral("Telefon")));
        QVERIFY(checkPage(app)->summaryLabel()->text().contains(QStringLiteral("Über den Computer sprechen")));
        CUSTOMER_STEP(videoLogIn(app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        CUSTOMER_STEP(chooseVideoAndAllow(app));
        AdvisorCall advisorCall;
        CUSTOMER_STEP(greetedBy(scenario, *advisor, app, advisorCall));
        customer::VideoPanel *panel = app->consultationPage()->videoPanel();

        // Marked: the advisor's panel shows the telephone code; the one device is not opened.
        QVERIFY(panel->call()->audioByPhone());
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.call->peerAudioByPhone(), 5000);
        QCOMPARE(mine.devices.openCount(presentKind), 0);
        QVERIFY(panel->phoneBox()->isVisible());
        QVERIFY(panel->phoneLabel()->text().contains(reason));
        QVERIFY(panel->phoneLabel()->text().contains(QStringLiteral("Sie sprechen per Telefon")));
        QVERIFY(panel->phoneLabel()->text().contains(app->client()->consultation()->phoneCode()));
        // The choice is explicit: the computer is offered, with the one device it has.
        QCOMPARE(panel->audioWayButton()->text(), QStringLiteral("Über den Computer sprechen"));
        QVERIFY(panel->audioWayButton()->isEnabled());
        QTest::mouseClick(panel->audioWayButton(), Qt::LeftButton);
        QVERIFY(!panel->call()->audioByPhone());
        QTRY_VERIFY_WITH_TIMEOUT(!advisorCall.call->peerAudioByPhone(), 5000);
        QCOMPARE(mine.devices.openCount(presentKind), 1);
        // What is missing is still said, and the telephone still offered.
        QVERIFY(panel->phoneBox()->isVisible());
        QVERIFY(panel->phoneLabel()->text().contains(reason));
        QCOMPARE(panel->audioWayButton()->text(), QStringLiteral("Per Telefon sprechen"));
        if (presentKind == DeviceKind::Microphone)
            QTRY_VERIFY_WITH_TIMEOUT(advisorCall.hears.hears(kCustomerTone), 20000);
        else
            QTRY_VERIFY_WITH_TIMEOUT(mine.hears.hears(kAdvisorTone), 20000);
    }

    // Seed 001 step 5 and issue 10 ("permission denied falls back to text"): "Nicht zulassen" at the
    // permission logs in for the text chat. The advisor's queue shows the wish as chat, the
    // consultation is a chat without a video panel, no device opens, and the anonymous statistics
    // record only text for it: no audio or video went through the relay (P3).
    void refusingTheDevicesLeadsToTheTextChat()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        advisor->setAvailable(false);
        CustomerDevices mine;
        CustomerApp app(scenario.endpoint(), &mine.devices);
        CUSTOMER_STEP(runSystemCheck(app));
        CUSTOMER_STEP(videoLogIn(app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        QVERIFY(app->modePage()->videoOption()->isChecked());
        QTest::mouseClick(app->modePage()->connectButton(), Qt::LeftButton);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->consentPage()));
        QTest::mouseClick(app->consentPage()->denyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);

        // The advisor's queue: the customer wants the text chat.
        QTRY_COMPARE_WITH_TIMEOUT(advisor->queue()->rowCount(), 1, 10000);
        const QModelIndex mode = advisor->queue()->index(0, AdvisorQueueModel::ModeColumn);
        QCOMPARE(mode.data(AdvisorQueueModel::ModeRole).toInt(), int(wire::CONSULTATION_MODE_CHAT));
        QCOMPARE(mode.data().toString(), QStringLiteral("Chat"));

        advisor->setAvailable(true);
        CUSTOMER_STEP(takenBy(scenario, *advisor, app));
        AdvisorConsultation *theirs = consultationOf(*advisor, app);
        QVERIFY(theirs);
        QCOMPARE(theirs->mode, wire::CONSULTATION_MODE_CHAT);
        QCOMPARE(app->client()->consultation()->mode(), wire::CONSULTATION_MODE_CHAT);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->consultationPage()));
        QVERIFY(!app->consultationPage()->videoPanel()->isVisible());
        QVERIFY(!app->consultationPage()->videoPanel()->call());
        typeText(app->consultationPage()->input(), QStringLiteral("Ich schreibe lieber."));
        QTest::keyClick(app->consultationPage()->input(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(theirs->chat->rowCount(), 2, 10000);
        for (const DeviceKind kind : {DeviceKind::Camera, DeviceKind::Microphone, DeviceKind::Speaker})
            QCOMPARE(mine.devices.openCount(kind), 0);

        clickInModal<QMessageBox>(QStringLiteral("yes"));
        QTest::mouseClick(app->consultationPage()->endButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Ended, 10000);
        // Nothing was allowed, so the end says nothing about ending access to camera and microphone.
        QVERIFY(!app->endPage()->deviceAccessLabel()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(completedFeatures(scenario.server()), QList<int>{StatisticsStore::Chat}, 10000);
    }

    // A device that vanishes mid-call is named; the consultation continues with what remains.
    void aMicrophoneUnpluggedMidCallIsNamed()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        CustomerDevices mine;
        CustomerApp app(scenario.endpoint(), &mine.devices);
        CUSTOMER_STEP(videoConsultationUpToWaiting(app));
        AdvisorCall advisorCall;
        CUSTOMER_STEP(greetedBy(scenario, *advisor, app, advisorCall));
        customer::VideoPanel *panel = app->consultationPage()->videoPanel();
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.hears.hears(kCustomerTone), 20000);
        QVERIFY(!panel->deviceLabel()->isVisible());
        mine.devices.unplug(DeviceKind::Microphone);
        QTRY_COMPARE_WITH_TIMEOUT(panel->call()->state(Device::Microphone), DeviceState::Lost, 5000);
        QTRY_VERIFY(panel->deviceLabel()->isVisible());
        QVERIFY(panel->deviceLabel()->text().contains(QStringLiteral("Mikrofon")));
        // Without a microphone the telephone is offered; the picture goes on.
        QTRY_VERIFY(panel->phoneBox()->isVisible());
        const int frames = advisorCall.sees.frames;
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.sees.frames > frames + 10, 10000);
    }

    // Step-down on a 0.5 Mbit/s uplink is said in words, and so is the way back up.
    void stepDownOnAHalfMegabitUplinkIsShownAndRecovers()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        LinkEmulator &link = scenario.emulateLink({}, {});
        CustomerDevices mine;
        CustomerApp app(scenario.endpoint(Route::EmulatedLink), &mine.devices);
        CUSTOMER_STEP(videoConsultationUpToWaiting(app));
        AdvisorCall advisorCall;
        CUSTOMER_STEP(greetedBy(scenario, *advisor, app, advisorCall));
        customer::VideoPanel *panel = app->consultationPage()->videoPanel();
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.sees.stamped >= 10, 20000);
        QVERIFY(!panel->qualityLabel()->isVisible());

        // The customer's line up falls to the seed's minimum of 0.5 Mbit/s.
        link.setDirections({500'000, 20, 0}, {});
        QTRY_VERIFY_WITH_TIMEOUT(panel->call()->quality() != wire::QUALITY_LEVEL_FULL, 20000);
        // Said in words: why the picture got worse.
        QTRY_VERIFY(panel->qualityLabel()->isVisible());
        QVERIFY(panel->qualityLabel()->text().contains(MediaTexts::ownQuality(panel->call()->quality())));

        // The line recovers: the picture comes back, and the customer is told.
        link.setDirections({}, {});
        QTRY_COMPARE_WITH_TIMEOUT(panel->call()->quality(), wire::QUALITY_LEVEL_FULL, 90000);
        QTRY_VERIFY(panel->qualityLabel()->text().contains(MediaTexts::qualityRestored()));
        QVERIFY(panel->qualityLabel()->isVisible());
    }
};

CUSTOMER_TEST_MAIN(TestCustomerVideo)
#include "TestCustomerVideo.moc"
