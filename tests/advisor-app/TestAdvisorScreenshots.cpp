// A picture of every screen of the advisor workstation, written to the build directory
// (tests/advisor-app/screenshots/advisor-*.png) for people to look at: log-in (empty, wrong
// password, locked, no keychain, the second factor's code asked and wrong, German and English), queue, chats in tabs
// and side by side, canned responses, transfer, the colleague's view after it, inbox, end confirmation, ended, English;
// the queue with system checks as ticks and the video consultation (with the telephone code), in German and English;
// the whiteboard with a document marked up by both sides beside a chat (German, English, a refused file) and beside a
// video consultation; the documents and forms beside a chat (a transfer running, a refused file, the form picker, a
// submitted form with a masked IBAN), in German and English. Each picture is checked to be the right size and not
// blank; what it shows is for the eye.
#include "MemoryTokenStore.h"
#include "TransferDialog.h"
#include "VideoPanel.h"
#include "WorkstationFixture.h"
#include "accounts/OneTimeCode.h"

#include "client/call/VideoCall.h"
#include "client/documents/ConsultationDocuments.h"
#include "client/forms/ConsultationForms.h"
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "documents/DocumentsPanel.h"
#include "forms/FormPicker.h"
#include "forms/FormView.h"
#include "forms/FormsPanel.h"
#include "media/devices/SyntheticMediaDevices.h"
#include "whiteboard/PageList.h"
#include "whiteboard/WhiteboardPanel.h"
#include "widgets/BoardCanvas.h"
#include "widgets/VideoView.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSet>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::CustomerSpec;
using consult::testing::Scenario;

namespace {

QString screenshotPath(const QString &name)
{
    QDir().mkpath(QStringLiteral(CONSULT_SCREENSHOT_DIR));
    return QDir(QStringLiteral(CONSULT_SCREENSHOT_DIR)).filePath(QStringLiteral("advisor-%1.png").arg(name));
}

// Saves `image`; fails the test if it is blank (a single colour or nearly so) or not written.
void save(const QImage &image, const QString &name)
{
    QVERIFY2(!image.isNull() && image.width() >= 150 && image.height() >= 60, qPrintable(name));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 8, qPrintable(name + QStringLiteral(" looks blank")));
    QVERIFY2(image.save(screenshotPath(name)), qPrintable(name));
}

void settle()
{
    QTest::qWait(150); // layouts, queued scrolls and repaints
}

void shoot(QWidget *widget, const QString &name)
{
    settle();
    save(widget->grab().toImage(), name);
}

// A two-page conditions sheet as a bank would show it, written as a PDF.
bool writeConditionsPdf(const QString &path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    const auto line = [&painter](int y, const QString &text, int size, bool bold = false) {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(size);
        font.setBold(bold);
        painter.setFont(font);
        painter.drawText(QPoint(60, y), text);
    };
    line(90, QStringLiteral("Baufinanzierung – Ihre Konditionen"), 26, true);
    line(130, QStringLiteral("Angebot vom 7. Dezember 2026, gültig 14 Tage"), 14);
    const QStringList rows = {
        QStringLiteral("Darlehensbetrag|320.000 EUR"),  QStringLiteral("Sollzins gebunden|3,45 % p. a."),
        QStringLiteral("Zinsbindung|10 Jahre"),         QStringLiteral("Anfängliche Tilgung|2,0 %"),
        QStringLiteral("Monatliche Rate|1.453,33 EUR"), QStringLiteral("Effektiver Jahreszins|3,51 %")};
    int y = 200;
    for (const QString &row : rows) {
        painter.fillRect(QRect(60, y - 22, 470, 32), (y / 40) % 2 ? QColor(0xee, 0xf2, 0xf7) : QColor(Qt::white));
        line(y, row.section(u'|', 0, 0), 16);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(16);
        font.setBold(true);
        painter.setFont(font);
        painter.drawText(QPoint(360, y), row.section(u'|', 1, 1));
        y += 40;
    }
    line(y + 40, QStringLiteral("Sondertilgung bis 5 % jährlich ohne Entgelt."), 14);
    line(y + 65, QStringLiteral("Bereitstellungszinsen ab dem 7. Monat: 0,25 % pro Monat."), 14);
    writer.newPage();
    line(90, QStringLiteral("Tilgungsplan (Auszug)"), 26, true);
    for (int year = 1; year <= 10; ++year)
        line(130 + 30 * year, QStringLiteral("Jahr %1: Restschuld %2 EUR").arg(year).arg(320000 - 6700 * year), 15);
    return painter.end();
}

// Opens the conditions on the advisor's board and marks them up from both sides: a highlighted
// line, an arrow, a frame and a note from the advisor, a tick from the customer (allowed to draw),
// and the customer's pointer. Waits until both boards show everything.
void markUpConditions(WhiteboardPanel *panel, CustomerClient *customer, const QString &pdf)
{
    ConsultationWhiteboard *advisor = panel->whiteboard();
    ConsultationWhiteboard *theirs = customer->consultation()->part<ConsultationWhiteboard>();
    QVERIFY(advisor && theirs);
    panel->openFile(pdf);
    QTRY_VERIFY_WITH_TIMEOUT(advisor->model().shownPage().isValid(), 15000);
    const board::PageKey page = advisor->model().shownPage();
    QTRY_VERIFY_WITH_TIMEOUT(theirs->model().hasPageImage(page), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->pageList()->isDelivered(page), 15000);
    const auto shape = [](wire::BoardTool tool, quint32 color, quint32 width, std::initializer_list<quint32> points,
                          const char *text = nullptr) {
        wire::BoardShape result;
        result.set_tool(tool);
        result.set_color(color);
        result.set_width(width);
        for (const quint32 value : points)
            result.add_points(value);
        if (text)
            result.set_text(text);
        return result;
    };
    const quint32 line = advisor->beginStroke(page, shape(wire::BOARD_TOOL_HIGHLIGHTER, 0xf9a825, 6, {1000, 2940}));
    advisor->extendStroke(line, {QPoint(5000, 2940), QPoint(8500, 2940)});
    advisor->finishStroke(line);
    advisor->draw(page, shape(wire::BOARD_TOOL_RECTANGLE, 0xd32f2f, 4, {5850, 3080, 8650, 3520}));
    advisor->draw(page, shape(wire::BOARD_TOOL_ARROW, 0xd32f2f, 5, {8900, 4700, 8000, 3600}));
    advisor->draw(page, shape(wire::BOARD_TOOL_TEXT, 0x1565c0, 36, {5300, 4800}, "Fest für 10 Jahre"));
    panel->customerMayDrawBox()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(theirs->mayDraw(), 10000);
    const quint32 tick = theirs->beginStroke(page, shape(wire::BOARD_TOOL_PEN, 0x2e7d32, 5, {1100, 5900}));
    theirs->extendStroke(tick, {QPoint(1300, 6150), QPoint(1750, 5650)});
    theirs->finishStroke(tick);
    theirs->movePointer(page, QPoint(3800, 5150), true);
    QTRY_COMPARE_WITH_TIMEOUT(advisor->model().annotations(page).size(), 5, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(advisor->model().pointer(wire::PARTY_CUSTOMER).visible, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->pageList()->isDelivered({page.document, 1}), 15000);
}

} // namespace

class TestAdvisorScreenshots final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_scenario = std::make_unique<Scenario>(
            [](ServerConfig &config) { config.formsDirectory = QStringLiteral(CONSULT_FORM_LIBRARY); });
        QVERIFY(m_scenario->start());
        m_scenario->addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
        m_scenario->addAccount(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein"), 3));
    }
    void cleanupTestCase()
    {
        m_customers.clear();
        m_scenario.reset();
    }

    void loginScreens()
    {
        MemoryTokenStore vault;
        Workstation workstation(*m_scenario, vault);
        QVERIFY(workstation.start());
        shoot(workstation.dialog(), QStringLiteral("login"));

        workstation.submitLogin(QStringLiteral("anna"), QStringLiteral("vertippt"));
        QTRY_VERIFY_WITH_TIMEOUT(!workstation.dialog()->errorText().isEmpty(), 10000);
        shoot(workstation.dialog(), QStringLiteral("login-wrong-password"));

        for (int i = 0; i < 5; ++i) {
            workstation.submitLogin(QStringLiteral("anna"), QStringLiteral("vertippt %1").arg(i));
            QTRY_VERIFY_WITH_TIMEOUT(!workstation.dialog()->errorText().isEmpty(), 10000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(workstation.dialog()->errorText().startsWith(QStringLiteral("Zu viele")), 10000);
        shoot(workstation.dialog(), QStringLiteral("login-throttled"));

        MemoryTokenStore none;
        none.available = false;
        Workstation withoutKeychain(*m_scenario, none);
        QVERIFY(withoutKeychain.start());
        shoot(withoutKeychain.dialog(), QStringLiteral("login-no-keychain"));
    }

    void secondFactorScreens_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("German") << QString();
        QTest::newRow("English") << QStringLiteral("en");
    }

    void secondFactorScreens()
    {
        // A5: the code step (asked, then a wrong code) for "carla", who has a second factor.
        QFETCH(QString, language);
        const QString suffix = language.isEmpty() ? QString() : u'-' + language;
        if (!m_scenario->server().core().advisorStore().findByUsername(QStringLiteral("carla"))) {
            m_scenario->addAccount(account(QStringLiteral("carla"), QStringLiteral("Carla Wendt"), 3));
            QVERIFY(m_scenario->server()
                        .core()
                        .advisorStore()
                        .setTotpSecret(QStringLiteral("carla"), OneTimeCode::newSecret())
                        .value());
        }
        MemoryTokenStore vault;
        Workstation workstation(*m_scenario, vault, language);
        QVERIFY(workstation.start());
        auto *code = workstation.dialog()->findChild<QLineEdit *>(QStringLiteral("oneTimeCode"));
        workstation.submitLogin(QStringLiteral("carla"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(code->isVisible(), 10000);
        shoot(workstation.dialog(), QStringLiteral("login-code") + suffix);
        // A code nobody's app shows (the secret is not known here): refused as wrong.
        QTest::keyClicks(code, QStringLiteral("000000"));
        QTest::keyClick(code, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!workstation.dialog()->errorText().isEmpty(), 10000);
        shoot(workstation.dialog(), QStringLiteral("login-code-wrong") + suffix);
    }

    void workingScreens()
    {
        QTest::qWait(2500); // the throttle of the previous test has passed
        Workstation anna(*m_scenario, m_vault);
        QVERIFY(anna.logIn(QStringLiteral("anna")));
        MainWindow *window = anna.window();
        window->waitingAlert()->setSoundEnabled(false);
        shoot(window, QStringLiteral("empty"));

        // Queue: three waiting, one with a system check result, one wanting video.
        addCustomer(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234"), wire::CONSULTATION_MODE_CHAT);
        addCustomer(QStringLiteral("Max Müller"), QStringLiteral("+49 171 1234567"), wire::CONSULTATION_MODE_VIDEO,
                    passedCheck());
        addCustomer(QStringLiteral("Jana Nowak-Schulz"), QStringLiteral("030 12345678"), wire::CONSULTATION_MODE_CHAT);
        QTRY_COMPARE_WITH_TIMEOUT(window->queuePanel()->view()->model()->rowCount(), 3, 5000);
        QTest::qWait(1500); // waiting times above zero
        window->queuePanel()->view()->selectRow(1);
        shoot(window, QStringLiteral("queue"));

        // Two chats in tabs: a conversation in the front one, unread and typing in the other.
        window->queuePanel()->view()->clearSelection();
        window->queuePanel()->takeNext();
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(window, QStringLiteral("Erika Mustermann")), 5000);
        window->queuePanel()->takeNext();
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(window, QStringLiteral("Max Müller")), 5000);
        ConsultationPanel *erika = panelOf(window, QStringLiteral("Erika Mustermann"));
        ConsultationPanel *max = panelOf(window, QStringLiteral("Max Müller"));
        m_customers[0]->sendChat(QStringLiteral("Guten Tag, ich möchte mein Tageslimit für Kartenzahlungen erhöhen."));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(erika).size(), 2, 5000);
        anna.client()->sendChat(erika->consultationId(),
                                QStringLiteral("Gern. Das geht im Online-Banking unter „Karten“. Soll ich Sie "
                                               "durchführen?"));
        m_customers[0]->sendChat(QStringLiteral("Ja bitte. <b>Wo</b> finde ich das genau?"));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(erika).size(), 4, 5000);
        m_customers[1]->sendChat(QStringLiteral("Hallo, ist jemand da?"));
        m_customers[1]->sendChat(QStringLiteral("Ich habe eine Frage zu meinem Depot."));
        QTRY_COMPARE_WITH_TIMEOUT(max->unread(), 2, 5000);
        m_customers[0]->noteTyping();
        QTRY_VERIFY_WITH_TIMEOUT(!erika->stateLabel()->text().isEmpty(), 5000);
        erika->input()->setPlainText(QStringLiteral("Oben rechts auf „Karten“ und dann"));
        shoot(window, QStringLiteral("chats-tabs"));

        // Canned responses: the menu over the window.
        // The offscreen screen is smaller than the window and would push the menu aside: it is drawn
        // where it opens on a real screen, above its button.
        QMenu *menu = erika->cannedMenu();
        menu->popup(QPoint(0, 0));
        settle();
        auto *button = erika->findChild<QPushButton *>(QStringLiteral("cannedButton"));
        const QPoint at = button->mapTo(window, QPoint(0, 0)) - QPoint(0, menu->height());
        QImage composed = window->grab().toImage();
        {
            QPainter painter(&composed);
            painter.drawPixmap(at, menu->grab());
        }
        save(composed, QStringLiteral("canned-responses"));
        menu->hide();

        // Side by side.
        window->action(QStringLiteral("sideBySide"))->trigger();
        shoot(window, QStringLiteral("chats-side-by-side"));
        window->action(QStringLiteral("sideBySide"))->trigger();

        // Inbox with two messages.
        addCustomer(QStringLiteral("Paul Schmidt"), QStringLiteral("0561 7005555"), wire::CONSULTATION_MODE_CHAT);
        m_customers.back()->leaveMessage(QStringLiteral("Bitte rufen Sie mich wegen meines Dauerauftrags zurück. "
                                                        "Am besten morgen zwischen 9 und 11 Uhr."),
                                         QStringLiteral("0171 2345678"));
        addCustomer(QStringLiteral("Lena Fischer"), QStringLiteral("0561 7006666"), wire::CONSULTATION_MODE_CHAT);
        m_customers.back()->leaveMessage(QStringLiteral("Meine neue Karte ist noch nicht angekommen."));
        QTRY_COMPARE_WITH_TIMEOUT(window->inboxPanel()->count(), 2, 5000);
        window->sideTabs()->setCurrentWidget(window->inboxPanel());
        window->inboxPanel()->view()->selectRow(0);
        shoot(window, QStringLiteral("inbox"));
        window->sideTabs()->setCurrentWidget(window->queuePanel());

        // Transfer: the dialog, then the colleague's window with the chat so far.
        Workstation bernd(*m_scenario, m_vault);
        QVERIFY(bernd.logIn(QStringLiteral("bernd")));
        bernd.window()->waitingAlert()->setSoundEnabled(false);
        QTRY_VERIFY_WITH_TIMEOUT(!anna.client()->colleagues().isEmpty(), 5000);
        window->consultations()->setCurrent(erika);
        whenModalOpens(QStringLiteral("transferDialog"), [](QWidget *modal) {
            auto *dialog = static_cast<TransferDialog *>(modal);
            dialog->list()->setCurrentRow(0);
            settle();
            save(dialog->grab().toImage(), QStringLiteral("transfer-dialog"));
            QTest::mouseClick(dialog->transferButton(), Qt::LeftButton);
        });
        QTest::mouseClick(erika->transferButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(bernd.window(), QStringLiteral("Erika Mustermann")), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(panelOf(bernd.window(), QStringLiteral("Erika Mustermann"))).size(), 5,
                                  5000);
        shoot(bernd.window(), QStringLiteral("transferred-in"));
        QTRY_VERIFY_WITH_TIMEOUT(erika->isEnded(), 5000);
        shoot(window, QStringLiteral("handed-over"));

        // Ending: the confirmation, then the ended state.
        window->consultations()->setCurrent(max);
        whenModalOpens(QStringLiteral("confirmEnd"), [](QWidget *modal) {
            settle();
            save(modal->grab().toImage(), QStringLiteral("end-confirmation"));
            QTest::mouseClick(static_cast<QMessageBox *>(modal)->button(QMessageBox::Yes), Qt::LeftButton);
        });
        QTest::mouseClick(max->endButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(max->isEnded(), 5000);
        shoot(window, QStringLiteral("ended"));

        // English on request.
        window->action(QStringLiteral("languageEn"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window->queuePanel()->takeNextButton()->text(), QStringLiteral("Take &next"), 2000);
        shoot(window, QStringLiteral("english"));
        window->action(QStringLiteral("languageDe"))->trigger();
    }

    void videoScreens()
    {
        // The queue with system checks as ticks, and a video consultation with the chat beside it;
        // in German and in English. The customers' calls run on their own synthetic devices.
        Workstation anna(*m_scenario, m_vault);
        QVERIFY(anna.logIn(QStringLiteral("anna")));
        MainWindow *window = anna.window();
        window->waitingAlert()->setSoundEnabled(false);
        addCustomer(QStringLiteral("Sophie Wagner"), QStringLiteral("0561 7007777"), wire::CONSULTATION_MODE_VIDEO,
                    passedCheck());
        addCustomer(QStringLiteral("Jonas Becker"), QStringLiteral("0561 7008888"), wire::CONSULTATION_MODE_CHAT);
        wire::SystemCheck troubled = passedCheck();
        troubled.set_microphone(wire::CHECK_OUTCOME_FAILED);
        troubled.set_speaker(wire::CHECK_OUTCOME_MISSING);
        troubled.set_connection(wire::CHECK_OUTCOME_TOO_SLOW);
        troubled.set_download_kbps(820);
        troubled.set_upload_kbps(310);
        troubled.set_round_trip_ms(64);
        addCustomer(QStringLiteral("Klaus Weber"), QStringLiteral("0171 5550123"), wire::CONSULTATION_MODE_VIDEO,
                    troubled);
        wire::SystemCheck unchecked;
        unchecked.set_camera(wire::CHECK_OUTCOME_MISSING);
        unchecked.set_microphone(wire::CHECK_OUTCOME_PASSED);
        unchecked.set_speaker(wire::CHECK_OUTCOME_PASSED);
        addCustomer(QStringLiteral("Petra Schulz"), QStringLiteral("0561 7009999"), wire::CONSULTATION_MODE_VIDEO,
                    unchecked);
        CustomerClient *sophie = m_customers[m_customers.size() - 4];
        QTableView *queue = window->queuePanel()->view();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(queue, QStringLiteral("Petra Schulz")) >= 0, 5000); // Jana still waits too
        QTest::qWait(1200);                                                                // waiting times above zero
        queue->selectRow(rowOf(queue, QStringLiteral("Klaus Weber")));
        shoot(window, QStringLiteral("queue-checks"));

        // Sophie Wagner is taken: her picture large, the own preview in its corner, the chat beside.
        queue->selectRow(rowOf(queue, QStringLiteral("Sophie Wagner")));
        window->queuePanel()->takeSelected();
        QVERIFY(m_scenario->awaitConsulting(*anna.client(), *sophie));
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(window, QStringLiteral("Sophie Wagner")), 5000);
        ConsultationPanel *panel = panelOf(window, QStringLiteral("Sophie Wagner"));
        VideoPanel *video = panel->videoPanel();
        QVERIFY(video);
        media::SyntheticMediaDevices sophieDevices;
        VideoCall sophieCall(*sophie->consultation(), sophieDevices, VideoCall::Options{});
        sophieCall.start();
        QTRY_VERIFY_WITH_TIMEOUT(video->remoteView()->hasPicture() && video->localView()->hasPicture(), 15000);
        sophie->sendChat(QStringLiteral("Hallo, sehen Sie mich? Ich möchte über eine Baufinanzierung sprechen."));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(panel).size(), 2, 5000);
        anna.client()->sendChat(panel->consultationId(), QStringLiteral("Ja, ich sehe und höre Sie gut. Gern!"));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(panel).size(), 3, 5000);
        queue->selectRow(rowOf(queue, QStringLiteral("Klaus Weber"))); // video: has to wait
        shoot(window, QStringLiteral("video-consultation"));

        // The customer talks over the telephone: the consultation's code, large.
        sophieCall.setAudioByPhone(true);
        sophieCall.setCameraOn(false);
        QTRY_VERIFY_WITH_TIMEOUT(video->phoneCodeLabel()->isVisible() && !video->remoteView()->hasPicture(), 5000);
        anna.devices().unplug(media::SyntheticMediaDevices::Kind::Microphone);
        QTRY_VERIFY_WITH_TIMEOUT(video->deviceProblemLabel()->isVisible(), 5000);
        shoot(window, QStringLiteral("video-phone"));

        // English.
        window->action(QStringLiteral("languageEn"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window->queuePanel()->takeNextButton()->text(), QStringLiteral("Take &next"), 2000);
        sophieCall.setAudioByPhone(false);
        sophieCall.setCameraOn(true);
        QTRY_VERIFY_WITH_TIMEOUT(video->phoneCodeLabel()->isHidden() && video->remoteView()->hasPicture(), 10000);
        shoot(window, QStringLiteral("video-consultation-en"));
        queue->selectRow(rowOf(queue, QStringLiteral("Jonas Becker")));
        shoot(window->queuePanel(), QStringLiteral("queue-checks-en"));
        window->action(QStringLiteral("languageDe"))->trigger();

        // The video consultation with a document on the board, marked up by both.
        QTRY_COMPARE_WITH_TIMEOUT(window->queuePanel()->takeNextButton()->text(), QStringLiteral("&Nächsten annehmen"),
                                  2000);
        QTemporaryDir files;
        QVERIFY(writeConditionsPdf(files.filePath(QStringLiteral("Konditionen Baufinanzierung.pdf"))));
        markUpConditions(panel->whiteboardPanel(), sophie,
                         files.filePath(QStringLiteral("Konditionen Baufinanzierung.pdf")));
        panel->whiteboardPanel()->canvas()->setFocus();
        shoot(window, QStringLiteral("video-whiteboard"));
        sophieCall.stop();
    }

    void whiteboardScreens()
    {
        // A text chat with the board beside it: a document with annotations, in German and English.
        Workstation anna(*m_scenario, m_vault);
        QVERIFY(anna.logIn(QStringLiteral("anna")));
        MainWindow *window = anna.window();
        window->waitingAlert()->setSoundEnabled(false);
        addCustomer(QStringLiteral("Lena Hoffmann"), QStringLiteral("0561 7004444"), wire::CONSULTATION_MODE_CHAT);
        CustomerClient *lena = m_customers.back();
        QTableView *queue = window->queuePanel()->view();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(queue, QStringLiteral("Lena Hoffmann")) >= 0, 5000);
        queue->selectRow(rowOf(queue, QStringLiteral("Lena Hoffmann")));
        window->queuePanel()->takeSelected();
        QVERIFY(m_scenario->awaitConsulting(*anna.client(), *lena));
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(window, QStringLiteral("Lena Hoffmann")), 5000);
        ConsultationPanel *panel = panelOf(window, QStringLiteral("Lena Hoffmann"));
        window->consultations()->setCurrent(panel);
        lena->sendChat(QStringLiteral("Können Sie mir die Konditionen einmal zeigen?"));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(panel).size(), 2, 5000);
        anna.client()->sendChat(panel->consultationId(),
                                QStringLiteral("Gern, ich lege Ihnen das Angebot auf die Tafel. Die wichtigen Punkte "
                                               "markiere ich Ihnen."));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(panel).size(), 3, 5000);
        QTemporaryDir files;
        QVERIFY(writeConditionsPdf(files.filePath(QStringLiteral("Konditionen Baufinanzierung.pdf"))));
        markUpConditions(panel->whiteboardPanel(), lena,
                         files.filePath(QStringLiteral("Konditionen Baufinanzierung.pdf")));
        shoot(window, QStringLiteral("whiteboard"));

        // A refused file's reason, in words.
        QFile executable(files.filePath(QStringLiteral("Rechnung.pdf")));
        QVERIFY(executable.open(QIODevice::WriteOnly));
        executable.write(QByteArray("MZ\x90\x00", 4) + QByteArray(512, '\0'));
        executable.close();
        panel->whiteboardPanel()->openFile(executable.fileName());
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->whiteboardPanel()->messageLabel()->text().contains(QStringLiteral("wird nicht gezeigt")), 10000);
        shoot(panel->whiteboardPanel(), QStringLiteral("whiteboard-refused"));

        window->action(QStringLiteral("languageEn"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window->queuePanel()->takeNextButton()->text(), QStringLiteral("Take &next"), 2000);
        shoot(window, QStringLiteral("whiteboard-en"));
        window->action(QStringLiteral("languageDe"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window->queuePanel()->takeNextButton()->text(), QStringLiteral("&Nächsten annehmen"),
                                  2000);
    }

    void documentsAndFormsScreens()
    {
        m_scenario->addAccount(account(QStringLiteral("clara"), QStringLiteral("Clara Vogt"), 3));
        Workstation clara(*m_scenario, m_vault);
        QVERIFY(clara.logIn(QStringLiteral("clara")));
        MainWindow *window = clara.window();
        window->waitingAlert()->setSoundEnabled(false);
        addCustomer(QStringLiteral("Jonas Weber"), QStringLiteral("0561 7005555"), wire::CONSULTATION_MODE_CHAT);
        CustomerClient *jonas = m_customers.back();
        QTableView *queue = window->queuePanel()->view();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(queue, QStringLiteral("Jonas Weber")) >= 0, 5000);
        queue->selectRow(rowOf(queue, QStringLiteral("Jonas Weber")));
        window->queuePanel()->takeSelected();
        QVERIFY(m_scenario->awaitConsulting(*clara.client(), *jonas));
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(window, QStringLiteral("Jonas Weber")), 5000);
        ConsultationPanel *panel = panelOf(window, QStringLiteral("Jonas Weber"));
        window->consultations()->setCurrent(panel);
        jonas->sendChat(QStringLiteral("Ich schicke Ihnen meinen Gehaltsnachweis für die Finanzierung."));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(panel).size(), 2, 5000);
        clara.client()->sendChat(panel->consultationId(),
                                 QStringLiteral("Danke! Ich sende Ihnen den Grundriss und gleich das Formular für "
                                                "den Dauerauftrag."));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(panel).size(), 3, 5000);

        // The customer's PDF arrives while the area is hidden: the badge counts it.
        QTemporaryDir files;
        QVERIFY(writeConditionsPdf(files.filePath(QStringLiteral("Gehaltsnachweis November.pdf"))));
        ConsultationDocuments *theirs = jonas->consultation()->part<ConsultationDocuments>();
        QVERIFY(theirs);
        QVERIFY(theirs->upload(files.filePath(QStringLiteral("Gehaltsnachweis November.pdf"))) != 0);
        QTRY_COMPARE_WITH_TIMEOUT(panel->exchangeBadge(), 1, 20000);
        shoot(window, QStringLiteral("documents-badge"));

        QTest::mouseClick(panel->exchangeButton(), Qt::LeftButton);
        DocumentsPanel *documents = panel->documentsPanel();
        QVERIFY(writeNoise(files.filePath(QStringLiteral("Grundriss Erdgeschoss.png")), 200));
        documents->sendFile(files.filePath(QStringLiteral("Grundriss Erdgeschoss.png")));
        QTRY_COMPARE_WITH_TIMEOUT(documents->list()->topLevelItemCount(), 2, 20000);
        QFile executable(files.filePath(QStringLiteral("Kontoauszug.pdf")));
        QVERIFY(executable.open(QIODevice::WriteOnly));
        executable.write(QByteArray("MZ\x90\x00", 4) + QByteArray(512, '\0'));
        executable.close();
        documents->sendFile(executable.fileName());
        QTRY_VERIFY_WITH_TIMEOUT(documents->messageLabel()->text().contains(QStringLiteral("Kontoauszug")), 10000);
        QVERIFY(writeNoise(files.filePath(QStringLiteral("Fotos Wohnung.png")), 1700));
        shootWhileSending(window, documents, files.filePath(QStringLiteral("Fotos Wohnung.png")),
                          QStringLiteral("documents"));

        // The picker, then the form filled in by the customer with the IBAN not yet released.
        FormsPanel *forms = panel->formsPanel();
        panel->exchangeArea()->setCurrentWidget(forms);
        whenModalOpens(QStringLiteral("formPicker"), [](QWidget *modal) {
            auto *picker = qobject_cast<FormPicker *>(modal);
            QVERIFY(picker);
            QVERIFY(picker->selectForm(QStringLiteral("dauerauftrag_anfrage")));
            shoot(picker, QStringLiteral("form-picker"));
            picker->buttons()->button(QDialogButtonBox::Ok)->click();
        });
        QTest::mouseClick(forms->sendButton(), Qt::LeftButton);
        ConsultationForms *theirForms = jonas->consultation()->part<ConsultationForms>();
        QVERIFY(theirForms);
        QTRY_COMPARE_WITH_TIMEOUT(theirForms->forms().size(), 1, 10000);
        const QString instance = QString::fromStdString(theirForms->forms().first().instance_id());
        const auto value = [](const char *key, const QString &text) {
            wire::FormValue formValue;
            formValue.set_key(key);
            formValue.set_value(text.toStdString());
            return formValue;
        };
        QVERIFY(theirForms
                    ->submit(instance, {value("payee", QStringLiteral("Hausverwaltung Kanarienweg GmbH")),
                                        value("iban", QStringLiteral("DE89 3704 0044 0532 0130 00")),
                                        value("amount", QStringLiteral("1.250,50")),
                                        value("first_execution", QStringLiteral("1.2.2027")),
                                        value("interval", QStringLiteral("monatlich")),
                                        value("reference", QStringLiteral("Miete Kanarienweg 7, 2. OG links"))})
                    .accepted());
        QTRY_VERIFY_WITH_TIMEOUT(forms->view()->valueText(QStringLiteral("iban")).contains(QStringLiteral("●●●●")),
                                 10000);
        shoot(window, QStringLiteral("form-masked"));

        // English: the same screens.
        window->action(QStringLiteral("languageEn"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window->queuePanel()->takeNextButton()->text(), QStringLiteral("Take &next"), 2000);
        shoot(window, QStringLiteral("form-masked-en"));
        whenModalOpens(QStringLiteral("formPicker"), [](QWidget *modal) {
            auto *picker = qobject_cast<FormPicker *>(modal);
            QVERIFY(picker);
            QVERIFY(picker->selectForm(QStringLiteral("dauerauftrag_anfrage")));
            shoot(picker, QStringLiteral("form-picker-en"));
            picker->reject();
        });
        QTest::mouseClick(forms->sendButton(), Qt::LeftButton);
        panel->exchangeArea()->setCurrentWidget(documents);
        documents->sendFile(executable.fileName());
        QTRY_VERIFY_WITH_TIMEOUT(documents->messageLabel()->text().contains(QStringLiteral("Kontoauszug")) &&
                                     documents->messageLabel()->text().contains(QStringLiteral("not sent")),
                                 10000);
        shootWhileSending(window, documents, files.filePath(QStringLiteral("Fotos Wohnung.png")),
                          QStringLiteral("documents-en"));
        window->action(QStringLiteral("languageDe"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window->queuePanel()->takeNextButton()->text(), QStringLiteral("&Nächsten annehmen"),
                                  2000);
    }

private:
    // Noise does not compress: a PNG of about 3 bytes a pixel.
    static bool writeNoise(const QString &path, int side)
    {
        QImage image(side, side, QImage::Format_RGB32);
        QRandomGenerator random(side);
        for (int y = 0; y < side; ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < side; ++x)
                line[x] = random.generate() | 0xff000000u;
        }
        return image.save(path, "PNG");
    }

    // Sends `path` and takes the picture while its transfer runs (on its first progress short of the
    // end: the loopback is too quick to catch it from outside).
    static void shootWhileSending(QWidget *window, DocumentsPanel *documents, const QString &path, const QString &name)
    {
        QImage picture;
        const QMetaObject::Connection connection = QObject::connect(
            documents->documents(), &ConsultationDocuments::transferProgress, documents,
            [&picture, window, documents](quint32 id, qint64 done, qint64 total) {
                if (!picture.isNull() || done <= total / 5 || done >= total || !documents->progressOf(id))
                    return;
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
                picture = window->grab().toImage();
            });
        documents->sendFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(!picture.isNull(), 30000);
        QObject::disconnect(connection);
        save(picture, name);
        QTRY_VERIFY_WITH_TIMEOUT(documents->messageLabel()->text().contains(QStringLiteral("Fotos")), 30000);
    }

    static int rowOf(QTableView *view, const QString &name)
    {
        for (int row = 0; row < view->model()->rowCount(); ++row)
            if (view->model()->index(row, AdvisorQueueModel::NameColumn).data().toString() == name)
                return row;
        return -1;
    }

    static wire::SystemCheck passedCheck()
    {
        wire::SystemCheck check;
        check.set_camera(wire::CHECK_OUTCOME_PASSED);
        check.set_microphone(wire::CHECK_OUTCOME_PASSED);
        check.set_speaker(wire::CHECK_OUTCOME_PASSED);
        check.set_connection(wire::CHECK_OUTCOME_PASSED);
        check.set_download_kbps(24'000);
        check.set_upload_kbps(4'800);
        check.set_round_trip_ms(28);
        return check;
    }

    void addCustomer(const QString &name, const QString &phone, wire::ConsultationMode mode,
                     std::optional<wire::SystemCheck> systemCheck = std::nullopt)
    {
        CustomerSpec spec = CustomerSpec::named(name, phone);
        spec.mode = mode;
        spec.systemCheck = systemCheck;
        CustomerClient *customer = m_scenario->waitingCustomer(spec);
        QVERIFY(customer);
        m_customers.push_back(customer);
    }

    std::unique_ptr<Scenario> m_scenario;
    MemoryTokenStore m_vault;
    std::vector<CustomerClient *> m_customers;
};

CONSULT_WIDGET_TEST_MAIN(TestAdvisorScreenshots)
#include "TestAdvisorScreenshots.moc"
