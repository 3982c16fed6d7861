#include "ShapeCheck.h"

#include "PageImage.h"

#include <QList>
#include <QString>

namespace consult::board {

bool isValidPoints(const google::protobuf::RepeatedField<quint32> &points, bool allowEmpty)
{
    if (points.size() % 2 != 0 || (points.empty() && !allowEmpty))
        return false;
    for (const quint32 value : points) {
        if (value > quint32(PageLimits::kPageUnits))
            return false;
    }
    return true;
}

bool isStroke(const wire::BoardShape &shape)
{
    return shape.tool() == wire::BOARD_TOOL_PEN || shape.tool() == wire::BOARD_TOOL_HIGHLIGHTER;
}

bool isValidShape(const wire::BoardShape &shape)
{
    if (shape.color() > 0xFFFFFFu || shape.width() < 1 || shape.width() > 100)
        return false;
    if (!isValidPoints(shape.points(), false))
        return false;
    const int pairs = shape.points_size() / 2;
    switch (shape.tool()) {
    case wire::BOARD_TOOL_PEN:
    case wire::BOARD_TOOL_HIGHLIGHTER:
        return pairs <= kMaxStrokePointPairs && shape.text().empty();
    case wire::BOARD_TOOL_ARROW:
    case wire::BOARD_TOOL_RECTANGLE:
        return pairs == 2 && shape.text().empty();
    case wire::BOARD_TOOL_TEXT: {
        if (pairs != 1 || shape.text().empty() || shape.text().size() > size_t(4 * kMaxTextCodePoints))
            return false;
        const QString text = QString::fromStdString(shape.text());
        const qsizetype codePoints = text.toUcs4().size();
        return codePoints >= 1 && codePoints <= kMaxTextCodePoints;
    }
    default:
        return false;
    }
}

} // namespace consult::board
