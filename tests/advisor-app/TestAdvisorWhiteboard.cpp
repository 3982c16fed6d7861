// The whiteboard in the advisor workstation (issue 11, advisor app), through its real widgets against
// a real in-process server with real TLS and a scripted customer: a 3-page PDF made in the test is
// opened through "Dokument öffnen …", page 2 is shown with the "next" button and a stroke drawn with
// the mouse on the canvas; the customer's board (the shared canvas over the customer's client) shows
// page 2 and the stroke in its pixels, and the thumbnails say what the customer has. "Kunde darf
// zeichnen" decides what the server accepts from the customer; a file that is not what its name says
// is refused with its reason in the panel and nothing reaches the customer; clearing a page asks first.
#include "MemoryTokenStore.h"
#include "WorkstationFixture.h"
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "support/FileAnswers.h"
#include "whiteboard/BoardPainter.h"
#include "whiteboard/PageList.h"
#include "whiteboard/WhiteboardPanel.h"
#include "widgets/BoardCanvas.h"
#include "widgets/BoardToolBar.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::CustomerSpec;
using consult::testing::Scenario;

namespace {

// Three A4 pages, each with its number large and a grey band, so each page looks different.
bool writeThreePagePdf(const QString &path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    for (int page = 1; page <= 3; ++page) {
        if (page > 1)
            writer.newPage();
        QFont font = painter.font();
        font.setPixelSize(60);
        painter.setFont(font);
        painter.drawText(QRect(40, 40, 500, 100), Qt::AlignLeft, QStringLiteral("Seite %1").arg(page));
        painter.fillRect(QRect(40, 200 + 100 * page, 500, 40), QColor(0x99, 0x99, 0x99));
    }
    return painter.end();
}

bool reddish(QRgb pixel)
{
    return qRed(pixel) > 150 && qGreen(pixel) < 110 && qBlue(pixel) < 110;
}

} // namespace

class TestAdvisorWhiteboard final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_files.isValid());
        QVERIFY(writeThreePagePdf(m_files.filePath(QStringLiteral("Konditionen.pdf"))));
        m_scenario = std::make_unique<Scenario>();
        QVERIFY(m_scenario->start());
        m_scenario->addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
        m_workstation = std::make_unique<Workstation>(*m_scenario, m_vault);
        QVERIFY(m_workstation->logIn(QStringLiteral("anna")));
        m_window = m_workstation->window();
        m_window->waitingAlert()->setSoundEnabled(false);
        m_window->activateWindow();
        m_customer = m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Erika Mustermann")));
        QVERIFY(m_customer);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 1, 5000);
        QTest::mouseClick(m_window->queuePanel()->takeNextButton(), Qt::LeftButton);
        QVERIFY(m_scenario->awaitConsulting(*m_workstation->client(), *m_customer));
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Erika Mustermann")), 5000);
        ConsultationPanel *consultation = panelOf(m_window, QStringLiteral("Erika Mustermann"));
        m_panel = consultation->whiteboardPanel();
        QVERIFY(m_panel);
        // A chat's board waits behind "Tafel" until the advisor opens it.
        QVERIFY(!m_panel->isVisible());
        QTest::mouseClick(consultation->boardButton(), Qt::LeftButton);
        QVERIFY(m_panel->isVisible());
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

    void theAdvisorShowsPageTwoAndDrawsAndTheCustomerSeesBoth()
    {
        openThroughTheDialog(m_files.filePath(QStringLiteral("Konditionen.pdf")));
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().documents().size(), 1, 15000);
        const quint32 id = m_board->model().documents().first().id;
        QCOMPARE(m_board->model().documents().first().pageSizes.size(), 3);
        QCOMPARE(m_board->model().documents().first().title, QStringLiteral("Konditionen.pdf"));
        // The first page is shown at once; the thumbnails list the three pages.
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().shownPage(), (board::PageKey{id, 0}), 10000);
        PageList *pages = m_panel->pageList();
        QVERIFY(pages->rowOf({id, 2}) > pages->rowOf({id, 1}) && pages->rowOf({id, 1}) > pages->rowOf({id, 0}));
        QVERIFY(pages->stateText({id, 0}).contains(QStringLiteral("gezeigt")));

        // Page 2 with the "next" button.
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->nextButton()->isEnabled(), 5000);
        QTest::mouseClick(m_panel->nextButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().shownPage(), (board::PageKey{id, 1}), 10000);
        QCOMPARE(m_panel->pageLabel()->text(), QStringLiteral("Seite 2 von 3"));
        QVERIFY(pages->stateText({id, 1}).contains(QStringLiteral("gezeigt")));
        QVERIFY(!pages->stateText({id, 0}).contains(QStringLiteral("gezeigt")));

        // A red stroke across the page's middle, drawn with the mouse.
        BoardCanvas *canvas = m_panel->canvas();
        QTRY_VERIFY_WITH_TIMEOUT(!canvas->pageRect().isEmpty(), 5000);
        QVERIFY(m_panel->toolBar()->action(QStringLiteral("color-red"))->isEnabled());
        QTest::mouseClick(m_panel->toolBar()->button(QStringLiteral("tool-pen")), Qt::LeftButton);
        QTest::mouseClick(m_panel->toolBar()->button(QStringLiteral("color-red")), Qt::LeftButton);
        QTest::mouseClick(m_panel->toolBar()->button(QStringLiteral("width-thick")), Qt::LeftButton);
        QCOMPARE(canvas->tool(), BoardCanvas::Tool::Pen);
        const auto at = [canvas](quint32 x, quint32 y) { return board::toTarget(canvas->pageRect(), x, y).toPoint(); };
        QTest::mousePress(canvas, Qt::LeftButton, {}, at(2000, 5000));
        for (quint32 x = 2500; x <= 8000; x += 500)
            QTest::mouseMove(canvas, at(x, 5000));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, at(8000, 5000));

        // The customer's board: page 2, its image, and the whole stroke.
        QTRY_VERIFY_WITH_TIMEOUT(m_board->model().hasPageImage({id, 1}), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().annotations({id, 1}).size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().annotations({id, 1}).first().shape.points_size(), 2 * 13, 10000);
        QVERIFY(m_board->model().annotations({id, 0}).isEmpty());
        BoardCanvas seen;
        seen.setWhiteboard(m_board);
        seen.resize(420, 560);
        seen.show();
        QVERIFY(QTest::qWaitForWindowExposed(&seen));
        QCOMPARE(seen.page(), (board::PageKey{id, 1}));
        const QImage picture = seen.grab().toImage();
        QVERIFY(reddish(picture.pixel(board::toTarget(seen.pageRect(), 5000, 5000).toPoint())));
        QVERIFY(reddish(picture.pixel(board::toTarget(seen.pageRect(), 7000, 5000).toPoint())));
        QVERIFY(!reddish(picture.pixel(board::toTarget(seen.pageRect(), 5000, 7000).toPoint())));

        // The thumbnails say the customer has pages 1 and 2.
        QTRY_VERIFY_WITH_TIMEOUT(pages->isDelivered({id, 1}) && pages->isDelivered({id, 0}), 15000);
        QVERIFY(pages->stateText({id, 1}).contains(QStringLiteral("beim Kunden")));
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->progressBar()->isHidden(), 20000);
    }

    void aSecondDocumentIsAddedWithItsOwnPages()
    {
        m_panel->openFile(m_files.filePath(QStringLiteral("Konditionen.pdf")));
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().documents().size(), 1, 15000);
        QImage image(300, 200, QImage::Format_RGB32);
        image.fill(QColor(0x20, 0x80, 0x20));
        QVERIFY(image.save(m_files.filePath(QStringLiteral("Grafik.png"))));
        m_panel->openFile(m_files.filePath(QStringLiteral("Grafik.png")));
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().documents().size(), 2, 15000);
        const quint32 second = m_board->model().documents().at(1).id;
        QVERIFY(second != m_board->model().documents().first().id);
        QVERIFY(m_panel->pageList()->rowOf({second, 0}) >
                m_panel->pageList()->rowOf({m_board->model().documents().first().id, 2}));
        // The first document stays shown until the advisor chooses the picture.
        QCOMPARE(m_board->model().shownPage().document, m_board->model().documents().first().id);
        m_panel->pageList()->setCurrentRow(m_panel->pageList()->rowOf({second, 0}));
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().shownPage(), (board::PageKey{second, 0}), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_board->model().hasPageImage({second, 0}), 15000);
    }

    // S6: the customer draws only while the advisor allows it; the server decides, not the app.
    void kundeDarfZeichnenDecidesWhatTheServerAcceptsFromTheCustomer()
    {
        m_panel->openFile(m_files.filePath(QStringLiteral("Konditionen.pdf")));
        QTRY_VERIFY_WITH_TIMEOUT(m_board->model().shownPage().isValid(), 15000);
        const board::PageKey page = m_board->model().shownPage();
        ConsultationWhiteboard *advisor = m_panel->whiteboard();
        QVERIFY(!m_panel->customerMayDrawBox()->isChecked());
        QVERIFY(!m_board->mayDraw());

        // Before: the customer's drawing is refused by the server and reaches nobody.
        QSignalSpy refusals(m_board, &ConsultationWhiteboard::refused);
        m_board->model().setCustomerMayDraw(true); // as a modified app would believe
        m_board->draw(page, arrow());
        QTRY_COMPARE_WITH_TIMEOUT(refusals.size(), 1, 10000);
        QCOMPARE(refusals.first().first().value<ConsultationWhiteboard::Refusal>(),
                 ConsultationWhiteboard::Refusal::NotAllowed);
        QTRY_VERIFY_WITH_TIMEOUT(m_board->model().annotations(page).isEmpty(), 5000);
        QVERIFY(advisor->model().annotations(page).isEmpty());
        m_board->model().setCustomerMayDraw(false);

        // The advisor allows it with the keyboard.
        m_panel->customerMayDrawBox()->setFocus();
        QTest::keyClick(m_panel->customerMayDrawBox(), Qt::Key_Space);
        QVERIFY(m_panel->customerMayDrawBox()->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(m_board->mayDraw(), 10000);
        m_board->draw(page, arrow());
        QTRY_COMPARE_WITH_TIMEOUT(advisor->model().annotations(page).size(), 1, 10000);
        QCOMPARE(advisor->model().annotations(page).first().author, wire::PARTY_CUSTOMER);
        QCOMPARE(refusals.size(), 1);

        // And takes it back.
        QTest::keyClick(m_panel->customerMayDrawBox(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!m_board->mayDraw(), 10000);
    }

    void aFileThatIsNoDocumentIsRefusedWithItsReasonAndNothingIsSent()
    {
        // An executable renamed .pdf.
        QFile file(m_files.filePath(QStringLiteral("Kontoauszug.pdf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray bytes("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", 14);
        bytes.append(QByteArray(2000, '\x00'));
        file.write(bytes);
        file.close();
        m_panel->openFile(file.fileName());
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->messageLabel()->isVisible() &&
                                     m_panel->messageLabel()->text().contains(QStringLiteral("wird nicht gezeigt")),
                                 15000);
        const QString reason = board::DocumentImport::describe(board::DocumentImport::Refusal::NotSupported);
        QVERIFY2(m_panel->messageLabel()->text().contains(reason), qPrintable(m_panel->messageLabel()->text()));
        QVERIFY(m_panel->whiteboard()->model().documents().isEmpty());
        // Nothing went out: a chat line sent afterwards arrives, and the board is still empty.
        m_workstation->client()->sendChat(panelOf(m_window, QStringLiteral("Erika Mustermann"))->consultationId(),
                                          QStringLiteral("Einen Moment bitte."));
        QTRY_VERIFY_WITH_TIMEOUT(m_customer->chat()->rowCount() >= 2, 10000);
        QVERIFY(m_board->model().documents().isEmpty());
        // The panel still works: the real document opens after it.
        m_panel->openFile(m_files.filePath(QStringLiteral("Konditionen.pdf")));
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().documents().size(), 1, 15000);
    }

    void clearingAPageAsksFirst()
    {
        m_panel->openFile(m_files.filePath(QStringLiteral("Konditionen.pdf")));
        QTRY_VERIFY_WITH_TIMEOUT(m_board->model().shownPage().isValid(), 15000);
        const board::PageKey page = m_board->model().shownPage();
        ConsultationWhiteboard *advisor = m_panel->whiteboard();
        advisor->draw(page, arrow());
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().annotations(page).size(), 1, 10000);

        QAction *clear = m_panel->toolBar()->action(QStringLiteral("clearPage"));
        QVERIFY(clear->isEnabled());
        answerMessageBox(QStringLiteral("confirmClearPage"), QMessageBox::No);
        clear->trigger();
        // Nothing to wait for after "no": a second mark sent afterwards arrives, and the first is still there.
        advisor->draw(page, arrow());
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().annotations(page).size(), 2, 10000);

        answerMessageBox(QStringLiteral("confirmClearPage"), QMessageBox::Yes);
        clear->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_board->model().annotations(page).isEmpty(), 10000);
        // Undo takes the clearing back, on both boards.
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->toolBar()->action(QStringLiteral("undo"))->isEnabled(), 5000);
        m_panel->toolBar()->action(QStringLiteral("undo"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_board->model().annotations(page).size(), 2, 10000);
    }

private:
    // Clicks "Dokument öffnen …", the file question answered with `path` (the seam: a modal file
    // dialog cannot be driven reliably headless; FileChooser's own test covers the dialog).
    void openThroughTheDialog(const QString &path)
    {
        const auto asked = answerFilesWith(m_panel->fileChooser(), {path});
        QVERIFY(m_panel->openButton()->isEnabled());
        QTest::mouseClick(m_panel->openButton(), Qt::LeftButton);
        QCOMPARE(asked->kind, FileQuestion::Kind::OpenOne);
    }

    static wire::BoardShape arrow()
    {
        wire::BoardShape shape;
        shape.set_tool(wire::BOARD_TOOL_ARROW);
        shape.set_color(0x1565c0);
        shape.set_width(6);
        for (const quint32 value : {1000u, 1000u, 4000u, 3000u})
            shape.add_points(value);
        return shape;
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

CONSULT_WIDGET_TEST_MAIN(TestAdvisorWhiteboard)
#include "TestAdvisorWhiteboard.moc"
