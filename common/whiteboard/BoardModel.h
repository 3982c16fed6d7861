#pragma once

#include "protocol/consult.pb.h"

#include <QHash>
#include <QImage>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>

namespace consult::board {

// One page of one document on the board.
struct PageKey
{
    quint32 document = 0;
    quint32 page = 0;
    bool isValid() const { return document != 0; }
    friend bool operator==(const PageKey &, const PageKey &) = default;
};
inline size_t qHash(const PageKey &key, size_t seed = 0)
{
    return ::qHash((quint64(key.document) << 32) | key.page, seed);
}

// A document as the board knows it: its id, title and the pixel size of each page.
struct Document
{
    quint32 id = 0;
    QString title;
    QList<QSize> pageSizes;
};

// One annotation as it is visible now: what was drawn (with a stroke's extends appended), by whom,
// and its order. `pending`: our own, sent and not yet confirmed by the server (drawn as if it were).
struct Annotation
{
    quint64 order = 0; // 0 while pending
    quint32 clientOpId = 0;
    wire::Party author = wire::PARTY_UNSPECIFIED;
    wire::BoardShape shape;
    bool pending = false;
};

// Where someone's pointer is, in page units.
struct Pointer
{
    PageKey page;
    QPoint position;
    bool visible = false;
};

// The whiteboard of one consultation as one app holds it, in RAM only: the documents, their page
// images as they arrive, the shown page, whether the customer may draw, the operations in the
// server's order and the picture they make, our own operations still on their way, and the other
// side's pointer. Applies BoardOperation exactly as consult.proto describes, so both apps and the
// PDF export show the same picture. Pure state, no network: the consultation's whiteboard part
// (ConsultationWhiteboard) feeds it and sends; views (BoardCanvas) read it and listen. Owned by the
// ConsultationWhiteboard; lives in the client's thread.
class BoardModel : public QObject
{
    Q_OBJECT
public:
    explicit BoardModel(QObject *parent = nullptr);
    ~BoardModel() override;

    // Which party this app is. Pending operations are matched to the server's copy by client_op_id
    // of this author only (the other side numbers its operations independently, so the same
    // client_op_id can arrive from it). Unset, any author's client_op_id matches.
    void setSelf(wire::Party self);
    wire::Party self() const;

    // --- What the part feeds in (already validated by the server; checked again here: a message
    // that does not fit, e.g. an operation on an unknown page, is ignored and returns false) --------
    bool addDocument(const wire::BoardDocument &document);
    // A page image decoded and checked by the part (its size equals the document's page size). It
    // replaces the page's preview.
    bool setPageImage(PageKey page, const QImage &image);
    // A page's preview (its size board::previewSize of the page's): shown, scaled to the page, until
    // the page image arrives; ignored once the page image is there. Annotations stay in page units,
    // so they sit on the same spot of either.
    bool setPagePreview(PageKey page, const QImage &preview);
    bool showPage(PageKey page);
    void setCustomerMayDraw(bool allowed);
    bool applyOperation(const wire::BoardOperation &operation);
    // Replaces everything with a snapshot's content (documents, shown page, permission, operations);
    // page images follow through setPageImage.
    void applySnapshot(const QList<wire::BoardDocument> &documents, PageKey shown, bool customerMayDraw,
                       const QList<wire::BoardOperation> &operations);
    void setPointer(wire::Party party, const Pointer &pointer);

    // Our own operations until the server's copy arrives (matched by client_op_id) or is refused.
    void addPending(PageKey page, const wire::BoardAnnotate &annotate);
    void dropPending(quint32 clientOpId);
    // How many of our operations are still on their way (e.g. for a "saving" hint, or tests).
    int pendingCount() const;

    // --- What views read ---------------------------------------------------------------------------
    const QList<Document> &documents() const { return m_documents; }
    const Document *document(quint32 id) const;
    QImage pageImage(PageKey page) const; // null until it (or its preview) arrived
    bool hasPageImage(PageKey page) const;
    // Whether what pageImage() gives is still the preview (the page image is on its way).
    bool isPreview(PageKey page) const { return m_previews.contains(page); }
    QSize pageSize(PageKey page) const; // from the document; invalid for an unknown page
    PageKey shownPage() const { return m_shown; }
    bool customerMayDraw() const { return m_customerMayDraw; }
    // The picture of a page now, in drawing order (pending own operations last).
    QList<Annotation> annotations(PageKey page) const;
    Pointer pointer(wire::Party party) const;
    // Pages that have at least one visible annotation or were shown, in document and page order:
    // what the PDF export holds.
    QList<PageKey> markedUpPages() const;

    // For undo/redo by `self`: the latest own operation that can be taken back, and the latest taken
    // back that can be restored (nothing newer of ours in between); nullopt when there is none.
    std::optional<quint64> undoTarget(wire::Party self) const;
    std::optional<quint64> redoTarget(wire::Party self) const;
    // The visible annotation at `position` (page units) on `page` within `tolerance`, topmost first.
    std::optional<quint64> annotationAt(PageKey page, QPoint position, int tolerance) const;

    quint64 lastOrder() const { return m_lastOrder; }

Q_SIGNALS:
    void documentAdded(quint32 documentId);
    void pageImageArrived(consult::board::PageKey page);
    void shownPageChanged(consult::board::PageKey page);
    void permissionChanged(bool customerMayDraw);
    // The picture of this page changed (an operation, a pending one, a snapshot).
    void annotationsChanged(consult::board::PageKey page);
    void pointerChanged(consult::wire::Party party);
    // A snapshot replaced everything.
    void reset();

private:
    struct Private;
    QList<Document> m_documents;
    QHash<PageKey, QImage> m_images;
    QSet<PageKey> m_previews; // pages whose m_images entry is the preview
    PageKey m_shown;
    bool m_customerMayDraw = false;
    quint64 m_lastOrder = 0;
    std::unique_ptr<Private> d;
};

} // namespace consult::board
