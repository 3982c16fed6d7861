// "Als PDF speichern": the marked-up pages in order, each its page image with the annotations over
// it, read back with Qt PDF and checked in the rendered pixels.
#include "BoardOps.h"
#include "whiteboard/BoardPdfExport.h"

#include <QFile>
#include <QPdfDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace consult::board;
using namespace consult::board::test;
namespace wire = consult::wire;

namespace {

const QSize kPageSize(800, 600);

QImage pageImage(QColor color)
{
    QImage image(kPageSize, QImage::Format_RGB32);
    image.fill(color);
    return image;
}

bool isNear(QRgb pixel, QColor expected, int tolerance = 30)
{
    return std::abs(qRed(pixel) - expected.red()) < tolerance &&
           std::abs(qGreen(pixel) - expected.green()) < tolerance &&
           std::abs(qBlue(pixel) - expected.blue()) < tolerance;
}

} // namespace

class TestBoardPdfExport final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aTwoPageBoardBecomesTwoPagesWithTheAnnotationsOnThem()
    {
        BoardModel model;
        QVERIFY(model.addDocument(document(1, 3, kPageSize)));
        QVERIFY(model.setPageImage(PageKey{1, 0}, pageImage(QColor(220, 220, 220))));
        QVERIFY(model.setPageImage(PageKey{1, 1}, pageImage(QColor(200, 230, 255))));
        QVERIFY(model.setPageImage(PageKey{1, 2}, pageImage(Qt::yellow)));
        QVERIFY(model.showPage(PageKey{1, 0}));
        // Page 2 (index 1) is never shown but marked up; page 3 neither: it is not exported.
        QVERIFY(model.applyOperation(
            draw(1, wire::PARTY_ADVISOR, 1, PageKey{1, 1}, pen({1000, 5000, 9000, 5000}, 0xff0000, 20))));

        const QString path = m_dir.filePath(QStringLiteral("Beratung.pdf"));
        QCOMPARE(exportBoardPdf(model, path, QStringLiteral("Unterlagen der Beratung")), QString());

        QPdfDocument pdf;
        QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
        QCOMPARE(pdf.pageCount(), 2);
        QCOMPARE(pdf.metaData(QPdfDocument::MetaDataField::Title).toString(),
                 QStringLiteral("Unterlagen der Beratung"));
        // Each page in its image's proportions.
        const QSizeF points = pdf.pagePointSize(1);
        QVERIFY(std::abs(points.width() / points.height() - 800.0 / 600.0) < 0.01);

        const QImage first = pdf.render(0, QSize(400, 300));
        const QImage second = pdf.render(1, QSize(400, 300));
        QVERIFY(isNear(first.pixel(200, 150), QColor(220, 220, 220)));
        QVERIFY(isNear(second.pixel(200, 150), Qt::red));               // the stroke, across the middle
        QVERIFY(isNear(second.pixel(200, 120), QColor(200, 230, 255))); // the page image around it
        QVERIFY(isNear(second.pixel(20, 150), QColor(200, 230, 255)));  // before the stroke starts
    }

    void anAnnotationErasedBeforeTheExportIsNotInIt()
    {
        BoardModel model;
        QVERIFY(model.addDocument(document(1, 1, kPageSize)));
        QVERIFY(model.setPageImage(PageKey{1, 0}, pageImage(Qt::white)));
        QVERIFY(model.showPage(PageKey{1, 0}));
        QVERIFY(model.applyOperation(
            draw(1, wire::PARTY_CUSTOMER, 1, PageKey{1, 0}, pen({1000, 5000, 9000, 5000}, 0x0000ff, 20))));
        QVERIFY(model.applyOperation(erase(2, wire::PARTY_ADVISOR, 1, PageKey{1, 0}, {1})));
        const QString path = m_dir.filePath(QStringLiteral("Radiert.pdf"));
        QCOMPARE(exportBoardPdf(model, path, QStringLiteral("x")), QString());
        QPdfDocument pdf;
        QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
        QVERIFY(isNear(pdf.render(0, QSize(400, 300)).pixel(200, 150), Qt::white));
    }

    void aPageWhoseImageHasNotArrivedKeepsItsMarks()
    {
        BoardModel model;
        QVERIFY(model.addDocument(document(1, 1, kPageSize)));
        QVERIFY(model.applyOperation(draw(1, wire::PARTY_ADVISOR, 1, PageKey{1, 0},
                                          shape(wire::BOARD_TOOL_RECTANGLE, {2000, 2000, 8000, 8000}, 0x008000, 10))));
        const QString path = m_dir.filePath(QStringLiteral("OhneBild.pdf"));
        QCOMPARE(exportBoardPdf(model, path, QStringLiteral("x")), QString());
        QPdfDocument pdf;
        QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
        const QImage page = pdf.render(0, QSize(400, 300));
        QVERIFY(isNear(page.pixel(80, 150), QColor(0, 128, 0), 60)); // the left edge of the rectangle
        QVERIFY(isNear(page.pixel(200, 150), Qt::white));
    }

    void nothingToExportIsSaidAndNoFileIsWritten()
    {
        BoardModel model;
        QVERIFY(model.addDocument(document(1, 2, kPageSize)));
        const QString path = m_dir.filePath(QStringLiteral("Leer.pdf"));
        QVERIFY(!exportBoardPdf(model, path, QStringLiteral("x")).isEmpty());
        QVERIFY(!QFile::exists(path));
    }

    void aFileThatCannotBeWrittenIsSaidAndLeavesNothingBehind()
    {
        BoardModel model;
        QVERIFY(model.addDocument(document(1, 1, kPageSize)));
        QVERIFY(model.showPage(PageKey{1, 0}));
        const QString path = m_dir.filePath(QStringLiteral("fehlt/Beratung.pdf"));
        const QString reason = exportBoardPdf(model, path, QStringLiteral("x"));
        QVERIFY(!reason.isEmpty());
        QVERIFY(reason.contains(QStringLiteral("Beratung.pdf")));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestBoardPdfExport)
#include "TestBoardPdfExport.moc"
