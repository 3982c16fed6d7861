#pragma once

// The whiteboard seen from the customer app (seed 001 step 7): the advisor's side scripted through
// the client library (a PDF generated here, imported with DocumentImport and shown), and what a test
// needs to find the page and a stroke in rendered pixels (a grab of the canvas, a page of an
// exported PDF).
#include "client/consultation/Consultation.h"
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "whiteboard/DocumentImport.h"

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QRect>
#include <QSignalSpy>
#include <QTest>

namespace consult::testing {

// Every page of the test documents is filled with this colour, so a test finds the page in any
// rendering by its pixels, whatever margins or scaling the canvas or the PDF export choose.
inline const QColor kPageFill(0xff, 0xf4, 0xc2);
// The advisor's stroke: a thick red line across the middle of the page.
inline constexpr QRgb kStrokeColor = 0xd00000;

// A PDF of `pages` A5 pages, each filled with kPageFill and showing its number large.
inline bool writeTestPdf(const QString &path, int pages)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A5));
    writer.setResolution(72);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    for (int index = 0; index < pages; ++index) {
        if (index > 0)
            writer.newPage();
        const QRect page(0, 0, writer.width(), writer.height());
        painter.fillRect(page, kPageFill);
        QFont font = painter.font();
        font.setPixelSize(page.height() / 6);
        painter.setFont(font);
        painter.setPen(QColor(0x30, 0x30, 0x30));
        painter.drawText(page.adjusted(0, page.height() / 10, 0, 0), Qt::AlignHCenter | Qt::AlignTop,
                         QStringLiteral("Seite %1").arg(index + 1));
    }
    return painter.end();
}

// The advisor opens the PDF at `path` on `board` as their app does (DocumentImport, then every page
// image uploaded); returns the document id, 0 on failure.
inline quint32 openDocument(ConsultationWhiteboard &board, const QString &path)
{
    board::DocumentImport import(path, board::DocumentImport::Settings{});
    quint32 id = 0;
    int ready = 0;
    QObject::connect(&import, &board::DocumentImport::opened, &import,
                     [&](int) { id = board.openDocument(import.title(), import.pageSizes()); });
    QObject::connect(&import, &board::DocumentImport::pageReady, &import,
                     [&](int pageIndex, const board::PageImage &page) {
                         board.addPageImage(id, pageIndex, page);
                         ++ready;
                     });
    QSignalSpy finished(&import, &board::DocumentImport::finished);
    QSignalSpy refused(&import, &board::DocumentImport::refused);
    import.start();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !refused.isEmpty(); }, 20000) || !refused.isEmpty())
        return 0;
    return id;
}

// A straight pen stroke in page units from (x0, y) to (x1, y), begun, extended and finished.
inline void drawLine(ConsultationWhiteboard &board, board::PageKey page, quint32 x0, quint32 x1, quint32 y,
                     QRgb color = kStrokeColor)
{
    wire::BoardShape shape;
    shape.set_tool(wire::BOARD_TOOL_PEN);
    shape.set_color(color & 0xffffff);
    shape.set_width(12); // 1.2 % of the page width: several pixels at any scale a test looks at
    shape.add_points(x0);
    shape.add_points(y);
    const quint32 stroke = board.beginStroke(page, shape);
    QList<QPoint> more;
    for (quint32 x = x0 + 500; x <= x1; x += 500)
        more.append(QPoint(int(x), int(y)));
    board.extendStroke(stroke, more);
    board.finishStroke(stroke);
}

inline bool isPageFill(QRgb pixel)
{
    return qAbs(qRed(pixel) - kPageFill.red()) < 12 && qAbs(qGreen(pixel) - kPageFill.green()) < 12 &&
           qAbs(qBlue(pixel) - kPageFill.blue()) < 12;
}

// The rectangle the page occupies in `image`: the bounding box of its fill colour.
inline QRect pageRectIn(const QImage &image)
{
    int left = image.width(), top = image.height(), right = -1, bottom = -1;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (isPageFill(line[x])) {
                left = qMin(left, x);
                right = qMax(right, x);
                top = qMin(top, y);
                bottom = qMax(bottom, y);
            }
        }
    }
    return right < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}

// The point at page units (x, y) within `page` (a rectangle in pixels).
inline QPoint atPageUnits(const QRect &page, quint32 x, quint32 y)
{
    return QPoint(page.left() + int(qint64(page.width()) * x / 10000),
                  page.top() + int(qint64(page.height()) * y / 10000));
}

inline bool isReddish(QRgb pixel)
{
    return qRed(pixel) > 150 && qGreen(pixel) < 90 && qBlue(pixel) < 90;
}

// Whether `image` shows the stroke drawLine(x0, x1, y) drew, at three places along it: a reddish
// pixel within a few pixels of each.
inline bool showsStroke(const QImage &image, quint32 x0, quint32 x1, quint32 y)
{
    const QRect page = pageRectIn(image);
    if (page.width() < 50)
        return false;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (const quint32 x : {x0 + (x1 - x0) / 4, (x0 + x1) / 2, x1 - (x1 - x0) / 4}) {
        const QPoint at = atPageUnits(page, x, y);
        bool found = false;
        for (int dy = -3; dy <= 3 && !found; ++dy)
            for (int dx = -3; dx <= 3 && !found; ++dx)
                found = rgb.rect().contains(at + QPoint(dx, dy)) && isReddish(rgb.pixel(at + QPoint(dx, dy)));
        if (!found)
            return false;
    }
    return true;
}

// The pixels around page units (x, y) differ between two renderings of the same page: something
// (the pointer) is drawn there in one of them.
inline bool differsAround(const QImage &before, const QImage &after, quint32 x, quint32 y, int radius = 8)
{
    const QRect page = pageRectIn(before);
    if (page.isEmpty() || before.size() != after.size())
        return false;
    const QPoint at = atPageUnits(page, x, y);
    const QImage a = before.convertToFormat(QImage::Format_RGB32);
    const QImage b = after.convertToFormat(QImage::Format_RGB32);
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p = at + QPoint(dx, dy);
            if (a.rect().contains(p) && a.pixel(p) != b.pixel(p))
                return true;
        }
    return false;
}

// Page `index` of the PDF at `path`, rendered at about 600 pixels across.
inline QImage renderPdfPage(QPdfDocument &pdf, int index)
{
    const QSizeF points = pdf.pagePointSize(index);
    if (points.isEmpty())
        return {};
    const qreal scale = 600.0 / points.width();
    return pdf.render(index, (points * scale).toSize());
}

} // namespace consult::testing
