#pragma once

#include "client/consultation/ConsultationPart.h"
#include "whiteboard/BoardModel.h"
#include "whiteboard/PageImage.h"

#include <QObject>

#include <memory>

namespace consult {

class Consultation;

// The whiteboard part of one consultation on the client (seed 001 step 7), the same class on both
// sides: it keeps the BoardModel current from the server's messages, decodes arriving page images
// off the GUI thread (QImageReader with an allocation limit; a page that does not decode or does
// not have its announced size is dropped and reported), and sends what the user does: the
// advisor's documents (page images uploaded in the bulk class, chunked and credited, the shown page
// first), the shown page, annotations (drawn at once as pending, confirmed by the server's order;
// strokes sent as they grow, about every 30 ms), undo and redo, the pointer (at most 30 per
// second) and the permission to draw. Refusals come back as refused(). Added to its Consultation
// by the client library when the consultation begins (addPart); views bind to model().
class ConsultationWhiteboard : public QObject, public ConsultationPart
{
    Q_OBJECT
public:
    enum class Refusal
    {
        NotAllowed,   // the customer drew while not allowed
        LimitReached, // a board limit (detail: Error.field)
        RateLimited,
        InvalidInput,
        NotFound,
        PageUnreadable, // an arriving page image did not decode or has the wrong size
    };
    Q_ENUM(Refusal)

    // Numbers one client session hands out to all its boards (the advisor holds several
    // consultations on one connection): client_op_ids unique per session, one bulk stream per board.
    struct SessionNumbers
    {
        quint32 nextClientOpId = 1;
        quint32 nextBulkStream = 0x57420001; // "WB"; other bulk streams (the link test) use other ids
    };

    ConsultationWhiteboard(Consultation &consultation, wire::Party self, QObject *parent = nullptr);
    // As above, sharing `numbers` with the session's other boards.
    ConsultationWhiteboard(Consultation &consultation, wire::Party self, std::shared_ptr<SessionNumbers> numbers,
                           QObject *parent = nullptr);
    ~ConsultationWhiteboard() override;

    board::BoardModel &model();
    const board::BoardModel &model() const;
    wire::Party self() const;
    // Whether this side may draw now (the advisor always; the customer when allowed).
    bool mayDraw() const;

    // --- Advisor ----------------------------------------------------------------------------------
    // Announces a document with its page sizes; returns its id (0 if the consultation is over).
    quint32 openDocument(const QString &title, const QList<QSize> &pageSizes);
    // A rendered page of an announced document: queued for upload (the shown page goes first). A
    // preview (PageImage::preview, at board::previewSize) goes ahead of its page image if that page
    // is shown, and is dropped otherwise.
    void addPageImage(quint32 documentId, int pageIndex, const board::PageImage &page);
    void showPage(board::PageKey page);
    void setCustomerMayDraw(bool allowed);
    void clearPage(board::PageKey page);
    // Pages uploaded and not yet delivered to the customer (for the advisor's progress).
    int pagesInFlight() const;
    // The server's [whiteboard] limits as the log-in told them (0 in a field: not known). The
    // advisor's app checks a document against them before it sends anything.
    void setLimits(const wire::BoardLimits &limits);
    const wire::BoardLimits &limits() const;
    // Whether one more document fits on the board ([whiteboard] max_documents, counting the
    // documents already announced, a transfer's too).
    bool hasRoomForDocument() const;

    // --- Both -------------------------------------------------------------------------------------
    // A finished shape (arrow, rectangle, text). Returns its client_op_id (0 if refused locally).
    quint32 draw(board::PageKey page, const wire::BoardShape &shape);
    // A pen or highlighter stroke as it is drawn: begin with the first point, extend, finish.
    quint32 beginStroke(board::PageKey page, const wire::BoardShape &shape);
    void extendStroke(quint32 strokeClientOpId, const QList<QPoint> &points);
    void finishStroke(quint32 strokeClientOpId);
    void erase(board::PageKey page, const QList<quint64> &orders);
    void undo();
    void redo();
    void movePointer(board::PageKey page, QPoint position, bool visible);

    // ConsultationPart. Also takes the server's refusals of this board's messages: an Error whose
    // reference starts with "<consultation_id>:" (the clients route it here).
    bool dispatch(const wire::Envelope &envelope) override;
    void consultationEnded() override;

Q_SIGNALS:
    void refused(consult::ConsultationWhiteboard::Refusal refusal, const QString &detail);
    // The customer's app has this page (advisor side, from BoardPageDelivered).
    void pageDelivered(consult::board::PageKey page);
    // Upload progress of the advisor's pages: bytes handed to the connection of all queued.
    void uploadProgress(qint64 sentBytes, qint64 totalBytes);

private:
    bool canSend() const;
    quint32 annotateOn(board::PageKey page, wire::BoardAnnotate &&annotate);
    void sendStrokePoints(quint32 strokeClientOpId, bool finished);
    void sendPointer();
    void onDocument(const wire::BoardDocument &document);
    void onPageData(const wire::BoardPageData &chunk);
    void applyOperation(const wire::BoardOperation &operation);
    void onSnapshot(const wire::BoardSnapshot &snapshot);
    bool onError(const wire::Error &error);
    // Our operation `clientOpId` was refused: it leaves the model (a stroke with its extends).
    void dropOwn(quint32 clientOpId);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace consult
