#include "BoardPainter.h"

#include "AnnotationHit.h"
#include "PageImage.h"

#include <QFontDatabase>
#include <QPainterPath>
#include <QRadialGradient>
#include <QTextOption>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace consult::board {

namespace {

constexpr int kHighlighterAlpha = 96; // of 255: the page stays readable under it

QColor colorOf(const wire::BoardShape &shape)
{
    return QColor::fromRgb(QRgb(shape.color() & 0xFFFFFFu));
}

// Page units of the page width -> pixels of the target; marks never vanish at small scales.
qreal pixels(const QRectF &target, double pageUnits)
{
    return std::max(0.75, pageUnits * target.width() / PageLimits::kPageUnits);
}

QPointF pointOf(const QRectF &target, const wire::BoardShape &shape, int pair)
{
    return toTarget(target, shape.points(2 * pair), shape.points(2 * pair + 1));
}

// A free-hand path smoothed with quadratic curves through the midpoints of its segments, so a
// stroke sampled every 30 ms does not look like a polygon.
QPainterPath smoothPath(const QRectF &target, const wire::BoardShape &shape)
{
    const int pairs = shape.points_size() / 2;
    QPainterPath path(pointOf(target, shape, 0));
    if (pairs == 2) {
        path.lineTo(pointOf(target, shape, 1));
        return path;
    }
    for (int i = 1; i + 1 < pairs; ++i) {
        const QPointF control = pointOf(target, shape, i);
        const QPointF next = pointOf(target, shape, i + 1);
        path.quadTo(control, (control + next) / 2.0);
    }
    if (pairs > 2)
        path.lineTo(pointOf(target, shape, pairs - 1));
    return path;
}

void paintStroke(QPainter &painter, const QRectF &target, const wire::BoardShape &shape)
{
    const qreal width = pixels(target, lineWidthInPageUnits(shape));
    QColor color = colorOf(shape);
    const bool highlighter = shape.tool() == wire::BOARD_TOOL_HIGHLIGHTER;
    if (highlighter) {
        color.setAlpha(kHighlighterAlpha);
        // Multiply darkens the page like a marker on paper; paint devices without it (PDF) fall
        // back to plain translucency.
        painter.setCompositionMode(QPainter::CompositionMode_Multiply);
    }
    if (shape.points_size() == 2) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(pointOf(target, shape, 0), width / 2.0, width / 2.0);
    } else {
        painter.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(smoothPath(target, shape));
    }
    painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
}

void paintArrow(QPainter &painter, const QRectF &target, const wire::BoardShape &shape)
{
    const QPointF tail = pointOf(target, shape, 0);
    const QPointF head = pointOf(target, shape, 1);
    const qreal width = pixels(target, lineWidthInPageUnits(shape));
    const QColor color = colorOf(shape);
    const QLineF line(tail, head);
    const qreal headLength = std::min(std::max(4.0 * width, 8.0), std::max(line.length(), 1.0));
    const qreal angle = std::atan2(head.y() - tail.y(), head.x() - tail.x());
    const auto corner = [&](qreal offset) {
        return head - QPointF(std::cos(angle + offset), std::sin(angle + offset)) * headLength;
    };
    const QPointF left = corner(M_PI / 7.0);
    const QPointF right = corner(-M_PI / 7.0);
    // The shaft ends inside the head, so its round cap does not show past the point.
    const QPointF shaftEnd = (left + right) / 2.0;
    painter.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawLine(tail, line.length() > headLength ? shaftEnd : tail);
    painter.setPen(QPen(color, std::max<qreal>(1.0, width / 2.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(color);
    painter.drawPolygon(QPolygonF({head, left, right}));
}

void paintRectangle(QPainter &painter, const QRectF &target, const wire::BoardShape &shape)
{
    const qreal width = pixels(target, lineWidthInPageUnits(shape));
    painter.setPen(QPen(colorOf(shape), width, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(pointOf(target, shape, 0), pointOf(target, shape, 1)).normalized());
}

// Text is laid out at a fixed scale (one pixel per page unit of the width) and scaled to the target,
// so it wraps at the same words on the canvas, a thumbnail and in the PDF. Drawn as plain text (I3).
void paintText(QPainter &painter, const QRectF &target, const wire::BoardShape &shape)
{
    const QPointF topLeft = pointOf(target, shape, 0);
    const qreal scale = target.width() / PageLimits::kPageUnits;
    if (scale <= 0.0)
        return;
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    font.setPixelSize(int(shape.width() * (PageLimits::kPageUnits / 1000)));
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(QFont::PreferAntialias);
    const qreal available = PageLimits::kPageUnits - shape.points(0);
    const qreal below = (PageLimits::kPageUnits - shape.points(1)) * target.height() / target.width();
    painter.save();
    painter.translate(topLeft);
    painter.scale(scale, scale);
    painter.setFont(font);
    painter.setPen(colorOf(shape));
    QTextOption option(Qt::AlignLeft | Qt::AlignTop);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    painter.drawText(QRectF(0, 0, std::max<qreal>(available, font.pixelSize()), std::max<qreal>(below, 1.0)),
                     QString::fromStdString(shape.text()), option);
    painter.restore();
}

} // namespace

QPointF toTarget(const QRectF &target, quint32 x, quint32 y)
{
    return QPointF(target.left() + target.width() * (qreal(x) / PageLimits::kPageUnits),
                   target.top() + target.height() * (qreal(y) / PageLimits::kPageUnits));
}

QPoint toPageUnits(const QRectF &target, const QPointF &point)
{
    if (target.width() <= 0.0 || target.height() <= 0.0)
        return {};
    const auto units = [](qreal offset, qreal length) {
        return std::clamp(qRound(offset / length * PageLimits::kPageUnits), 0, int(PageLimits::kPageUnits));
    };
    return QPoint(units(point.x() - target.left(), target.width()), units(point.y() - target.top(), target.height()));
}

QRectF annotationBounds(const QRectF &target, const wire::BoardShape &shape)
{
    const int pairs = shape.points_size() / 2;
    if (pairs < 1 || target.isEmpty())
        return {};
    if (shape.tool() == wire::BOARD_TOOL_TEXT) {
        // The estimate is generous; text never reaches past the page's right edge.
        const QRectF box = estimatedTextBox(shape);
        const QPointF topLeft = toTarget(target, quint32(box.left()), quint32(box.top()));
        const qreal scale = target.width() / PageLimits::kPageUnits;
        return QRectF(topLeft, QSizeF(box.width() * scale, box.height() * scale) * 1.5).intersected(target);
    }
    quint32 left = PageLimits::kPageUnits, top = PageLimits::kPageUnits, right = 0, bottom = 0;
    for (int i = 0; i < pairs; ++i) {
        left = std::min(left, quint32(shape.points(2 * i)));
        right = std::max(right, quint32(shape.points(2 * i)));
        top = std::min(top, quint32(shape.points(2 * i + 1)));
        bottom = std::max(bottom, quint32(shape.points(2 * i + 1)));
    }
    qreal margin = pixels(target, lineWidthInPageUnits(shape));
    if (shape.tool() == wire::BOARD_TOOL_ARROW)
        margin = std::max<qreal>(4.0 * margin, 8.0); // the head
    return QRectF(toTarget(target, left, top), toTarget(target, right, bottom))
        .adjusted(-margin, -margin, margin, margin);
}

void paintAnnotations(QPainter &painter, const QRectF &target, const QList<Annotation> &annotations)
{
    if (target.isEmpty())
        return;
    // A repaint of a small region (a stroke growing) paints only what reaches into it.
    const QRectF exposed = painter.hasClipping() ? painter.clipBoundingRect() : QRectF();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setClipRect(target, Qt::IntersectClip);
    for (const Annotation &annotation : annotations) {
        const wire::BoardShape &shape = annotation.shape;
        if (shape.points_size() < 2)
            continue;
        if (!exposed.isNull() && !exposed.intersects(annotationBounds(target, shape)))
            continue;
        switch (shape.tool()) {
        case wire::BOARD_TOOL_PEN:
        case wire::BOARD_TOOL_HIGHLIGHTER:
            paintStroke(painter, target, shape);
            break;
        case wire::BOARD_TOOL_ARROW:
            if (shape.points_size() == 4)
                paintArrow(painter, target, shape);
            break;
        case wire::BOARD_TOOL_RECTANGLE:
            if (shape.points_size() == 4)
                paintRectangle(painter, target, shape);
            break;
        case wire::BOARD_TOOL_TEXT:
            paintText(painter, target, shape);
            break;
        default:
            break;
        }
    }
    painter.restore();
}

QColor pointerColor(wire::Party party)
{
    return party == wire::PARTY_CUSTOMER ? QColor(0x1f, 0x6f, 0xe0) : QColor(0xe0, 0x1b, 0x24);
}

void paintPointer(QPainter &painter, const QRectF &target, const Pointer &pointer, wire::Party party)
{
    if (!pointer.visible || target.isEmpty())
        return;
    const QPointF centre = toTarget(target, quint32(std::clamp(pointer.position.x(), 0, PageLimits::kPageUnits)),
                                    quint32(std::clamp(pointer.position.y(), 0, PageLimits::kPageUnits)));
    const qreal radius = std::max<qreal>(4.0, target.width() * 0.006);
    const QColor color = pointerColor(party);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    // The soft halo makes the dot findable on a busy page.
    QRadialGradient halo(centre, radius * 3.0);
    QColor inner = color;
    inner.setAlpha(110);
    QColor outer = color;
    outer.setAlpha(0);
    halo.setColorAt(0.0, inner);
    halo.setColorAt(1.0, outer);
    painter.setBrush(halo);
    painter.drawEllipse(centre, radius * 3.0, radius * 3.0);
    painter.setBrush(color);
    painter.setPen(QPen(Qt::white, std::max<qreal>(1.0, radius / 4.0)));
    painter.drawEllipse(centre, radius, radius);
    painter.restore();
}

} // namespace consult::board
