// The whiteboard in the customer app (seed 001 step 7, issue 11): the real customer window against a
// real in-process server (real TLS), the advisor scripted through the client library. The advisor
// opens a 3-page PDF generated here and marks it up; the customer's canvas shows the page, the
// stroke and the pointer in its pixels; "Als PDF speichern" writes the pages with the annotation,
// during the consultation and from the end screen after it; the drawing tools appear only while
// the advisor allows drawing, and a customer's stroke reaches the advisor's board.
#include "BoardFlow.h"
#include "CustomerAppFixture.h"
#include "CustomerTestMain.h"
#include "EndPage.h"
#include "support/FileAnswers.h"
#include "whiteboard/WhiteboardPanel.h"
#include "widgets/Announcer.h"

#include <QLabel>
#include <QMouseEvent>
#include <QPdfDocument>
#include <QTemporaryDir>
#include <QToolButton>

using namespace consult;
using namespace consult::testing;
using Phase = CustomerClient::Phase;
using Tool = BoardCanvas::Tool;

namespace {

// Page 2 of the test document, and where the advisor's stroke goes on it.
constexpr quint32 kStrokeX0 = 2000;
constexpr quint32 kStrokeX1 = 8000;
constexpr quint32 kStrokeY = 6000;

// A consultation in the text chat with a whiteboard on both sides.
struct BoardConsultation
{
    Scenario scenario;
    AdvisorClient *advisor = nullptr;
    std::unique_ptr<CustomerApp> app;
    AdvisorConsultation *theirs = nullptr;
    ConsultationWhiteboard *advisorBoard = nullptr;
    QTemporaryDir files;
    quint32 document = 0;

    void start()
    {
        QVERIFY(scenario.start());
        advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        app = std::make_unique<CustomerApp>(scenario.endpoint());
        CUSTOMER_STEP(
            consultingWith(scenario, *advisor, *app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        theirs = consultationOf(*advisor, *app);
        QVERIFY(theirs);
        advisorBoard = theirs->part<ConsultationWhiteboard>();
        QVERIFY2(advisorBoard, "the advisor's consultation has no whiteboard part");
    }
    customer::WhiteboardPanel *panel() const { return (*app)->consultationPage()->whiteboardPanel(); }
    ConsultationWhiteboard *customerBoard() const { return panel()->whiteboard(); }

    // The advisor opens the 3-page PDF and shows page 1, then page 2.
    void openThreePagesAndShowTheSecond()
    {
        const QString pdf = files.filePath(QStringLiteral("Kreditangebot.pdf"));
        QVERIFY(writeTestPdf(pdf, 3));
        document = openDocument(*advisorBoard, pdf);
        QVERIFY(document != 0);
        advisorBoard->showPage({document, 0});
        advisorBoard->showPage({document, 1});
        QTRY_VERIFY_WITH_TIMEOUT(panel()->isVisible(), 10000);
        QVERIFY(customerBoard());
        QTRY_VERIFY_WITH_TIMEOUT(customerBoard()->model().hasPageImage({document, 1}), 20000);
        QTRY_COMPARE(customerBoard()->model().shownPage(), (board::PageKey{document, 1}));
    }

    // The advisor draws the red line on page 2 and the customer's board has it.
    void strokeOnPageTwo()
    {
        const board::PageKey page{document, 1};
        drawLine(*advisorBoard, page, kStrokeX0, kStrokeX1, kStrokeY);
        QTRY_VERIFY_WITH_TIMEOUT(!customerBoard()->model().annotations(page).isEmpty() &&
                                     customerBoard()->model().annotations(page).constFirst().shape.points_size() >= 4,
                                 10000);
        QTRY_VERIFY(!advisorBoard->model().annotations(page).isEmpty() &&
                    !advisorBoard->model().annotations(page).constFirst().pending);
    }
};

// Everything announced to screen readers (Announcer) while it lives.
struct Announcements
{
    QStringList texts;
    QMetaObject::Connection connection;
    Announcements()
    {
        connection = QObject::connect(&Announcer::instance(), &Announcer::announced,
                                      [this](QWidget *, const QString &text) { texts.append(text); });
    }
    ~Announcements() { QObject::disconnect(connection); }
};

// Checks the PDF at `path`: `pages` pages, and the stroke on page `strokePage` in its pixels.
void verifyExport(const QString &path, int pages, int strokePage)
{
    QPdfDocument pdf;
    QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
    QCOMPARE(pdf.pageCount(), pages);
    const QImage page = renderPdfPage(pdf, strokePage);
    QVERIFY(!page.isNull());
    QVERIFY2(showsStroke(page, kStrokeX0, kStrokeX1, kStrokeY), "the stroke is not on the exported page");
    // The page without annotation has no red where the stroke is on the other.
    if (pages > 1) {
        const QImage other = renderPdfPage(pdf, strokePage == 0 ? 1 : 0);
        QVERIFY(!pageRectIn(other).isEmpty());
        QVERIFY(!showsStroke(other, kStrokeX0, kStrokeX1, kStrokeY));
    }
}

// Presses, drags and releases the left button across `widget`, as a hand with a mouse would.
void drag(QWidget *widget, QPoint from, QPoint to)
{
    const auto send = [widget](QEvent::Type type, QPoint at, Qt::MouseButton button, Qt::MouseButtons buttons) {
        QMouseEvent event(type, QPointF(at), QPointF(widget->mapToGlobal(at)), button, buttons, Qt::NoModifier);
        QApplication::sendEvent(widget, &event);
    };
    send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    constexpr int kSteps = 12;
    for (int step = 1; step <= kSteps; ++step) {
        send(QEvent::MouseMove, from + (to - from) * step / kSteps, Qt::NoButton, Qt::LeftButton);
        QTest::qWait(5); // the canvas sends a growing stroke in steps of time, as a hand draws
    }
    send(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

} // namespace

class TestCustomerWhiteboard final : public QObject
{
    Q_OBJECT
private slots:
    void theCanvasShowsTheAdvisorsPageStrokeAndPointer()
    {
        BoardConsultation board;
        CUSTOMER_STEP(board.start());
        customer::WhiteboardPanel *panel = board.panel();
        QVERIFY(!panel->isVisible()); // nothing shown before the advisor opens a document
        Announcements announced;
        CUSTOMER_STEP(board.openThreePagesAndShowTheSecond());
        QCOMPARE(panel->titleLabel()->text(), QStringLiteral("Kreditangebot.pdf"));
        QTRY_COMPARE(panel->pageLabel()->text(), QStringLiteral("Seite 2 von 3"));
        QVERIFY2(announced.texts.contains(QStringLiteral("Anna Berger zeigt Ihnen ein Dokument: Kreditangebot.pdf")),
                 qPrintable(announced.texts.join(u'|')));
        QVERIFY(!panel->toolBox()->isVisible()); // the customer may not draw yet

        CUSTOMER_STEP(board.strokeOnPageTwo());
        QTRY_VERIFY_WITH_TIMEOUT(showsStroke(panel->canvas()->grab().toImage(), kStrokeX0, kStrokeX1, kStrokeY), 5000);

        // The advisor's pointer, live.
        const QImage before = panel->canvas()->grab().toImage();
        board.advisorBoard->movePointer({board.document, 1}, QPoint(5000, 2500), true);
        QTRY_VERIFY_WITH_TIMEOUT(board.customerBoard()->model().pointer(wire::PARTY_ADVISOR).visible, 5000);
        QTRY_VERIFY(differsAround(before, panel->canvas()->grab().toImage(), 5000, 2500));

        // Zoom in and back to the whole page.
        QTest::mouseClick(panel->zoomInButton(), Qt::LeftButton);
        QVERIFY(panel->canvas()->zoom() > 1.0);
        QTest::mouseClick(panel->zoomFitButton(), Qt::LeftButton);
        QCOMPARE(panel->canvas()->zoom(), 1.0);
    }

    void savesTheMarkedUpPagesAsPdfDuringTheConsultation()
    {
        BoardConsultation board;
        CUSTOMER_STEP(board.start());
        CUSTOMER_STEP(board.openThreePagesAndShowTheSecond());
        CUSTOMER_STEP(board.strokeOnPageTwo());
        customer::WhiteboardPanel *panel = board.panel();
        QTRY_VERIFY(panel->saveButton()->isEnabled());
        QTemporaryDir saveTo;
        const QString path = saveTo.filePath(QStringLiteral("unterlagen.pdf"));
        answerFilesWith(panel->fileChooser(), {path});
        QTest::mouseClick(panel->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(QFile::exists(path));
        QVERIFY(panel->saveStatusLabel()->isVisible());
        QVERIFY(panel->saveStatusLabel()->text().contains(QStringLiteral("unterlagen.pdf")));
        // Pages 1 and 2 were shown; the stroke is on page 2.
        CUSTOMER_STEP(verifyExport(path, 2, 1));
    }

    void theEndScreenSavesTheBoardAfterTheConsultationEnded()
    {
        BoardConsultation board;
        CUSTOMER_STEP(board.start());
        CUSTOMER_STEP(board.openThreePagesAndShowTheSecond());
        CUSTOMER_STEP(board.strokeOnPageTwo());
        board.advisor->endConsultation(board.theirs->id);
        QTRY_COMPARE_WITH_TIMEOUT(board.app->phase(), Phase::Ended, 10000);
        customer::EndPage *end = (*board.app)->endPage();
        QCOMPARE((*board.app)->pages()->currentWidget(), static_cast<QWidget *>(end));
        QVERIFY(end->saveBoardButton()->isVisible());
        QTemporaryDir saveTo;
        const QString path = saveTo.filePath(QStringLiteral("nachher.pdf"));
        answerFilesWith(end->fileChooser(), {path});
        QTest::mouseClick(end->saveBoardButton(), Qt::LeftButton);
        QTRY_VERIFY(QFile::exists(path));
        CUSTOMER_STEP(verifyExport(path, 2, 1));
        // Leaving the end screen forgets the pages (P1, C4).
        QTest::mouseClick(end->homeButton(), Qt::LeftButton);
        QVERIFY(!end->board());
    }

    void aChatWithoutDocumentOffersNoBoardOnTheEndScreen()
    {
        BoardConsultation board;
        CUSTOMER_STEP(board.start());
        board.advisor->endConsultation(board.theirs->id);
        QTRY_COMPARE_WITH_TIMEOUT(board.app->phase(), Phase::Ended, 10000);
        QVERIFY(!(*board.app)->endPage()->board());
        QVERIFY(!(*board.app)->endPage()->saveBoardButton()->isVisible());
    }

    void drawingToolsOnlyWhileAllowedAndTheCustomersStrokeReachesTheAdvisor()
    {
        BoardConsultation board;
        CUSTOMER_STEP(board.start());
        CUSTOMER_STEP(board.openThreePagesAndShowTheSecond());
        customer::WhiteboardPanel *panel = board.panel();
        QVERIFY(!panel->toolBox()->isVisible());
        QVERIFY(!panel->permissionLabel()->isVisible());

        Announcements announced;
        board.advisorBoard->setCustomerMayDraw(true);
        QTRY_VERIFY_WITH_TIMEOUT(panel->toolBox()->isVisible(), 10000);
        QVERIFY(panel->permissionLabel()->isVisible());
        QCOMPARE(panel->permissionLabel()->text(), QStringLiteral("Sie dürfen jetzt mitzeichnen."));
        QTRY_VERIFY(announced.texts.contains(QStringLiteral("Sie dürfen jetzt mitzeichnen.")));

        // The customer draws with the pen across the page; the advisor's board gets the stroke.
        QTest::mouseClick(panel->toolButton(Tool::Pen), Qt::LeftButton);
        QCOMPARE(panel->canvas()->tool(), Tool::Pen);
        const QRect page = pageRectIn(panel->canvas()->grab().toImage());
        QVERIFY(!page.isEmpty());
        const qreal ratio = panel->canvas()->devicePixelRatioF();
        const QPoint from = atPageUnits(page, 2500, 3000) / ratio;
        const QPoint to = atPageUnits(page, 7500, 3000) / ratio;
        drag(panel->canvas(), from, to);
        const board::PageKey shown{board.document, 1};
        const auto customerMarks = [&] {
            int count = 0;
            for (const board::Annotation &annotation : board.advisorBoard->model().annotations(shown))
                count += annotation.author == wire::PARTY_CUSTOMER ? 1 : 0;
            return count;
        };
        QTRY_COMPARE_WITH_TIMEOUT(customerMarks(), 1, 10000);

        // Withdrawn: the tools go, and it is said.
        announced.texts.clear();
        board.advisorBoard->setCustomerMayDraw(false);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->toolBox()->isVisible(), 10000);
        QVERIFY(!panel->permissionLabel()->isVisible());
        QCOMPARE(panel->canvas()->tool(), Tool::Pointer);
        QTRY_VERIFY(announced.texts.contains(QStringLiteral("Sie dürfen nicht mehr mitzeichnen.")));
        // A drag now draws nothing: the advisor still has the one stroke.
        // A chat line after it travels behind anything the drag sent on the same reliable channel.
        drag(panel->canvas(), from + QPoint(0, 40), to + QPoint(0, 40));
        const int advisorLines = board.theirs->chat->rowCount();
        (*board.app)->client()->sendChat(QStringLiteral("Danke, das war alles."));
        QTRY_COMPARE_WITH_TIMEOUT(board.theirs->chat->rowCount(), advisorLines + 1, 10000);
        QCOMPARE(customerMarks(), 1);
    }
};

CUSTOMER_TEST_MAIN(TestCustomerWhiteboard)
#include "TestCustomerWhiteboard.moc"
