// The whiteboard between the two clients (seed 001 step 7) through a real server on loopback with
// real TLS: the advisor's document with its page images made here, strokes, shapes, undo and redo,
// the pointer, the customer's drawing refused while not allowed, and cuts of either side's line in
// the middle of a stroke and of a page: both boards end with the same annotations and the same
// pixels. The clients add the ConsultationWhiteboard themselves when the consultation begins.
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "client/whiteboard/PageDecoder.h"
#include "support/EpollTestMain.h"
#include "support/Scenario.h"

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>

#include <algorithm>

#include <optional>
#include <random>

using namespace consult;
using namespace consult::testing;
using Refusal = ConsultationWhiteboard::Refusal;

namespace {

// A page image as the advisor's app would render it: a colour, a band per page, and (`noisy`) a
// field of random pixels that makes the PNG large, so it travels in many chunks.
board::PageImage makePage(QSize size, int index, bool noisy)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((index * 47) % 360, 80, 250));
    std::mt19937 random(20261207 + quint32(index));
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            if (noisy && (x + y) % 2 == 0)
                line[x] = qRgb(int(random() % 256), int(random() % 256), int(random() % 256));
            else if (y / 20 == index)
                line[x] = qRgb(20, 20, 20);
        }
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return {buffer.data(), wire::BOARD_IMAGE_FORMAT_PNG, size};
}

wire::BoardShape penShape(QList<QPoint> points)
{
    wire::BoardShape shape;
    shape.set_tool(wire::BOARD_TOOL_PEN);
    shape.set_color(0xd02020);
    shape.set_width(5);
    for (const QPoint &point : points) {
        shape.add_points(quint32(point.x()));
        shape.add_points(quint32(point.y()));
    }
    return shape;
}

wire::BoardShape rectangle()
{
    wire::BoardShape shape;
    shape.set_tool(wire::BOARD_TOOL_RECTANGLE);
    shape.set_color(0x2020d0);
    shape.set_width(3);
    for (const quint32 value : {1000u, 1000u, 4000u, 3000u})
        shape.add_points(value);
    return shape;
}

// An annotation as both sides must agree on it.
QString describe(const board::Annotation &annotation)
{
    QStringList points;
    for (const quint32 value : annotation.shape.points())
        points.append(QString::number(value));
    return QStringLiteral("%1 %2 %3 tool=%4 pending=%5 [%6]")
        .arg(annotation.order)
        .arg(int(annotation.author))
        .arg(annotation.clientOpId)
        .arg(int(annotation.shape.tool()))
        .arg(annotation.pending)
        .arg(points.join(u','));
}

QStringList picture(const board::BoardModel &model, board::PageKey page)
{
    QStringList lines;
    for (const board::Annotation &annotation : model.annotations(page))
        lines.append(describe(annotation));
    return lines;
}

// A running consultation with both boards, and a document the advisor can open.
struct Board
{
    Scenario scenario{[](ServerConfig &config) {
        // The tests draw faster than the default rate allows; the limits have the server's tests.
        config.whiteboardOperationsPerSecond = 1000;
        config.whiteboardOperationBurst = 1000;
    }};
    TestConsultation *consultation = nullptr;
    ConsultationWhiteboard *advisor = nullptr;
    ConsultationWhiteboard *customer = nullptr;

    bool start(Route advisorRoute = Route::Direct, Route customerRoute = Route::Direct)
    {
        if (!scenario.start())
            return false;
        ConsultationSpec spec;
        spec.advisor.route = advisorRoute;
        spec.customer.route = customerRoute;
        consultation = scenario.consultation(spec);
        if (!consultation)
            return false;
        advisor = consultation->atAdvisor()->part<ConsultationWhiteboard>();
        customer = consultation->customer->consultation()->part<ConsultationWhiteboard>();
        return advisor && customer;
    }

    // Opens a document of `pages` pages of `size`, shows `shown` (if any) and queues the page images
    // as the advisor's import delivers them; returns the document's id.
    quint32 openDocument(int pages, QSize size, bool noisy, QList<board::PageImage> *images = nullptr,
                         std::optional<quint32> shown = std::nullopt)
    {
        const quint32 id = advisor->openDocument(QStringLiteral("Unterlagen.pdf"), QList<QSize>(pages, size));
        if (shown)
            advisor->showPage({id, *shown});
        for (int i = 0; i < pages; ++i) {
            const board::PageImage page = makePage(size, i, noisy);
            if (images)
                images->append(page);
            advisor->addPageImage(id, i, page);
        }
        return id;
    }
};

} // namespace

class TestWhiteboardClients final : public QObject
{
    Q_OBJECT
private slots:
    void bothClientsGiveEachConsultationAWhiteboard()
    {
        Board board;
        QVERIFY(board.start());
        QCOMPARE(board.advisor->self(), wire::PARTY_ADVISOR);
        QCOMPARE(board.customer->self(), wire::PARTY_CUSTOMER);
        QVERIFY(board.advisor->mayDraw());
        QVERIFY(!board.customer->mayDraw()); // off at the start
    }

    void theCustomerSeesTheShownPageWithItsImageAndTheAdvisorsStroke()
    {
        Board board;
        QVERIFY(board.start());
        QList<board::PageImage> images;
        QSignalSpy delivered(board.advisor, &ConsultationWhiteboard::pageDelivered);
        QSignalSpy progress(board.advisor, &ConsultationWhiteboard::uploadProgress);
        const quint32 document = board.openDocument(3, QSize(800, 600), false, &images, 1);
        QVERIFY(document != 0);
        const board::PageKey second{document, 1};

        const quint32 stroke = board.advisor->beginStroke(second, penShape({{1000, 1000}}));
        QVERIFY(stroke != 0);
        QList<quint32> expected{1000, 1000};
        for (int i = 1; i <= 12; ++i) {
            const QPoint point(1000 + i * 300, 1000 + i * 150);
            board.advisor->extendStroke(stroke, {point});
            expected << quint32(point.x()) << quint32(point.y());
            QTest::qWait(10); // a hand moves; the batches follow the 30 ms timer, not each point
        }
        board.advisor->finishStroke(stroke);

        const board::BoardModel &customer = board.customer->model();
        CONSULT_WAIT_FOR(customer.shownPage() == second && customer.hasPageImage(second), 10000);
        CONSULT_WAIT_FOR(customer.annotations(second).size() == 1 &&
                             customer.annotations(second).first().shape.points_size() == expected.size(),
                         10000);
        const board::Annotation seen = customer.annotations(second).first();
        QCOMPARE(seen.author, wire::PARTY_ADVISOR);
        QVERIFY(!seen.pending);
        QCOMPARE(QList<quint32>(seen.shape.points().begin(), seen.shape.points().end()), expected);
        QCOMPARE(customer.pageImage(second).convertToFormat(QImage::Format_RGB32),
                 PageDecoder::decodeNow(images[1]).convertToFormat(QImage::Format_RGB32));
        QVERIFY(seen.order > 0);

        // The advisor's own board shows the same, confirmed, and learns the customer has each page.
        CONSULT_WAIT_FOR(picture(board.advisor->model(), second) == picture(customer, second), 5000);
        CONSULT_WAIT_FOR(delivered.size() == 3, 10000);
        QCOMPARE(board.advisor->pagesInFlight(), 0);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());
    }

    void theShownPageOvertakesThePagesNotYetOnTheirWay()
    {
        Board board;
        QVERIFY(board.start());
        QSignalSpy delivered(board.advisor, &ConsultationWhiteboard::pageDelivered);
        // Large pages: the first fills the stream's credit, the others wait in the advisor's app.
        const quint32 document = board.openDocument(4, QSize(700, 500), true);
        board.advisor->showPage({document, 3});
        CONSULT_WAIT_FOR(delivered.size() == 4, 20000);
        QList<board::PageKey> order;
        for (const QList<QVariant> &signal : std::as_const(delivered))
            order.append(signal.at(0).value<board::PageKey>());
        // The page under way finishes; then the shown one; then the rest in page order.
        QCOMPARE(order, (QList<board::PageKey>{{document, 0}, {document, 3}, {document, 1}, {document, 2}}));
    }

    void aStrokeGoesOutInBatchesNotPerPoint()
    {
        Board board;
        QVERIFY(board.start());
        const quint32 document = board.openDocument(1, QSize(400, 300), false);
        const board::PageKey page{document, 0};
        const quint32 stroke = board.advisor->beginStroke(page, penShape({{100, 100}}));
        for (int i = 0; i < 90; ++i)
            board.advisor->extendStroke(stroke, {QPoint(100 + i * 50, 100 + i * 20)}); // all within one batch
        QTest::qWait(100);
        board.advisor->finishStroke(stroke);
        CONSULT_WAIT_FOR(board.customer->model().annotations(page).size() == 1 &&
                             board.customer->model().annotations(page).first().shape.points_size() == 2 * 91,
                         10000);
        // Ninety points made one extend and the finish: the operations' orders tell how many.
        CONSULT_WAIT_FOR(board.customer->model().lastOrder() <= 4, 5000);
        QVERIFY(board.customer->model().lastOrder() >= 2);
    }

    void bothBoardsEndEqualAfterTheCustomersLineIsCutMidStrokeAndMidPage()
    {
        Board board;
        QVERIFY(board.start(Route::Direct, Route::CuttingProxy));
        QList<board::PageImage> images;
        // Large pages (random pixels): each takes many chunks, so a cut lands inside one.
        const quint32 document = board.openDocument(3, QSize(700, 500), true, &images, 0);
        const board::PageKey first{document, 0};
        const quint32 stroke = board.advisor->beginStroke(first, penShape({{500, 500}}));
        for (int i = 1; i <= 10; ++i) {
            board.advisor->extendStroke(stroke, {QPoint(500 + i * 400, 500 + i * 300)});
            QTest::qWait(15);
            if (i == 5)
                board.scenario.proxy().cutAll(); // mid-stroke and while the pages travel
        }
        board.advisor->finishStroke(stroke);
        board.advisor->draw({document, 2}, rectangle());
        // A second cut, usually while the last page is still on its way (a fast machine may have
        // delivered it already: then the cut lands between the rectangle and its confirmation).
        board.scenario.proxy().cutAll();

        const board::BoardModel &customer = board.customer->model();
        const board::BoardModel &advisor = board.advisor->model();
        for (int i = 0; i < 3; ++i) {
            const board::PageKey page{document, quint32(i)};
            CONSULT_WAIT_FOR(customer.hasPageImage(page), 20000);
            QCOMPARE(customer.pageImage(page).convertToFormat(QImage::Format_RGB32),
                     advisor.pageImage(page).convertToFormat(QImage::Format_RGB32));
            CONSULT_WAIT_FOR(picture(customer, page) == picture(advisor, page), 10000);
        }
        QCOMPARE(customer.annotations(first).size(), 1);
        QCOMPARE(customer.annotations(first).first().shape.points_size(), 22);
        QCOMPARE(customer.annotations({document, 2}).size(), 1);
        QCOMPARE(customer.shownPage(), first);
    }

    void theAdvisorsUploadContinuesAfterACutWithoutAChunkTwiceOrMissing()
    {
        Board board;
        QVERIFY(board.start(Route::SecondCuttingProxy, Route::Direct));
        QList<board::PageImage> images;
        QSignalSpy refusals(board.advisor, &ConsultationWhiteboard::refused);
        QSignalSpy unreadable(board.customer, &ConsultationWhiteboard::refused);
        int cuts = 0;
        // Cut the advisor's line each time another quarter of the upload has been numbered.
        connect(board.advisor, &ConsultationWhiteboard::uploadProgress, this, [&](qint64 sent, qint64 total) {
            if (total > 0 && sent < total && sent * 4 > total * (cuts + 1) && cuts < 3) {
                ++cuts;
                QMetaObject::invokeMethod(
                    this, [&board] { board.scenario.secondProxy().cutAll(); }, Qt::QueuedConnection);
            }
        });
        const quint32 document = board.openDocument(4, QSize(700, 500), true, &images);
        for (int i = 0; i < 4; ++i) {
            const board::PageKey page{document, quint32(i)};
            CONSULT_WAIT_FOR(board.customer->model().hasPageImage(page), 30000);
            QCOMPARE(board.customer->model().pageImage(page).convertToFormat(QImage::Format_RGB32),
                     PageDecoder::decodeNow(images[i]).convertToFormat(QImage::Format_RGB32));
        }
        QVERIFY2(cuts >= 2, qPrintable(QString::number(cuts)));
        // A chunk twice or one skipped is refused by the server (its page starts anew or breaks).
        QCOMPARE(refusals.size(), 0);
        QCOMPARE(unreadable.size(), 0);
        CONSULT_WAIT_FOR(board.advisor->pagesInFlight() == 0, 10000);
    }

    void aCustomersDrawingWhileNotAllowedIsRefusedAndLeavesTheirBoard()
    {
        Board board;
        QVERIFY(board.start());
        const quint32 document = board.openDocument(1, QSize(400, 300), false);
        const board::PageKey page{document, 0};
        board.advisor->showPage(page);
        CONSULT_WAIT_FOR(board.customer->model().shownPage() == page, 5000);
        QVERIFY(!board.customer->mayDraw());
        QCOMPARE(board.customer->draw(page, rectangle()), 0u); // the app does not even try

        // The customer's app still believes it may draw (the advisor's "off" is on its way): the
        // server refuses (S6 on the board: NOT_ALLOWED), and the drawing leaves the customer's board.
        wire::Envelope stale;
        stale.mutable_board_permission()->set_consultation_id(board.consultation->id.toStdString());
        stale.mutable_board_permission()->set_customer_may_draw(true);
        QVERIFY(board.customer->dispatch(stale));
        QSignalSpy refused(board.customer, &ConsultationWhiteboard::refused);
        QVERIFY(board.customer->draw(page, rectangle()) != 0);
        QCOMPARE(board.customer->model().annotations(page).size(), 1); // at once, pending
        QVERIFY(board.customer->model().annotations(page).first().pending);
        CONSULT_WAIT_FOR(refused.size() == 1, 5000);
        QCOMPARE(refused.first().at(0).value<Refusal>(), Refusal::NotAllowed);
        QVERIFY(board.customer->model().annotations(page).isEmpty());
        QTest::qWait(200);
        QVERIFY(board.advisor->model().annotations(page).isEmpty()); // nothing reached the advisor

        // Allowed by the advisor, the same drawing stands on both boards.
        board.advisor->setCustomerMayDraw(true);
        CONSULT_WAIT_FOR(board.customer->mayDraw(), 5000);
        QVERIFY(board.customer->draw(page, rectangle()) != 0);
        CONSULT_WAIT_FOR(board.advisor->model().annotations(page).size() == 1, 5000);
        QCOMPARE(board.advisor->model().annotations(page).first().author, wire::PARTY_CUSTOMER);
        CONSULT_WAIT_FOR(!board.customer->model().annotations(page).first().pending, 5000);
    }

    void undoAndRedoGoRoundOnBothBoards()
    {
        Board board;
        QVERIFY(board.start());
        const quint32 document = board.openDocument(2, QSize(400, 300), false);
        const board::PageKey page{document, 1};
        QVERIFY(board.advisor->draw(page, rectangle()) != 0);
        CONSULT_WAIT_FOR(board.customer->model().annotations(page).size() == 1, 5000);
        CONSULT_WAIT_FOR(board.advisor->model().undoTarget(wire::PARTY_ADVISOR).has_value(), 5000);

        board.advisor->undo();
        CONSULT_WAIT_FOR(board.customer->model().annotations(page).isEmpty(), 5000);
        CONSULT_WAIT_FOR(board.advisor->model().annotations(page).isEmpty(), 5000);
        CONSULT_WAIT_FOR(board.advisor->model().redoTarget(wire::PARTY_ADVISOR).has_value(), 5000);

        board.advisor->redo();
        CONSULT_WAIT_FOR(board.customer->model().annotations(page).size() == 1, 5000);
        CONSULT_WAIT_FOR(picture(board.advisor->model(), page) == picture(board.customer->model(), page), 5000);
        QVERIFY(!board.advisor->model().redoTarget(wire::PARTY_ADVISOR).has_value());
    }

    void thePointerIsSeenOnTheOtherSideAndTheLatestPositionWins()
    {
        Board board;
        QVERIFY(board.start());
        const quint32 document = board.openDocument(1, QSize(400, 300), false);
        const board::PageKey page{document, 0};
        board.advisor->showPage(page);
        CONSULT_WAIT_FOR(board.customer->model().shownPage() == page, 5000);

        int changes = 0;
        connect(&board.customer->model(), &board::BoardModel::pointerChanged, this, [&](wire::Party party) {
            if (party == wire::PARTY_ADVISOR)
                ++changes;
        });
        // A hundred moves at once: at most a few go out, the last one among them.
        for (int i = 0; i < 100; ++i)
            board.advisor->movePointer(page, QPoint(100 + i * 10, 2000), true);
        CONSULT_WAIT_FOR(board.customer->model().pointer(wire::PARTY_ADVISOR).position == QPoint(1090, 2000), 5000);
        QVERIFY(board.customer->model().pointer(wire::PARTY_ADVISOR).visible);
        QVERIFY2(changes <= 3, qPrintable(QString::number(changes)));

        board.advisor->movePointer(page, QPoint(1090, 2000), false); // it left the page
        CONSULT_WAIT_FOR(!board.customer->model().pointer(wire::PARTY_ADVISOR).visible, 5000);
    }

    void aColleagueWhoTakesOverGetsTheBoardAndCarriesOn()
    {
        Board board;
        QVERIFY(board.start());
        AdvisorClient *bernd = board.scenario.advisor(AdvisorSpec::named(QStringLiteral("bernd")));
        QVERIFY(bernd);
        QList<board::PageImage> images;
        const quint32 document = board.openDocument(2, QSize(500, 400), true, &images, 1);
        const board::PageKey page{document, 1};
        const quint32 stroke = board.advisor->beginStroke(page, penShape({{100, 100}}));
        board.advisor->extendStroke(stroke, {QPoint(900, 900), QPoint(1800, 1200)});
        board.advisor->finishStroke(stroke);
        board.advisor->draw(page, rectangle());
        board.advisor->setCustomerMayDraw(true);
        CONSULT_WAIT_FOR(board.customer->model().annotations(page).size() == 2 &&
                             board.customer->model().hasPageImage({document, 0}) &&
                             board.customer->model().hasPageImage(page),
                         20000);
        CONSULT_WAIT_FOR(board.advisor->pagesInFlight() == 0, 10000);

        const auto listsBernd = [&] {
            const QList<wire::Colleague> colleagues = board.consultation->advisor->colleagues();
            return std::any_of(colleagues.begin(), colleagues.end(),
                               [](const wire::Colleague &c) { return c.username() == "bernd"; });
        };
        CONSULT_WAIT_FOR(listsBernd(), 5000);
        board.consultation->advisor->transfer(board.consultation->id, QStringLiteral("bernd"));
        CONSULT_WAIT_FOR(bernd->consultation(board.consultation->id) != nullptr, 5000);
        ConsultationWhiteboard *colleague = bernd->consultation(board.consultation->id)->part<ConsultationWhiteboard>();
        QVERIFY(colleague);

        // The snapshot: documents, the shown page, the permission and the picture; then the images.
        const board::BoardModel &taken = colleague->model();
        CONSULT_WAIT_FOR(taken.hasPageImage({document, 0}) && taken.hasPageImage(page), 20000);
        QCOMPARE(taken.shownPage(), page);
        QVERIFY(taken.customerMayDraw());
        QCOMPARE(picture(taken, page), picture(board.customer->model(), page));
        for (int i = 0; i < 2; ++i)
            QCOMPARE(taken.pageImage({document, quint32(i)}).convertToFormat(QImage::Format_RGB32),
                     PageDecoder::decodeNow(images[i]).convertToFormat(QImage::Format_RGB32));

        // The colleague carries on: a new document after the highest id, drawn on, seen by the customer.
        const quint32 next = colleague->openDocument(QStringLiteral("Angebot.png"), {QSize(300, 200)});
        QCOMPARE(next, document + 1);
        colleague->addPageImage(next, 0, makePage(QSize(300, 200), 7, false));
        colleague->showPage({next, 0});
        QVERIFY(colleague->draw({next, 0}, rectangle()) != 0);
        CONSULT_WAIT_FOR(board.customer->model().shownPage() == (board::PageKey{next, 0}) &&
                             board.customer->model().hasPageImage({next, 0}) &&
                             board.customer->model().annotations({next, 0}).size() == 1,
                         10000);
    }

    void theEndDropsTheWholeBoard()
    {
        Board board;
        QVERIFY(board.start());
        const quint32 document = board.openDocument(2, QSize(400, 300), false);
        const board::PageKey page{document, 0};
        board.advisor->showPage(page);
        board.advisor->draw(page, rectangle());
        CONSULT_WAIT_FOR(
            board.customer->model().hasPageImage(page) && !board.customer->model().annotations(page).isEmpty(), 10000);
        board.consultation->atAdvisor()->end();
        CONSULT_WAIT_FOR(board.consultation->customer->consultation()->isEnded(), 5000);
        CONSULT_WAIT_FOR(board.consultation->atAdvisor()->isEnded(), 5000);
        for (ConsultationWhiteboard *side : {board.advisor, board.customer}) {
            QVERIFY(side->model().documents().isEmpty()); // P1: nothing of the board is kept
            QVERIFY(!side->model().hasPageImage(page));
            QVERIFY(side->model().annotations(page).isEmpty());
            QVERIFY(!side->model().shownPage().isValid());
            QVERIFY(!side->mayDraw());
            QCOMPARE(side->openDocument(QStringLiteral("x"), {QSize(10, 10)}), 0u);
        }
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestWhiteboardClients)
#include "TestWhiteboardClients.moc"
