// The PNG / JPEG header reader the server checks page images with (U2, U3): the size in the header
// of images Qt wrote, and refusals of what only looks like an image.
#include "validation/ImageHeader.h"

#include <QBuffer>
#include <QImage>
#include <QTest>

using namespace consult::validation;

namespace {

QByteArray encoded(const QSize &size, const char *format)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QByteArray jpegWithFrame(quint8 marker, quint16 width, quint16 height)
{
    QByteArray bytes("\xff\xd8", 2);
    bytes += QByteArray("\xff\xe0\x00\x04\x00\x00", 6); // an APP0 segment to walk over
    bytes += char(0xff);
    bytes += char(marker);
    bytes += QByteArray("\x00\x0b\x08", 3);
    bytes += char(height >> 8);
    bytes += char(height & 0xff);
    bytes += char(width >> 8);
    bytes += char(width & 0xff);
    bytes += QByteArray("\x01\x01\x11\x00\xff\xd9", 6);
    return bytes;
}

} // namespace

class TestImageHeader final : public QObject
{
    Q_OBJECT
private slots:
    void readsTheSizeOfImagesQtWrote_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<int>("expected");
        QTest::newRow("png 1x1") << QSize(1, 1) << QByteArray("PNG") << int(ImageFormat::Png);
        QTest::newRow("png 2048x1448") << QSize(2048, 1448) << QByteArray("PNG") << int(ImageFormat::Png);
        QTest::newRow("jpeg 17x933") << QSize(17, 933) << QByteArray("JPEG") << int(ImageFormat::Jpeg);
        QTest::newRow("jpeg 1448x2048") << QSize(1448, 2048) << QByteArray("JPEG") << int(ImageFormat::Jpeg);
    }
    void readsTheSizeOfImagesQtWrote()
    {
        QFETCH(QSize, size);
        QFETCH(QByteArray, format);
        QFETCH(int, expected);
        const auto header = readImageHeader(encoded(size, format.constData()));
        QVERIFY2(header.ok(), header ? "" : qPrintable(header.problem().message));
        QCOMPARE(int(header->format), expected);
        QCOMPARE(header->width, quint32(size.width()));
        QCOMPARE(header->height, quint32(size.height()));
    }

    void readsEveryStartOfFrameKindAndSkipsTheOthers_data()
    {
        QTest::addColumn<int>("marker");
        QTest::addColumn<bool>("isFrame");
        QTest::newRow("SOF0 baseline") << 0xC0 << true;
        QTest::newRow("SOF2 progressive") << 0xC2 << true;
        QTest::newRow("SOF15") << 0xCF << true;
        QTest::newRow("DHT is no frame") << 0xC4 << false;
        QTest::newRow("DAC is no frame") << 0xCC << false;
    }
    void readsEveryStartOfFrameKindAndSkipsTheOthers()
    {
        QFETCH(int, marker);
        QFETCH(bool, isFrame);
        const auto header = readImageHeader(jpegWithFrame(quint8(marker), 640, 360));
        QCOMPARE(header.ok(), isFrame);
        if (isFrame) {
            QCOMPARE(header->width, 640u);
            QCOMPARE(header->height, 360u);
        }
    }

    void refusesWhatOnlyLooksLikeAnImage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("code");
        const QByteArray png = encoded(QSize(30, 20), "PNG");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("unknown_format");
        QTest::newRow("pdf") << QByteArray("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") << QStringLiteral("unknown_format");
        QTest::newRow("html named png") << QByteArray("<html><img src=x></html>") << QStringLiteral("unknown_format");
        QTest::newRow("png signature only") << png.first(8) << QStringLiteral("truncated");
        QTest::newRow("png cut in IHDR") << png.first(20) << QStringLiteral("truncated");
        QByteArray noIhdr = png;
        noIhdr.replace(12, 4, "tEXt");
        QTest::newRow("png without IHDR first") << noIhdr << QStringLiteral("bad_header");
        QByteArray zeroWidth = png;
        zeroWidth.replace(16, 4, QByteArray(4, '\0'));
        QTest::newRow("png zero width") << zeroWidth << QStringLiteral("bad_header");
        QTest::newRow("jpeg zero height (DNL)") << jpegWithFrame(0xC0, 640, 0) << QStringLiteral("bad_header");
        QTest::newRow("jpeg scan before frame")
            << QByteArray("\xff\xd8\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00", 12) << QStringLiteral("bad_header");
        QTest::newRow("jpeg segment length 1")
            << QByteArray("\xff\xd8\xff\xe0\x00\x01", 6) << QStringLiteral("bad_header");
        QTest::newRow("jpeg cut in frame") << jpegWithFrame(0xC0, 640, 360).first(14) << QStringLiteral("truncated");
        QTest::newRow("jpeg segment past the end")
            << QByteArray("\xff\xd8\xff\xe1\x7f\xff\x00", 7) << QStringLiteral("truncated");
    }
    void refusesWhatOnlyLooksLikeAnImage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, code);
        const auto header = readImageHeader(bytes);
        QVERIFY(!header.ok());
        QCOMPARE(header.problem().code, code);
    }
};

QTEST_GUILESS_MAIN(TestImageHeader)
#include "TestImageHeader.moc"
