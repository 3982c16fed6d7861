#pragma once

#include "BoardModel.h"

#include <QColor>
#include <QPainter>
#include <QRectF>

namespace consult::board {

// Draws a page's annotations (and optionally a pointer) into `target`, the rectangle the page image
// occupies on any paint device: the canvas widget, an image in tests, the PDF export. The one place
// that turns page units into painted marks, so everywhere shows the same picture. Widths are in
// 1/1000 of the target's width (the highlighter kHighlighterWidthFactor times wider, translucent,
// multiplied onto the page where the device supports it); text is plain, wrapped at the page edge.
// Annotations outside the painter's clip are skipped, so a view that repaints only the region that
// changed (update(annotationBounds(...))) pays for the annotations there, not for the whole page.
void paintAnnotations(QPainter &painter, const QRectF &target, const QList<Annotation> &annotations);
// Where a shape paints within `target`, its line width (and an arrow's head) included.
QRectF annotationBounds(const QRectF &target, const wire::BoardShape &shape);
void paintPointer(QPainter &painter, const QRectF &target, const Pointer &pointer, wire::Party party);
// The pointer's colour per party (the advisor's red, the customer's blue), e.g. for a legend.
QColor pointerColor(wire::Party party);

// Page units <-> a point within `target`.
QPointF toTarget(const QRectF &target, quint32 x, quint32 y);
QPoint toPageUnits(const QRectF &target, const QPointF &point);

} // namespace consult::board
