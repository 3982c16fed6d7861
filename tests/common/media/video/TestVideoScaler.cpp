#include "media/video/VideoScaler.h"

#include <QTest>

using namespace consult::media;

namespace {

uchar pixel(const QByteArray &plane, int stride, int x, int y)
{
    return uchar(plane[qsizetype(y) * stride + x]);
}

// A picture whose luma is lumaAt(x, y) and whose chroma is uniform.
template <typename LumaAt>
I420Frame picture(int width, int height, LumaAt lumaAt)
{
    I420Frame frame = I420Frame::blank(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            frame.y[qsizetype(y) * width + x] = char(lumaAt(x, y));
    frame.u.fill(char(90));
    frame.v.fill(char(200));
    return frame;
}

} // namespace

class TestVideoScaler final : public QObject
{
    Q_OBJECT
private slots:
    void aPictureOfTheRightSizeIsReturnedAsIs()
    {
        const I420Frame source = picture(kVideoWidth, kVideoHeight, [](int x, int y) { return (x + y) % 256; });
        const I420Frame scaled = scaleI420(source);
        QCOMPARE(scaled.y, source.y);
        QCOMPARE(scaled.y.constData(), source.y.constData()); // shared, not copied
    }

    void halvingAveragesEachTwoByTwoBlock()
    {
        const I420Frame source = picture(1280, 720, [](int x, int y) { return (x * 7 + y * 13) % 220 + 16; });
        const I420Frame scaled = scaleI420(source);
        QVERIFY(scaled.isValid());
        QCOMPARE(scaled.width, 640);
        QCOMPARE(scaled.height, 360);
        for (int y = 0; y < 360; y += 7) {
            for (int x = 0; x < 640; x += 5) {
                const int sum = pixel(source.y, 1280, 2 * x, 2 * y) + pixel(source.y, 1280, 2 * x + 1, 2 * y) +
                                pixel(source.y, 1280, 2 * x, 2 * y + 1) + pixel(source.y, 1280, 2 * x + 1, 2 * y + 1);
                QVERIFY(std::abs(pixel(scaled.y, 640, x, y) - (sum + 2) / 4) <= 1);
            }
        }
        QCOMPARE(scaled.u, QByteArray(scaled.u.size(), char(90)));
        QCOMPARE(scaled.v, QByteArray(scaled.v.size(), char(200)));
    }

    void aFourByThreeCameraIsCroppedNotSquashed()
    {
        // 640x480: the 16:9 picture is rows 60..419; the rows outside are marked black.
        const I420Frame source =
            picture(640, 480, [](int x, int y) { return y < 60 || y >= 420 ? 16 : 100 + (x + y) % 100; });
        const I420Frame scaled = scaleI420(source);
        QCOMPARE(scaled.width, 640);
        QCOMPARE(scaled.height, 360);
        for (int y = 0; y < 360; ++y)
            for (int x = 0; x < 640; x += 3)
                QCOMPARE(pixel(scaled.y, 640, x, y), pixel(source.y, 640, x, y + 60));
    }

    void fullHdKeepsItsEdgesInPlace()
    {
        // A vertical edge at a third of the width and a horizontal one at half the height.
        const I420Frame source =
            picture(1920, 1080, [](int x, int y) { return (x < 640 ? 40 : 200) + (y < 540 ? 0 : 20); });
        const I420Frame scaled = scaleI420(source);
        QCOMPARE(scaled.width, 640);
        QVERIFY(pixel(scaled.y, 640, 211, 10) == 40 && pixel(scaled.y, 640, 215, 10) == 200);
        QVERIFY(pixel(scaled.y, 640, 300, 177) == 200 && pixel(scaled.y, 640, 300, 182) == 220);
    }

    void oddAndSmallPicturesScaleToValidFrames_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("641x361") << 641 << 361;
        QTest::newRow("320x180 upscale") << 320 << 180;
        QTest::newRow("1x1") << 1 << 1;
        QTest::newRow("tall 360x640") << 360 << 640;
    }
    void oddAndSmallPicturesScaleToValidFrames()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        I420Frame source = picture(width, height, [](int, int) { return 123; });
        source.captureUs = 42;
        source.frameNumber = 7;
        const I420Frame scaled = scaleI420(source);
        QVERIFY(scaled.isValid());
        QCOMPARE(scaled.width, kVideoWidth);
        QCOMPARE(scaled.height, kVideoHeight);
        QCOMPARE(scaled.y, QByteArray(scaled.y.size(), char(123))); // a flat picture stays flat
        QCOMPARE(scaled.captureUs, 42);
        QCOMPARE(scaled.frameNumber, 7u);
    }
};

QTEST_GUILESS_MAIN(TestVideoScaler)
#include "TestVideoScaler.moc"
