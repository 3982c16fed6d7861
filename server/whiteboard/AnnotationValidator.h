#pragma once

#include "BoardRefusal.h"
#include "protocol/consult.pb.h"

namespace consult::whiteboard {

// The bounds an annotation's shape is checked against ([whiteboard] in the configuration).
struct AnnotationLimits
{
    int maxPoints = 5000; // point pairs of one stroke, its extends included
};

// Decodes a participant's BoardAnnotate into what the board keeps (I2, I4): the tool, colour, width
// and point ranges and counts of a draw, the text of a text annotation normalised as chat text is
// (at most 500 code points), the points of an extend, 1..100 erase targets, an undo or redo that
// names an order, a clear_page from the advisor only. Only the shape: whether the page, the targets
// or the stroke exist and belong to the author is the BoardState's question. The result is a copy
// the server may relay as it is (the text normalised, the server's fields cleared). Refusal fields
// as consult.proto names them: "points", "width", "color", "text", "target", plus "tool" and
// "action"; more points than a stroke may have is LIMIT_REACHED "points". Pure; has a fuzz target.
BoardOutcome<wire::BoardAnnotate> validateAnnotation(const wire::BoardAnnotate &annotate, wire::Party author,
                                                     const AnnotationLimits &limits);

} // namespace consult::whiteboard
