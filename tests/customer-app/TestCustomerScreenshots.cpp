// Walks through every screen of the customer app against a real server and writes a PNG of each to
// screenshots/customer-*.png in the build directory, to be looked at by a person. Asserts only that
// each screen was reached and written.
#include "BoardFlow.h"
#include "CustomerAppFixture.h"
#include "CustomerTestMain.h"
#include "EndPage.h"
#include "EndSummaryFlow.h"
#include "ExchangeFlow.h"
#include "MessagePage.h"
#include "VideoFlow.h"
#include "WaitingPage.h"
#include "support/FileAnswers.h"
#include "support/TestFiles.h"
#include "transcript/Transcript.h"
#include "whiteboard/WhiteboardPanel.h"
#include "widgets/ConnectionIndicator.h"

#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace consult;
using namespace consult::testing;
using Phase = CustomerClient::Phase;

namespace {

const QString kDirectory = QStringLiteral(CONSULT_SCREENSHOT_DIR);

void shoot(QWidget *widget, const QString &name)
{
    QTest::qWait(50); // posted events: a language change, then the layouts it causes
    QDir().mkpath(kDirectory);
    const QString path = QDir(kDirectory).filePath(QStringLiteral("customer-%1.png").arg(name));
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

// Photographs the next modal dialog of type T, then clicks `button` in it.
template <typename T>
void shootModal(const QString &name, const QString &button)
{
    onModal<T>([name, button](T *dialog) {
        shoot(dialog, name);
        QTest::mouseClick(dialog->template findChild<QPushButton *>(button), Qt::LeftButton);
    });
}

// A two-page PDF for the screenshots' document list.
QByteArray pdfWithPagesForScreenshot()
{
    return pdfWithPages({Qt::white, Qt::white});
}

} // namespace

class TestCustomerScreenshots final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QDir(kDirectory).removeRecursively(); }

    void startLogInAndNotices()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("01-start")));
        CUSTOMER_STEP(openLogin(app));
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("03-login-empty")));
        typeText(app->loginPage()->nameEdit(), QStringLiteral("R2D2"));
        typeText(app->loginPage()->phoneEdit(), QStringLiteral("0561 1"));
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("04-login-invalid")));
        app->loginPage()->nameEdit()->clear();
        app->loginPage()->phoneEdit()->clear();
        typeText(app->loginPage()->nameEdit(), QStringLiteral("Max Müller"));
        typeText(app->loginPage()->phoneEdit(), QStringLiteral("0171 1234567"));
        shootModal<customer::NoticeDialog>(QStringLiteral("05-notice-dialog"), QStringLiteral("acceptNotice"));
        clickCheckBox(app->loginPage()->noticeChecks().first());
        for (QCheckBox *check : app->loginPage()->noticeChecks().mid(1)) {
            clickInModal<customer::NoticeDialog>(QStringLiteral("acceptNotice"));
            clickCheckBox(check);
        }
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("06-login-ready")));
    }

    void connectionRefused()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        ServerEndpoint endpoint = scenario.endpoint();
        endpoint.pins = {QByteArrayLiteral("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")};
        CustomerApp app(endpoint);
        QTest::mouseClick(app->startPage()->chatButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Failed, 15000);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("07-login-pin-mismatch")));
    }

    void waitingMessageAndConfirmation()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        // The only advisor is busy with someone else: all busy, with an expected wait.
        CustomerClient *ahead = scenario.waitingCustomer(CustomerSpec::named(QStringLiteral("Anton Alt")));
        QVERIFY(ahead);
        QVERIFY(scenario.take(*advisor, *ahead, Take::Next));
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(logIn(app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(app->waitingPage()->busyBox()->isVisible(), 10000);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("08-waiting-all-busy")));
        QTest::mouseClick(app->waitingPage()->keepWaitingButton(), Qt::LeftButton);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("09-waiting")));
        QTest::mouseClick(app->waitingPage()->writeMessageButton(), Qt::LeftButton);
        typeText(app->messagePage()->textEdit(),
                 QStringLiteral("Bitte rufen Sie mich wegen meiner Baufinanzierung zurück, am besten nachmittags."));
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("10-message-instead-of-waiting")));
        QTest::mouseClick(app->messagePage()->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::MessageStored, 10000);
        QTRY_VERIFY(app->findChild<QLabel *>(QStringLiteral("storedDetails"))->text().contains(u"Tagen"));
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("11-message-stored")));
    }

    void closedOnlyAMessage()
    {
        static const QStringList days = {QStringLiteral("monday"),    QStringLiteral("tuesday"),
                                         QStringLiteral("wednesday"), QStringLiteral("thursday"),
                                         QStringLiteral("friday"),    QStringLiteral("saturday"),
                                         QStringLiteral("sunday")};
        const int openDay =
            QDateTime::currentDateTime().toTimeZone(QTimeZone("Europe/Berlin")).date().addDays(2).dayOfWeek();
        QMap<QString, QString> week;
        for (int day = 1; day <= 7; ++day)
            week.insert(days.at(day - 1), day == openDay ? QStringLiteral("08:00-18:00") : QStringLiteral("closed"));
        auto hours = OpeningHours::parse(week, {}, QStringLiteral("Europe/Berlin"));
        QVERIFY(hours.ok());
        Scenario scenario({}, hours.value());
        QVERIFY(scenario.start());
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(logIn(app, QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::MessageOnly, 10000);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("12-message-closed")));
    }

    void consultationGuardsReconnectAndEnd()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        TcpProxy &proxy = scenario.proxy();
        CustomerApp app(scenario.endpoint(Route::CuttingProxy));
        CUSTOMER_STEP(
            consultingWith(scenario, *advisor, app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        AdvisorConsultation *theirs = consultationOf(*advisor, app);
        customer::ConsultationPage *page = app->consultationPage();
        typeText(page->input(), QStringLiteral("Guten Tag! Wie hoch ist das Tageslimit meiner Karte im Ausland?"));
        QTest::keyClick(page->input(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(theirs->chat->rowCount(), 2, 10000);
        advisor->sendChat(theirs->id, QStringLiteral("Im Ausland gilt dasselbe Limit wie im Inland: 1.000 € am Tag. "
                                                     "Sie können es im Online-Banking selbst anpassen."));
        advisor->sendChat(theirs->id, QStringLiteral("<img src=x> bleibt Text"));
        QTRY_COMPARE_WITH_TIMEOUT(app->client()->chat()->rowCount(), 4, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(app->client()->chat()->lines().at(1).delivery, ChatLine::Delivery::Delivered, 10000);
        advisor->noteTyping(theirs->id);
        QTRY_VERIFY_WITH_TIMEOUT(!page->typingLabel()->text().isEmpty(), 10000);
        typeText(page->input(), QStringLiteral("Danke! Noch eine Frage"));
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("13-consultation")));
        // The consultation in English too (longer texts), with the connection indicator in view.
        QVERIFY(page->connectionIndicator()->isVisibleTo(app.window.get()));
        QTest::mouseClick(app->languageButton(), Qt::LeftButton);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("13b-consultation-english")));
        QTest::mouseClick(app->languageButton(), Qt::LeftButton);

        page->input()->clear();
        typeText(page->input(), QStringLiteral("Meine TAN ist 483920"));
        shootModal<QMessageBox>(QStringLiteral("14-warning-sensitive-data"), QStringLiteral("edit"));
        QTest::keyClick(page->input(), Qt::Key_Return);
        page->input()->clear();
        typeText(page->input(), QStringLiteral("Bitte Karte sperren"));
        shootModal<QMessageBox>(QStringLiteral("15-hint-card-blocking"), QStringLiteral("edit"));
        QTest::keyClick(page->input(), Qt::Key_Return);
        page->input()->clear();

        proxy.setRefusing(true);
        proxy.cutAll();
        QTRY_VERIFY_WITH_TIMEOUT(app->connectionBanner()->isVisible(), 10000);
        typeText(page->input(), QStringLiteral("Sind Sie noch da?"));
        QTest::keyClick(page->input(), Qt::Key_Return);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("16-consultation-reconnecting")));
        proxy.setRefusing(false);
        QTRY_VERIFY_WITH_TIMEOUT(!app->connectionBanner()->isVisible(), 15000);

        shootModal<QMessageBox>(QStringLiteral("17-confirm-end"), QStringLiteral("yes"));
        QTest::mouseClick(page->endButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Ended, 10000);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("18-end-with-transcript")));
        // The transcript as printed: the PDF, and its first page as an image (pdftoppm, poppler-utils).
        const QString pdf = QDir(kDirectory).filePath(QStringLiteral("customer-transcript.pdf"));
        QVERIFY(Transcript::writePdf(*app->endPage()->transcriptDocument(), pdf).ok());
        QProcess::execute(QStringLiteral("pdftoppm"),
                          {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("70"),
                           QStringLiteral("-singlefile"), pdf,
                           QDir(kDirectory).filePath(QStringLiteral("customer-18b-transcript-pdf"))});

        // The same in English, switched without a restart.
        QTest::mouseClick(app->languageButton(), Qt::LeftButton);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("19-end-english")));
        QTest::mouseClick(app->endPage()->homeButton(), Qt::LeftButton);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("20-start-english")));
    }

    void leftQueueAndLost()
    {
        Scenario scenario([](ServerConfig &config) { config.resumeTtlSeconds = 1; });
        QVERIFY(scenario.start());
        TcpProxy &proxy = scenario.proxy();
        CustomerApp app(scenario.endpoint(Route::CuttingProxy));
        CUSTOMER_STEP(logIn(app, QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        clickInModal<QMessageBox>(QStringLiteral("yes"));
        QTest::mouseClick(app->waitingPage()->leaveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Ended, 10000);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("21-end-left-queue")));

        QTest::mouseClick(app->endPage()->homeButton(), Qt::LeftButton);
        CUSTOMER_STEP(logIn(app, QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        proxy.setRefusing(true);
        proxy.cutAll();
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Failed, 20000);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("22-end-connection-lost")));
    }

    // Issue 12: the end screen after a consultation with a document each way, a form and a board
    // page: the deletion receipt and the one summary (its first page and its board page as images),
    // German and English; then (endReceiptLost) a consultation lost, whose receipt could not be
    // received.
    void endWithReceiptAndSummary()
    {
        SummaryConsultation c;
        CUSTOMER_STEP(c.start());
        CUSTOMER_STEP(c.everything());
        c.advisor->endConsultation(c.theirs->id);
        QTRY_COMPARE_WITH_TIMEOUT(c.app->phase(), Phase::Ended, 10000);
        CUSTOMER_STEP(shoot(c.app->window.get(), QStringLiteral("23-end-receipt")));
        const QString pdf = QDir(kDirectory).filePath(QStringLiteral("customer-summary.pdf"));
        answerFilesWith((*c.app)->endPage()->fileChooser(), {pdf});
        QTest::mouseClick((*c.app)->endPage()->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(QFile::exists(pdf));
        // Every page of the summary as an image (pdftoppm, poppler-utils).
        QProcess::execute(QStringLiteral("pdftoppm"),
                          {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), pdf,
                           QDir(kDirectory).filePath(QStringLiteral("customer-23c-summary-pdf"))});
        QTest::mouseClick((*c.app)->languageButton(), Qt::LeftButton);
        CUSTOMER_STEP(shoot(c.app->window.get(), QStringLiteral("23b-end-receipt-english")));
        QTest::mouseClick((*c.app)->languageButton(), Qt::LeftButton);
    }

    void endReceiptLost()
    {
        SummaryConsultation lost;
        CUSTOMER_STEP(lost.start(Route::CuttingProxy));
        CUSTOMER_STEP(lost.chat());
        lost.scenario.proxy().setRefusing(true);
        lost.scenario.proxy().cutAll();
        QTRY_COMPARE_WITH_TIMEOUT(lost.app->phase(), Phase::Failed, 20000);
        CUSTOMER_STEP(shoot(lost.app->window.get(), QStringLiteral("24-end-receipt-lost")));
    }

    // The video consultation (seed 001): the system check, the log-in, the choice of connection, the
    // permission, the consultation with video beside the chat, and the end; German, then English.
    void videoConsultation_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void videoConsultation()
    {
        QFETCH(QString, language);
        const QString suffix = language == u"en" ? QStringLiteral("-english") : QString();
        const auto name = [&](const char *screen) -> QString { return QString::fromLatin1(screen) + suffix; };
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        media::SyntheticMediaDevices devices;
        devices.setTone(kCustomerTone, -12.0f);
        CustomerApp app(scenario.endpoint(), &devices);
        app.language.setLanguage(language);
        QTest::mouseClick(app->startPage()->videoButton(), Qt::LeftButton);
        customer::SystemCheckPage *check = checkPage(app);
        QTRY_VERIFY_WITH_TIMEOUT(check->connectionText()->text().contains(u'%'), 10000);
        CUSTOMER_STEP(shoot(app.window.get(), name("30-check-running")));
        QSignalSpy toneDone(check->deviceCheck(), &DeviceCheck::testToneFinished);
        QTest::mouseClick(check->playToneButton(), Qt::LeftButton);
        QVERIFY(toneDone.wait(10000));
        QTest::mouseClick(check->heardButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(check->continueButton()->isEnabled(), 20000);
        CUSTOMER_STEP(shoot(app.window.get(), name("31-check-passed")));
        CUSTOMER_STEP(videoLogIn(app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        CUSTOMER_STEP(shoot(app.window.get(), name("32-mode")));
        QTest::mouseClick(app->modePage()->connectButton(), Qt::LeftButton);
        CUSTOMER_STEP(shoot(app.window.get(), name("33-consent")));
        QTest::mouseClick(app->consentPage()->allowButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        CUSTOMER_STEP(shoot(app.window.get(), name("34-waiting-video")));
        AdvisorCall advisorCall;
        CUSTOMER_STEP(takenBy(scenario, *advisor, app));
        AdvisorConsultation *theirs = consultationOf(*advisor, app);
        advisorCall.start(*theirs);
        customer::VideoPanel *panel = app->consultationPage()->videoPanel();
        Screen sees;
        sees.watch(*panel->call());
        QTRY_VERIFY_WITH_TIMEOUT(sees.stamped >= 10, 20000);
        advisor->sendChat(theirs->id, QStringLiteral("Guten Tag, Herr Müller! Sehen und hören Sie mich gut?"));
        QTRY_COMPARE_WITH_TIMEOUT(app->client()->chat()->rowCount(), 2, 10000);
        typeText(app->consultationPage()->input(), QStringLiteral("Ja, sehr gut."));
        QTest::keyClick(app->consultationPage()->input(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(theirs->chat->rowCount(), 3, 10000);
        CUSTOMER_STEP(shoot(app.window.get(), name("35-video-consultation")));
        QTest::mouseClick(panel->cameraButton(), Qt::LeftButton);
        QTest::mouseClick(panel->seeAdvisorButton(), Qt::LeftButton);
        advisorCall.call->setMicrophoneOn(false);
        QTRY_VERIFY_WITH_TIMEOUT(panel->advisorStateLabel()->isVisible(), 5000);
        CUSTOMER_STEP(shoot(app.window.get(), name("36-video-camera-off-advisor-hidden")));
        QTest::mouseClick(panel->seeAdvisorButton(), Qt::LeftButton);
        QTest::mouseClick(panel->audioWayButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(advisorCall.call->peerAudioByPhone(), 5000);
        CUSTOMER_STEP(shoot(app.window.get(), name("36b-video-by-phone")));
        QTest::mouseClick(panel->audioWayButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!advisorCall.call->peerAudioByPhone(), 5000);
        devices.unplug(DeviceKind::Microphone);
        QTRY_VERIFY_WITH_TIMEOUT(panel->phoneBox()->isVisible(), 5000);
        CUSTOMER_STEP(shoot(app.window.get(), name("37-video-microphone-lost-phone")));
        clickInModal<QMessageBox>(QStringLiteral("yes"));
        QTest::mouseClick(app->consultationPage()->endButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Ended, 10000);
        CUSTOMER_STEP(shoot(app.window.get(), name("38-end-video")));
    }

    // The whiteboard (seed 001 step 7) in the text chat and the video consultation, German and
    // English: a 3-page document on page 2 with the advisor's stroke, a text and the pointer, drawing
    // allowed; at the window's usual size and at its minimum size; then the end screen with the pages.
    void whiteboardConsultation_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("video");
        QTest::newRow("chat-de") << QStringLiteral("de") << false;
        QTest::newRow("chat-en") << QStringLiteral("en") << false;
        QTest::newRow("video-de") << QStringLiteral("de") << true;
        QTest::newRow("video-en") << QStringLiteral("en") << true;
    }

    void whiteboardConsultation()
    {
        QFETCH(QString, language);
        QFETCH(bool, video);
        const QString suffix = QString(video ? QStringLiteral("-video") : QStringLiteral("-chat")) +
                               (language == u"en" ? QStringLiteral("-english") : QString());
        const auto name = [&](const char *screen) -> QString { return QString::fromLatin1(screen) + suffix; };
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        media::SyntheticMediaDevices devices;
        devices.setTone(kCustomerTone, -12.0f);
        CustomerApp app(scenario.endpoint(), &devices);
        app.language.setLanguage(language);
        AdvisorCall advisorCall;
        if (video) {
            CUSTOMER_STEP(videoConsultationUpToWaiting(app));
            CUSTOMER_STEP(takenBy(scenario, *advisor, app));
            advisorCall.start(*consultationOf(*advisor, app));
        } else {
            CUSTOMER_STEP(
                consultingWith(scenario, *advisor, app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        }
        AdvisorConsultation *theirs = consultationOf(*advisor, app);
        auto *board = theirs->part<ConsultationWhiteboard>();
        QVERIFY(board);
        advisor->sendChat(theirs->id, QStringLiteral("Ich zeige Ihnen das Angebot. Auf Seite 2 steht die Rate."));
        QTemporaryDir files;
        const QString pdf = files.filePath(QStringLiteral("Kreditangebot 2026.pdf"));
        QVERIFY(writeTestPdf(pdf, 3));
        const quint32 document = openDocument(*board, pdf);
        QVERIFY(document != 0);
        const board::PageKey page{document, 1};
        board->showPage(page);
        customer::WhiteboardPanel *panel = app->consultationPage()->whiteboardPanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->whiteboard()->model().hasPageImage(page), 20000);
        drawLine(*board, page, 2000, 8000, 6000);
        wire::BoardShape text;
        text.set_tool(wire::BOARD_TOOL_TEXT);
        text.set_color(0x0050a0);
        text.set_width(40);
        text.add_points(2000);
        text.add_points(6400);
        text.set_text("Monatliche Rate: 312,50 €");
        board->draw(page, text);
        wire::BoardShape box;
        box.set_tool(wire::BOARD_TOOL_RECTANGLE);
        box.set_color(0x008000);
        box.set_width(8);
        for (const quint32 value : {1500u, 5400u, 8500u, 7400u})
            box.add_points(value);
        board->draw(page, box);
        board->setCustomerMayDraw(true);
        board->movePointer(page, QPoint(5000, 4500), true);
        QTRY_VERIFY_WITH_TIMEOUT(panel->toolBox()->isVisible(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->whiteboard()->model().annotations(page).size(), 3, 10000);
        QTRY_VERIFY(panel->whiteboard()->model().pointer(wire::PARTY_ADVISOR).visible);
        QTRY_COMPARE_WITH_TIMEOUT(app->client()->chat()->rowCount(), 2, 10000);
        CUSTOMER_STEP(shoot(app.window.get(), name("41-whiteboard")));
        // The smallest window the app allows: nothing may be cut off or overlap.
        const QSize usual = app->size();
        app->resize(app->minimumSize());
        CUSTOMER_STEP(shoot(app.window.get(), name("42-whiteboard-minimum")));
        app->resize(usual);
        QTest::mouseClick(panel->zoomInButton(), Qt::LeftButton);
        QTest::mouseClick(panel->zoomInButton(), Qt::LeftButton);
        CUSTOMER_STEP(shoot(app.window.get(), name("43-whiteboard-zoomed")));
        // The customer ends it, as in the video consultation's screenshots.
        clickInModal<QMessageBox>(QStringLiteral("yes"));
        QTest::mouseClick(app->consultationPage()->endButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Ended, 10000);
        CUSTOMER_STEP(shoot(app.window.get(), name("44-end-with-board")));
    }

    // Documents and forms (seed 002) in the text chat, German and English: the documents with a file
    // from the advisor, a refusal and an upload running on a slow line; a form being filled with a
    // wrong IBAN; the form sent, its IBAN not released; and the page at the window's minimum size.
    void documentsAndForms_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void documentsAndForms()
    {
        QFETCH(QString, language);
        const QString suffix = language == u"en" ? QStringLiteral("-english") : QString();
        const auto name = [&](const char *screen) -> QString { return QString::fromLatin1(screen) + suffix; };
        ExchangeConsultation consultation;
        // Fast for the log-in; about 1 Mbit/s up (the seeds' minimum line) once a 3 MB upload is to be seen running.
        CUSTOMER_STEP(consultation.start(true));
        consultation.app->language.setLanguage(language);
        CustomerApp &app = *consultation.app;
        AdvisorConsultation *theirs = consultation.theirs;
        consultation.advisor->sendChat(theirs->id, QStringLiteral("Schicken Sie mir bitte Ihren Gehaltsnachweis."));
        customer::DocumentsPanel *documents = consultation.documentsPanel();
        const QString plan =
            consultation.writeFile(QStringLiteral("Tilgungsplan 2026.pdf"), pdfWithPagesForScreenshot());
        QVERIFY(consultation.advisorDocuments()->upload(plan) != 0);
        QTRY_COMPARE_WITH_TIMEOUT(documents->documents()->documents().size(), 1, 20000);
        const QString scan =
            consultation.writeFile(QStringLiteral("Gehaltsnachweis-Scan.png"), noisyPng(QSize(1000, 1000)));
        consultation.scenario.link()->setDirections({1'000'000, 10, 0}, {});
        QSignalSpy started(documents->documents(), &ConsultationDocuments::transferStarted);
        QVERIFY(dropFiles(consultation.page(), {scan}));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
        const quint32 transfer = started.first().first().toUInt();
        QTRY_VERIFY_WITH_TIMEOUT(
            documents->progressBarFor(transfer) && documents->progressBarFor(transfer)->value() > 100, 20000);
        // A refusal while the upload runs: both are seen at once.
        const QString elf = consultation.writeFile(QStringLiteral("Gehaltsnachweis.pdf"), elfExecutable());
        QVERIFY(dropFiles(consultation.page(), {elf}));
        QTRY_VERIFY_WITH_TIMEOUT(documents->refusalLabel()->isVisible(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(app->client()->chat()->rowCount(), 2, 10000); // the greeting and the request
        CUSTOMER_STEP(shoot(app.window.get(), name("50-documents-transfer-and-refusal")));
        QTest::mouseClick(documents->cancelButtonFor(transfer), Qt::LeftButton);
        QTRY_VERIFY(!documents->progressBarFor(transfer));
        // The line is fast again: what the slow line still held of the upload does not delay the form.
        consultation.scenario.link()->setDirections({}, {});

        customer::FormView *view = consultation.standingOrderArrives();
        QVERIFY(view);
        CUSTOMER_STEP(typeInto(view, QStringLiteral("payee"), QStringLiteral("Hausverwaltung Müller")));
        CUSTOMER_STEP(typeInto(view, QStringLiteral("iban"), kWrongIban));
        CUSTOMER_STEP(typeInto(view, QStringLiteral("amount"), QStringLiteral("850,00")));
        QVERIFY(view->editor(QStringLiteral("iban"))->problemLabel()->isVisible());
        consultation.formsPanel()->findChild<QScrollArea *>()->ensureWidgetVisible(view->editor(QStringLiteral("iban")),
                                                                                   0, 10);
        CUSTOMER_STEP(shoot(app.window.get(), name("51-form-being-filled")));

        CUSTOMER_STEP(fillStandingOrder(view, kValidIban));
        QTest::mouseClick(view->submitButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->form().state() == wire::FORM_STATE_SUBMITTED, 10000);
        QTRY_VERIFY(view->editor(QStringLiteral("iban"))->releaseButton()->isVisible());
        consultation.formsPanel()->findChild<QScrollArea *>()->ensureWidgetVisible(view->editor(QStringLiteral("iban")),
                                                                                   0, 60);
        CUSTOMER_STEP(shoot(app.window.get(), name("52-form-submitted-iban-hidden")));
        // The smallest window the app allows: nothing may be cut off or overlap.
        const QSize usual = app->size();
        app->resize(app->minimumSize());
        CUSTOMER_STEP(shoot(app.window.get(), name("53-documents-and-form-minimum")));
        app->resize(usual);
    }

    // Only a microphone, no speakers: the check says the consultation starts on the telephone, and the
    // consultation screen shows why, the number, the code and the way to the computer.
    void oneAudioDevice_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void oneAudioDevice()
    {
        QFETCH(QString, language);
        const QString suffix = language == u"en" ? QStringLiteral("-english") : QString();
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        media::SyntheticMediaDevices devices;
        devices.setTone(kCustomerTone, -12.0f);
        devices.setPresent(DeviceKind::Speaker, false);
        CustomerApp app(scenario.endpoint(), &devices);
        app.language.setLanguage(language);
        CUSTOMER_STEP(runSystemCheck(app));
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("45-check-no-speakers") + suffix));
        CUSTOMER_STEP(videoLogIn(app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        CUSTOMER_STEP(chooseVideoAndAllow(app));
        AdvisorCall advisorCall;
        CUSTOMER_STEP(takenBy(scenario, *advisor, app));
        advisorCall.start(*consultationOf(*advisor, app));
        customer::VideoPanel *panel = app->consultationPage()->videoPanel();
        QVERIFY(panel->call()->audioByPhone());
        Screen sees;
        sees.watch(*panel->call());
        QTRY_VERIFY_WITH_TIMEOUT(sees.stamped >= 10, 20000);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("46-video-no-speakers-by-phone") + suffix));
        QTest::mouseClick(panel->audioWayButton(), Qt::LeftButton);
        QVERIFY(!panel->call()->audioByPhone());
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("47-video-no-speakers-computer") + suffix));
    }

    // The system check when things are missing, and a line that is too slow.
    void systemCheckTroubles_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void systemCheckTroubles()
    {
        QFETCH(QString, language);
        const QString suffix = language == u"en" ? QStringLiteral("-english") : QString();
        Scenario scenario;
        QVERIFY(scenario.start());
        scenario.emulateLink({300'000, 10, 0}, {});
        media::SyntheticMediaDevices devices;
        devices.setPresent(DeviceKind::Camera, false);
        devices.setPresent(DeviceKind::Microphone, false);
        devices.setPresent(DeviceKind::Speaker, false);
        CustomerApp app(scenario.endpoint(Route::EmulatedLink), &devices);
        app.language.setLanguage(language);
        CUSTOMER_STEP(runSystemCheck(app));
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("39-check-missing-and-slow") + suffix));
        QTest::mouseClick(checkPage(app)->textChatButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app->loginPage()->noticeChecks().size(), 3, 10000);
        typeText(app->loginPage()->nameEdit(), QStringLiteral("Max Müller"));
        typeText(app->loginPage()->phoneEdit(), QStringLiteral("0171 1234567"));
        CUSTOMER_STEP(acceptNotices(app));
        QTest::mouseClick(app->loginPage()->loginButton(), Qt::LeftButton);
        CUSTOMER_STEP(shoot(app.window.get(), QStringLiteral("40-mode-text-only") + suffix));
    }
};

CUSTOMER_TEST_MAIN(TestCustomerScreenshots)
#include "TestCustomerScreenshots.moc"
