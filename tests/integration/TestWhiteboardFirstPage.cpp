// The shown page's preview between the two clients through a real server on loopback with real
// TLS: the customer's board shows the preview first and then the page image, which replaces it and
// is pixel-equal to the advisor's; a preview of a page that is not shown, or one that would come
// after its page image, never travels; only page images count as delivered.
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "client/whiteboard/PageDecoder.h"
#include "support/EpollTestMain.h"
#include "support/Scenario.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>

using namespace consult;
using namespace consult::testing;

namespace {

// An A4 page at the render bound, as DocumentImport makes it.
constexpr QSize kPageSize(1448, 2048);

// What the customer's board held each time a page's image arrived: the preview or the page image,
// and its pixel size.
struct Arrival
{
    bool preview = false;
    QSize size;
    bool operator==(const Arrival &) const = default;
};

// A page with text-like rows and a coloured band per page, at `size` (the page or its preview).
board::PageImage makeImage(QSize size, int index, bool preview)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(size.width() / 1448.0, size.height() / 2048.0);
    painter.fillRect(QRect(100, 100 + index * 150, 1248, 120), QColor::fromHsv((index * 47) % 360, 160, 220));
    for (int row = 0; row < 40; ++row)
        painter.fillRect(QRect(120, 500 + row * 36, 400 + (row * 97 + index * 31) % 800, 14), Qt::black);
    painter.end();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    board::PageImage page{buffer.data(), wire::BOARD_IMAGE_FORMAT_PNG, size};
    page.preview = preview;
    return page;
}

board::PageImage pageImage(int index)
{
    return makeImage(kPageSize, index, false);
}

board::PageImage preview(int index)
{
    return makeImage(board::previewSize(kPageSize), index, true);
}

// A running consultation with both boards.
struct Board
{
    Scenario scenario;
    TestConsultation *consultation = nullptr;
    ConsultationWhiteboard *advisor = nullptr;
    ConsultationWhiteboard *customer = nullptr;
    QHash<board::PageKey, QList<Arrival>> arrivals; // at the customer

    bool start()
    {
        if (!scenario.start())
            return false;
        consultation = scenario.consultation(ConsultationSpec{});
        if (!consultation)
            return false;
        advisor = consultation->atAdvisor()->part<ConsultationWhiteboard>();
        customer = consultation->customer->consultation()->part<ConsultationWhiteboard>();
        if (!advisor || !customer)
            return false;
        const board::BoardModel *model = &customer->model();
        QObject::connect(model, &board::BoardModel::pageImageArrived, model, [this, model](board::PageKey page) {
            arrivals[page].append({model->isPreview(page), model->pageImage(page).size()});
        });
        return true;
    }
};

} // namespace

class TestWhiteboardFirstPage final : public QObject
{
    Q_OBJECT
private slots:
    void theCustomerSeesTheShownPagesPreviewFirstThenItsPageImage()
    {
        Board board;
        QVERIFY(board.start());
        QSignalSpy delivered(board.advisor, &ConsultationWhiteboard::pageDelivered);
        QSignalSpy refused(board.advisor, &ConsultationWhiteboard::refused);
        const quint32 document = board.advisor->openDocument(QStringLiteral("Leitfaden.pdf"), {kPageSize, kPageSize});
        QVERIFY(document != 0);
        const board::PageKey first{document, 0};
        const board::PageKey second{document, 1};
        board.advisor->showPage(first);
        // As DocumentImport delivers them: the shown page's preview, then the page images.
        board.advisor->addPageImage(document, 0, preview(0));
        board.advisor->addPageImage(document, 0, pageImage(0));
        board.advisor->addPageImage(document, 1, pageImage(1));

        const board::BoardModel &customer = board.customer->model();
        // Decoding runs at a low priority behind the call: generous on a busy machine.
        CONSULT_WAIT_FOR(board.arrivals.value(first).size() == 2 && board.arrivals.value(second).size() == 1, 60000);
        QCOMPARE(board.arrivals.value(first),
                 (QList<Arrival>{{true, board::previewSize(kPageSize)}, {false, kPageSize}}));
        QCOMPARE(board.arrivals.value(second), (QList<Arrival>{{false, kPageSize}}));
        QVERIFY(!customer.isPreview(first));

        // The customer ends with exactly the advisor's page.
        CONSULT_WAIT_FOR(board.advisor->model().hasPageImage(first), 30000);
        QCOMPARE(customer.pageImage(first).convertToFormat(QImage::Format_RGB32),
                 board.advisor->model().pageImage(first).convertToFormat(QImage::Format_RGB32));
        QCOMPARE(customer.pageImage(first).convertToFormat(QImage::Format_RGB32),
                 PageDecoder::decodeNow(pageImage(0)).convertToFormat(QImage::Format_RGB32));

        // Only the page images count as delivered; nothing was refused on the way.
        CONSULT_WAIT_FOR(delivered.size() == 2, 30000);
        QCOMPARE(board.advisor->pagesInFlight(), 0);
        QVERIFY2(refused.isEmpty(), qPrintable(refused.isEmpty() ? QString() : refused.first().at(1).toString()));
    }

    void aPreviewTravelsOnlyAheadOfTheShownPage()
    {
        Board board;
        QVERIFY(board.start());
        QSignalSpy refused(board.advisor, &ConsultationWhiteboard::refused);
        QSignalSpy delivered(board.advisor, &ConsultationWhiteboard::pageDelivered);
        const quint32 document = board.advisor->openDocument(QStringLiteral("Leitfaden.pdf"), {kPageSize, kPageSize});
        const board::PageKey first{document, 0};
        board.advisor->showPage(first);
        // Page 0: its page image is queued before its preview, which would come too late.
        board.advisor->addPageImage(document, 0, pageImage(0));
        board.advisor->addPageImage(document, 0, preview(0));
        // Page 1 is not shown: its preview is not worth its bytes.
        board.advisor->addPageImage(document, 1, preview(1));
        board.advisor->addPageImage(document, 1, pageImage(1));
        CONSULT_WAIT_FOR(delivered.size() == 2, 30000);
        CONSULT_WAIT_FOR(
            !board.arrivals.value({document, 0}).isEmpty() && !board.arrivals.value({document, 1}).isEmpty(), 60000);
        for (quint32 page = 0; page < 2; ++page)
            QCOMPARE(board.arrivals.value({document, page}), (QList<Arrival>{{false, kPageSize}}));
        QVERIFY2(refused.isEmpty(), qPrintable(refused.isEmpty() ? QString() : refused.first().at(1).toString()));
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestWhiteboardFirstPage)
#include "TestWhiteboardFirstPage.moc"
