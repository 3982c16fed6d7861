#include "media/video/FrameConverter.h"
#include "media/video/TestPattern.h"
#include "media/video/VideoRenderer.h"

#include <QSignalSpy>
#include <QTest>

using namespace consult::media;

namespace {

// Every row of one plane of the mapped frame equals the tightly packed plane.
bool planeMatches(const QVideoFrame &video, int plane, const QByteArray &expected, int width, int height)
{
    for (int row = 0; row < height; ++row) {
        const auto *line =
            reinterpret_cast<const char *>(video.bits(plane)) + qsizetype(row) * video.bytesPerLine(plane);
        if (QByteArrayView(line, width) != QByteArrayView(expected).sliced(qsizetype(row) * width, width))
            return false;
    }
    return true;
}

} // namespace

class TestVideoRenderer final : public QObject
{
    Q_OBJECT
private slots:
    void aDecodedFrameBecomesAQVideoFrameWithTheSamePlanes_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("640x360") << 640 << 360;
        // Not odd sizes: Qt 6.4 allocates YUV420P frames with height / 2 chroma rows.
        QTest::newRow("small 34x18") << 34 << 18;
    }
    void aDecodedFrameBecomesAQVideoFrameWithTheSamePlanes()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        const I420Frame picture = TestPattern(TestPattern::Kind::Noisy, width, height).render(5, 777'000);
        QVideoFrame video = VideoRenderer::toVideoFrame(picture);
        QVERIFY(video.isValid());
        QCOMPARE(video.pixelFormat(), QVideoFrameFormat::Format_YUV420P);
        QCOMPARE(video.size(), QSize(width, height));
        QCOMPARE(video.startTime(), 777'000);
        QVERIFY(video.map(QVideoFrame::ReadOnly));
        const int chromaWidth = (width + 1) / 2, chromaHeight = (height + 1) / 2;
        QVERIFY(planeMatches(video, 0, picture.y, width, height));
        QVERIFY(planeMatches(video, 1, picture.u, chromaWidth, chromaHeight));
        QVERIFY(planeMatches(video, 2, picture.v, chromaWidth, chromaHeight));
        video.unmap();
        // And back: the converter reads it as the same picture.
        const std::optional<I420Frame> back = convertToI420(video);
        QVERIFY(back);
        QCOMPARE(back->y, picture.y);
        QCOMPARE(back->u, picture.u);
        QCOMPARE(back->v, picture.v);
    }

    void renderingHandsTheFrameToTheSink()
    {
        QVideoSink sink;
        VideoRenderer renderer(&sink);
        QSignalSpy shown(&sink, &QVideoSink::videoFrameChanged);
        renderer.render(TestPattern().render(0, 0));
        QCOMPARE(shown.count(), 1);
        QCOMPARE(sink.videoFrame().size(), QSize(kVideoWidth, kVideoHeight));
        renderer.clear();
        QVERIFY(!sink.videoFrame().isValid());
    }

    void anInvalidPictureShowsNothing()
    {
        QVideoSink sink;
        VideoRenderer renderer(&sink);
        QSignalSpy shown(&sink, &QVideoSink::videoFrameChanged);
        renderer.render(I420Frame{});
        QCOMPARE(shown.count(), 0);
        QVERIFY(!VideoRenderer::toVideoFrame(I420Frame{}).isValid());
    }
};

QTEST_MAIN(TestVideoRenderer)
#include "TestVideoRenderer.moc"
