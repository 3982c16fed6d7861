#pragma once

#include "protocol/consult.pb.h"
#include "whiteboard/BoardModel.h"
#include "whiteboard/PageImage.h"

#include <QHash>
#include <QSize>

#include <functional>
#include <optional>

namespace consult {

// Puts the arriving chunks of page images (BoardPageData) back together on the receiving side. Each
// page's chunks must come in order and without gaps from offset 0 to total_bytes, all with the same
// format and total, for a page of a document the board knows (its pixel size comes from there), and
// no page may be larger than kMaxPageBytes. A chunk that breaks any of that drops what was collected
// of its page, and the page is reported unreadable. A preview (BoardPageData.preview, every chunk
// flagged) is assembled the same way with board::previewSize of the page's size, for a page that
// has one; a page's chunks starting over at offset 0 (its page image after its preview) replace
// what was collected. The input is untrusted (it passed the server,
// but this side checks again): this is the receiving side's parser of page data and has a fuzz
// target. Pure bookkeeping, no decoding; owned by the consultation's whiteboard part.
class PageAssembler
{
public:
    // What the receiver holds of one page at most: far above any page the advisor's app renders
    // (board::PageLimits::kRenderLongSide) and any [whiteboard] max_page_bytes the server would allow.
    static constexpr qint64 kMaxPageBytes = 16 * 1024 * 1024;
    // And of all unfinished pages together (pages travel one after the other, so this is ample).
    static constexpr qint64 kMaxBytesHeld = 4 * kMaxPageBytes;

    // The pixel size a page must have; an invalid size for a page the board does not know.
    using PageSizeOf = std::function<QSize(board::PageKey)>;

    struct Outcome
    {
        enum class Kind
        {
            Incomplete, // taken, more chunks to come
            Complete,   // the page's last chunk: `page` holds the whole image
            Broken,     // refused; whatever was collected of this page is gone
        };
        Kind kind = Kind::Incomplete;
        board::PageKey key;
        board::PageImage page;
    };

    explicit PageAssembler(PageSizeOf pageSizeOf);

    Outcome add(const wire::BoardPageData &chunk);
    // Pages with some chunks and not yet complete.
    int pagesInProgress() const { return int(m_pages.size()); }
    qint64 bytesHeld() const { return m_bytesHeld; }
    // Drops everything (the consultation ended, P1; a snapshot replaced the board).
    void clear();

private:
    struct Partial
    {
        board::PageImage page;
        qint64 total = 0;
    };

    Outcome broken(board::PageKey key);

    PageSizeOf m_pageSizeOf;
    QHash<board::PageKey, Partial> m_pages;
    qint64 m_bytesHeld = 0;
};

} // namespace consult
