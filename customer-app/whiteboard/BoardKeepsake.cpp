#include "BoardKeepsake.h"

namespace consult::customer {

std::unique_ptr<board::BoardModel> BoardKeepsake::copyMarkedUpPages(const board::BoardModel &board)
{
    const QList<board::PageKey> pages = board.markedUpPages();
    if (pages.isEmpty())
        return nullptr;

    QList<wire::BoardDocument> documents;
    for (const board::Document &document : board.documents()) {
        wire::BoardDocument copy;
        copy.set_document_id(document.id);
        copy.set_title(document.title.toStdString());
        for (const QSize &size : document.pageSizes) {
            wire::BoardPageSize *page = copy.add_pages();
            page->set_width(static_cast<quint32>(size.width()));
            page->set_height(static_cast<quint32>(size.height()));
        }
        documents.append(copy);
    }
    // Every visible annotation becomes one draw in the same order: the picture without its history
    // (what was erased or undone is not part of it, so it cannot come back in the copy).
    QList<wire::BoardOperation> operations;
    quint64 order = 0;
    for (const board::PageKey &page : pages) {
        for (const board::Annotation &annotation : board.annotations(page)) {
            if (annotation.pending)
                continue;
            wire::BoardOperation operation;
            operation.set_order(++order);
            operation.set_author(annotation.author);
            operation.set_client_op_id(annotation.clientOpId);
            operation.set_document_id(page.document);
            operation.set_page_index(page.page);
            *operation.mutable_draw() = annotation.shape;
            operations.append(operation);
        }
    }

    auto copy = std::make_unique<board::BoardModel>();
    copy->applySnapshot(documents, board::PageKey{}, false, operations);
    for (const board::PageKey &page : pages) {
        if (board.hasPageImage(page))
            copy->setPageImage(page, board.pageImage(page));
        // A page counts as marked up once shown, even without annotations: show each in turn.
        copy->showPage(page);
    }
    if (board.shownPage().isValid())
        copy->showPage(board.shownPage());
    return copy;
}

} // namespace consult::customer
