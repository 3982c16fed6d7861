// The video consultation in the advisor workstation (issue 10, advisor app), through its real
// widgets against a real in-process server with real TLS, headless on synthetic devices: the
// workstation's camera is a stamped test pattern and its microphone a tone, and so are the scripted
// customer's, whose own VideoCall runs in the test. What the panel shows is read off its widgets:
// the customer's picture with the frame counter read back from its pixels (FrameStamp), the
// customer's switches, the phone code, a device lost mid-call; and one video consultation at a time
// while chats go on.
#include "MemoryTokenStore.h"
#include "StatusTexts.h"
#include "SystemCheckMarks.h"
#include "VideoPanel.h"
#include "WorkstationFixture.h"
#include "client/call/VideoCall.h"
#include "media/devices/SyntheticMediaDevices.h"
#include "media/video/FrameStamp.h"
#include "widgets/ChatView.h"
#include "widgets/DeviceChooser.h"
#include "widgets/MediaTexts.h"
#include "widgets/VideoView.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>

#include <list>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::CustomerSpec;
using consult::testing::Scenario;
using Kind = media::SyntheticMediaDevices::Kind;

namespace {

// The frame counter in a picture as the view shows it: its luma (BT.601 video range) back into a
// frame FrameStamp can read.
std::optional<media::FrameStamp> stampOf(const QImage &picture)
{
    if (picture.isNull())
        return std::nullopt;
    const QImage rgb = picture.convertToFormat(QImage::Format_RGB32);
    media::I420Frame frame = media::I420Frame::blank(rgb.width() & ~1, rgb.height() & ~1);
    for (int y = 0; y < frame.height; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < frame.width; ++x) {
            const QRgb p = line[x];
            frame.y[y * frame.width + x] = char(16 + ((66 * qRed(p) + 129 * qGreen(p) + 25 * qBlue(p) + 128) >> 8));
        }
    }
    return media::FrameStamp::readFrom(frame);
}

wire::SystemCheck checkWithTroubles()
{
    wire::SystemCheck check;
    check.set_camera(wire::CHECK_OUTCOME_PASSED);
    check.set_microphone(wire::CHECK_OUTCOME_FAILED);
    check.set_speaker(wire::CHECK_OUTCOME_MISSING);
    check.set_connection(wire::CHECK_OUTCOME_TOO_SLOW);
    check.set_download_kbps(800);
    check.set_upload_kbps(300);
    check.set_round_trip_ms(45);
    return check;
}

wire::SystemCheck passedCheck()
{
    wire::SystemCheck check;
    check.set_camera(wire::CHECK_OUTCOME_PASSED);
    check.set_microphone(wire::CHECK_OUTCOME_PASSED);
    check.set_speaker(wire::CHECK_OUTCOME_PASSED);
    check.set_connection(wire::CHECK_OUTCOME_PASSED);
    check.set_download_kbps(16'000);
    check.set_upload_kbps(2'400);
    check.set_round_trip_ms(21);
    return check;
}

// Pixels of roughly this colour in the image (the marks' green and red discs).
int pixelsNear(const QImage &image, QColor colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor p = image.pixelColor(x, y);
            if (qAbs(p.red() - colour.red()) < 24 && qAbs(p.green() - colour.green()) < 24 &&
                qAbs(p.blue() - colour.blue()) < 24)
                ++count;
        }
    }
    return count;
}

// The tone must arrive as a tone: no noise suppression and no gain control on the customer's side.
VideoCall::Options customerCallOptions()
{
    VideoCall::Options options;
    options.audio.noiseSuppression = false;
    options.audio.gainControl = false;
    return options;
}

} // namespace

class TestAdvisorVideo final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_scenario = std::make_unique<Scenario>();
        QVERIFY(m_scenario->start());
        m_scenario->addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
        m_workstation = std::make_unique<Workstation>(*m_scenario, m_vault);
        QVERIFY(m_workstation->logIn(QStringLiteral("anna")));
        m_window = m_workstation->window();
        m_window->waitingAlert()->setSoundEnabled(false);
    }
    void cleanup()
    {
        for (CustomerCall &call : m_calls)
            call.call.reset(); // before its devices
        m_calls.clear();
        m_workstation.reset();
        m_scenario.reset();
    }

    void theQueueShowsTheModeAndTheSystemCheckAsTicksWithTheFiguresInWords()
    {
        CustomerClient *chat = waiting(QStringLiteral("Erika Mustermann"), wire::CONSULTATION_MODE_CHAT);
        CustomerClient *video =
            waiting(QStringLiteral("Max Müller"), wire::CONSULTATION_MODE_VIDEO, checkWithTroubles());
        QVERIFY(chat && video);
        QTableView *view = m_window->queuePanel()->view();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 5000);
        const QModelIndex chatMode = view->model()->index(0, AdvisorQueueModel::ModeColumn);
        const QModelIndex videoMode = view->model()->index(1, AdvisorQueueModel::ModeColumn);
        QCOMPARE(videoMode.data().toString(), QStringLiteral("Video"));
        QVERIFY(!videoMode.data(Qt::DecorationRole).value<QIcon>().isNull()); // the camera pictogram
        QVERIFY(!chatMode.data(Qt::DecorationRole).value<QIcon>().isNull());  // the speech bubble

        // The chat customer did no check: a dash, and words saying so.
        const QModelIndex none = view->model()->index(0, AdvisorQueueModel::SystemCheckColumn);
        QCOMPARE(none.data().toString(), QStringLiteral("–"));
        QVERIFY(!none.data(AdvisorQueueModel::SystemCheckRole).isValid());

        // The video customer's check: typed, in words for screen readers and the tooltip, with figures.
        const QModelIndex check = view->model()->index(1, AdvisorQueueModel::SystemCheckColumn);
        QVERIFY(check.data(AdvisorQueueModel::SystemCheckRole).isValid());
        QCOMPARE(check.data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("Kamera: in Ordnung · Mikrofon: funktioniert nicht · Lautsprecher: nicht vorhanden · "
                                "Verbindung: zu langsam"));
        const QString figures = check.data(Qt::AccessibleDescriptionRole).toString();
        QVERIFY2(figures.contains(QStringLiteral("0,8 Mbit/s empfangen")) &&
                     figures.contains(QStringLiteral("0,3 Mbit/s gesendet")) &&
                     figures.contains(QStringLiteral("45 ms")),
                 qPrintable(figures));
        QVERIFY(check.data(Qt::ToolTipRole).toString().contains(figures));

        // Drawn as marks, not as text: one green tick and three red crosses in the cell.
        QVERIFY(qobject_cast<SystemCheckDelegate *>(view->itemDelegateForColumn(AdvisorQueueModel::SystemCheckColumn)));
        view->clearSelection();
        QTest::qWait(50);
        const QImage cell = view->viewport()->grab(view->visualRect(check)).toImage();
        const int green = pixelsNear(cell, QColor(0x1e, 0x7e, 0x34));
        const int red = pixelsNear(cell, QColor(0xb0, 0x00, 0x20));
        QVERIFY2(green >= 20 && red >= 3 * 20, qPrintable(QStringLiteral("green %1, red %2").arg(green).arg(red)));
        QVERIFY2(red > 2 * green, qPrintable(QStringLiteral("green %1, red %2").arg(green).arg(red)));
    }

    void aTakenVideoCustomerIsSeenInThePanelWithTheirSwitchesAndTheAdvisorsCameraSwitchStopsTheirPicture()
    {
        CustomerClient *customer = waiting(QStringLiteral("Max Müller"), wire::CONSULTATION_MODE_VIDEO, passedCheck());
        QVERIFY(customer);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 1, 5000);
        QTest::mouseClick(m_window->queuePanel()->takeNextButton(), Qt::LeftButton);
        QVERIFY(m_scenario->awaitConsulting(*m_workstation->client(), *customer));
        VideoCall *customerCall = startCustomerCall(*customer);
        int customerSaw = 0;
        connect(customerCall, &VideoCall::remoteFrame, this, [&customerSaw] { ++customerSaw; });

        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Max Müller")), 5000);
        ConsultationPanel *panel = panelOf(m_window, QStringLiteral("Max Müller"));
        VideoPanel *video = panel->videoPanel();
        QVERIFY(video);
        QVERIFY(video->call() && video->call()->isRunning());
        QVERIFY(video->isVisible());
        QVERIFY(panel->chatView()->isVisible()); // the chat beside the picture
        // Every control has a name for screen readers, and the switches are reached with Tab.
        for (QWidget *control : video->findChildren<QWidget *>()) {
            if (qobject_cast<QAbstractButton *>(control) || qobject_cast<QComboBox *>(control) ||
                qobject_cast<QProgressBar *>(control) || qobject_cast<VideoView *>(control))
                QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
        }
        QVERIFY(video->cameraButton()->focusPolicy() & Qt::TabFocus);
        QVERIFY(video->microphoneButton()->focusPolicy() & Qt::TabFocus);
        QVERIFY(video->devicesButton()->focusPolicy() & Qt::TabFocus);
        QCOMPARE(video->systemCheckMarks()->check().has_value(), true);

        // The customer's picture arrives in the big view; the counter read off its pixels moves.
        QTRY_VERIFY_WITH_TIMEOUT(video->remoteFrames() >= 10 && stampOf(video->remoteView()->picture()), 30000);
        const quint32 first = stampOf(video->remoteView()->picture())->counter;
        QTRY_VERIFY_WITH_TIMEOUT(stampOf(video->remoteView()->picture()) &&
                                     stampOf(video->remoteView()->picture())->counter > first + 5,
                                 5000);
        QTRY_VERIFY_WITH_TIMEOUT(video->localView()->hasPicture(), 5000); // the advisor's own preview
        QTRY_COMPARE_WITH_TIMEOUT(video->peerStateLabel()->text(),
                                  QStringLiteral("Beim Kunden: Kamera an · Mikrofon an"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(customerSaw >= 10, 30000); // the customer sees the advisor

        // The customer's switches show up in the panel.
        customerCall->setCameraOn(false);
        QTRY_COMPARE_WITH_TIMEOUT(video->peerStateLabel()->text(),
                                  QStringLiteral("Beim Kunden: Kamera aus · Mikrofon an"), 5000);
        QVERIFY(!video->remoteView()->hasPicture());
        QCOMPARE(video->remoteView()->placeholderText(), MediaTexts::peerCameraOff());
        customerCall->setMicrophoneOn(false);
        QTRY_COMPARE_WITH_TIMEOUT(video->peerStateLabel()->text(),
                                  QStringLiteral("Beim Kunden: Kamera aus · Mikrofon aus"), 5000);
        customerCall->setCameraOn(true);
        const int framesBefore = video->remoteFrames();
        QTRY_VERIFY_WITH_TIMEOUT(video->remoteFrames() >= framesBefore + 5 && video->remoteView()->hasPicture(), 30000);

        // The advisor's camera switch (by keyboard: the panel's shortcut) stops the customer's pictures.
        QCOMPARE(video->cameraButton()->text(), QStringLiteral("Kamera an"));
        panel->focusInput();
        QTest::keyClick(panel->input(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(video->cameraButton()->isChecked(), false);
        QCOMPARE(video->cameraButton()->text(), QStringLiteral("Kamera aus"));
        QCOMPARE(m_workstation->devices().openCount(Kind::Camera), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!customerCall->peerCameraOn(), 5000);
        QTest::qWait(500); // what was already on its way has arrived
        const int customerSawWhenOff = customerSaw;
        QTest::qWait(1000);
        QCOMPARE(customerSaw, customerSawWhenOff);

        // ... and the mouse brings it back.
        QTest::mouseClick(video->cameraButton(), Qt::LeftButton);
        QVERIFY(video->cameraButton()->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(customerSaw >= customerSawWhenOff + 3, 30000); // a keyframe first, then pictures

        // The end stops the call and closes every device.
        answerMessageBox(QStringLiteral("confirmEnd"), QMessageBox::Yes);
        panel->endOrClose();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isEnded(), 5000);
        QVERIFY(!video->call() || !video->call()->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(m_workstation->devices().openCount(Kind::Camera), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_workstation->devices().openCount(Kind::Microphone), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_workstation->devices().openCount(Kind::Speaker), 0, 5000);
    }

    void aSecondVideoCustomerIsRefusedWithAClearMessageWhileAChatCustomerIsTakenAndChattedWith()
    {
        CustomerClient *first = waiting(QStringLiteral("Max Müller"), wire::CONSULTATION_MODE_VIDEO, passedCheck());
        QVERIFY(first);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 1, 5000);
        QTest::mouseClick(m_window->queuePanel()->takeNextButton(), Qt::LeftButton);
        QVERIFY(m_scenario->awaitConsulting(*m_workstation->client(), *first));

        CustomerClient *second = waiting(QStringLiteral("Lena Fischer"), wire::CONSULTATION_MODE_VIDEO, passedCheck());
        CustomerClient *chat = waiting(QStringLiteral("Erika Mustermann"), wire::CONSULTATION_MODE_CHAT);
        QVERIFY(second && chat);
        QueuePanel *queue = m_window->queuePanel();
        QTRY_COMPARE_WITH_TIMEOUT(queue->view()->model()->rowCount(), 2, 5000);

        // Selecting the second video customer: "take" is off, and the line under the queue says why.
        queue->view()->selectRow(0);
        QCOMPARE(queue->view()->model()->index(0, AdvisorQueueModel::NameColumn).data().toString(),
                 QStringLiteral("Lena Fischer"));
        QVERIFY(!queue->takeSelectedButton()->isEnabled());
        QVERIFY(queue->hintLabel()->isVisible());
        QCOMPARE(queue->hintLabel()->text(), StatusTexts::videoInProgress());
        QVERIFY(queue->view()
                    ->model()
                    ->index(0, AdvisorQueueModel::ModeColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(StatusTexts::videoInProgress()));

        // Asked anyway (the head of the queue is the video customer): the server refuses, the app says so.
        queue->view()->clearSelection();
        QVERIFY(!queue->hintLabel()->isVisible());
        const QString secondEntry = queue->view()
                                        ->model()
                                        ->index(0, AdvisorQueueModel::NameColumn)
                                        .data(AdvisorQueueModel::EntryIdRole)
                                        .toString();
        m_workstation->client()->take(secondEntry);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->statusBar()->currentMessage(), StatusTexts::videoInProgress(), 5000);
        QVERIFY(queue->hintLabel()->isVisible());
        QCOMPARE(second->phase(), CustomerClient::Phase::Waiting);
        QVERIFY(StatusTexts::videoInProgress().contains(QStringLiteral("Videoberatung")));

        // "Take next" passes over the video customer: the chat customer is taken and chatted with, in
        // parallel, while the video customer keeps their place.
        queue->view()->selectRow(1);
        QVERIFY(queue->takeSelectedButton()->isEnabled()); // a chat customer can be taken
        QTest::mouseClick(queue->takeNextButton(), Qt::LeftButton);
        QVERIFY(m_scenario->awaitConsulting(*m_workstation->client(), *chat));
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Erika Mustermann")), 5000);
        ConsultationPanel *chatPanel = panelOf(m_window, QStringLiteral("Erika Mustermann"));
        QVERIFY(!chatPanel->videoPanel());
        chat->sendChat(QStringLiteral("Ich habe nur eine kurze Frage."));
        QTRY_VERIFY_WITH_TIMEOUT(chatTexts(chatPanel).contains(QStringLiteral("Ich habe nur eine kurze Frage.")), 5000);
        m_window->consultations()->setCurrent(chatPanel);
        chatPanel->input()->setPlainText(QStringLiteral("Gern, fragen Sie."));
        chatPanel->send();
        QTRY_COMPARE_WITH_TIMEOUT(chat->chat()->index(chat->chat()->rowCount() - 1, 0).data().toString(),
                                  QStringLiteral("Gern, fragen Sie."), 5000);
        QCOMPARE(second->phase(), CustomerClient::Phase::Waiting);
        QVERIFY(panelOf(m_window, QStringLiteral("Max Müller"))->videoPanel()->call()->isRunning());

        // When the video consultation ends, the next video customer can be taken.
        answerMessageBox(QStringLiteral("confirmEnd"), QMessageBox::Yes);
        panelOf(m_window, QStringLiteral("Max Müller"))->endOrClose();
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Max Müller"))->isEnded(), 5000);
        queue->view()->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(queue->takeSelectedButton()->isEnabled(), 5000);
        QVERIFY(!queue->hintLabel()->isVisible());
        QTest::mouseClick(queue->takeSelectedButton(), Qt::LeftButton);
        QVERIFY(m_scenario->awaitConsulting(*m_workstation->client(), *second));
    }

    void aCustomerTalkingByPhoneShowsThePhoneCodeProminently()
    {
        CustomerClient *customer = waiting(QStringLiteral("Max Müller"), wire::CONSULTATION_MODE_VIDEO, passedCheck());
        QVERIFY(customer);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 1, 5000);
        QTest::mouseClick(m_window->queuePanel()->takeNextButton(), Qt::LeftButton);
        QVERIFY(m_scenario->awaitConsulting(*m_workstation->client(), *customer));
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Max Müller")), 5000);
        VideoPanel *video = panelOf(m_window, QStringLiteral("Max Müller"))->videoPanel();
        QVERIFY(video);
        QVERIFY(video->phoneCodeLabel()->isHidden());

        const QString code = customer->consultation()->phoneCode();
        QVERIFY2(code.size() == 6, qPrintable(code)); // the server's code, as the customer got it
        QCOMPARE(m_workstation->client()->findConsultation(customer->consultationId())->phoneCode(), code);
        VideoCall *customerCall = startCustomerCall(*customer);
        customerCall->setAudioByPhone(true);
        QTRY_VERIFY_WITH_TIMEOUT(video->phoneCodeLabel()->isVisible(), 5000);
        QVERIFY2(video->phoneCodeLabel()->text().contains(code), qPrintable(video->phoneCodeLabel()->text()));
        QVERIFY(video->phoneCodeLabel()->font().pointSizeF() > video->peerStateLabel()->font().pointSizeF());
        QVERIFY(video->peerStateLabel()->text().contains(QStringLiteral("Telefon")));

        customerCall->setAudioByPhone(false);
        QTRY_VERIFY_WITH_TIMEOUT(video->phoneCodeLabel()->isHidden(), 5000);
    }

    void aDeviceUnpluggedMidCallIsNamedAndTheChoiceIsRemembered()
    {
        CustomerClient *customer = waiting(QStringLiteral("Max Müller"), wire::CONSULTATION_MODE_VIDEO, passedCheck());
        QVERIFY(customer);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 1, 5000);
        QTest::mouseClick(m_window->queuePanel()->takeNextButton(), Qt::LeftButton);
        QVERIFY(m_scenario->awaitConsulting(*m_workstation->client(), *customer));
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Max Müller")), 5000);
        VideoPanel *video = panelOf(m_window, QStringLiteral("Max Müller"))->videoPanel();
        QVERIFY(video);
        QTRY_VERIFY_WITH_TIMEOUT(video->localView()->hasPicture(), 10000);
        QVERIFY(video->deviceProblemLabel()->isHidden());

        // The device choice: opened from the panel, the chosen camera is remembered for the next start.
        QTest::mouseClick(video->devicesButton(), Qt::LeftButton);
        QVERIFY(video->deviceChooser()->isVisible());
        QComboBox *cameras = video->deviceChooser()->cameraBox();
        const int synthetic = cameras->findData(media::SyntheticMediaDevices::kCameraId);
        QVERIFY(synthetic >= 0);
        QSignalSpy ownFrames(video->call(), &VideoCall::localFrame);
        cameras->setCurrentIndex(synthetic);
        QTRY_COMPARE_WITH_TIMEOUT(m_workstation->settings().value(QStringLiteral("devices/camera")).toByteArray(),
                                  media::SyntheticMediaDevices::kCameraId, 5000);
        QCOMPARE((*m_workstation)->preferences().devices.camera, media::SyntheticMediaDevices::kCameraId);
        QCOMPARE(video->call()->devices().camera, media::SyntheticMediaDevices::kCameraId);
        ownFrames.clear();
        QTRY_VERIFY_WITH_TIMEOUT(ownFrames.size() >= 3, 10000); // the chosen camera runs

        // Unplugged mid-call: named, the camera switch is off, and the consultation goes on.
        m_workstation->devices().unplug(Kind::Camera);
        QTRY_VERIFY_WITH_TIMEOUT(video->deviceProblemLabel()->isVisible(), 5000);
        QCOMPARE(video->deviceProblemLabel()->text(),
                 MediaTexts::deviceState(VideoCall::Device::Camera, VideoCall::DeviceState::Lost));
        QVERIFY(!video->cameraButton()->isEnabled());
        QCOMPARE(video->cameraButton()->text(), QStringLiteral("Keine Kamera"));
        QVERIFY(video->call()->isRunning());
        QVERIFY(video->microphoneButton()->isEnabled());
        // The remembered choice stays for when the camera is back; plugged in again, it is used again.
        QCOMPARE((*m_workstation)->preferences().devices.camera, media::SyntheticMediaDevices::kCameraId);
        m_workstation->devices().setPresent(Kind::Camera, true);
        QTRY_VERIFY_WITH_TIMEOUT(video->cameraButton()->isEnabled() && video->deviceProblemLabel()->isHidden(), 10000);
        QCOMPARE(video->deviceChooser()->choice().camera, media::SyntheticMediaDevices::kCameraId);
        QCOMPARE(video->cameraButton()->text(), QStringLiteral("Kamera an"));
    }

    void theCustomersStepDownOnASlowUplinkIsShownInWordsAndSoIsTheWayBackUp()
    {
        // The customer's uplink far below the seeds' 0.5 Mbit/s: their sender steps down the ladder,
        // the advisor's panel says what that means for the picture; the line recovers, and so does it.
        consult::testing::LinkEmulator &link =
            m_scenario->emulateLink(consult::testing::LinkEmulator::Direction{150'000, 20, 5},
                                    consult::testing::LinkEmulator::Direction{2'000'000, 20, 5});
        CustomerSpec spec = CustomerSpec::named(QStringLiteral("Max Müller"));
        spec.mode = wire::CONSULTATION_MODE_VIDEO;
        spec.systemCheck = passedCheck();
        spec.route = consult::testing::Route::EmulatedLink;
        CustomerClient *customer = m_scenario->waitingCustomer(spec);
        QVERIFY(customer);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 1, 5000);
        QTest::mouseClick(m_window->queuePanel()->takeNextButton(), Qt::LeftButton);
        QVERIFY(m_scenario->awaitConsulting(*m_workstation->client(), *customer));
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Max Müller")), 5000);
        VideoPanel *video = panelOf(m_window, QStringLiteral("Max Müller"))->videoPanel();
        QVERIFY(video);
        VideoCall *customerCall = startCustomerCall(*customer);

        // Video paused, the voice goes on: 150 kbit/s cannot carry the picture at its floor next to
        // the sound, but it carries the sound. (Until the ladder stopped cutting again on a queue that
        // was already draining, it went on down to the chat only on this line.)
        QTRY_COMPARE_WITH_TIMEOUT(customerCall->quality(), wire::QUALITY_LEVEL_AUDIO_ONLY, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(video->call()->peerQuality(), wire::QUALITY_LEVEL_AUDIO_ONLY, 10000);
        QVERIFY(video->qualityLabel()->isVisible());
        QVERIFY2(video->qualityLabel()->text().contains(MediaTexts::peerQuality(wire::QUALITY_LEVEL_AUDIO_ONLY)),
                 qPrintable(video->qualityLabel()->text()));
        QVERIFY(customerCall->quality() != wire::QUALITY_LEVEL_TEXT_ONLY);

        // The line recovers: the picture comes back (the ladder probes video after ten calm seconds),
        // and the step back up is shown in words too.
        link.setDirections(consult::testing::LinkEmulator::Direction{}, consult::testing::LinkEmulator::Direction{});
        QTRY_VERIFY_WITH_TIMEOUT(video->call()->peerQuality() == wire::QUALITY_LEVEL_FULL ||
                                     video->call()->peerQuality() == wire::QUALITY_LEVEL_REDUCED_VIDEO,
                                 60000);
        const QString better = MediaTexts::peerQuality(video->call()->peerQuality());
        QTRY_VERIFY2_WITH_TIMEOUT(
            video->qualityLabel()->text().contains(better.isEmpty() ? MediaTexts::qualityRestored() : better),
            qPrintable(video->qualityLabel()->text()), 5000);
        QVERIFY(!video->qualityLabel()->text().contains(MediaTexts::peerQuality(wire::QUALITY_LEVEL_AUDIO_ONLY)));
    }

private:
    CustomerClient *waiting(const QString &name, wire::ConsultationMode mode,
                            std::optional<wire::SystemCheck> check = std::nullopt)
    {
        CustomerSpec spec = CustomerSpec::named(name);
        spec.mode = mode;
        spec.systemCheck = check;
        return m_scenario->waitingCustomer(spec);
    }

    // The customer's side of the call, on the customer's own synthetic devices.
    VideoCall *startCustomerCall(CustomerClient &customer)
    {
        auto devices = std::make_unique<media::SyntheticMediaDevices>();
        auto call = std::make_unique<VideoCall>(*customer.consultation(), *devices, customerCallOptions());
        call->start();
        VideoCall *started = call.get();
        m_calls.push_front({std::move(call), std::move(devices)});
        return started;
    }

    struct CustomerCall
    {
        std::unique_ptr<VideoCall> call;
        std::unique_ptr<media::SyntheticMediaDevices> devices;
    };

    std::unique_ptr<Scenario> m_scenario;
    MemoryTokenStore m_vault;
    std::unique_ptr<Workstation> m_workstation;
    MainWindow *m_window = nullptr;
    std::list<CustomerCall> m_calls; // each call goes before its devices (see cleanup)
};

CONSULT_WIDGET_TEST_MAIN(TestAdvisorVideo)
#include "TestAdvisorVideo.moc"
