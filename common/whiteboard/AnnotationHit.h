#pragma once

#include "protocol/consult.pb.h"

#include <QPoint>
#include <QRectF>

namespace consult::board {

// The geometry of an annotation in page units that both the painter and the eraser's hit test use,
// so what the user sees is what the eraser finds.

// The painted line width in page units (of the page's width): the shape's width is in 1/1000 of the
// page width; the highlighter is drawn kHighlighterWidthFactor times wider than a pen of that width.
inline constexpr double kHighlighterWidthFactor = 3.0;
double lineWidthInPageUnits(const wire::BoardShape &shape);

// A text annotation's box in page units, estimated without fonts (the painter wraps with the real
// font; this box is generous enough to find the text by clicking on it): lines of the font height
// and an average glyph width, wrapped at the page's right edge.
QRectF estimatedTextBox(const wire::BoardShape &shape);

// Whether `position` (page units) is within `tolerance` page units of what the shape paints.
bool hitsAnnotation(const wire::BoardShape &shape, QPoint position, int tolerance);

} // namespace consult::board
