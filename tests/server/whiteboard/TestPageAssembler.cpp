// A page image arriving at the server (PageAssembler): a page's preview is taken only at the
// preview size its page's announced size gives (board::previewSize), a page image only at the
// announced size, a preview only for a page that has one, and a page's chunks agree on whether they
// are its preview (U2, U3).
#include "whiteboard/PageAssembler.h"
#include "whiteboard/PageImage.h"

#include <QBuffer>
#include <QImage>
#include <QTest>

using namespace consult;
using namespace consult::whiteboard;

namespace {

constexpr QSize kPage(1448, 2048);

wire::BoardPageSize announced(QSize size)
{
    wire::BoardPageSize page;
    page.set_width(quint32(size.width()));
    page.set_height(quint32(size.height()));
    return page;
}

QByteArray png(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return buffer.data();
}

wire::BoardPageData chunk(const QByteArray &bytes, qsizetype offset, qsizetype length, bool preview)
{
    wire::BoardPageData data;
    data.set_consultation_id("c");
    data.set_document_id(1);
    data.set_page_index(0);
    data.set_format(wire::BOARD_IMAGE_FORMAT_PNG);
    data.set_total_bytes(quint32(bytes.size()));
    data.set_offset(quint32(offset));
    data.set_data(bytes.constData() + offset, std::size_t(length));
    data.set_preview(preview);
    return data;
}

// Feeds the whole image in chunks; the last outcome.
BoardOutcome<PageAssembler::Step> feed(PageAssembler &assembler, const QByteArray &bytes, bool preview)
{
    BoardOutcome<PageAssembler::Step> outcome = PageAssembler::Step::More;
    for (qsizetype offset = 0; offset < bytes.size(); offset += board::PageLimits::kChunkBytes) {
        outcome = assembler.add(
            chunk(bytes, offset, std::min<qsizetype>(board::PageLimits::kChunkBytes, bytes.size() - offset), preview));
        if (std::holds_alternative<BoardRefusal>(outcome))
            break;
    }
    return outcome;
}

bool complete(const BoardOutcome<PageAssembler::Step> &outcome)
{
    return std::holds_alternative<PageAssembler::Step>(outcome) &&
           std::get<PageAssembler::Step>(outcome) == PageAssembler::Step::Complete;
}

QString refusalField(const BoardOutcome<PageAssembler::Step> &outcome)
{
    const auto *refusal = std::get_if<BoardRefusal>(&outcome);
    return refusal ? refusal->field : QString();
}

} // namespace

class TestPageAssembler final : public QObject
{
    Q_OBJECT
private slots:
    void thePreviewSizeKeepsThePagesAspectAtTheLongSide()
    {
        QCOMPARE(board::previewSize(QSize(1448, 2048)), QSize(724, 1024));
        QCOMPARE(board::previewSize(QSize(2048, 1536)), QSize(1024, 768));
        QCOMPARE(board::previewSize(QSize(4096, 3)), QSize(1024, 1));     // never a side of 0
        QCOMPARE(board::previewSize(QSize(1024, 700)), QSize(1024, 700)); // small enough already
        QVERIFY(!board::hasPreview(QSize(800, 1024)));
        QVERIFY(board::hasPreview(QSize(800, 1025)));
    }

    void aPreviewAtThePreviewSizeIsTaken()
    {
        PageAssembler assembler(announced(kPage), 8 << 20);
        const auto outcome = feed(assembler, png(board::previewSize(kPage)), true);
        QVERIFY2(complete(outcome), qPrintable(refusalField(outcome)));
        QVERIFY(assembler.isPreview());
    }

    void aPreviewAtThePagesOwnSizeIsRefused()
    {
        PageAssembler assembler(announced(kPage), 8 << 20);
        QCOMPARE(refusalField(feed(assembler, png(kPage), true)), QStringLiteral("page_image"));
    }

    void aPageImageAtThePreviewSizeIsRefused()
    {
        PageAssembler assembler(announced(kPage), 8 << 20);
        QCOMPARE(refusalField(feed(assembler, png(board::previewSize(kPage)), false)), QStringLiteral("page_image"));
    }

    void aPageTooSmallForAPreviewGetsNone()
    {
        const QSize small(800, 600);
        const QByteArray bytes = png(small);
        QVERIFY(PageAssembler::checkStart(chunk(bytes, 0, bytes.size(), true), announced(small), 8 << 20));
        QVERIFY(!PageAssembler::checkStart(chunk(bytes, 0, bytes.size(), false), announced(small), 8 << 20));
        PageAssembler assembler(announced(small), 8 << 20);
        QCOMPARE(refusalField(feed(assembler, bytes, true)), QStringLiteral("page_image"));
    }

    void aPagesChunksAgreeOnBeingItsPreview()
    {
        QImage noisy(board::previewSize(kPage), QImage::Format_RGB32);
        for (int y = 0; y < noisy.height(); ++y)
            for (int x = 0; x < noisy.width(); ++x)
                noisy.setPixel(x, y, qRgb((x * 7 + y * 13) % 256, (x * y) % 256, (x ^ y) % 256));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        noisy.save(&buffer, "PNG");
        const QByteArray bytes = buffer.data();
        QVERIFY(bytes.size() > board::PageLimits::kChunkBytes); // more than one chunk
        PageAssembler assembler(announced(kPage), 8 << 20);
        QVERIFY(std::holds_alternative<PageAssembler::Step>(
            assembler.add(chunk(bytes, 0, board::PageLimits::kChunkBytes, true))));
        const auto outcome = assembler.add(chunk(
            bytes, board::PageLimits::kChunkBytes,
            std::min<qsizetype>(board::PageLimits::kChunkBytes, bytes.size() - board::PageLimits::kChunkBytes), false));
        QCOMPARE(refusalField(outcome), QStringLiteral("page_image"));
    }
};

QTEST_GUILESS_MAIN(TestPageAssembler)
#include "TestPageAssembler.moc"
