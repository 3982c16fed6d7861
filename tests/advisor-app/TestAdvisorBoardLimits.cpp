// The advisor's whiteboard panel at the server's [whiteboard] limits (issue 11), through the real
// widgets against a real in-process server configured small, with real TLS and a scripted customer:
// a document over the page or document limit is refused by the app with its reason before anything
// is sent (the app learnt the limits at log-in); a limit only the server checks (annotations) shows
// the LIMIT_REACHED wording in German and in English; and a refusal already on screen is said again
// in the other language when the advisor switches.
#include "MemoryTokenStore.h"
#include "WorkstationFixture.h"
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "whiteboard/WhiteboardPanel.h"

#include <QAction>
#include <QImage>
#include <QLabel>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::CustomerSpec;
using consult::testing::Scenario;

namespace {

constexpr int kMaxDocuments = 1;
constexpr int kMaxPages = 2;
constexpr int kMaxOperations = 2;

bool writePdf(const QString &path, int pages)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    for (int page = 1; page <= pages; ++page) {
        if (page > 1)
            writer.newPage();
        painter.fillRect(QRect(40, 100 * page, 500, 40), QColor(0x99, 0x99, 0x99));
    }
    return painter.end();
}

wire::BoardShape arrow()
{
    wire::BoardShape shape;
    shape.set_tool(wire::BOARD_TOOL_ARROW);
    shape.set_color(0x1565c0);
    shape.set_width(6);
    for (const quint32 value : {1000u, 1000u, 4000u, 3000u})
        shape.add_points(value);
    return shape;
}

} // namespace

class TestAdvisorBoardLimits final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_files.isValid());
        m_scenario = std::make_unique<Scenario>([](ServerConfig &config) {
            config.whiteboardMaxDocuments = kMaxDocuments;
            config.whiteboardMaxPages = kMaxPages;
            config.whiteboardMaxOperations = kMaxOperations;
        });
        QVERIFY(m_scenario->start());
        m_scenario->addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
        m_workstation = std::make_unique<Workstation>(*m_scenario, m_vault);
        QVERIFY(m_workstation->logIn(QStringLiteral("anna")));
        m_window = m_workstation->window();
        m_window->waitingAlert()->setSoundEnabled(false);
        m_customer = m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Erika Mustermann")));
        QVERIFY(m_customer);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 1, 5000);
        QTest::mouseClick(m_window->queuePanel()->takeNextButton(), Qt::LeftButton);
        QVERIFY(m_scenario->awaitConsulting(*m_workstation->client(), *m_customer));
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Erika Mustermann")), 5000);
        ConsultationPanel *consultation = panelOf(m_window, QStringLiteral("Erika Mustermann"));
        QTest::mouseClick(consultation->boardButton(), Qt::LeftButton);
        m_panel = consultation->whiteboardPanel();
        QVERIFY(m_panel && m_panel->isVisible());
        m_board = m_customer->consultation()->part<ConsultationWhiteboard>();
        QVERIFY(m_board);
    }
    void cleanup()
    {
        m_panel = nullptr;
        m_board = nullptr;
        m_workstation.reset();
        m_scenario.reset();
    }

    void aDocumentOverThePageLimitIsRefusedByTheAppAndNothingIsSent()
    {
        const QString path = m_files.filePath(QStringLiteral("Drei Seiten.pdf"));
        QVERIFY(writePdf(path, kMaxPages + 1));
        m_panel->openFile(path);
        const QString german =
            QStringLiteral("„Drei Seiten.pdf“ wird nicht gezeigt: Das Dokument hat mehr Seiten, als das "
                           "Whiteboard aufnehmen kann.");
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->messageLabel()->text(), german, 15000);
        QVERIFY(m_panel->messageLabel()->isVisible());
        // The app's own refusal, not the server's: the advisor's board never had the document.
        QVERIFY(m_panel->whiteboard()->model().documents().isEmpty());
        // Nothing went out: a chat line sent afterwards arrives, and the customer's board is empty.
        sendChatAndAwaitIt();
        QVERIFY(m_board->model().documents().isEmpty());

        // The refusal on screen follows the language (stored as its reason, not as its text).
        m_window->action(QStringLiteral("languageEn"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->messageLabel()->text(),
                                  QStringLiteral("“Drei Seiten.pdf” is not shown: The document has more pages than "
                                                 "the whiteboard can take."),
                                  5000);
        m_window->action(QStringLiteral("languageDe"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->messageLabel()->text(), german, 5000);
    }

    void aDocumentOverTheDocumentLimitIsRefusedByTheApp()
    {
        const QString first = m_files.filePath(QStringLiteral("Angebot.pdf"));
        QVERIFY(writePdf(first, 1));
        m_panel->openFile(first);
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().documents().size(), 1, 15000);
        awaitUploadsDone();
        QImage image(300, 200, QImage::Format_RGB32);
        image.fill(QColor(0x20, 0x80, 0x20));
        const QString second = m_files.filePath(QStringLiteral("Grafik.png"));
        QVERIFY(image.save(second));
        m_panel->openFile(second);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->messageLabel()->text(),
                                  QStringLiteral("„Grafik.png“ wird nicht gezeigt: Auf der Tafel dieser Beratung sind "
                                                 "schon so viele Dokumente, wie erlaubt sind."),
                                  15000);
        QCOMPARE(m_panel->whiteboard()->model().documents().size(), 1);
        sendChatAndAwaitIt();
        QCOMPARE(m_board->model().documents().size(), 1);
    }

    // A limit only the server checks: the LIMIT_REACHED wording, in German, then said again in
    // English on the switch, and a new refusal while English comes in English.
    void theServersAnnotationLimitIsSaidInGermanAndEnglish()
    {
        const QString path = m_files.filePath(QStringLiteral("Angebot.pdf"));
        QVERIFY(writePdf(path, 1));
        m_panel->openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->whiteboard()->model().shownPage().isValid(), 15000);
        const board::PageKey page = m_panel->whiteboard()->model().shownPage();
        awaitUploadsDone();
        for (int i = 0; i < kMaxOperations; ++i)
            m_panel->whiteboard()->draw(page, arrow());
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().annotations(page).size(), kMaxOperations, 10000);
        m_panel->whiteboard()->draw(page, arrow());
        const QString german =
            QStringLiteral("Grenze erreicht: Auf der Tafel sind so viele Markierungen, wie erlaubt sind.");
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->messageLabel()->text(), german, 10000);
        QVERIFY(m_panel->messageLabel()->isVisible());

        const QString english = QStringLiteral("Limit reached: the whiteboard has as many marks as allowed.");
        m_window->action(QStringLiteral("languageEn"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->messageLabel()->text(), english, 5000);

        // Refused while the app speaks English: said in English from the start.
        m_panel->messageLabel()->clear();
        m_panel->whiteboard()->draw(page, arrow());
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->messageLabel()->text(), english, 10000);
        QCOMPARE(m_board->model().annotations(page).size(), kMaxOperations);
    }

private:
    // The customer has every page and the panel's progress is over (it would replace a message).
    void awaitUploadsDone()
    {
        for (const board::Document &document : m_panel->whiteboard()->model().documents())
            for (int i = 0; i < document.pageSizes.size(); ++i)
                QTRY_VERIFY_WITH_TIMEOUT(m_board->model().hasPageImage({document.id, quint32(i)}), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->progressBar()->isHidden(), 15000);
    }

    void sendChatAndAwaitIt()
    {
        const int before = m_customer->chat()->rowCount();
        m_workstation->client()->sendChat(panelOf(m_window, QStringLiteral("Erika Mustermann"))->consultationId(),
                                          QStringLiteral("Einen Moment bitte."));
        QTRY_VERIFY_WITH_TIMEOUT(m_customer->chat()->rowCount() > before, 10000);
    }

    QTemporaryDir m_files;
    std::unique_ptr<Scenario> m_scenario;
    MemoryTokenStore m_vault;
    std::unique_ptr<Workstation> m_workstation;
    MainWindow *m_window = nullptr;
    CustomerClient *m_customer = nullptr;
    WhiteboardPanel *m_panel = nullptr;
    ConsultationWhiteboard *m_board = nullptr;
};

CONSULT_WIDGET_TEST_MAIN(TestAdvisorBoardLimits)
#include "TestAdvisorBoardLimits.moc"
