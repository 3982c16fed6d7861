#pragma once

#include <QIcon>

class QPainter;
class QRectF;

namespace consult::advisor {

// Small line drawings for what the workstation shows without words: the consultation mode in the
// queue (camera for video, speech bubble for chat) and the four lines of a customer's system check.
// Drawn with QPainter in the given colour, so they follow the palette and stay sharp at any scale
// (the app ships no icon files).
namespace pictograms {

enum class Kind
{
    Camera,
    Microphone,
    Speaker,
    Connection,
    Chat,
};

// Draws `kind` into `box` (a square is best) in `colour`.
void draw(QPainter &painter, const QRectF &box, Kind kind, const QColor &colour);
// The same as an icon (16 px, with a 2x pixmap for high-DPI screens); `selected`: its colour on a
// selected row (the palette's highlighted text).
QIcon icon(Kind kind, const QColor &colour, const QColor &selected);

} // namespace pictograms

} // namespace consult::advisor
