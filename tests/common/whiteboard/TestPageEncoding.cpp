// PageEncoding: a page is encoded by its content. Line art (rendered text, charts) becomes a
// palette PNG that keeps every pixel (or, beside a chart, all but a few antialiased ones), so text
// stays crisp when the customer zooms in; a photographic page becomes a JPEG well under what it
// used to cost at the 2048-pixel bound, so it crosses a 1 Mbit/s line in a few seconds.
#include "whiteboard/PageEncoding.h"

#include <QBuffer>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace consult;
using namespace consult::board;

namespace {

// An A4 page at the render bound (PageLimits::kRenderLongSide), as DocumentImport makes it.
constexpr QSize kPageSize(1448, 2048);

QImage decoded(const PageImage &page)
{
    QByteArray bytes = page.bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, page.format == wire::BOARD_IMAGE_FORMAT_PNG ? "png" : "jpeg");
    return reader.read().convertToFormat(QImage::Format_RGB32);
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            colours.insert(line[x] | 0xFF000000u);
    }
    return int(colours.size());
}

// Pixels that differ, and the largest difference in any channel.
std::pair<qint64, int> difference(const QImage &a, const QImage &b)
{
    qint64 differing = 0;
    int largest = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *lineA = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *lineB = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            if ((lineA[x] | 0xFF000000u) == (lineB[x] | 0xFF000000u))
                continue;
            ++differing;
            largest =
                std::max({largest, std::abs(qRed(lineA[x]) - qRed(lineB[x])),
                          std::abs(qGreen(lineA[x]) - qGreen(lineB[x])), std::abs(qBlue(lineA[x]) - qBlue(lineB[x]))});
        }
    }
    return {differing, largest};
}

// Antialiased black text and a black frame on white: line art of at most 256 colours.
QImage textPage()
{
    QImage page(kPageSize, QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter painter(&page);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setPixelSize(28);
    painter.setFont(font);
    for (int line = 0; line < 50; ++line)
        painter.drawText(
            120, 200 + line * 34,
            QStringLiteral("%1. Zinsbindung, Tilgung und Sondertilgung: %2 EUR").arg(line + 1).arg(line * 1250));
    painter.setPen(QPen(Qt::black, 6));
    painter.drawRect(80, 80, kPageSize.width() - 160, kPageSize.height() - 160);
    painter.end();
    return page;
}

// A page as a bank's leaflet looks once Qt PDF rendered it: text beside a bar chart, whose
// antialiased edges add a few colours beyond 256 (the whiteboard benchmark's document).
QImage renderedLeafletPage()
{
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(150);
        QPainter painter(&writer);
        const QRect area = painter.viewport();
        QFont font = painter.font();
        font.setPointSize(10);
        painter.setFont(font);
        for (int line = 0; line < 40; ++line)
            painter.drawText(
                80, 220 + line * 28,
                QStringLiteral("%1. Zinsbindung, Tilgung und Sondertilgung: %2 EUR").arg(line + 1).arg(line));
        for (int bar = 0; bar < 12; ++bar)
            painter.fillRect(100 + bar * 70, area.height() - 150 - bar * 37 % 300, 50, bar * 37 % 300,
                             QColor::fromHsv(bar * 30 % 360, 160, 220));
        painter.end();
    }
    QBuffer source(&pdf);
    source.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&source);
    const QImage rendered = document.render(0, kPageSize);
    return flattenedPage(rendered, kPageSize);
}

// A photograph's statistics: smooth light and shade, edges and texture at every scale, sensor
// noise. Not line art by any measure, and the hardest case for a page's byte size.
QImage photoPage()
{
    QImage page(kPageSize, QImage::Format_RGB32);
    QRandomGenerator random(7);
    for (int y = 0; y < page.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(page.scanLine(y));
        for (int x = 0; x < page.width(); ++x) {
            const double shade = 0.5 + 0.25 * std::sin(x / 180.0) * std::cos(y / 230.0);
            const double texture = 0.12 * std::sin(x / 9.0 + y / 23.0) * std::sin(y / 7.0);
            const int noise = int(random.bounded(9)) - 4;
            const auto channel = [&](double tint) {
                return std::clamp(int(255 * (shade * tint + texture)) + noise, 0, 255);
            };
            line[x] = qRgb(channel(1.0), channel(0.85), channel(0.7));
        }
    }
    QPainter painter(&page);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 40; ++i) {
        painter.setBrush(QColor::fromHsv(int(random.bounded(360)), 120, 200, 120));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPoint(int(random.bounded(kPageSize.width())), int(random.bounded(kPageSize.height()))),
                            40 + int(random.bounded(200)), 40 + int(random.bounded(200)));
    }
    painter.end();
    return page;
}

// What the page cost before the encoding was chosen by content: JPEG at quality 85, baseline.
qint64 baselineJpegBytes(const QImage &page)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(85);
    writer.write(page);
    return bytes.size();
}

} // namespace

class TestPageEncoding final : public QObject
{
    Q_OBJECT

private slots:
    void aLineArtPageStaysAnExactPng()
    {
        const QImage page = textPage();
        QVERIFY(distinctColours(page) <= 256);
        const PageImage encoded = encodePage(page);
        QCOMPARE(encoded.format, wire::BOARD_IMAGE_FORMAT_PNG);
        QCOMPARE(encoded.size, kPageSize);
        const QImage back = decoded(encoded);
        QCOMPARE(back.size(), kPageSize);
        QCOMPARE(difference(page, back).first, qint64(0)); // lossless
    }

    void textBesideAChartStaysPngAndChangesOnlyAFewEdgePixelsSlightly()
    {
        const QImage page = renderedLeafletPage();
        QVERIFY2(distinctColours(page) > 256, "the chart's edges must add colours beyond a palette");
        const PageImage encoded = encodePage(page);
        QCOMPARE(encoded.format, wire::BOARD_IMAGE_FORMAT_PNG);
        const auto [differing, largest] = difference(page, decoded(encoded));
        QVERIFY2(differing * 1000 <= qint64(page.width()) * page.height(), qPrintable(QString::number(differing)));
        QVERIFY2(largest <= 24 * 2, qPrintable(QString::number(largest)));
        // And it is well under the JPEG the page used to travel as.
        QVERIFY2(encoded.bytes.size() * 2 < baselineJpegBytes(page), qPrintable(QString::number(encoded.bytes.size())));
    }

    void aPageWithASmallPictureOfItsOwnColoursIsNotPalettised()
    {
        // A text page with a small photo (a logo, a portrait): its few pixels are rare, but their
        // colours are nowhere near the text's, so a palette would change them: JPEG instead.
        QImage page = textPage();
        QPainter painter(&page);
        for (int y = 0; y < 40; ++y)
            for (int x = 0; x < 40; ++x)
                page.setPixel(1200 + x, 120 + y, qRgb(200 + x, 40 + y * 4, 30 + x * 3));
        painter.end();
        QVERIFY(lineArtRendition(page).isNull());
        QCOMPARE(encodePage(page).format, wire::BOARD_IMAGE_FORMAT_JPEG);
    }

    void aPhotoPageBecomesAJpegUnder400KiBAtTheBound()
    {
        const QImage page = photoPage();
        QVERIFY(lineArtRendition(page).isNull());
        const PageImage encoded = encodePage(page);
        QCOMPARE(encoded.format, wire::BOARD_IMAGE_FORMAT_JPEG);
        QCOMPARE(encoded.size, kPageSize);
        qInfo() << "photo page" << encoded.bytes.size() / 1024 << "KiB, baseline JPEG" << baselineJpegBytes(page) / 1024
                << "KiB";
        QVERIFY2(encoded.bytes.size() < 400 * 1024, qPrintable(QString::number(encoded.bytes.size())));
        // Progressive scans and fitted Huffman tables: smaller than the baseline JPEG of the same quality.
        QVERIFY(encoded.bytes.size() * 100 < baselineJpegBytes(page) * 97);
        QCOMPARE(decoded(encoded).size(), kPageSize);
    }
};

QTEST_MAIN(TestPageEncoding)
#include "TestPageEncoding.moc"
