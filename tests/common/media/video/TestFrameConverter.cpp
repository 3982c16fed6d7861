#include "media/video/FrameConverter.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

using namespace consult::media;
using Format = QVideoFrameFormat::PixelFormat;

Q_DECLARE_METATYPE(QVideoFrameFormat::PixelFormat)

namespace {

struct Rgb
{
    int r, g, b;
};
struct Yuv
{
    int y, u, v;
};

// BT.601 video range in floating point: the reference the converter's fixed point must meet.
Yuv referenceYuv(const Rgb &c)
{
    const double r = c.r / 255.0, g = c.g / 255.0, b = c.b / 255.0;
    return {int(std::lround(16 + 65.481 * r + 128.553 * g + 24.966 * b)),
            int(std::lround(128 - 37.797 * r - 74.203 * g + 112.0 * b)),
            int(std::lround(128 + 112.0 * r - 93.786 * g - 18.214 * b))};
}

// Where R, G and B sit in a 4-byte pixel of each RGB format; spelled out independently of the
// converter (Qt 6 names these formats by byte order in memory).
std::array<int, 3> rgbOffsets(Format format)
{
    switch (format) {
    case QVideoFrameFormat::Format_ARGB8888:
    case QVideoFrameFormat::Format_ARGB8888_Premultiplied:
    case QVideoFrameFormat::Format_XRGB8888:
        return {1, 2, 3};
    case QVideoFrameFormat::Format_BGRA8888:
    case QVideoFrameFormat::Format_BGRA8888_Premultiplied:
    case QVideoFrameFormat::Format_BGRX8888:
        return {2, 1, 0};
    case QVideoFrameFormat::Format_ABGR8888:
    case QVideoFrameFormat::Format_XBGR8888:
        return {3, 2, 1};
    default:
        return {0, 1, 2};
    }
}

// A synthetic mapped frame: planes with rows longer than the picture (padding filled with 0xEE,
// which must never reach the output).
struct SyntheticFrame
{
    std::vector<std::vector<uchar>> planes;
    MappedFrame view;
};

constexpr int kPadding = 13;
constexpr uchar kPaddingByte = 0xEE;

PlaneView addPlane(SyntheticFrame &frame, int rowBytes, int rows)
{
    const int stride = rowBytes + kPadding;
    frame.planes.emplace_back(std::size_t(stride) * std::size_t(rows), kPaddingByte);
    return {frame.planes.back().data(), stride};
}

uchar &at(const PlaneView &plane, int row, int byte)
{
    return const_cast<uchar *>(plane.data)[plane.bytesPerLine * row + byte];
}

// A YUV frame of `format` whose pixel (x, y) has luma lumaAt(x, y) and whose 2x2 block (cx, cy)
// has chroma chromaAt(cx, cy).
SyntheticFrame yuvFrame(Format format, int width, int height, const std::function<int(int, int)> &lumaAt,
                        const std::function<Yuv(int, int)> &chromaAt)
{
    SyntheticFrame frame;
    frame.planes.reserve(3);
    frame.view = {format, width, height, {}};
    const int cw = (width + 1) / 2, ch = (height + 1) / 2;
    auto &planes = frame.view.planes;
    switch (format) {
    case QVideoFrameFormat::Format_YUYV:
    case QVideoFrameFormat::Format_UYVY: {
        const bool yFirst = format == QVideoFrameFormat::Format_YUYV;
        planes[0] = addPlane(frame, cw * 4, height);
        for (int y = 0; y < height; ++y) {
            for (int cx = 0; cx < cw; ++cx) {
                const Yuv c = chromaAt(cx, y / 2);
                const int x0 = 2 * cx, x1 = std::min(2 * cx + 1, width - 1);
                at(planes[0], y, 4 * cx + (yFirst ? 0 : 1)) = uchar(lumaAt(x0, y));
                at(planes[0], y, 4 * cx + (yFirst ? 2 : 3)) = uchar(lumaAt(x1, y));
                at(planes[0], y, 4 * cx + (yFirst ? 1 : 0)) = uchar(c.u);
                at(planes[0], y, 4 * cx + (yFirst ? 3 : 2)) = uchar(c.v);
            }
        }
        return frame;
    }
    default:
        break;
    }
    planes[0] = addPlane(frame, width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            at(planes[0], y, x) = uchar(lumaAt(x, y));
    if (format == QVideoFrameFormat::Format_NV12 || format == QVideoFrameFormat::Format_NV21) {
        const bool uFirst = format == QVideoFrameFormat::Format_NV12;
        planes[1] = addPlane(frame, cw * 2, ch);
        for (int cy = 0; cy < ch; ++cy) {
            for (int cx = 0; cx < cw; ++cx) {
                at(planes[1], cy, 2 * cx + (uFirst ? 0 : 1)) = uchar(chromaAt(cx, cy).u);
                at(planes[1], cy, 2 * cx + (uFirst ? 1 : 0)) = uchar(chromaAt(cx, cy).v);
            }
        }
    } else if (format != QVideoFrameFormat::Format_Y8) {
        const bool uSecond = format == QVideoFrameFormat::Format_YUV420P;
        planes[1] = addPlane(frame, cw, ch);
        planes[2] = addPlane(frame, cw, ch);
        for (int cy = 0; cy < ch; ++cy) {
            for (int cx = 0; cx < cw; ++cx) {
                at(planes[uSecond ? 1 : 2], cy, cx) = uchar(chromaAt(cx, cy).u);
                at(planes[uSecond ? 2 : 1], cy, cx) = uchar(chromaAt(cx, cy).v);
            }
        }
    }
    return frame;
}

SyntheticFrame rgbFrame(Format format, int width, int height, const std::function<Rgb(int, int)> &colourAt)
{
    SyntheticFrame frame;
    frame.view = {format, width, height, {}};
    frame.view.planes[0] = addPlane(frame, width * 4, height);
    const auto offsets = rgbOffsets(format);
    const int alpha = 6 - offsets[0] - offsets[1] - offsets[2];
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const Rgb c = colourAt(x, y);
            at(frame.view.planes[0], y, 4 * x + offsets[0]) = uchar(c.r);
            at(frame.view.planes[0], y, 4 * x + offsets[1]) = uchar(c.g);
            at(frame.view.planes[0], y, 4 * x + offsets[2]) = uchar(c.b);
            at(frame.view.planes[0], y, 4 * x + alpha) = 255;
        }
    }
    return frame;
}

uchar sample(const QByteArray &plane, int stride, int x, int y)
{
    return uchar(plane[qsizetype(y) * stride + x]);
}

const QList<Format> kYuvFormats{QVideoFrameFormat::Format_YUV420P, QVideoFrameFormat::Format_YV12,
                                QVideoFrameFormat::Format_NV12,    QVideoFrameFormat::Format_NV21,
                                QVideoFrameFormat::Format_YUYV,    QVideoFrameFormat::Format_UYVY};
const QList<Format> kRgbFormats{QVideoFrameFormat::Format_ARGB8888,
                                QVideoFrameFormat::Format_ARGB8888_Premultiplied,
                                QVideoFrameFormat::Format_XRGB8888,
                                QVideoFrameFormat::Format_BGRA8888,
                                QVideoFrameFormat::Format_BGRA8888_Premultiplied,
                                QVideoFrameFormat::Format_BGRX8888,
                                QVideoFrameFormat::Format_ABGR8888,
                                QVideoFrameFormat::Format_XBGR8888,
                                QVideoFrameFormat::Format_RGBA8888,
                                QVideoFrameFormat::Format_RGBX8888};

QByteArray formatName(Format format)
{
    return QVideoFrameFormat::pixelFormatToString(format).toLatin1();
}

} // namespace

class TestFrameConverter final : public QObject
{
    Q_OBJECT
private slots:
    void rgbColoursBecomeBt601VideoRange_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<int>("r");
        QTest::addColumn<int>("g");
        QTest::addColumn<int>("b");
        const QList<Rgb> colours{{255, 0, 0}, {0, 255, 0},   {0, 0, 255},    {255, 255, 255},
                                 {0, 0, 0},   {255, 128, 0}, {128, 128, 128}};
        for (Format format : kRgbFormats)
            for (const Rgb &c : colours)
                QTest::addRow("%s %d,%d,%d", formatName(format).constData(), c.r, c.g, c.b)
                    << format << c.r << c.g << c.b;
    }
    void rgbColoursBecomeBt601VideoRange()
    {
        QFETCH(Format, format);
        QFETCH(int, r);
        QFETCH(int, g);
        QFETCH(int, b);
        const SyntheticFrame input = rgbFrame(format, 7, 5, [&](int, int) { return Rgb{r, g, b}; });
        const std::optional<I420Frame> out = convertToI420(input.view);
        QVERIFY(out && out->isValid());
        const Yuv expected = referenceYuv({r, g, b});
        for (char y : out->y)
            QVERIFY2(std::abs(uchar(y) - expected.y) <= 2, qPrintable(QString::number(uchar(y))));
        for (char u : out->u)
            QVERIFY2(std::abs(uchar(u) - expected.u) <= 2, qPrintable(QString::number(uchar(u))));
        for (char v : out->v)
            QVERIFY2(std::abs(uchar(v) - expected.v) <= 2, qPrintable(QString::number(uchar(v))));
    }

    void yuvColoursAreKept_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<int>("y");
        QTest::addColumn<int>("u");
        QTest::addColumn<int>("v");
        const QList<Yuv> colours{{82, 90, 240}, {145, 54, 34}, {41, 240, 110}, {235, 128, 128}, {16, 128, 128}};
        for (Format format : kYuvFormats)
            for (const Yuv &c : colours)
                QTest::addRow("%s %d,%d,%d", formatName(format).constData(), c.y, c.u, c.v)
                    << format << c.y << c.u << c.v;
    }
    void yuvColoursAreKept()
    {
        QFETCH(Format, format);
        QFETCH(int, y);
        QFETCH(int, u);
        QFETCH(int, v);
        const SyntheticFrame input = yuvFrame(
            format, 7, 5, [&](int, int) { return y; },
            [&](int, int) {
                return Yuv{0, u, v};
            });
        const std::optional<I420Frame> out = convertToI420(input.view);
        QVERIFY(out && out->isValid());
        QCOMPARE(out->y, QByteArray(out->y.size(), char(y)));
        QCOMPARE(out->u, QByteArray(out->u.size(), char(u)));
        QCOMPARE(out->v, QByteArray(out->v.size(), char(v)));
    }

    void everyYuvPixelLandsInPlaceWithOddSizesAndPaddedRows_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        for (Format format : kYuvFormats + QList<Format>{QVideoFrameFormat::Format_Y8}) {
            QTest::addRow("%s 7x5", formatName(format).constData()) << format << 7 << 5;
            QTest::addRow("%s 10x6", formatName(format).constData()) << format << 10 << 6;
        }
    }
    void everyYuvPixelLandsInPlaceWithOddSizesAndPaddedRows()
    {
        QFETCH(Format, format);
        QFETCH(int, width);
        QFETCH(int, height);
        const auto lumaAt = [](int x, int y) { return 20 + 7 * x + 30 * y; };
        const auto chromaAt = [](int cx, int cy) { return Yuv{0, 40 + 10 * cx + 50 * cy, 200 - 10 * cx - 40 * cy}; };
        const SyntheticFrame input = yuvFrame(format, width, height, lumaAt, chromaAt);
        const std::optional<I420Frame> out = convertToI420(input.view);
        QVERIFY(out && out->isValid());
        QCOMPARE(out->width, width);
        QCOMPARE(out->height, height);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                QCOMPARE(int(sample(out->y, width, x, y)), lumaAt(x, y));
        const int cw = (width + 1) / 2;
        const bool grey = format == QVideoFrameFormat::Format_Y8;
        for (int cy = 0; cy < (height + 1) / 2; ++cy) {
            for (int cx = 0; cx < cw; ++cx) {
                QCOMPARE(int(sample(out->u, cw, cx, cy)), grey ? 128 : chromaAt(cx, cy).u);
                QCOMPARE(int(sample(out->v, cw, cx, cy)), grey ? 128 : chromaAt(cx, cy).v);
            }
        }
    }

    void everyRgbPixelLandsInPlaceWithOddSizesAndPaddedRows_data()
    {
        QTest::addColumn<Format>("format");
        for (Format format : kRgbFormats)
            QTest::newRow(formatName(format).constData()) << format;
    }
    void everyRgbPixelLandsInPlaceWithOddSizesAndPaddedRows()
    {
        QFETCH(Format, format);
        const int width = 7, height = 5;
        // One colour per 2x2 block, so each block's chroma has one right answer.
        const auto colourAt = [](int x, int y) {
            return Rgb{30 + 40 * (x / 2), 20 + 50 * (y / 2), 220 - 30 * (x / 2)};
        };
        const SyntheticFrame input = rgbFrame(format, width, height, colourAt);
        const std::optional<I420Frame> out = convertToI420(input.view);
        QVERIFY(out && out->isValid());
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                QVERIFY(std::abs(sample(out->y, width, x, y) - referenceYuv(colourAt(x, y)).y) <= 2);
        const int cw = (width + 1) / 2;
        for (int cy = 0; cy < (height + 1) / 2; ++cy) {
            for (int cx = 0; cx < cw; ++cx) {
                const Yuv expected = referenceYuv(colourAt(2 * cx, 2 * cy));
                QVERIFY(std::abs(sample(out->u, cw, cx, cy) - expected.u) <= 2);
                QVERIFY(std::abs(sample(out->v, cw, cx, cy) - expected.v) <= 2);
            }
        }
    }

    void bottomUpRowsComeOutUpright()
    {
        const int width = 6, height = 4;
        // Memory row r holds grey 40 * r + 20; stored bottom row first, so picture row y is memory
        // row height - 1 - y.
        SyntheticFrame input = rgbFrame(QVideoFrameFormat::Format_BGRX8888, width, height, [](int, int y) {
            const int grey = 40 * y + 20;
            return Rgb{grey, grey, grey};
        });
        PlaneView &plane = input.view.planes[0];
        plane.data += plane.bytesPerLine * (height - 1);
        plane.bytesPerLine = -plane.bytesPerLine;
        const std::optional<I420Frame> out = convertToI420(input.view);
        QVERIFY(out);
        for (int y = 0; y < height; ++y) {
            const int grey = 40 * (height - 1 - y) + 20;
            QVERIFY(std::abs(sample(out->y, width, 0, y) - referenceYuv({grey, grey, grey}).y) <= 2);
        }
    }

    void aMappedQVideoFrameIsCopiedAndUnmapped()
    {
        QVideoFrame frame(QVideoFrameFormat(QSize(8, 6), QVideoFrameFormat::Format_NV12));
        QVERIFY(frame.map(QVideoFrame::WriteOnly));
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 8; ++x)
                frame.bits(0)[y * frame.bytesPerLine(0) + x] = uchar(10 * y + x);
        for (int y = 0; y < 3; ++y) {
            for (int x = 0; x < 4; ++x) {
                frame.bits(1)[y * frame.bytesPerLine(1) + 2 * x] = uchar(100 + x);
                frame.bits(1)[y * frame.bytesPerLine(1) + 2 * x + 1] = uchar(200 + y);
            }
        }
        frame.unmap();

        const std::optional<I420Frame> out = convertToI420(frame);
        QVERIFY(out && out->isValid());
        QVERIFY(!frame.isMapped());
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 8; ++x)
                QCOMPARE(int(sample(out->y, 8, x, y)), 10 * y + x);
        for (int y = 0; y < 3; ++y) {
            for (int x = 0; x < 4; ++x) {
                QCOMPARE(int(sample(out->u, 4, x, y)), 100 + x);
                QCOMPARE(int(sample(out->v, 4, x, y)), 200 + y);
            }
        }
    }

    void aBottomUpQVideoFrameComesOutUpright()
    {
        QVideoFrameFormat format(QSize(4, 3), QVideoFrameFormat::Format_BGRX8888);
        format.setScanLineDirection(QVideoFrameFormat::BottomToTop);
        QVideoFrame frame(format);
        QVERIFY(frame.map(QVideoFrame::WriteOnly));
        for (int row = 0; row < 3; ++row) // memory row 0 is the picture's bottom row
            std::fill_n(frame.bits(0) + row * frame.bytesPerLine(0), 16, uchar(60 * row + 30));
        frame.unmap();
        const std::optional<I420Frame> out = convertToI420(frame);
        QVERIFY(out);
        for (int y = 0; y < 3; ++y) {
            const int grey = 60 * (2 - y) + 30;
            QVERIFY(std::abs(sample(out->y, 4, 0, y) - referenceYuv({grey, grey, grey}).y) <= 2);
        }
    }

    void aMappedBufferIsNeverReadPastItsEnd()
    {
        // Qt 6.4 gives a YUV420P frame of odd height one chroma row too few: whatever Qt does, the
        // converter either has every row it needs or refuses the frame.
        QVideoFrame frame(QVideoFrameFormat(QSize(33, 17), QVideoFrameFormat::Format_YUV420P));
        QVERIFY(frame.map(QVideoFrame::ReadOnly));
        const bool complete = frame.mappedBytes(1) >= 8 * frame.bytesPerLine(1) + 17;
        frame.unmap();
        QCOMPARE(convertToI420(frame).has_value(), complete);
    }

    void formatsWeCannotConvertAreRefused_data()
    {
        QTest::addColumn<Format>("format");
        QTest::newRow("jpeg") << QVideoFrameFormat::Format_Jpeg;
        QTest::newRow("p010") << QVideoFrameFormat::Format_P010;
        QTest::newRow("invalid") << QVideoFrameFormat::Format_Invalid;
        QTest::newRow("texture") << QVideoFrameFormat::Format_SamplerExternalOES;
    }
    void formatsWeCannotConvertAreRefused()
    {
        QFETCH(Format, format);
        QVERIFY(!canConvertToI420(format));
        std::vector<uchar> bytes(64 * 64);
        MappedFrame view{
            format, 8, 8, {PlaneView{bytes.data(), 64}, PlaneView{bytes.data(), 64}, PlaneView{bytes.data(), 64}}};
        QVERIFY(!convertToI420(view));
    }

    void aMissingPlaneIsRefused()
    {
        SyntheticFrame input = yuvFrame(
            QVideoFrameFormat::Format_YUV420P, 8, 8, [](int, int) { return 100; },
            [](int, int) {
                return Yuv{0, 128, 128};
            });
        input.view.planes[2] = {};
        QVERIFY(!convertToI420(input.view));
    }
};

QTEST_MAIN(TestFrameConverter)
#include "TestFrameConverter.moc"
