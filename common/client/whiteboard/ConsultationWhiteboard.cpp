#include "ConsultationWhiteboard.h"

#include "PageAssembler.h"
#include "PageDecoder.h"
#include "PageUploader.h"
#include "client/ClientConnection.h"
#include "client/consultation/Consultation.h"
#include "client/consultation/ConsultationRouting.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace consult {

namespace {

Q_LOGGING_CATEGORY(lcWhiteboard, "consult.client.whiteboard")

constexpr int kStrokeBatchMs = 30;     // a growing stroke goes out about this often, not per mouse event
constexpr int kPointerIntervalMs = 33; // at most 30 pointer positions a second

quint32 clampUnit(int value)
{
    return quint32(std::clamp(value, 0, board::PageLimits::kPageUnits));
}

ConsultationWhiteboard::Refusal refusalOf(wire::ErrorCode code)
{
    switch (code) {
    case wire::ERROR_NOT_ALLOWED:
        return ConsultationWhiteboard::Refusal::NotAllowed;
    case wire::ERROR_LIMIT_REACHED:
        return ConsultationWhiteboard::Refusal::LimitReached;
    case wire::ERROR_RATE_LIMITED:
        return ConsultationWhiteboard::Refusal::RateLimited;
    case wire::ERROR_NOT_FOUND:
        return ConsultationWhiteboard::Refusal::NotFound;
    default:
        return ConsultationWhiteboard::Refusal::InvalidInput;
    }
}

} // namespace

struct ConsultationWhiteboard::Private
{
    // One of our annotations on its way: its page, and for a stroke the extends sent for it.
    struct OwnOperation
    {
        board::PageKey page;
        quint32 stroke = 0; // an extend: the client_op_id of its stroke's draw
    };
    // A stroke being drawn: the points not yet sent.
    struct Stroke
    {
        board::PageKey page;
        QList<quint32> points;
    };
    // A snapshot arriving in pages (a transfer): its content so far and the operations that came
    // meanwhile, applied on top once its last page is in.
    struct SnapshotCollection
    {
        bool collecting = false;
        quint64 id = 0;
        quint32 nextIndex = 0;
        QList<wire::BoardDocument> documents;
        QList<wire::BoardOperation> operations;
        board::PageKey shown;
        bool customerMayDraw = false;
        QList<wire::BoardOperation> deferred;
    };

    Private(Consultation &consultationOfBoard, wire::Party selfParty, std::shared_ptr<SessionNumbers> sessionNumbers)
        : consultation(consultationOfBoard)
        , self(selfParty)
        , numbers(std::move(sessionNumbers))
        , assembler([this](board::PageKey key) { return model.pageSize(key); })
    {}

    Consultation &consultation;
    const wire::Party self;
    std::shared_ptr<SessionNumbers> numbers;
    board::BoardModel model;
    PageAssembler assembler;
    PageDecoder decoder;
    std::unique_ptr<PageUploader> uploader;
    QHash<quint32, OwnOperation> own;
    QHash<quint32, Stroke> strokes;
    QTimer strokeTimer;
    QHash<quint64, board::PageKey> pageOfOrder;
    QSet<board::PageKey> inFlight;
    QSet<board::PageKey> unreadable; // reported once until the page starts over
    SnapshotCollection snapshot;
    QTimer pointerTimer;
    QElapsedTimer sincePointer;
    std::optional<wire::BoardPointer> pointerWaiting;
    quint32 nextDocumentId = 1;
    wire::BoardLimits limits;
    bool ended = false;
};

ConsultationWhiteboard::ConsultationWhiteboard(Consultation &consultation, wire::Party self, QObject *parent)
    : ConsultationWhiteboard(consultation, self, std::make_shared<SessionNumbers>(), parent)
{}

ConsultationWhiteboard::ConsultationWhiteboard(Consultation &consultation, wire::Party self,
                                               std::shared_ptr<SessionNumbers> numbers, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(consultation, self, std::move(numbers)))
{
    d->model.setSelf(self);
    d->strokeTimer.setInterval(kStrokeBatchMs);
    connect(&d->strokeTimer, &QTimer::timeout, this, [this] {
        for (auto it = d->strokes.begin(); it != d->strokes.end(); ++it)
            sendStrokePoints(it.key(), false);
        if (std::none_of(d->strokes.cbegin(), d->strokes.cend(), [](const auto &s) { return !s.points.isEmpty(); }))
            d->strokeTimer.stop();
    });
    d->pointerTimer.setSingleShot(true);
    connect(&d->pointerTimer, &QTimer::timeout, this, [this] { sendPointer(); });
    connect(&d->decoder, &PageDecoder::decoded, this, [this](board::PageKey key, const QImage &image, bool preview) {
        if (preview)
            d->model.setPagePreview(key, image);
        else
            d->model.setPageImage(key, image);
    });
    connect(&d->decoder, &PageDecoder::failed, this, [this](board::PageKey key) {
        qCInfo(lcWhiteboard) << "a page image did not decode as announced";
        Q_EMIT refused(Refusal::PageUnreadable, QStringLiteral("p%1.%2").arg(key.document).arg(key.page));
    });
}

ConsultationWhiteboard::~ConsultationWhiteboard() = default;

board::BoardModel &ConsultationWhiteboard::model()
{
    return d->model;
}

const board::BoardModel &ConsultationWhiteboard::model() const
{
    return d->model;
}

wire::Party ConsultationWhiteboard::self() const
{
    return d->self;
}

bool ConsultationWhiteboard::mayDraw() const
{
    return !d->ended && (d->self == wire::PARTY_ADVISOR || d->model.customerMayDraw());
}

// --- Advisor --------------------------------------------------------------------------------------

quint32 ConsultationWhiteboard::openDocument(const QString &title, const QList<QSize> &pageSizes)
{
    if (!canSend() || d->self != wire::PARTY_ADVISOR || pageSizes.isEmpty())
        return 0;
    wire::Envelope envelope;
    wire::BoardDocument *document = envelope.mutable_board_document();
    document->set_consultation_id(d->consultation.wireId());
    document->set_document_id(d->nextDocumentId);
    document->set_title(title.toStdString());
    for (const QSize &size : pageSizes) {
        wire::BoardPageSize *page = document->add_pages();
        page->set_width(quint32(qMax(0, size.width())));
        page->set_height(quint32(qMax(0, size.height())));
    }
    if (!d->model.addDocument(*document))
        return 0;
    const quint32 id = d->nextDocumentId++;
    d->consultation.connection().send(std::move(envelope));
    return id;
}

void ConsultationWhiteboard::setLimits(const wire::BoardLimits &limits)
{
    d->limits = limits;
}

const wire::BoardLimits &ConsultationWhiteboard::limits() const
{
    return d->limits;
}

bool ConsultationWhiteboard::hasRoomForDocument() const
{
    const quint32 maxDocuments = d->limits.max_documents();
    return maxDocuments == 0 || quint32(d->model.documents().size()) < maxDocuments;
}

void ConsultationWhiteboard::addPageImage(quint32 documentId, int pageIndex, const board::PageImage &page)
{
    const board::PageKey key{documentId, quint32(qMax(0, pageIndex))};
    if (!canSend() || d->self != wire::PARTY_ADVISOR || pageIndex < 0)
        return;
    const QSize pageSize = d->model.pageSize(key);
    const QSize expected = page.preview ? board::previewSize(pageSize) : pageSize;
    if (page.bytes.isEmpty() || !pageSize.isValid() || (page.preview && !board::hasPreview(pageSize)) ||
        page.size != expected) {
        Q_EMIT refused(Refusal::InvalidInput, QStringLiteral("page_image"));
        return;
    }
    if (!d->uploader) {
        d->uploader = std::make_unique<PageUploader>(d->consultation.connection(), d->consultation.wireId(),
                                                     d->numbers->nextBulkStream++);
        connect(d->uploader.get(), &PageUploader::progress, this, &ConsultationWhiteboard::uploadProgress);
    }
    if (page.preview) {
        // Only ahead of the shown page (the uploader drops it otherwise) and of its page image (the
        // server refuses a preview after it). Our own board waits the moment for the page image,
        // which does not cross the customer's line.
        if (!d->inFlight.contains(key) && !d->model.hasPageImage(key))
            d->uploader->add(key, page, key == d->model.shownPage());
        return;
    }
    d->inFlight.insert(key);
    d->uploader->add(key, page, key == d->model.shownPage());
    d->decoder.decode(key, page); // our own board shows it as the customer's will
}

void ConsultationWhiteboard::showPage(board::PageKey page)
{
    if (!canSend() || d->self != wire::PARTY_ADVISOR || !d->model.showPage(page))
        return;
    if (d->uploader)
        d->uploader->prioritise(page);
    wire::Envelope envelope;
    wire::BoardShowPage *show = envelope.mutable_board_show_page();
    show->set_consultation_id(d->consultation.wireId());
    show->set_document_id(page.document);
    show->set_page_index(page.page);
    d->consultation.connection().send(std::move(envelope));
}

void ConsultationWhiteboard::setCustomerMayDraw(bool allowed)
{
    if (!canSend() || d->self != wire::PARTY_ADVISOR)
        return;
    d->model.setCustomerMayDraw(allowed);
    wire::Envelope envelope;
    wire::BoardPermission *permission = envelope.mutable_board_permission();
    permission->set_consultation_id(d->consultation.wireId());
    permission->set_customer_may_draw(allowed);
    d->consultation.connection().send(std::move(envelope));
}

void ConsultationWhiteboard::clearPage(board::PageKey page)
{
    if (d->self != wire::PARTY_ADVISOR)
        return;
    wire::BoardAnnotate annotate;
    annotate.set_clear_page(true);
    annotateOn(page, std::move(annotate));
}

int ConsultationWhiteboard::pagesInFlight() const
{
    return int(d->inFlight.size());
}

// --- Both -----------------------------------------------------------------------------------------

quint32 ConsultationWhiteboard::draw(board::PageKey page, const wire::BoardShape &shape)
{
    wire::BoardAnnotate annotate;
    *annotate.mutable_draw() = shape;
    for (int i = 0; i < annotate.draw().points_size(); ++i)
        annotate.mutable_draw()->set_points(i, clampUnit(int(qMin<quint32>(annotate.draw().points(i), INT_MAX))));
    return annotateOn(page, std::move(annotate));
}

quint32 ConsultationWhiteboard::beginStroke(board::PageKey page, const wire::BoardShape &shape)
{
    const quint32 id = draw(page, shape);
    if (id != 0)
        d->strokes.insert(id, {page, {}});
    return id;
}

void ConsultationWhiteboard::extendStroke(quint32 strokeClientOpId, const QList<QPoint> &points)
{
    const auto it = d->strokes.find(strokeClientOpId);
    if (it == d->strokes.end() || points.isEmpty())
        return;
    for (const QPoint &point : points) {
        it->points.append(clampUnit(point.x()));
        it->points.append(clampUnit(point.y()));
    }
    if (!d->strokeTimer.isActive())
        d->strokeTimer.start();
}

void ConsultationWhiteboard::finishStroke(quint32 strokeClientOpId)
{
    if (!d->strokes.contains(strokeClientOpId))
        return;
    sendStrokePoints(strokeClientOpId, true);
    d->strokes.remove(strokeClientOpId);
}

void ConsultationWhiteboard::erase(board::PageKey page, const QList<quint64> &orders)
{
    if (orders.isEmpty())
        return;
    wire::BoardAnnotate annotate;
    for (const quint64 order : orders)
        annotate.mutable_erase()->add_orders(order);
    annotateOn(page, std::move(annotate));
}

void ConsultationWhiteboard::undo()
{
    const std::optional<quint64> target = d->model.undoTarget(d->self);
    if (!target || !d->pageOfOrder.contains(*target))
        return;
    wire::BoardAnnotate annotate;
    annotate.set_undo(*target);
    annotateOn(d->pageOfOrder.value(*target), std::move(annotate));
}

void ConsultationWhiteboard::redo()
{
    const std::optional<quint64> target = d->model.redoTarget(d->self);
    if (!target || !d->pageOfOrder.contains(*target))
        return;
    wire::BoardAnnotate annotate;
    annotate.set_redo(*target);
    annotateOn(d->pageOfOrder.value(*target), std::move(annotate));
}

void ConsultationWhiteboard::movePointer(board::PageKey page, QPoint position, bool visible)
{
    if (!canSend() || !page.isValid())
        return;
    wire::BoardPointer pointer;
    pointer.set_consultation_id(d->consultation.wireId());
    pointer.set_document_id(page.document);
    pointer.set_page_index(page.page);
    pointer.set_x(clampUnit(position.x()));
    pointer.set_y(clampUnit(position.y()));
    pointer.set_visible(visible);
    d->pointerWaiting = std::move(pointer); // the latest position wins
    if (d->pointerTimer.isActive())
        return;
    const qint64 since = d->sincePointer.isValid() ? d->sincePointer.elapsed() : kPointerIntervalMs;
    if (since >= kPointerIntervalMs)
        sendPointer();
    else
        d->pointerTimer.start(int(kPointerIntervalMs - since));
}

// --- ConsultationPart -----------------------------------------------------------------------------

bool ConsultationWhiteboard::dispatch(const wire::Envelope &envelope)
{
    if (d->ended) {
        // Nothing of the board after its end (P1): its late messages are taken and dropped.
        switch (envelope.body_case()) {
        case wire::Envelope::kBoardDocument:
        case wire::Envelope::kBoardPageData:
        case wire::Envelope::kBoardPageDelivered:
        case wire::Envelope::kBoardShowPage:
        case wire::Envelope::kBoardPermission:
        case wire::Envelope::kBoardOperation:
        case wire::Envelope::kBoardPointer:
        case wire::Envelope::kBoardSnapshot:
            return true;
        default:
            return false;
        }
    }
    switch (envelope.body_case()) {
    case wire::Envelope::kBoardDocument:
        onDocument(envelope.board_document());
        return true;
    case wire::Envelope::kBoardPageData:
        onPageData(envelope.board_page_data());
        return true;
    case wire::Envelope::kBoardPageDelivered: {
        const wire::BoardPageDelivered &delivered = envelope.board_page_delivered();
        const board::PageKey key{delivered.document_id(), delivered.page_index()};
        d->inFlight.remove(key);
        Q_EMIT pageDelivered(key);
        return true;
    }
    case wire::Envelope::kBoardShowPage:
        d->model.showPage({envelope.board_show_page().document_id(), envelope.board_show_page().page_index()});
        return true;
    case wire::Envelope::kBoardPermission:
        d->model.setCustomerMayDraw(envelope.board_permission().customer_may_draw());
        return true;
    case wire::Envelope::kBoardOperation:
        if (d->snapshot.collecting)
            d->snapshot.deferred.append(envelope.board_operation());
        else
            applyOperation(envelope.board_operation());
        return true;
    case wire::Envelope::kBoardPointer: {
        const wire::BoardPointer &pointer = envelope.board_pointer();
        const wire::Party party =
            pointer.party() == wire::PARTY_UNSPECIFIED ? d->consultation.peer().party : pointer.party();
        d->model.setPointer(party, {{pointer.document_id(), pointer.page_index()},
                                    QPoint(int(clampUnit(int(qMin<quint32>(pointer.x(), INT_MAX)))),
                                           int(clampUnit(int(qMin<quint32>(pointer.y(), INT_MAX))))),
                                    pointer.visible()});
        return true;
    }
    case wire::Envelope::kBoardSnapshot:
        onSnapshot(envelope.board_snapshot());
        return true;
    case wire::Envelope::kError:
        return onError(envelope.error());
    default:
        return false;
    }
}

void ConsultationWhiteboard::consultationEnded()
{
    // P1: nothing of the board outlives the consultation on this side either.
    d->ended = true;
    d->strokeTimer.stop();
    d->pointerTimer.stop();
    d->pointerWaiting.reset();
    if (d->uploader)
        d->uploader->stop();
    d->decoder.drop();
    d->assembler.clear();
    d->own.clear();
    d->strokes.clear();
    d->pageOfOrder.clear();
    d->inFlight.clear();
    d->unreadable.clear();
    d->snapshot = {};
    d->model.applySnapshot({}, {}, false, {});
}

// --- Internals ------------------------------------------------------------------------------------

bool ConsultationWhiteboard::canSend() const
{
    return !d->ended && d->consultation.isRunning();
}

quint32 ConsultationWhiteboard::annotateOn(board::PageKey page, wire::BoardAnnotate &&annotate)
{
    if (!canSend() || !mayDraw() || !d->model.pageSize(page).isValid())
        return 0;
    const quint32 id = d->numbers->nextClientOpId++;
    annotate.set_consultation_id(d->consultation.wireId());
    annotate.set_document_id(page.document);
    annotate.set_page_index(page.page);
    annotate.set_client_op_id(id);
    d->own.insert(id, {page, annotate.has_extend() ? annotate.extend().stroke_client_op_id() : 0});
    d->model.addPending(page, annotate);
    wire::Envelope envelope;
    *envelope.mutable_board_annotate() = std::move(annotate);
    d->consultation.connection().send(std::move(envelope));
    return id;
}

void ConsultationWhiteboard::sendStrokePoints(quint32 strokeClientOpId, bool finished)
{
    const auto it = d->strokes.find(strokeClientOpId);
    if (it == d->strokes.end() || (it->points.isEmpty() && !finished))
        return;
    wire::BoardAnnotate annotate;
    wire::BoardStrokeMore *more = annotate.mutable_extend();
    more->set_stroke_client_op_id(strokeClientOpId);
    for (const quint32 value : std::as_const(it->points))
        more->add_points(value);
    more->set_finished(finished);
    it->points.clear();
    annotateOn(it->page, std::move(annotate));
}

void ConsultationWhiteboard::sendPointer()
{
    if (!d->pointerWaiting || !canSend())
        return;
    wire::Envelope envelope;
    *envelope.mutable_board_pointer() = std::move(*d->pointerWaiting);
    d->pointerWaiting.reset();
    d->sincePointer.start();
    // Unsequenced: a position that cannot go now is replaced by the next one.
    d->consultation.connection().sendRealtime(std::move(envelope));
}

void ConsultationWhiteboard::onDocument(const wire::BoardDocument &document)
{
    if (d->model.addDocument(document))
        d->nextDocumentId = qMax(d->nextDocumentId, document.document_id() + 1);
}

void ConsultationWhiteboard::onPageData(const wire::BoardPageData &chunk)
{
    const PageAssembler::Outcome outcome = d->assembler.add(chunk);
    switch (outcome.kind) {
    case PageAssembler::Outcome::Kind::Incomplete:
        d->unreadable.remove(outcome.key);
        return;
    case PageAssembler::Outcome::Kind::Complete:
        d->unreadable.remove(outcome.key);
        d->decoder.decode(outcome.key, outcome.page);
        return;
    case PageAssembler::Outcome::Kind::Broken:
        if (!d->unreadable.contains(outcome.key)) {
            d->unreadable.insert(outcome.key);
            qCInfo(lcWhiteboard) << "a page image arrived broken and was dropped";
            Q_EMIT refused(Refusal::PageUnreadable,
                           QStringLiteral("p%1.%2").arg(outcome.key.document).arg(outcome.key.page));
        }
        return;
    }
}

void ConsultationWhiteboard::applyOperation(const wire::BoardOperation &operation)
{
    d->model.applyOperation(operation);
    if (operation.has_draw() || operation.has_erase() || operation.has_undo() || operation.has_redo() ||
        operation.has_clear_page())
        d->pageOfOrder.insert(operation.order(), {operation.document_id(), operation.page_index()});
    if (operation.author() == d->self)
        d->own.remove(operation.client_op_id()); // the model matched the server's copy to our pending one
}

void ConsultationWhiteboard::onSnapshot(const wire::BoardSnapshot &snapshot)
{
    Private::SnapshotCollection &collection = d->snapshot;
    const bool paged = snapshot.has_page();
    const quint32 index = paged ? snapshot.page().index() : 0;
    if (index == 0) {
        collection = {};
        collection.collecting = true;
        collection.id = paged ? snapshot.page().snapshot_id() : 0;
    } else if (!collection.collecting || snapshot.page().snapshot_id() != collection.id ||
               index != collection.nextIndex) {
        qCWarning(lcWhiteboard) << "a board snapshot page out of sequence was dropped";
        return;
    }
    ++collection.nextIndex;
    collection.documents.append(QList<wire::BoardDocument>(snapshot.documents().begin(), snapshot.documents().end()));
    collection.operations.append(
        QList<wire::BoardOperation>(snapshot.operations().begin(), snapshot.operations().end()));
    if (index == 0 || snapshot.shown_document_id() != 0)
        collection.shown = {snapshot.shown_document_id(), snapshot.shown_page_index()};
    collection.customerMayDraw = snapshot.customer_may_draw();
    if (paged && !snapshot.page().last())
        return;

    Private::SnapshotCollection complete = std::move(collection);
    collection = {};
    d->assembler.clear();
    d->unreadable.clear();
    d->pageOfOrder.clear();
    d->model.applySnapshot(complete.documents, complete.shown, complete.customerMayDraw, complete.operations);
    for (const wire::BoardDocument &document : std::as_const(complete.documents))
        d->nextDocumentId = qMax(d->nextDocumentId, document.document_id() + 1);
    for (const wire::BoardOperation &operation : std::as_const(complete.operations))
        d->pageOfOrder.insert(operation.order(), {operation.document_id(), operation.page_index()});
    for (const wire::BoardOperation &operation : std::as_const(complete.deferred))
        applyOperation(operation);
}

bool ConsultationWhiteboard::onError(const wire::Error &error)
{
    // "<consultation_id>:<what>" (consult.proto, Whiteboard): the client routed it here by its prefix.
    const QString what = refusedPartReference(error, d->consultation.wireId());
    // The board's references start with d, p, a or b; the other parts' refusals (documents, forms)
    // carry their own letters and are theirs.
    if (what.isEmpty() || !QStringView(u"dpab").contains(what.front()))
        return false;
    if (what.startsWith(u'a')) {
        bool ok = false;
        const quint32 id = what.mid(1).toUInt(&ok);
        if (ok)
            dropOwn(id);
    } else if (what.startsWith(u'p')) {
        const QStringList parts = what.mid(1).split(u'.');
        if (parts.size() == 2)
            d->inFlight.remove({parts[0].toUInt(), parts[1].toUInt()});
    }
    const QString field = QString::fromStdString(error.field());
    Q_EMIT refused(refusalOf(error.code()), field.isEmpty() ? what : field);
    return true;
}

void ConsultationWhiteboard::dropOwn(quint32 clientOpId)
{
    const auto found = d->own.constFind(clientOpId);
    if (found == d->own.constEnd())
        return;
    // A refused stroke takes its extends with it: the server has nothing to append them to.
    if (found->stroke == 0 && d->strokes.contains(clientOpId))
        d->strokes.remove(clientOpId);
    QList<quint32> dropped{clientOpId};
    if (found->stroke == 0) {
        for (auto it = d->own.cbegin(); it != d->own.cend(); ++it)
            if (it->stroke == clientOpId)
                dropped.append(it.key());
    }
    for (const quint32 id : std::as_const(dropped)) {
        d->own.remove(id);
        d->model.dropPending(id);
    }
}

} // namespace consult
