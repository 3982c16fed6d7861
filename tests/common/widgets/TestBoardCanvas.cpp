// The whiteboard canvas both apps show, offscreen: a page image and an annotation in the model
// appear as pixels where page units put them, zooming changes the scale and fitting restores it, the
// pen sends its points as the mouse moves, and, against a real server with a customer on the other
// side, the pointer tool's mark reaches the customer and the eraser takes a mark off both boards.
// The tool bar drives the canvas by its shortcuts only where its scope has the focus.
#include "client/AdvisorClient.h"
#include "client/CustomerClient.h"
#include "client/consultation/Consultation.h"
#include "core/Clock.h"
#include "support/Scenario.h"
#include "whiteboard/BoardPainter.h"
#include "widgets/BoardCanvas.h"
#include "widgets/BoardToolBar.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPainter>
#include <QTest>
#include <QToolButton>

using namespace consult;
using consult::testing::Scenario;

namespace {

constexpr QSize kPage(400, 300);
const board::PageKey kFirst{1, 0};

// A white page with a blue block in its left half, so its position in the canvas can be read back.
QImage pageImage()
{
    QImage image(kPage, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.fillRect(QRect(40, 100, 80, 100), QColor(0, 0, 255));
    return image;
}

wire::BoardDocument document()
{
    wire::BoardDocument document;
    document.set_consultation_id("A");
    document.set_document_id(kFirst.document);
    document.set_title("Konditionen.pdf");
    for (int i = 0; i < 2; ++i) {
        wire::BoardPageSize *size = document.add_pages();
        size->set_width(kPage.width());
        size->set_height(kPage.height());
    }
    return document;
}

// The customer's red line across the middle of the page, confirmed by the server as order 1.
wire::BoardOperation redLine()
{
    wire::BoardOperation operation;
    operation.set_consultation_id("A");
    operation.set_order(1);
    operation.set_author(wire::PARTY_CUSTOMER);
    operation.set_client_op_id(7);
    operation.set_document_id(kFirst.document);
    operation.set_page_index(kFirst.page);
    wire::BoardShape *shape = operation.mutable_draw();
    shape->set_tool(wire::BOARD_TOOL_PEN);
    shape->set_color(0xff0000);
    shape->set_width(20);
    for (const quint32 value : {5000u, 2000u, 5000u, 8000u})
        shape->add_points(value);
    return operation;
}

bool near(QRgb pixel, QRgb expected, int tolerance = 40)
{
    return std::abs(qRed(pixel) - qRed(expected)) < tolerance &&
           std::abs(qGreen(pixel) - qGreen(expected)) < tolerance &&
           std::abs(qBlue(pixel) - qBlue(expected)) < tolerance;
}

QRgb pixelAt(BoardCanvas &canvas, quint32 x, quint32 y)
{
    const QImage grab = canvas.grab().toImage();
    const QPoint at = board::toTarget(canvas.pageRect(), x, y).toPoint();
    return grab.pixel(at);
}

QPoint widgetPoint(const BoardCanvas &canvas, quint32 x, quint32 y)
{
    return board::toTarget(canvas.pageRect(), x, y).toPoint();
}

// An advisor's client without a network: the consultation begins as the server would announce it
// and the whiteboard's model is fed directly.
struct OfflineBoard
{
    AdvisorClient client{{}, SystemClock::instance()};
    ConsultationWhiteboard *whiteboard = nullptr;
    BoardCanvas canvas;

    OfflineBoard()
    {
        wire::Envelope started;
        started.mutable_consultation_started()->set_consultation_id("A");
        started.mutable_consultation_started()->set_customer_name("Max Müller");
        started.mutable_consultation_started()->set_advisor_name("Anna Berger");
        Q_EMIT client.connection().envelopeReceived(started);
        if (Consultation *consultation = client.findConsultation(QStringLiteral("A")))
            whiteboard = consultation->part<ConsultationWhiteboard>();
        if (!whiteboard)
            return;
        board::BoardModel &model = whiteboard->model();
        model.addDocument(document());
        model.setPageImage(kFirst, pageImage());
        model.showPage(kFirst);
        canvas.setWhiteboard(whiteboard);
        canvas.resize(412, 312); // the page at 1:1 inside the margin
        canvas.show();
    }
};

} // namespace

class TestBoardCanvas final : public QObject
{
    Q_OBJECT
private slots:
    void thePageImageAndAnAnnotationShowWhereTheirPageUnitsAre()
    {
        OfflineBoard board;
        QVERIFY(board.whiteboard);
        QVERIFY(QTest::qWaitForWindowExposed(&board.canvas));
        QCOMPARE(board.canvas.page(), kFirst);
        // The blue block at (40..120, 100..200) of 400x300 pixels: x 1000..3000, y 3333..6666 page units.
        QVERIFY(near(pixelAt(board.canvas, 2000, 5000), qRgb(0, 0, 255)));
        QVERIFY(near(pixelAt(board.canvas, 7500, 5000), qRgb(255, 255, 255)));
        QVERIFY(near(pixelAt(board.canvas, 5000, 5000), qRgb(255, 255, 255)));

        QVERIFY(board.whiteboard->model().applyOperation(redLine()));
        QTRY_VERIFY(near(pixelAt(board.canvas, 5000, 5000), qRgb(255, 0, 0)));
        QVERIFY(near(pixelAt(board.canvas, 5000, 3000), qRgb(255, 0, 0)));
        // Not beside it, and the page's own picture is still there.
        QVERIFY(near(pixelAt(board.canvas, 6500, 5000), qRgb(255, 255, 255)));
        QVERIFY(near(pixelAt(board.canvas, 2000, 5000), qRgb(0, 0, 255)));
    }

    void zoomingInScalesThePageAndFittingRestoresIt()
    {
        OfflineBoard board;
        QVERIFY(board.whiteboard);
        QVERIFY(board.whiteboard->model().applyOperation(redLine()));
        const QRectF fitted = board.canvas.pageRect();
        QCOMPARE(board.canvas.zoom(), 1.0);

        board.canvas.zoomIn();
        QVERIFY(board.canvas.zoom() > 1.0);
        const QRectF zoomed = board.canvas.pageRect();
        QVERIFY(qAbs(zoomed.width() / fitted.width() - board.canvas.zoom()) < 0.01);
        // Zoomed around the middle: the line in the middle is still at the page units' position.
        QVERIFY(near(pixelAt(board.canvas, 5000, 5000), qRgb(255, 0, 0)));

        // The keyboard: '+' zooms further, '0' fits again.
        board.canvas.setFocus();
        QTest::keyClick(&board.canvas, Qt::Key_Plus);
        QVERIFY(board.canvas.pageRect().width() > zoomed.width());
        QTest::keyClick(&board.canvas, Qt::Key_0);
        QCOMPARE(board.canvas.zoom(), 1.0);
        QCOMPARE(board.canvas.pageRect(), fitted);
        board.canvas.zoomOut(); // never smaller than the page fitting
        QCOMPARE(board.canvas.zoom(), 1.0);
    }

    void thePenSendsItsPointsAsTheMouseMoves()
    {
        OfflineBoard board;
        QVERIFY(board.whiteboard);
        QVERIFY(QTest::qWaitForWindowExposed(&board.canvas));
        board.canvas.setTool(BoardCanvas::Tool::Pen);
        QTest::mousePress(&board.canvas, Qt::LeftButton, {}, widgetPoint(board.canvas, 2000, 2000));
        // Drawn at once as our own pending mark, before the server numbered it.
        QList<board::Annotation> marks = board.whiteboard->model().annotations(kFirst);
        QCOMPARE(marks.size(), 1);
        QVERIFY(marks.first().pending);
        QCOMPARE(marks.first().shape.tool(), wire::BOARD_TOOL_PEN);
        QTest::mouseMove(&board.canvas, widgetPoint(board.canvas, 4000, 2500));
        QTest::mouseMove(&board.canvas, widgetPoint(board.canvas, 6000, 3000));
        QTest::mouseRelease(&board.canvas, Qt::LeftButton, {}, widgetPoint(board.canvas, 6000, 3000));
        marks = board.whiteboard->model().annotations(kFirst);
        QCOMPARE(marks.size(), 1);
        const wire::BoardShape &shape = marks.first().shape;
        QCOMPARE(shape.points_size(), 6); // three points: the press and two moves
        QVERIFY(qAbs(int(shape.points(4)) - 6000) <= 30 && qAbs(int(shape.points(5)) - 3000) <= 40);
        QTRY_VERIFY(near(pixelAt(board.canvas, 4000, 2500), board.canvas.color().rgb()));
    }

    void withoutPermissionTheCustomerCanvasDrawsNothing()
    {
        CustomerClient client({}, SystemClock::instance());
        wire::Envelope started;
        started.mutable_consultation_started()->set_consultation_id("A");
        started.mutable_consultation_started()->set_customer_name("Max Müller");
        started.mutable_consultation_started()->set_advisor_name("Anna Berger");
        Q_EMIT client.connection().envelopeReceived(started);
        ConsultationWhiteboard *whiteboard = client.consultation()->part<ConsultationWhiteboard>();
        QVERIFY(whiteboard);
        whiteboard->model().addDocument(document());
        whiteboard->model().setPageImage(kFirst, pageImage());
        whiteboard->model().showPage(kFirst);
        BoardCanvas canvas;
        BoardToolBar tools;
        canvas.setWhiteboard(whiteboard);
        tools.setCanvas(&canvas);
        canvas.resize(412, 312);
        canvas.show();
        QVERIFY(QTest::qWaitForWindowExposed(&canvas));
        // The tool bar put the pen down and offers the pointer only.
        QCOMPARE(canvas.tool(), BoardCanvas::Tool::Pointer);
        QVERIFY(!tools.toolAction(BoardCanvas::Tool::Pen)->isEnabled());
        QVERIFY(tools.toolAction(BoardCanvas::Tool::Pointer)->isEnabled());
        canvas.setTool(BoardCanvas::Tool::Pen); // forced: the canvas itself still refuses
        QTest::mousePress(&canvas, Qt::LeftButton, {}, widgetPoint(canvas, 2000, 2000));
        QTest::mouseRelease(&canvas, Qt::LeftButton, {}, widgetPoint(canvas, 4000, 2000));
        QVERIFY(whiteboard->model().annotations(kFirst).isEmpty());

        whiteboard->model().setCustomerMayDraw(true);
        QVERIFY(tools.toolAction(BoardCanvas::Tool::Pen)->isEnabled());
        QTest::mousePress(&canvas, Qt::LeftButton, {}, widgetPoint(canvas, 2000, 2000));
        QTest::mouseRelease(&canvas, Qt::LeftButton, {}, widgetPoint(canvas, 4000, 2000));
        QCOMPARE(whiteboard->model().annotations(kFirst).size(), 1);
    }

    void theTextToolSendsWhatIsTypedOnEnter()
    {
        OfflineBoard board;
        QVERIFY(board.whiteboard);
        QVERIFY(QTest::qWaitForWindowExposed(&board.canvas));
        board.canvas.setTool(BoardCanvas::Tool::Text);
        QTest::mouseClick(&board.canvas, Qt::LeftButton, {}, widgetPoint(board.canvas, 6000, 1000));
        auto *input = board.canvas.findChild<QLineEdit *>(QStringLiteral("boardTextInput"));
        QVERIFY(input && input->isVisible());
        QVERIFY(board.whiteboard->model().annotations(kFirst).isEmpty()); // nothing before Enter
        QTest::keyClicks(input, QStringLiteral("Zins fest"));
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(!input->isVisible());
        const QList<board::Annotation> marks = board.whiteboard->model().annotations(kFirst);
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.first().shape.tool(), wire::BOARD_TOOL_TEXT);
        QCOMPARE(QString::fromStdString(marks.first().shape.text()), QStringLiteral("Zins fest"));
        QVERIFY(qAbs(int(marks.first().shape.points(0)) - 6000) <= 30);
    }

    // Against a real server: what the canvas sends arrives at the other side.
    void thePointerToolsMarkReachesTheCustomerAndTheEraserErasesOnBothSides()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        consult::testing::TestConsultation *consultation = scenario.consultation();
        QVERIFY(consultation);
        ConsultationWhiteboard *advisor =
            consultation->advisor->findConsultation(consultation->id)->part<ConsultationWhiteboard>();
        ConsultationWhiteboard *customer = consultation->customer->consultation()->part<ConsultationWhiteboard>();
        QVERIFY(advisor && customer);
        const quint32 id = advisor->openDocument(QStringLiteral("Konditionen.png"), {kPage});
        QVERIFY(id != 0);
        advisor->model().setPageImage({id, 0}, pageImage());
        advisor->showPage({id, 0});
        QTRY_COMPARE_WITH_TIMEOUT(customer->model().shownPage(), (board::PageKey{id, 0}), 10000);

        BoardCanvas canvas;
        canvas.setWhiteboard(advisor);
        canvas.resize(412, 312);
        canvas.show();
        QVERIFY(QTest::qWaitForWindowExposed(&canvas));

        canvas.setTool(BoardCanvas::Tool::Pointer);
        QTest::mouseMove(&canvas, widgetPoint(canvas, 3000, 7000));
        QTRY_VERIFY_WITH_TIMEOUT(customer->model().pointer(wire::PARTY_ADVISOR).visible, 10000);
        const board::Pointer seen = customer->model().pointer(wire::PARTY_ADVISOR);
        QCOMPARE(seen.page, (board::PageKey{id, 0}));
        QVERIFY(qAbs(seen.position.x() - 3000) <= 30 && qAbs(seen.position.y() - 7000) <= 40);
        // The keyboard moves it too.
        canvas.setFocus();
        QTest::keyClick(&canvas, Qt::Key_Right);
        QTRY_VERIFY_WITH_TIMEOUT(customer->model().pointer(wire::PARTY_ADVISOR).position.x() > 3050, 10000);

        canvas.setTool(BoardCanvas::Tool::Rectangle);
        QTest::mousePress(&canvas, Qt::LeftButton, {}, widgetPoint(canvas, 2000, 2000));
        QTest::mouseMove(&canvas, widgetPoint(canvas, 8000, 8000));
        QTest::mouseRelease(&canvas, Qt::LeftButton, {}, widgetPoint(canvas, 8000, 8000));
        QTRY_COMPARE_WITH_TIMEOUT(customer->model().annotations({id, 0}).size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!advisor->model().annotations({id, 0}).first().pending, 10000);

        canvas.setTool(BoardCanvas::Tool::Eraser);
        QTest::mouseClick(&canvas, Qt::LeftButton, {}, widgetPoint(canvas, 2000, 5000)); // on its left edge
        QTRY_VERIFY_WITH_TIMEOUT(customer->model().annotations({id, 0}).isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(advisor->model().annotations({id, 0}).isEmpty(), 10000);
    }
};

int main(int argc, char *argv[])
{
    QApplication::setAttribute(Qt::AA_Use96Dpi, true);
    QApplication app(argc, argv);
    TestBoardCanvas test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "TestBoardCanvas.moc"
