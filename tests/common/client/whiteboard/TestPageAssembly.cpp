// The receiving side of page images (common/client/whiteboard): chunks put back together only in
// order, within the bounds, for a page the board knows (PageAssembler); and a page decoded only as
// what it was announced as (PageDecoder). What the server let through is checked again here.
#include "client/whiteboard/PageAssembler.h"
#include "client/whiteboard/PageDecoder.h"

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace consult;

namespace {

const board::PageKey kPage{1, 0};
const QSize kSize(64, 48);
const board::PageKey kLargePage{1, 1}; // one with a preview
const QSize kLargeSize(1448, 2048);

QSize sizeOf(board::PageKey key)
{
    return key == kPage ? kSize : key == kLargePage ? kLargeSize : QSize();
}

board::PageImage encoded(QSize size, const char *format, wire::BoardImageFormat wireFormat)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int y = 0; y < size.height(); ++y)
        image.setPixel(y % size.width(), y, qRgb(200, 30, 30));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return {buffer.data(), wireFormat, size};
}

wire::BoardPageData chunk(board::PageKey key, const QByteArray &bytes, qsizetype offset, qsizetype length,
                          wire::BoardImageFormat format = wire::BOARD_IMAGE_FORMAT_PNG, bool preview = false)
{
    wire::BoardPageData data;
    data.set_consultation_id("c");
    data.set_document_id(key.document);
    data.set_page_index(key.page);
    data.set_format(format);
    data.set_total_bytes(quint32(bytes.size()));
    data.set_offset(quint32(offset));
    data.set_data(bytes.constData() + offset, std::size_t(length));
    data.set_preview(preview);
    return data;
}

using Kind = PageAssembler::Outcome::Kind;

} // namespace

class TestPageAssembly final : public QObject
{
    Q_OBJECT
private slots:
    void chunksInOrderMakeTheWholePage()
    {
        PageAssembler assembler(sizeOf);
        const QByteArray bytes(100'000, 'x');
        QCOMPARE(assembler.add(chunk(kPage, bytes, 0, 32768)).kind, Kind::Incomplete);
        QCOMPARE(assembler.add(chunk(kPage, bytes, 32768, 32768)).kind, Kind::Incomplete);
        QCOMPARE(assembler.add(chunk(kPage, bytes, 65536, 32768)).kind, Kind::Incomplete);
        QCOMPARE(assembler.bytesHeld(), 98304);
        const PageAssembler::Outcome last = assembler.add(chunk(kPage, bytes, 98304, 100'000 - 98304));
        QCOMPARE(last.kind, Kind::Complete);
        QCOMPARE(last.key, kPage);
        QCOMPARE(last.page.bytes, bytes);
        QCOMPARE(last.page.size, kSize);
        QCOMPARE(assembler.bytesHeld(), 0);
        QCOMPARE(assembler.pagesInProgress(), 0);
    }

    void aGapDropsWhatWasCollectedOfThePage()
    {
        PageAssembler assembler(sizeOf);
        const QByteArray bytes(70'000, 'x');
        QCOMPARE(assembler.add(chunk(kPage, bytes, 0, 32768)).kind, Kind::Incomplete);
        QCOMPARE(assembler.add(chunk(kPage, bytes, 65536, 70'000 - 65536)).kind, Kind::Broken); // skipped one
        QCOMPARE(assembler.bytesHeld(), 0);
        // What follows of the broken page has no start to continue.
        QCOMPARE(assembler.add(chunk(kPage, bytes, 32768, 32768)).kind, Kind::Broken);
    }

    void aChunkThatBreaksTheBoundsIsRefused_data()
    {
        QTest::addColumn<int>("breach");
        QTest::newRow("unknown page") << 0;
        QTest::newRow("total over the bound") << 1;
        QTest::newRow("chunk larger than 32 KiB") << 2;
        QTest::newRow("chunk past the total") << 3;
        QTest::newRow("format unspecified") << 4;
        QTest::newRow("total changes midway") << 5;
        QTest::newRow("empty chunk") << 6;
    }
    void aChunkThatBreaksTheBoundsIsRefused()
    {
        QFETCH(int, breach);
        PageAssembler assembler(sizeOf);
        const QByteArray bytes(50'000, 'x');
        wire::BoardPageData data = chunk(kPage, bytes, 0, 1000);
        switch (breach) {
        case 0:
            data.set_page_index(7);
            break;
        case 1:
            data.set_total_bytes(quint32(PageAssembler::kMaxPageBytes + 1));
            break;
        case 2:
            data.set_data(std::string(32 * 1024 + 1, 'x'));
            break;
        case 3:
            data.set_total_bytes(500);
            break;
        case 4:
            data.set_format(wire::BOARD_IMAGE_FORMAT_UNSPECIFIED);
            break;
        case 5:
            QCOMPARE(assembler.add(data).kind, Kind::Incomplete);
            data = chunk(kPage, bytes, 1000, 1000);
            data.set_total_bytes(60'000);
            break;
        case 6:
            data.clear_data();
            break;
        }
        QCOMPARE(assembler.add(data).kind, Kind::Broken);
        QCOMPARE(assembler.bytesHeld(), 0);
    }

    void aPageThatStartsOverReplacesTheUnfinishedCopy()
    {
        PageAssembler assembler(sizeOf);
        const QByteArray first(40'000, 'a');
        const QByteArray second(40'000, 'b');
        QCOMPARE(assembler.add(chunk(kPage, first, 0, 32768)).kind, Kind::Incomplete);
        QCOMPARE(assembler.add(chunk(kPage, second, 0, 32768)).kind, Kind::Incomplete);
        const PageAssembler::Outcome done = assembler.add(chunk(kPage, second, 32768, 40'000 - 32768));
        QCOMPARE(done.kind, Kind::Complete);
        QCOMPARE(done.page.bytes, second);
    }

    void aPreviewIsAssembledAtItsPagesPreviewSize()
    {
        PageAssembler assembler(sizeOf);
        const QByteArray bytes(40'000, 'p');
        QCOMPARE(assembler.add(chunk(kLargePage, bytes, 0, 32768, wire::BOARD_IMAGE_FORMAT_PNG, true)).kind,
                 Kind::Incomplete);
        const PageAssembler::Outcome done =
            assembler.add(chunk(kLargePage, bytes, 32768, 40'000 - 32768, wire::BOARD_IMAGE_FORMAT_PNG, true));
        QCOMPARE(done.kind, Kind::Complete);
        QVERIFY(done.page.preview);
        QCOMPARE(done.page.size, QSize(724, 1024)); // what the decoder then insists on
        // Then the page image, at the page's own size.
        const QByteArray image(1000, 'i');
        const PageAssembler::Outcome page = assembler.add(chunk(kLargePage, image, 0, image.size()));
        QCOMPARE(page.kind, Kind::Complete);
        QVERIFY(!page.page.preview);
        QCOMPARE(page.page.size, kLargeSize);
    }

    void aPreviewOfAPageWithoutOneOrMixedWithItsPageImageIsBroken()
    {
        PageAssembler assembler(sizeOf);
        const QByteArray bytes(40'000, 'p');
        QCOMPARE(assembler.add(chunk(kPage, bytes, 0, 1000, wire::BOARD_IMAGE_FORMAT_PNG, true)).kind, Kind::Broken);
        QCOMPARE(assembler.add(chunk(kLargePage, bytes, 0, 32768, wire::BOARD_IMAGE_FORMAT_PNG, true)).kind,
                 Kind::Incomplete);
        QCOMPARE(assembler.add(chunk(kLargePage, bytes, 32768, 40'000 - 32768)).kind, Kind::Broken);
        QCOMPARE(assembler.bytesHeld(), 0);
    }

    void aPageDecodesOnlyAsWhatItWasAnnouncedAs()
    {
        const board::PageImage png = encoded(kSize, "PNG", wire::BOARD_IMAGE_FORMAT_PNG);
        const QImage image = PageDecoder::decodeNow(png);
        QCOMPARE(image.size(), kSize);
        QCOMPARE(image.pixel(5, 5), qRgb(200, 30, 30));

        board::PageImage otherSize = png;
        otherSize.size = QSize(64, 49);
        QVERIFY(PageDecoder::decodeNow(otherSize).isNull());

        board::PageImage wrongFormat = png;
        wrongFormat.format = wire::BOARD_IMAGE_FORMAT_JPEG;
        QVERIFY(PageDecoder::decodeNow(wrongFormat).isNull());

        const board::PageImage jpeg = encoded(kSize, "JPEG", wire::BOARD_IMAGE_FORMAT_JPEG);
        QCOMPARE(PageDecoder::decodeNow(jpeg).size(), kSize);

        board::PageImage truncated = png;
        truncated.bytes.chop(truncated.bytes.size() / 2);
        QVERIFY(PageDecoder::decodeNow(truncated).isNull());
    }

    void aPageLargerThanAnyBoardAllowsIsNotDecoded()
    {
        // A 30,000 x 30,000 page: the header alone says so; nothing of its pixels is allocated.
        board::PageImage bomb = encoded(QSize(30'000, 1), "PNG", wire::BOARD_IMAGE_FORMAT_PNG);
        bomb.size = QSize(30'000, 1);
        QVERIFY(PageDecoder::decodeNow(bomb).isNull());
    }

    void decodingHappensOffTheCallersThreadAndEndsInASignal()
    {
        PageDecoder decoder;
        QSignalSpy decoded(&decoder, &PageDecoder::decoded);
        QSignalSpy failed(&decoder, &PageDecoder::failed);
        decoder.decode(kPage, encoded(kSize, "PNG", wire::BOARD_IMAGE_FORMAT_PNG));
        board::PageImage broken = encoded(kSize, "PNG", wire::BOARD_IMAGE_FORMAT_PNG);
        broken.size = QSize(10, 10);
        decoder.decode({1, 1}, broken);
        QTRY_COMPARE(decoded.size() + failed.size(), 2);
        QCOMPARE(decoded.size(), 1);
        QCOMPARE(decoded.first().at(0).value<board::PageKey>(), kPage);
        QCOMPARE(failed.first().at(0).value<board::PageKey>(), (board::PageKey{1, 1}));
    }

    void aPreviewAndThenItsPageImageDecodeInThatOrderAndSaySo()
    {
        PageDecoder decoder;
        QSignalSpy decoded(&decoder, &PageDecoder::decoded);
        board::PageImage preview = encoded(board::previewSize(kLargeSize), "PNG", wire::BOARD_IMAGE_FORMAT_PNG);
        preview.preview = true;
        decoder.decode(kLargePage, preview);
        decoder.decode(kLargePage, encoded(kLargeSize, "PNG", wire::BOARD_IMAGE_FORMAT_PNG));
        QTRY_COMPARE(decoded.size(), 2);
        QCOMPARE(decoded.at(0).at(1).value<QImage>().size(), QSize(724, 1024));
        QVERIFY(decoded.at(0).at(2).toBool());
        QCOMPARE(decoded.at(1).at(1).value<QImage>().size(), kLargeSize);
        QVERIFY(!decoded.at(1).at(2).toBool());
    }

    void droppedDecodesNeverReport()
    {
        PageDecoder decoder;
        QSignalSpy decoded(&decoder, &PageDecoder::decoded);
        for (int i = 0; i < 5; ++i)
            decoder.decode({1, quint32(i)}, encoded(QSize(1024, 1024), "PNG", wire::BOARD_IMAGE_FORMAT_PNG));
        decoder.drop(); // the consultation ended (P1)
        QSignalSpy after(&decoder, &PageDecoder::decoded);
        decoder.decode(kPage, encoded(kSize, "PNG", wire::BOARD_IMAGE_FORMAT_PNG));
        QTRY_COMPARE(after.size(), 1);
        QCOMPARE(decoded.size(), 1); // only the one asked for after the drop
    }
};

QTEST_GUILESS_MAIN(TestPageAssembly)
#include "TestPageAssembly.moc"
