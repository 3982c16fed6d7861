#include "BoardModel.h"

#include "AnnotationHit.h"
#include "PageImage.h"
#include "ShapeCheck.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace consult::board {

namespace {

enum class Kind
{
    Draw,
    Erase,
    Clear,
    Undo,
    Redo,
};

// One operation of the server's order as the model keeps it. Extends are not kept: their points are
// merged into their draw, and nothing can refer to them.
struct Operation
{
    quint64 order = 0;
    wire::Party author = wire::PARTY_UNSPECIFIED;
    quint32 clientOpId = 0;
    PageKey page;
    Kind kind = Kind::Draw;
    bool takenBack = false; // by an undo not (yet) restored by a redo
    wire::BoardShape shape; // Draw: with the points of its extends appended
    bool finished = false;  // Draw of a stroke: an extend said the pen lifted
    QList<quint64> targets; // Erase
    quint64 target = 0;     // Undo, Redo
};

bool isPrimary(Kind kind)
{
    return kind == Kind::Draw || kind == Kind::Erase || kind == Kind::Clear;
}

// A page's share of the operations, and its picture (confirmed and pending) as last computed.
struct PageState
{
    std::vector<int> draws;  // indices into Private::operations, in order
    std::vector<int> hiders; // erases and clears, in order
    QList<Annotation> picture;
    bool pictureValid = false;
};

struct PendingOperation
{
    PageKey page;
    wire::BoardAnnotate annotate;
};

quint64 authorKey(wire::Party author, quint32 clientOpId)
{
    return (quint64(quint32(author)) << 32) | clientOpId;
}

void appendPoints(wire::BoardShape &shape, const google::protobuf::RepeatedField<quint32> &points)
{
    shape.mutable_points()->Add(points.begin(), points.end());
}

} // namespace

struct BoardModel::Private
{
    wire::Party self = wire::PARTY_UNSPECIFIED;
    std::vector<Operation> operations;
    QHash<quint64, int> indexByOrder;
    QHash<quint64, int> drawByAuthorOp; // authorKey -> index of the draw
    QHash<PageKey, PageState> pages;
    std::vector<PendingOperation> pending;
    QSet<PageKey> shownPages;
    Pointer advisorPointer;
    Pointer customerPointer;

    const Operation *operation(quint64 order) const
    {
        const auto it = indexByOrder.constFind(order);
        return it == indexByOrder.cend() ? nullptr : &operations[size_t(*it)];
    }

    bool isSelf(wire::Party author) const { return self == wire::PARTY_UNSPECIFIED || author == self; }

    // Pending undos and redos, applied over the confirmed state: order -> taken back.
    QHash<quint64, bool> pendingOverrides() const
    {
        QHash<quint64, bool> overrides;
        for (const PendingOperation &p : pending) {
            const bool undo = p.annotate.action_case() == wire::BoardAnnotate::kUndo;
            if (!undo && p.annotate.action_case() != wire::BoardAnnotate::kRedo)
                continue;
            // Only our own draw, erase or clear can be taken back; anything else the server refuses.
            const quint64 target = undo ? p.annotate.undo() : p.annotate.redo();
            const Operation *op = operation(target);
            if (op != nullptr && isPrimary(op->kind) && isSelf(op->author))
                overrides.insert(target, undo);
        }
        return overrides;
    }

    // The page an operation (pending or confirmed) changes the picture of.
    PageKey pageOfPending(const PendingOperation &p) const
    {
        quint64 target = 0;
        if (p.annotate.action_case() == wire::BoardAnnotate::kUndo)
            target = p.annotate.undo();
        else if (p.annotate.action_case() == wire::BoardAnnotate::kRedo)
            target = p.annotate.redo();
        if (target != 0) {
            if (const Operation *op = operation(target))
                return op->page;
        }
        return p.page;
    }

    // Whether only draws and extends are pending on `page`: then the picture follows them
    // incrementally; anything else (an erase, a clear, an undo waiting) recomputes it.
    bool onlyStrokesPending(PageKey page) const
    {
        return std::all_of(pending.begin(), pending.end(), [&](const PendingOperation &p) {
            const auto action = p.annotate.action_case();
            return pageOfPending(p) != page || action == wire::BoardAnnotate::kDraw ||
                   action == wire::BoardAnnotate::kExtend;
        });
    }

    static Annotation annotationOf(const Operation &op)
    {
        Annotation annotation;
        annotation.order = op.order;
        annotation.clientOpId = op.clientOpId;
        annotation.author = op.author;
        annotation.shape = op.shape;
        return annotation;
    }

    static qsizetype findConfirmed(const QList<Annotation> &picture, quint64 order)
    {
        for (qsizetype i = picture.size() - 1; i >= 0; --i) {
            if (!picture[i].pending && picture[i].order == order)
                return i;
        }
        return -1;
    }

    static qsizetype findPendingDraw(const QList<Annotation> &picture, quint32 clientOpId)
    {
        for (qsizetype i = picture.size() - 1; i >= 0; --i) {
            if (picture[i].pending && picture[i].clientOpId == clientOpId)
                return i;
        }
        return -1;
    }

    // Where a newly confirmed annotation goes: after every confirmed one, before the pending ones.
    static qsizetype firstPendingIndex(const QList<Annotation> &picture)
    {
        qsizetype i = picture.size();
        while (i > 0 && picture[i - 1].pending)
            --i;
        return i;
    }

    // The annotation a pending extend grows: our pending draw, or our confirmed stroke.
    qsizetype strokeOfPendingExtend(const QList<Annotation> &picture, quint32 strokeClientOpId) const
    {
        qsizetype index = findPendingDraw(picture, strokeClientOpId);
        if (index < 0) {
            const auto it = drawByAuthorOp.constFind(authorKey(self, strokeClientOpId));
            if (it != drawByAuthorOp.cend())
                index = findConfirmed(picture, operations[size_t(*it)].order);
        }
        // Only a pen or highlighter grows.
        if (index < 0 || !isStroke(picture[index].shape))
            return -1;
        return index;
    }

    // The picture rule (consult.proto BoardOperation) over the confirmed operations of one page,
    // then our pending operations on top, in the order they were made.
    QList<Annotation> fold(PageKey key, const PageState &page) const
    {
        const QHash<quint64, bool> overrides = pendingOverrides();
        const auto takenBack = [&](const Operation &op) { return overrides.value(op.order, op.takenBack); };
        quint64 clearedBefore = 0;
        QSet<quint64> erased;
        for (const int index : page.hiders) {
            const Operation &op = operations[size_t(index)];
            if (takenBack(op))
                continue;
            if (op.kind == Kind::Clear)
                clearedBefore = std::max(clearedBefore, op.order);
            else
                erased.unite(QSet<quint64>(op.targets.cbegin(), op.targets.cend()));
        }
        QList<Annotation> picture;
        picture.reserve(qsizetype(page.draws.size()));
        for (const int index : page.draws) {
            const Operation &op = operations[size_t(index)];
            if (takenBack(op) || op.order < clearedBefore || erased.contains(op.order))
                continue;
            picture.append(annotationOf(op));
        }
        for (const PendingOperation &p : pending) {
            if (p.page != key)
                continue;
            overlay(picture, p);
        }
        return picture;
    }

    void overlay(QList<Annotation> &picture, const PendingOperation &p) const
    {
        const wire::BoardAnnotate &annotate = p.annotate;
        switch (annotate.action_case()) {
        case wire::BoardAnnotate::kDraw: {
            Annotation annotation;
            annotation.clientOpId = annotate.client_op_id();
            annotation.author = self;
            annotation.shape = annotate.draw();
            annotation.pending = true;
            picture.append(annotation);
            break;
        }
        case wire::BoardAnnotate::kExtend: {
            const qsizetype index = strokeOfPendingExtend(picture, annotate.extend().stroke_client_op_id());
            if (index >= 0 &&
                picture[index].shape.points_size() + annotate.extend().points_size() <= 2 * kMaxStrokePointPairs)
                appendPoints(picture[index].shape, annotate.extend().points());
            break;
        }
        case wire::BoardAnnotate::kErase: {
            const auto &targets = annotate.erase().orders();
            picture.removeIf([&](const Annotation &a) {
                return !a.pending && std::find(targets.begin(), targets.end(), a.order) != targets.end();
            });
            break;
        }
        case wire::BoardAnnotate::kClearPage:
            picture.clear();
            break;
        default: // undo and redo are in pendingOverrides()
            break;
        }
    }

    PageState &pageState(PageKey key) { return pages[key]; }

    void invalidate(PageKey key)
    {
        const auto it = pages.find(key);
        if (it != pages.end())
            it->pictureValid = false;
    }

    // Removes our pending operation the server's copy confirms; returns it (a copy), if there was one.
    std::optional<PendingOperation> takePending(wire::Party author, quint32 clientOpId)
    {
        if (!isSelf(author))
            return std::nullopt;
        const auto it = std::find_if(pending.begin(), pending.end(), [&](const PendingOperation &p) {
            return p.annotate.client_op_id() == clientOpId;
        });
        if (it == pending.end())
            return std::nullopt;
        PendingOperation taken = *it;
        pending.erase(it);
        return taken;
    }
};

BoardModel::BoardModel(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{}

BoardModel::~BoardModel() = default;

void BoardModel::setSelf(wire::Party self)
{
    d->self = self;
}

wire::Party BoardModel::self() const
{
    return d->self;
}

bool BoardModel::addDocument(const wire::BoardDocument &document)
{
    if (document.document_id() == 0 || this->document(document.document_id()) != nullptr)
        return false;
    if (document.pages_size() < 1 || document.pages_size() > kMaxDocumentPages)
        return false;
    Document added;
    added.id = document.document_id();
    added.title = QString::fromStdString(document.title());
    for (const wire::BoardPageSize &size : document.pages()) {
        if (size.width() < 1 || size.height() < 1 || size.width() > quint32(PageLimits::kMaxSide) ||
            size.height() > quint32(PageLimits::kMaxSide))
            return false;
        added.pageSizes.append(QSize(int(size.width()), int(size.height())));
    }
    m_documents.append(added);
    emit documentAdded(added.id);
    return true;
}

bool BoardModel::setPageImage(PageKey page, const QImage &image)
{
    if (image.isNull() || !pageSize(page).isValid() || image.size() != pageSize(page))
        return false;
    m_images.insert(page, image);
    m_previews.remove(page);
    emit pageImageArrived(page);
    return true;
}

bool BoardModel::setPagePreview(PageKey page, const QImage &preview)
{
    const QSize size = pageSize(page);
    if (preview.isNull() || !size.isValid() || !hasPreview(size) || preview.size() != previewSize(size) ||
        (m_images.contains(page) && !m_previews.contains(page)))
        return false;
    m_images.insert(page, preview);
    m_previews.insert(page);
    emit pageImageArrived(page);
    return true;
}

bool BoardModel::showPage(PageKey page)
{
    if (!pageSize(page).isValid())
        return false;
    d->shownPages.insert(page);
    if (m_shown == page)
        return true;
    m_shown = page;
    emit shownPageChanged(page);
    return true;
}

void BoardModel::setCustomerMayDraw(bool allowed)
{
    if (m_customerMayDraw == allowed)
        return;
    m_customerMayDraw = allowed;
    emit permissionChanged(allowed);
}

bool BoardModel::applyOperation(const wire::BoardOperation &operation)
{
    const PageKey page{operation.document_id(), operation.page_index()};
    if (operation.order() <= m_lastOrder || !pageSize(page).isValid())
        return false;
    Operation op;
    op.order = operation.order();
    op.author = operation.author();
    op.clientOpId = operation.client_op_id();
    op.page = page;
    PageKey changed = page;

    switch (operation.action_case()) {
    case wire::BoardOperation::kDraw: {
        if (!isValidShape(operation.draw()))
            return false;
        op.kind = Kind::Draw;
        op.shape = operation.draw();
        const auto confirmed = d->takePending(op.author, op.clientOpId);
        PageState &state = d->pageState(page);
        const int index = int(d->operations.size());
        state.draws.push_back(index);
        d->drawByAuthorOp.insert(authorKey(op.author, op.clientOpId), index);
        if (state.pictureValid && d->onlyStrokesPending(page)) {
            Annotation annotation = Private::annotationOf(op);
            if (confirmed) {
                // Our stroke keeps the points of its extends still on their way.
                const qsizetype shown = Private::findPendingDraw(state.picture, op.clientOpId);
                if (shown >= 0)
                    state.picture.removeAt(shown);
                for (const PendingOperation &p : d->pending) {
                    if (p.annotate.action_case() == wire::BoardAnnotate::kExtend &&
                        p.annotate.extend().stroke_client_op_id() == op.clientOpId)
                        appendPoints(annotation.shape, p.annotate.extend().points());
                }
            }
            state.picture.insert(Private::firstPendingIndex(state.picture), annotation);
        } else {
            state.pictureValid = false;
        }
        break;
    }
    case wire::BoardOperation::kExtend: {
        const wire::BoardStrokeMore &extend = operation.extend();
        const auto it = d->indexByOrder.constFind(extend.stroke_order());
        if (it == d->indexByOrder.cend() || !isValidPoints(extend.points(), true))
            return false;
        Operation &stroke = d->operations[size_t(*it)];
        if (stroke.kind != Kind::Draw || !isStroke(stroke.shape) || stroke.finished || stroke.author != op.author ||
            stroke.page != page || stroke.shape.points_size() + extend.points_size() > 2 * kMaxStrokePointPairs)
            return false;
        appendPoints(stroke.shape, extend.points());
        stroke.finished = extend.finished();
        const bool wasOurs = d->takePending(op.author, op.clientOpId).has_value();
        PageState &state = d->pageState(page);
        if (state.pictureValid && !wasOurs) {
            const qsizetype shown = Private::findConfirmed(state.picture, stroke.order);
            if (shown >= 0)
                appendPoints(state.picture[shown].shape, extend.points());
        }
        // An extend is not kept as an operation of its own: it only advances the order.
        m_lastOrder = op.order;
        if (extend.points_size() > 0)
            emit annotationsChanged(page);
        return true;
    }
    case wire::BoardOperation::kErase: {
        const auto &targets = operation.erase().orders();
        if (targets.empty() || targets.size() > kMaxEraseTargets)
            return false;
        op.kind = Kind::Erase;
        for (const quint64 target : targets) {
            // Only earlier draws of this page can be hidden.
            const Operation *hidden = d->operation(target);
            if (hidden != nullptr && hidden->kind == Kind::Draw && hidden->page == page)
                op.targets.append(target);
        }
        d->takePending(op.author, op.clientOpId);
        d->pageState(page).hiders.push_back(int(d->operations.size()));
        d->invalidate(page);
        break;
    }
    case wire::BoardOperation::kClearPage:
        if (!operation.clear_page())
            return false;
        op.kind = Kind::Clear;
        d->takePending(op.author, op.clientOpId);
        d->pageState(page).hiders.push_back(int(d->operations.size()));
        d->invalidate(page);
        break;
    case wire::BoardOperation::kUndo:
    case wire::BoardOperation::kRedo: {
        const bool undo = operation.action_case() == wire::BoardOperation::kUndo;
        op.kind = undo ? Kind::Undo : Kind::Redo;
        op.target = undo ? operation.undo() : operation.redo();
        const auto it = d->indexByOrder.constFind(op.target);
        if (it == d->indexByOrder.cend())
            return false;
        Operation &target = d->operations[size_t(*it)];
        // Only the author's own draw, erase or clear, and only one that is in the other state.
        if (target.author != op.author || !isPrimary(target.kind) || target.takenBack != !undo)
            return false;
        target.takenBack = undo;
        changed = target.page;
        d->takePending(op.author, op.clientOpId);
        d->invalidate(changed);
        break;
    }
    default:
        return false;
    }

    d->indexByOrder.insert(op.order, int(d->operations.size()));
    d->operations.push_back(std::move(op));
    m_lastOrder = operation.order();
    emit annotationsChanged(changed);
    return true;
}

void BoardModel::applySnapshot(const QList<wire::BoardDocument> &documents, PageKey shown, bool customerMayDraw,
                               const QList<wire::BoardOperation> &operations)
{
    {
        const QSignalBlocker blocker(this);
        m_documents.clear();
        m_images.clear();
        m_previews.clear();
        m_shown = {};
        m_lastOrder = 0;
        const std::vector<PendingOperation> pending = std::move(d->pending);
        const wire::Party self = d->self;
        *d = Private();
        d->self = self;
        for (const wire::BoardDocument &document : documents)
            addDocument(document);
        if (shown.isValid())
            showPage(shown);
        m_customerMayDraw = customerMayDraw;
        QSet<quint32> confirmedOwn;
        for (const wire::BoardOperation &operation : operations) {
            if (applyOperation(operation) && d->isSelf(operation.author()))
                confirmedOwn.insert(operation.client_op_id());
        }
        // Our operations still on their way stay pending; those the snapshot holds are confirmed. The
        // snapshot merges a stroke's extends into its draw, so their own numbers are gone: our
        // extends of a stroke it holds are dropped, and any the server has not ordered yet arrive
        // as operations and are appended then.
        for (const PendingOperation &p : pending) {
            const bool extendOfConfirmed = p.annotate.action_case() == wire::BoardAnnotate::kExtend &&
                                           confirmedOwn.contains(p.annotate.extend().stroke_client_op_id());
            if (!confirmedOwn.contains(p.annotate.client_op_id()) && !extendOfConfirmed && pageSize(p.page).isValid())
                d->pending.push_back(p);
        }
    }
    emit reset();
}

void BoardModel::setPointer(wire::Party party, const Pointer &pointer)
{
    Pointer checked = pointer;
    // A pointer off a known page or outside the page units is not shown.
    if (!pageSize(pointer.page).isValid() || pointer.position.x() < 0 || pointer.position.y() < 0 ||
        pointer.position.x() > PageLimits::kPageUnits || pointer.position.y() > PageLimits::kPageUnits)
        checked.visible = false;
    if (party == wire::PARTY_ADVISOR)
        d->advisorPointer = checked;
    else if (party == wire::PARTY_CUSTOMER)
        d->customerPointer = checked;
    else
        return;
    emit pointerChanged(party);
}

void BoardModel::addPending(PageKey page, const wire::BoardAnnotate &annotate)
{
    if (!pageSize(page).isValid() || annotate.client_op_id() == 0)
        return;
    if (annotate.action_case() == wire::BoardAnnotate::kDraw && !isValidShape(annotate.draw()))
        return;
    if (annotate.action_case() == wire::BoardAnnotate::kExtend && !isValidPoints(annotate.extend().points(), true))
        return;
    if (annotate.action_case() == wire::BoardAnnotate::ACTION_NOT_SET)
        return;
    const PendingOperation added{page, annotate};
    const PageKey changed = d->pageOfPending(added);
    const bool incremental = d->onlyStrokesPending(changed);
    d->pending.push_back(added);
    const auto it = d->pages.find(changed);
    if (it != d->pages.end() && it->pictureValid) {
        const auto action = annotate.action_case();
        if (incremental && (action == wire::BoardAnnotate::kDraw || action == wire::BoardAnnotate::kExtend))
            d->overlay(it->picture, added);
        else
            it->pictureValid = false;
    }
    emit annotationsChanged(changed);
}

void BoardModel::dropPending(quint32 clientOpId)
{
    const auto it = std::find_if(d->pending.begin(), d->pending.end(),
                                 [&](const PendingOperation &p) { return p.annotate.client_op_id() == clientOpId; });
    if (it == d->pending.end())
        return;
    const PageKey changed = d->pageOfPending(*it);
    const bool wasDraw = it->annotate.action_case() == wire::BoardAnnotate::kDraw;
    d->pending.erase(it);
    if (wasDraw) {
        // The extends of a refused stroke have nothing left to grow.
        std::erase_if(d->pending, [&](const PendingOperation &p) {
            return p.annotate.action_case() == wire::BoardAnnotate::kExtend &&
                   p.annotate.extend().stroke_client_op_id() == clientOpId;
        });
    }
    d->invalidate(changed);
    emit annotationsChanged(changed);
}

int BoardModel::pendingCount() const
{
    return int(d->pending.size());
}

const Document *BoardModel::document(quint32 id) const
{
    for (const Document &document : m_documents) {
        if (document.id == id)
            return &document;
    }
    return nullptr;
}

QImage BoardModel::pageImage(PageKey page) const
{
    return m_images.value(page);
}

bool BoardModel::hasPageImage(PageKey page) const
{
    return m_images.contains(page);
}

QSize BoardModel::pageSize(PageKey page) const
{
    const Document *found = document(page.document);
    if (found == nullptr || page.page >= quint32(found->pageSizes.size()))
        return {};
    return found->pageSizes[qsizetype(page.page)];
}

QList<Annotation> BoardModel::annotations(PageKey page) const
{
    if (!pageSize(page).isValid())
        return {};
    PageState &state = d->pages[page];
    if (!state.pictureValid) {
        state.picture = d->fold(page, state);
        state.pictureValid = true;
    }
    return state.picture;
}

Pointer BoardModel::pointer(wire::Party party) const
{
    if (party == wire::PARTY_ADVISOR)
        return d->advisorPointer;
    if (party == wire::PARTY_CUSTOMER)
        return d->customerPointer;
    return {};
}

QList<PageKey> BoardModel::markedUpPages() const
{
    QList<PageKey> pages;
    for (const Document &document : m_documents) {
        for (quint32 index = 0; index < quint32(document.pageSizes.size()); ++index) {
            const PageKey key{document.id, index};
            if (d->shownPages.contains(key) || !annotations(key).isEmpty())
                pages.append(key);
        }
    }
    return pages;
}

std::optional<quint64> BoardModel::undoTarget(wire::Party self) const
{
    const QHash<quint64, bool> overrides = d->pendingOverrides();
    for (auto it = d->operations.crbegin(); it != d->operations.crend(); ++it) {
        if (it->author == self && isPrimary(it->kind) && !overrides.value(it->order, it->takenBack))
            return it->order;
    }
    return std::nullopt;
}

std::optional<quint64> BoardModel::redoTarget(wire::Party self) const
{
    // The redo stack as an editor keeps it: an undo pushes its target, a redo pops it, and anything
    // new of ours (confirmed or still pending) empties it.
    std::vector<quint64> stack;
    const auto step = [&stack](bool primary, bool undo, bool redo, quint64 target) {
        if (primary)
            stack.clear();
        else if (undo)
            stack.push_back(target);
        else if (redo)
            std::erase(stack, target);
    };
    for (const Operation &op : d->operations) {
        if (op.author == self)
            step(isPrimary(op.kind), op.kind == Kind::Undo, op.kind == Kind::Redo, op.target);
    }
    if (d->self == self || d->self == wire::PARTY_UNSPECIFIED) {
        for (const PendingOperation &p : d->pending) {
            const auto action = p.annotate.action_case();
            step(action == wire::BoardAnnotate::kDraw || action == wire::BoardAnnotate::kErase ||
                     action == wire::BoardAnnotate::kClearPage,
                 action == wire::BoardAnnotate::kUndo, action == wire::BoardAnnotate::kRedo,
                 action == wire::BoardAnnotate::kUndo ? p.annotate.undo() : p.annotate.redo());
        }
    }
    const QHash<quint64, bool> overrides = d->pendingOverrides();
    while (!stack.empty()) {
        const Operation *op = d->operation(stack.back());
        if (op != nullptr && op->author == self && isPrimary(op->kind) && overrides.value(op->order, op->takenBack))
            return op->order;
        stack.pop_back();
    }
    return std::nullopt;
}

std::optional<quint64> BoardModel::annotationAt(PageKey page, QPoint position, int tolerance) const
{
    const QList<Annotation> picture = annotations(page);
    for (qsizetype i = picture.size() - 1; i >= 0; --i) {
        if (!picture[i].pending && hitsAnnotation(picture[i].shape, position, tolerance))
            return picture[i].order;
    }
    return std::nullopt;
}

} // namespace consult::board
