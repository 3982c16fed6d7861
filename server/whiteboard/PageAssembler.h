#pragma once

#include "BoardRefusal.h"
#include "protocol/consult.pb.h"

#include <QByteArray>

namespace consult::whiteboard {

// One page image arriving as BoardPageData chunks from the advisor: the first chunk fixes the
// format and total size, every further one must continue exactly where the bytes so far end (in
// order, no gap, no overlap, at most 32 KiB, never past the total), and the complete image must be
// what it claims: the format's signature and, in its header, the pixel size the document announced
// (U2, U3; validation/ImageHeader), or for a preview (the first chunk's flag, which every chunk
// repeats) board::previewSize of it. Nothing is decoded. Owned by the WhiteboardService while the
// page is on its way; a refused page is dropped whole and may be sent again from offset 0.
class PageAssembler
{
public:
    enum class Step
    {
        More,     // the chunk was taken; more must follow
        Complete, // the image is whole and checked: take() it
    };

    // `expected`: the page's size as the document announced it; `maxBytes`: [whiteboard] max_page_bytes.
    PageAssembler(wire::BoardPageSize expected, qint64 maxBytes);

    // Checks the first chunk's claims before anything is kept: LIMIT_REACHED "page_bytes" for a
    // total over the limit, "page_image" for an unknown format, an empty image, or a preview of a
    // page too small to have one (`expected`).
    static std::optional<BoardRefusal> checkStart(const wire::BoardPageData &chunk, const wire::BoardPageSize &expected,
                                                  qint64 maxBytes);

    BoardOutcome<Step> add(const wire::BoardPageData &chunk);
    // The bytes this page will hold once complete (its total_bytes).
    qint64 totalBytes() const { return m_total; }
    wire::BoardImageFormat format() const { return m_format; }
    bool isPreview() const { return m_preview; }
    QByteArray take() { return std::exchange(m_bytes, {}); }

private:
    std::optional<BoardRefusal> checkImage() const;

    wire::BoardPageSize m_expected;
    qint64 m_maxBytes;
    wire::BoardImageFormat m_format = wire::BOARD_IMAGE_FORMAT_UNSPECIFIED;
    qint64 m_total = -1; // not started
    bool m_preview = false;
    QByteArray m_bytes;
};

} // namespace consult::whiteboard
