#include "BoardKeepsake.h"

#include "client/consultation/Consultation.h"

#include <algorithm>

namespace consult::customer {

BoardKeepsake::BoardKeepsake(QObject *parent)
    : QObject(parent)
{}

BoardKeepsake::~BoardKeepsake() = default;

void BoardKeepsake::follow(board::BoardModel *model, Consultation *consultation)
{
    if (m_model)
        m_model->disconnect(this);
    forget();
    m_model = model;
    m_consultation = consultation;
    if (!model)
        return;
    connect(model, &board::BoardModel::documentAdded, this, [this] {
        if (!frozen())
            refreshDocuments();
    });
    connect(model, &board::BoardModel::pageImageArrived, this, [this](board::PageKey page) {
        if (!frozen())
            m_images.insert(page, m_model->pageImage(page));
    });
    connect(model, &board::BoardModel::shownPageChanged, this, [this](board::PageKey page) {
        if (!frozen())
            noteShown(page);
    });
    connect(model, &board::BoardModel::annotationsChanged, this, [this](board::PageKey page) {
        if (!frozen())
            refreshPage(page);
    });
    connect(model, &board::BoardModel::reset, this, [this] {
        if (!frozen())
            refreshAll();
    });
    refreshAll();
}

std::unique_ptr<board::BoardModel> BoardKeepsake::take()
{
    if (m_model)
        m_model->disconnect(this);
    m_model = nullptr;
    m_consultation = nullptr;
    // The pages to keep, in document and page order: every page shown or marked up.
    QList<board::PageKey> pages = m_shown;
    for (auto it = m_annotations.cbegin(); it != m_annotations.cend(); ++it)
        if (!it.value().isEmpty() && !pages.contains(it.key()))
            pages.append(it.key());
    if (pages.isEmpty()) {
        forget();
        return nullptr;
    }
    std::sort(pages.begin(), pages.end(), [](board::PageKey a, board::PageKey b) {
        return a.document != b.document ? a.document < b.document : a.page < b.page;
    });

    QList<wire::BoardDocument> documents;
    for (const board::Document &document : std::as_const(m_documents)) {
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
    // Every visible annotation becomes one draw, in the same order: the picture without its history
    // (what was erased or undone is not part of it and cannot come back in the copy).
    QList<wire::BoardOperation> operations;
    quint64 order = 0;
    for (const board::PageKey &page : std::as_const(pages)) {
        for (const board::Annotation &annotation : m_annotations.value(page)) {
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
    for (const board::PageKey &page : std::as_const(pages)) {
        if (const QImage image = m_images.value(page); !image.isNull())
            copy->setPageImage(page, image);
        // A page counts as marked up once shown, even without annotations (BoardModel::markedUpPages).
        copy->showPage(page);
    }
    if (m_lastShown.isValid())
        copy->showPage(m_lastShown);
    forget();
    return copy;
}

bool BoardKeepsake::frozen() const
{
    // The board clears itself as the consultation ends: that is not a change to keep.
    return !m_model || !m_consultation || m_consultation->isEnded();
}

void BoardKeepsake::refreshAll()
{
    refreshDocuments();
    m_images.clear();
    m_annotations.clear();
    for (const board::Document &document : std::as_const(m_documents)) {
        for (quint32 index = 0; index < quint32(document.pageSizes.size()); ++index) {
            const board::PageKey page{document.id, index};
            if (m_model->hasPageImage(page))
                m_images.insert(page, m_model->pageImage(page));
            refreshPage(page);
        }
    }
    for (const board::PageKey &page : m_model->markedUpPages())
        if (!m_shown.contains(page) && m_model->annotations(page).isEmpty())
            m_shown.append(page); // shown before we followed (a snapshot after a resume)
    noteShown(m_model->shownPage());
}

void BoardKeepsake::refreshDocuments()
{
    m_documents = m_model->documents();
}

void BoardKeepsake::refreshPage(board::PageKey page)
{
    QList<board::Annotation> annotations = m_model->annotations(page);
    if (annotations.isEmpty())
        m_annotations.remove(page);
    else
        m_annotations.insert(page, std::move(annotations));
}

void BoardKeepsake::noteShown(board::PageKey page)
{
    if (!page.isValid())
        return;
    m_lastShown = page;
    if (!m_shown.contains(page))
        m_shown.append(page);
}

void BoardKeepsake::forget()
{
    m_documents.clear();
    m_images.clear();
    m_annotations.clear();
    m_shown.clear();
    m_lastShown = {};
}

} // namespace consult::customer
