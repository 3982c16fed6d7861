// Fuzz target: the client's side of the whiteboard's annotations (BoardModel), fed what a broken or
// hostile server or peer could send. The input is a sequence of records: one byte kind, two bytes
// length, then the payload: a BoardOperation to apply (kind 0), a BoardAnnotate to keep pending
// (kind 1), a client_op_id whose pending operation was refused (kind 2), or a snapshot of every
// operation so far (kind 3).
// Oracles: no crash; every annotation shown has its points in pairs within 0..10000, a confirmed
// one a valid shape; confirmed annotations come in increasing order and before every pending one;
// undo and redo targets are the party's own; without pending operations the picture kept up to date
// operation by operation equals the one computed afresh from the same operations; painting works.
#include "FuzzText.h"
#include "whiteboard/BoardModel.h"
#include "whiteboard/BoardPainter.h"
#include "whiteboard/ShapeCheck.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

using namespace consult;
using namespace consult::board;
using consult::fuzz::require;

namespace {

wire::BoardDocument document(quint32 id, int pages)
{
    wire::BoardDocument document;
    document.set_document_id(id);
    for (int i = 0; i < pages; ++i) {
        wire::BoardPageSize *size = document.add_pages();
        size->set_width(64);
        size->set_height(48);
    }
    return document;
}

const QList<PageKey> kPages{PageKey{1, 0}, PageKey{1, 1}, PageKey{1, 2}, PageKey{2, 0}};

void checkPicture(const BoardModel &model, PageKey page)
{
    const QList<Annotation> picture = model.annotations(page);
    quint64 previous = 0;
    bool pendingSeen = false;
    for (const Annotation &annotation : picture) {
        require(annotation.shape.points_size() % 2 == 0);
        for (const quint32 point : annotation.shape.points())
            require(point <= 10000);
        if (annotation.pending) {
            pendingSeen = true;
            continue;
        }
        require(!pendingSeen);
        require(annotation.order > previous && annotation.order <= model.lastOrder());
        previous = annotation.order;
        require(isValidShape(annotation.shape));
    }
    model.annotationAt(page, QPoint(5000, 5000), 100);
    QImage image(64, 48, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintAnnotations(painter, QRectF(image.rect()), picture);
}

QList<quint64> confirmedOrders(const BoardModel &model, PageKey page)
{
    QList<quint64> orders;
    for (const Annotation &annotation : model.annotations(page))
        orders.append(annotation.order);
    return orders;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_board_model";
    static char *argv[] = {name, nullptr};
    static const bool offscreen = qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication app(argc, argv); // text annotations need fonts
    (void)offscreen;

    BoardModel model;
    model.setSelf(wire::PARTY_ADVISOR);
    model.addDocument(document(1, 3));
    model.addDocument(document(2, 1));
    QList<wire::BoardOperation> applied;
    size_t at = 0;
    while (at + 3 <= size) {
        const uint8_t kind = data[at] % 4;
        const size_t length = std::min<size_t>(size - at - 3, size_t(data[at + 1]) | (size_t(data[at + 2]) << 8));
        const auto *payload = data + at + 3;
        at += 3 + length;
        if (kind == 0) {
            wire::BoardOperation operation;
            if (operation.ParseFromArray(payload, int(length)) && model.applyOperation(operation))
                applied.append(operation);
        } else if (kind == 1) {
            wire::BoardAnnotate annotate;
            if (annotate.ParseFromArray(payload, int(length)))
                model.addPending(PageKey{annotate.document_id(), annotate.page_index()}, annotate);
        } else if (kind == 2) {
            model.dropPending(length > 0 ? payload[0] : 0);
        } else {
            model.applySnapshot({document(1, 3), document(2, 1)}, PageKey{1, 0}, false, applied);
        }
        for (const PageKey page : kPages)
            checkPicture(model, page);
    }
    for (const wire::Party party : {wire::PARTY_ADVISOR, wire::PARTY_CUSTOMER}) {
        for (const std::optional<quint64> target : {model.undoTarget(party), model.redoTarget(party)}) {
            if (target) {
                const auto owner = std::find_if(applied.cbegin(), applied.cend(),
                                                [&](const wire::BoardOperation &op) { return op.order() == *target; });
                require(owner != applied.cend() && owner->author() == party);
            }
        }
    }
    // Our pending operations are drawn over the picture; with none left it must be the rule's.
    BoardModel fresh;
    fresh.applySnapshot({document(1, 3), document(2, 1)}, PageKey{1, 0}, false, applied);
    if (model.pendingCount() == 0) {
        for (const PageKey page : kPages)
            require(confirmedOrders(model, page) == confirmedOrders(fresh, page));
    }
    return 0;
}
