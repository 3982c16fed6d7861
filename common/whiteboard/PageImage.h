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
    // A preview: the page at previewSize(), sent ahead of the page image so a slow line shows the
    // shown page in a fraction of the time; shown scaled until the page image replaces it.
    bool preview = false;
};

// The bounds every app and the server apply to page images.
struct PageLimits
{
    static constexpr int kRenderLongSide = 2048;  // the advisor's app renders at most this long side
    static constexpr int kMaxSide = 4096;         // any page image, either side (server and receiver)
    static constexpr int kChunkBytes = 32 * 1024; // BoardPageData.data
    static constexpr int kPageUnits = 10000;      // page coordinates 0..10000
    // A preview's longer side: a page fitted into the customer's board (about 500 x 700 pixels in
    // the smallest window, twice that on a high-DPI screen) is as sharp as with the page image.
    static constexpr int kPreviewLongSide = 1024;
};

// The pixel size of a page's preview: the page scaled to kPreviewLongSide on its longer side, its
// aspect kept (rounded to the nearest pixel, at least 1). The same integers on every side (the
// advisor's app, the server, the customer's app), so a preview's size is never sent, only checked.
// A page no longer than that has no preview: its own size comes back.
constexpr QSize previewSize(QSize page)
{
    const int longer = page.width() > page.height() ? page.width() : page.height();
    if (longer <= PageLimits::kPreviewLongSide || page.width() <= 0 || page.height() <= 0)
        return page;
    const auto scaled = [longer](int side) {
        const qint64 value = (qint64(side) * PageLimits::kPreviewLongSide + longer / 2) / longer;
        return int(value < 1 ? 1 : value);
    };
    return QSize(scaled(page.width()), scaled(page.height()));
}

// Whether a page of `page` size is sent with a preview at all.
constexpr bool hasPreview(QSize page)
{
    return previewSize(page) != page;
}

} // namespace consult::board
