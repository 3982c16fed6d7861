#pragma once

#include "BoardRefusal.h"
#include "protocol/consult.pb.h"

#include <QByteArray>

#include <map>
#include <optional>
#include <vector>

namespace consult::whiteboard {

// Which page of which document.
struct PageKey
{
    quint32 documentId = 0;
    quint32 pageIndex = 0;
    auto operator<=>(const PageKey &) const = default;
};

// A complete, checked page image as the board keeps it.
struct StoredPage
{
    wire::BoardImageFormat format = wire::BOARD_IMAGE_FORMAT_UNSPECIFIED;
    QByteArray bytes;
};

// The board of one consultation as the server keeps it, in RAM only (P1): the documents, their
// complete page images (and the previews sent ahead of them), the shown page, whether the customer may draw, and every
// operation in the board's order with what undo, redo and the strokes' extends did to it. Checks what needs the board's
// state (a known page, an erase of existing annotations, an undo of the author's own operation, an extend of the
// author's own unfinished stroke) and the consultation's limits, and accounts every byte it holds, page images and
// operations, against max_board_bytes. Owned by the WhiteboardService, one per running consultation; dropped whole when
// it ends.
class BoardState
{
public:
    struct Limits
    {
        int maxDocuments = 10;
        int maxPages = 50;
        qint64 maxBoardBytes = 32 * 1024 * 1024;
        int maxOperations = 10'000;
        int maxPoints = 5000;
    };

    BoardState(std::string consultationId, Limits limits);

    const std::string &consultationId() const { return m_consultationId; }

    // --- Documents and pages ---------------------------------------------------------------------
    // A new document (its title already sanitised). Refusals: "document_id" (0 or taken),
    // "pages" (none, or a side outside 1..4096), LIMIT_REACHED "documents" / "pages".
    std::optional<BoardRefusal> addDocument(const wire::BoardDocument &document);
    const std::vector<wire::BoardDocument> &documents() const { return m_documents; }
    // The announced pixel size of a page, or nothing for an unknown page.
    std::optional<wire::BoardPageSize> pageSize(PageKey page) const;
    bool hasPage(PageKey page) const { return pageSize(page).has_value(); }

    // Bytes on their way in (a page being assembled) count as soon as it begins; false (nothing
    // reserved) when the board would pass max_board_bytes.
    bool reserve(qint64 bytes);
    void release(qint64 bytes);
    // A page image arrived complete and checked; its bytes were reserved.
    void storePage(PageKey page, StoredPage image);
    const StoredPage *storedPage(PageKey page) const;
    const std::map<PageKey, StoredPage> &storedPages() const { return m_pages; }
    // A page's preview (BoardPageData.preview) arrived complete and checked; its bytes were
    // reserved. Kept with the board: it may still be on its way to the customer.
    void storePreview(PageKey page, StoredPage image);
    const StoredPage *storedPreview(PageKey page) const;

    // --- Shown page and permission ---------------------------------------------------------------
    void show(PageKey page) { m_shown = page; }
    std::optional<PageKey> shown() const { return m_shown; }
    void setCustomerMayDraw(bool allowed) { m_customerMayDraw = allowed; }
    bool customerMayDraw() const { return m_customerMayDraw; }

    // --- Operations ------------------------------------------------------------------------------
    // Puts a checked annotation (validateAnnotation) in the board's order, or refuses it. The result
    // is the BoardOperation both participants are sent.
    BoardOutcome<wire::BoardOperation> apply(wire::Party author, const wire::BoardAnnotate &annotate, qint64 nowMs);
    // Every operation so far in order, each stroke's extends merged into its draw (for snapshots).
    std::vector<wire::BoardOperation> mergedOperations() const;
    quint64 lastOrder() const { return m_operations.size(); }

    // What the board holds, in bytes: page images (complete or reserved) and operations.
    qint64 bytes() const { return m_bytes; }

private:
    struct Kept
    {
        wire::BoardOperation operation;
        bool undone = false;
        bool strokeFinished = true;   // draws of a pen or highlighter: until the pen lifts
        int strokePoints = 0;         // point pairs so far, extends included
        std::vector<quint64> extends; // orders of the stroke's extends
    };

    std::optional<BoardRefusal> checkTarget(wire::Party author, const wire::BoardAnnotate &annotate) const;
    Kept *keptAt(quint64 order);

    std::string m_consultationId;
    Limits m_limits;
    std::vector<wire::BoardDocument> m_documents;
    std::map<PageKey, StoredPage> m_pages;
    std::map<PageKey, StoredPage> m_previews;
    std::optional<PageKey> m_shown;
    bool m_customerMayDraw = false;
    std::vector<Kept> m_operations;                       // index = order - 1
    std::map<std::pair<int, quint32>, quint64> m_strokes; // (author, client_op_id) -> order of the draw
    int m_counted = 0;                                    // operations that count against max_operations
    qint64 m_bytes = 0;
};

} // namespace consult::whiteboard
