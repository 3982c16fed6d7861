#pragma once

#include "protocol/consult.pb.h"

#include <QtGlobal>

#include <google/protobuf/repeated_field.h>

namespace consult::board {

// The model's own bound on one stroke's path, in point pairs, over its draw and all its extends. The
// server's [whiteboard] max_points is far lower; this only keeps a hostile or broken peer from
// growing one stroke without end in the client's memory.
inline constexpr int kMaxStrokePointPairs = 65536;
// The most annotations one erase hides (consult.proto BoardTargets).
inline constexpr int kMaxEraseTargets = 100;
// The most pages a document may announce in the client (the server's max_pages is lower).
inline constexpr int kMaxDocumentPages = 1000;
// The longest text annotation, in code points (consult.proto BoardShape.text).
inline constexpr int kMaxTextCodePoints = 500;

// Whether a shape fits consult.proto's BoardShape: a known tool, a colour 0xRRGGBB, a width 1..100,
// coordinates within 0..10000 in pairs, the number of pairs the tool takes, and text only (and
// always) for the text tool. The server checks the same; a client checks again because a picture
// it draws from must never be built from something malformed.
bool isValidShape(const wire::BoardShape &shape);
// Points in pairs within 0..10000 (an extend's appended points; may be empty only if `allowEmpty`).
bool isValidPoints(const google::protobuf::RepeatedField<quint32> &points, bool allowEmpty);
// Pen and highlighter: the shapes that grow by BoardStrokeMore.
bool isStroke(const wire::BoardShape &shape);

} // namespace consult::board
