#include "AnnotationHit.h"

#include "PageImage.h"

#include <QLineF>
#include <QString>

#include <algorithm>
#include <cmath>

namespace consult::board {

namespace {

constexpr double kAverageGlyphWidth = 0.6; // of the font height, generous for a sans-serif font
constexpr double kLineHeight = 1.25;       // of the font height

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    if (lengthSquared <= 0.0)
        return QLineF(p, a).length();
    const double t = std::clamp(QPointF::dotProduct(p - a, ab) / lengthSquared, 0.0, 1.0);
    return QLineF(p, a + t * ab).length();
}

QPointF pointAt(const wire::BoardShape &shape, int pair)
{
    return QPointF(shape.points(2 * pair), shape.points(2 * pair + 1));
}

} // namespace

double lineWidthInPageUnits(const wire::BoardShape &shape)
{
    const double width = shape.width() * (PageLimits::kPageUnits / 1000.0);
    return shape.tool() == wire::BOARD_TOOL_HIGHLIGHTER ? width * kHighlighterWidthFactor : width;
}

QRectF estimatedTextBox(const wire::BoardShape &shape)
{
    if (shape.points_size() < 2)
        return {};
    const double height = shape.width() * (PageLimits::kPageUnits / 1000.0);
    const double x = shape.points(0);
    const double y = shape.points(1);
    const double available = std::max(height, PageLimits::kPageUnits - x);
    const double length = double(QString::fromStdString(shape.text()).size()) * kAverageGlyphWidth * height;
    const double lines = std::max(1.0, std::ceil(length / available));
    return QRectF(x, y, std::min(length, available), lines * kLineHeight * height);
}

bool hitsAnnotation(const wire::BoardShape &shape, QPoint position, int tolerance)
{
    const int pairs = shape.points_size() / 2;
    if (pairs < 1)
        return false;
    const QPointF p(position);
    const double reach = std::max(0, tolerance) + lineWidthInPageUnits(shape) / 2.0;
    switch (shape.tool()) {
    case wire::BOARD_TOOL_PEN:
    case wire::BOARD_TOOL_HIGHLIGHTER:
    case wire::BOARD_TOOL_ARROW:
        if (pairs == 1)
            return QLineF(p, pointAt(shape, 0)).length() <= reach;
        for (int i = 1; i < pairs; ++i) {
            if (distanceToSegment(p, pointAt(shape, i - 1), pointAt(shape, i)) <= reach)
                return true;
        }
        return false;
    case wire::BOARD_TOOL_RECTANGLE: {
        if (pairs != 2)
            return false;
        const QRectF box = QRectF(pointAt(shape, 0), pointAt(shape, 1)).normalized();
        const QPointF corners[] = {box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft()};
        for (int i = 0; i < 4; ++i) {
            if (distanceToSegment(p, corners[i], corners[(i + 1) % 4]) <= reach)
                return true;
        }
        return false;
    }
    case wire::BOARD_TOOL_TEXT: {
        const QRectF box = estimatedTextBox(shape).adjusted(-tolerance, -tolerance, tolerance, tolerance);
        return box.contains(p);
    }
    default:
        return false;
    }
}

} // namespace consult::board
