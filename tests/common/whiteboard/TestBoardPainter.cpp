// BoardPainter: every tool lands where its page units say, scaled into any target rectangle, read
// back from the pixels of a QImage.
#include "BoardOps.h"
#include "whiteboard/BoardPainter.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace consult::board;
using namespace consult::board::test;
namespace wire = consult::wire;

namespace {

QImage whitePage(QSize size = QSize(1000, 800))
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    return image;
}

Annotation annotationOf(const wire::BoardShape &shape)
{
    Annotation annotation;
    annotation.order = 1;
    annotation.shape = shape;
    return annotation;
}

void paint(QImage &image, const QRectF &target, const wire::BoardShape &shape)
{
    QPainter painter(&image);
    paintAnnotations(painter, target, {annotationOf(shape)});
}

bool isWhite(QRgb pixel)
{
    return qRed(pixel) > 245 && qGreen(pixel) > 245 && qBlue(pixel) > 245;
}

bool isColor(QRgb pixel, QColor expected, int tolerance = 20)
{
    return std::abs(qRed(pixel) - expected.red()) <= tolerance &&
           std::abs(qGreen(pixel) - expected.green()) <= tolerance &&
           std::abs(qBlue(pixel) - expected.blue()) <= tolerance;
}

int nonWhitePixels(const QImage &image, const QRect &area)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            count += isWhite(image.pixel(x, y)) ? 0 : 1;
    }
    return count;
}

} // namespace

class TestBoardPainter final : public QObject
{
    Q_OBJECT

private slots:
    void aPenStrokeIsDrawnWhereItsPageUnitsSay()
    {
        QImage image = whitePage();
        paint(image, image.rect(), pen({1000, 5000, 5000, 5000, 9000, 5000}, 0x0000ff, 10));
        // 10/1000 of 1000 px wide: a 10 px line along y = 400.
        QVERIFY(isColor(image.pixel(500, 400), Qt::blue));
        QVERIFY(isColor(image.pixel(500, 396), Qt::blue));
        QVERIFY(isWhite(image.pixel(500, 410)));
        QVERIFY(isWhite(image.pixel(500, 200)));
        QVERIFY(isWhite(image.pixel(50, 400)));           // before its start
        QVERIFY(isColor(image.pixel(97, 400), Qt::blue)); // the round cap reaches past the first point
    }

    void theStrokeScalesWithTheTargetRectangle()
    {
        QImage image = whitePage();
        const QRectF target(200, 100, 500, 400); // the page shown smaller and offset
        paint(image, target, pen({0, 5000, 10000, 5000}, 0xff0000, 10));
        QVERIFY(isColor(image.pixel(450, 300), Qt::red));
        QVERIFY(isWhite(image.pixel(450, 310))); // 5 px wide at this scale
        QVERIFY(isWhite(image.pixel(150, 300))); // clipped to the page
        QVERIFY(isWhite(image.pixel(750, 300)));
    }

    void aSinglePointIsADot()
    {
        QImage image = whitePage();
        paint(image, image.rect(), pen({5000, 5000}, 0x00aa00, 20));
        QVERIFY(isColor(image.pixel(500, 400), QColor(0x00, 0xaa, 0x00)));
        QVERIFY(isWhite(image.pixel(500, 420)));
    }

    void theHighlighterIsWideAndLetsThePageShowThrough()
    {
        QImage image = whitePage();
        {
            QPainter painter(&image);
            painter.fillRect(QRect(0, 0, 1000, 400), Qt::black); // the upper half is "printed text"
        }
        paint(image, image.rect(), shape(wire::BOARD_TOOL_HIGHLIGHTER, {1000, 5000, 9000, 5000}, 0xffff00, 10));
        const QRgb onWhite = image.pixel(500, 410);
        QVERIFY(qRed(onWhite) > 200 && qGreen(onWhite) > 200 && qBlue(onWhite) < 200); // tinted yellow
        QVERIFY(qBlue(onWhite) > 60);                                                  // but translucent
        QVERIFY(isColor(image.pixel(500, 390), Qt::black, 10));                        // the text under it stays black
        QVERIFY(!isWhite(image.pixel(500, 412))); // three times a pen's width: 30 px
        QVERIFY(isWhite(image.pixel(500, 420)));
    }

    void anArrowHasAHeadAtItsSecondPoint()
    {
        QImage image = whitePage();
        paint(image, image.rect(), shape(wire::BOARD_TOOL_ARROW, {1000, 5000, 8000, 5000}, 0x000000, 4));
        QVERIFY(!isWhite(image.pixel(400, 400))); // the shaft
        QVERIFY(isWhite(image.pixel(400, 405)));  // the shaft is thin
        QVERIFY(!isWhite(image.pixel(790, 404))); // the head is wider than the shaft
        QVERIFY(isWhite(image.pixel(110, 404)));  // the tail is not
        QVERIFY(isWhite(image.pixel(815, 400)));  // nothing past the tip
    }

    void aRectangleIsAnOutline()
    {
        QImage image = whitePage();
        paint(image, image.rect(), shape(wire::BOARD_TOOL_RECTANGLE, {6000, 6000, 2000, 2000}, 0xff0000, 5));
        QVERIFY(isColor(image.pixel(200, 300), Qt::red)); // left edge, from the normalised corners
        QVERIFY(isColor(image.pixel(400, 480), Qt::red)); // bottom edge
        QVERIFY(isWhite(image.pixel(400, 320)));          // inside
    }

    void textIsDrawnFromItsCornerAndWrappedAtThePageEdge()
    {
        QImage image = whitePage();
        paint(image, image.rect(), text(7000, 1000, "Bitte hier unterschreiben und das Datum eintragen", 30));
        QVERIFY(nonWhitePixels(image, QRect(700, 80, 300, 30)) > 50);  // the first line
        QVERIFY(nonWhitePixels(image, QRect(700, 115, 300, 60)) > 50); // wrapped onto further lines
        QCOMPARE(nonWhitePixels(image, QRect(0, 0, 690, 800)), 0);     // nothing left of its corner
        QCOMPARE(nonWhitePixels(image, QRect(0, 0, 1000, 78)), 0);     // nor above it
    }

    void textIsPlainNotMarkup()
    {
        QImage plain = whitePage();
        QImage markup = whitePage();
        paint(plain, plain.rect(), text(1000, 1000, "Zins", 40));
        paint(markup, markup.rect(), text(1000, 1000, "<b>Zins</b>", 40));
        // The tags are drawn as characters: the marked-up text is wider, not bold and the same width.
        QVERIFY(nonWhitePixels(markup, QRect(0, 0, 1000, 800)) > nonWhitePixels(plain, QRect(0, 0, 1000, 800)) * 2);
    }

    void thePointersOfBothPartiesAreDotsInTheirOwnColour()
    {
        QImage image = whitePage();
        {
            QPainter painter(&image);
            paintPointer(painter, image.rect(), Pointer{PageKey{1, 0}, QPoint(2500, 5000), true}, wire::PARTY_ADVISOR);
            paintPointer(painter, image.rect(), Pointer{PageKey{1, 0}, QPoint(7500, 5000), true}, wire::PARTY_CUSTOMER);
            paintPointer(painter, image.rect(), Pointer{PageKey{1, 0}, QPoint(5000, 2000), false},
                         wire::PARTY_CUSTOMER);
        }
        QVERIFY(isColor(image.pixel(250, 400), pointerColor(wire::PARTY_ADVISOR)));
        QVERIFY(isColor(image.pixel(750, 400), pointerColor(wire::PARTY_CUSTOMER)));
        QVERIFY(pointerColor(wire::PARTY_ADVISOR) != pointerColor(wire::PARTY_CUSTOMER));
        QVERIFY(!isWhite(image.pixel(250, 412))); // the halo around the dot
        QVERIFY(isWhite(image.pixel(500, 160)));  // a hidden pointer is not drawn
    }

    // What the culling of a partial repaint relies on: nothing is painted outside a shape's bounds.
    void everyToolPaintsWithinItsBounds_data()
    {
        QTest::addColumn<int>("tool");
        QTest::addColumn<QList<quint32>>("points");
        QTest::newRow("pen") << int(wire::BOARD_TOOL_PEN) << QList<quint32>{2000, 2000, 2600, 3000, 3000, 2500};
        QTest::newRow("dot") << int(wire::BOARD_TOOL_PEN) << QList<quint32>{5000, 5000};
        QTest::newRow("highlighter") << int(wire::BOARD_TOOL_HIGHLIGHTER) << QList<quint32>{2000, 6000, 7000, 6100};
        QTest::newRow("arrow") << int(wire::BOARD_TOOL_ARROW) << QList<quint32>{7000, 7000, 3000, 3000};
        QTest::newRow("rectangle") << int(wire::BOARD_TOOL_RECTANGLE) << QList<quint32>{1000, 1000, 4000, 9000};
        QTest::newRow("text") << int(wire::BOARD_TOOL_TEXT) << QList<quint32>{6000, 4000};
    }
    void everyToolPaintsWithinItsBounds()
    {
        QFETCH(int, tool);
        QFETCH(QList<quint32>, points);
        wire::BoardShape drawn = shape(wire::BoardTool(tool), {}, 0x000000, 12);
        for (const quint32 point : points)
            drawn.add_points(point);
        if (tool == wire::BOARD_TOOL_TEXT)
            drawn.set_text("Tilgung und Zinsen über die ganze Laufzeit");
        QImage image = whitePage();
        const QRectF target(50, 40, 900, 700);
        paint(image, target, drawn);
        const QRect bounds = annotationBounds(target, drawn).toAlignedRect();
        QVERIFY(nonWhitePixels(image, bounds) > 0);
        QCOMPARE(nonWhitePixels(image, image.rect()), nonWhitePixels(image, bounds.intersected(image.rect())));
    }

    void aPartialRepaintPaintsWhatReachesIntoIt()
    {
        QImage image = whitePage();
        QPainter painter(&image);
        painter.setClipRect(QRect(450, 0, 100, 800));
        paintAnnotations(painter, image.rect(),
                         {annotationOf(pen({1000, 5000, 9000, 5000}, 0x0000ff, 10)),
                          annotationOf(pen({1000, 2000, 3000, 2000}, 0x0000ff, 10))});
        painter.end();
        QVERIFY(isColor(image.pixel(500, 400), Qt::blue)); // the long stroke crosses the region
        QVERIFY(isWhite(image.pixel(300, 400)));           // outside the region nothing changes
        QCOMPARE(nonWhitePixels(image, QRect(0, 0, 450, 800)), 0);
    }

    void pageUnitsAndTargetPointsConvertBothWays()
    {
        const QRectF target(100, 50, 400, 200);
        QCOMPARE(toTarget(target, 0, 0), QPointF(100, 50));
        QCOMPARE(toTarget(target, 10000, 10000), QPointF(500, 250));
        QCOMPARE(toTarget(target, 2500, 5000), QPointF(200, 150));
        QCOMPARE(toPageUnits(target, QPointF(200, 150)), QPoint(2500, 5000));
        QCOMPARE(toPageUnits(target, QPointF(0, 1000)), QPoint(0, 10000)); // clamped to the page
    }
};

QTEST_MAIN(TestBoardPainter)
#include "TestBoardPainter.moc"
