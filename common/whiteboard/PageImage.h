#pragma once

#include "protocol/consult.pb.h"

#include <QByteArray>
#include <QSize>

namespace consult::board {

// One page as it travels: the encoded image (PNG or JPEG, metadata stripped), its format and its
// pixel size. Produced by DocumentImport on the advisor's side, sent by ConsultationWhiteboard,
// kept by the server and decoded by the receiving app.
struct PageImage
{
    QByteArray bytes;
    wire::BoardImageFormat format = wire::BOARD_IMAGE_FORMAT_UNSPECIFIED;
    QSize size;
};

// The bounds every app and the server apply to page images.
struct PageLimits
{
    static constexpr int kRenderLongSide = 2048;  // the advisor's app renders at most this long side
    static constexpr int kMaxSide = 4096;         // any page image, either side (server and receiver)
    static constexpr int kChunkBytes = 32 * 1024; // BoardPageData.data
    static constexpr int kPageUnits = 10000;      // page coordinates 0..10000
};

} // namespace consult::board
