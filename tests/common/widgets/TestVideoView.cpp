// The video view both apps' panels and the system check use: it paints the latest picture scaled to
// fit with its aspect ratio (sampled pixels), converts once per frame, shows the placeholder without
// a picture, and carries an accessible name.
#include "media/video/TestPattern.h"
#include "widgets/MediaTexts.h"
#include "widgets/VideoView.h"

#include <QApplication>
#include <QTest>

using namespace consult;
using namespace consult::media;

namespace {

// A 640x360 picture, left half pure red, right half pure blue (BT.601 video range).
I420Frame redAndBlue()
{
    I420Frame frame = I420Frame::blank(640, 360);
    const int chromaWidth = 320;
    for (int row = 0; row < 360; ++row)
        for (int column = 0; column < 640; ++column)
            frame.y[row * 640 + column] = char(column < 320 ? 81 : 41);
    for (int row = 0; row < 180; ++row)
        for (int column = 0; column < chromaWidth; ++column) {
            frame.u[row * chromaWidth + column] = char(column < 160 ? 90 : 240);
            frame.v[row * chromaWidth + column] = char(column < 160 ? 240 : 110);
        }
    return frame;
}

bool near(QRgb pixel, QRgb expected)
{
    return std::abs(qRed(pixel) - qRed(expected)) < 24 && std::abs(qGreen(pixel) - qGreen(expected)) < 24 &&
           std::abs(qBlue(pixel) - qBlue(expected)) < 24;
}

} // namespace

class TestVideoView final : public QObject
{
    Q_OBJECT
private slots:
    void drawsTheFrameScaledToFitWithBarsAround()
    {
        VideoView view;
        view.resize(400, 400); // square: the 16:9 picture gets bars above and below
        view.setFrame(redAndBlue());
        QVERIFY(view.hasPicture());
        const QImage shot = view.grab().toImage();
        const int pictureHeight = 400 * 9 / 16; // 225
        const int top = (400 - pictureHeight) / 2;
        QVERIFY2(near(shot.pixel(100, 200), qRgb(255, 0, 0)), qPrintable(QString::number(shot.pixel(100, 200), 16)));
        QVERIFY2(near(shot.pixel(300, 200), qRgb(0, 0, 255)), qPrintable(QString::number(shot.pixel(300, 200), 16)));
        QVERIFY(near(shot.pixel(100, top / 2), qRgb(0, 0, 0)));       // the bar above
        QVERIFY(near(shot.pixel(300, 400 - top / 2), qRgb(0, 0, 0))); // and below
    }

    void theSelfViewIsMirrored()
    {
        VideoView view;
        view.resize(320, 180);
        view.setMirrored(true);
        view.setFrame(redAndBlue());
        QVERIFY(near(view.picture().pixel(10, 100), qRgb(0, 0, 255)));
        QVERIFY(near(view.picture().pixel(630, 100), qRgb(255, 0, 0)));
    }

    void theTestPatternsGreyBandsComeOutGrey()
    {
        const QImage image = VideoView::toImage(TestPattern(TestPattern::Kind::Moving).render(0, 0));
        QCOMPARE(image.size(), QSize(640, 360));
        // Luma 16 is black and 235 white in video range; the converter maps them to the full range.
        I420Frame black = I420Frame::blank(64, 36);
        QVERIFY(near(VideoView::toImage(black).pixel(5, 5), qRgb(0, 0, 0)));
        black.y.fill(char(235));
        QVERIFY(near(VideoView::toImage(black).pixel(5, 5), qRgb(255, 255, 255)));
    }

    void withoutAPictureItShowsThePlaceholder()
    {
        VideoView view;
        view.resize(320, 180);
        view.setPlaceholderText(MediaTexts::ownCameraOff());
        QVERIFY(!view.hasPicture());
        QCOMPARE(view.placeholderText(), QStringLiteral("Kamera ist aus"));
        QCOMPARE(view.accessibleDescription(), QStringLiteral("Kamera ist aus"));
        QVERIFY(!view.accessibleName().isEmpty());
        // White text on black: some pixels are light.
        const QImage shot = view.grab().toImage();
        bool light = false;
        for (int x = 0; x < shot.width() && !light; ++x)
            light = qGray(shot.pixel(x, 90)) > 128;
        QVERIFY(light);

        view.setFrame(redAndBlue());
        QVERIFY(view.accessibleDescription().isEmpty());
        view.clear();
        QVERIFY(!view.hasPicture());
        QCOMPARE(view.accessibleDescription(), QStringLiteral("Kamera ist aus"));
    }

    void anInvalidFrameLeavesNoPicture()
    {
        VideoView view;
        view.setFrame(redAndBlue());
        view.setFrame(I420Frame{});
        QVERIFY(!view.hasPicture());
    }
};

QTEST_MAIN(TestVideoView)
#include "TestVideoView.moc"
