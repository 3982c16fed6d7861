#include "DocumentUpload.h"

#include "client/whiteboard/ConsultationWhiteboard.h"

namespace consult::advisor {

DocumentUpload::DocumentUpload(ConsultationWhiteboard &whiteboard, const QString &filePath,
                               board::DocumentImport::Settings settings, QObject *parent)
    : QObject(parent)
    , m_whiteboard(&whiteboard)
    , m_import(std::make_unique<board::DocumentImport>(filePath, settings.withBoardLimits(whiteboard.limits())))
{
    connect(m_import.get(), &board::DocumentImport::opened, this, &DocumentUpload::onOpened);
    connect(m_import.get(), &board::DocumentImport::pageReady, this, &DocumentUpload::onPageReady);
    // A preview travels ahead of the shown page; it is not a rendered page of the progress.
    connect(m_import.get(), &board::DocumentImport::previewReady, this,
            [this](int pageIndex, const board::PageImage &preview) {
                if (m_whiteboard && m_documentId != 0)
                    m_whiteboard->addPageImage(m_documentId, pageIndex, preview);
            });
    connect(m_import.get(), &board::DocumentImport::refused, this, [this](board::DocumentImport::Refusal refusal) {
        Q_EMIT refused(refusal);
        Q_EMIT finished();
    });
    connect(m_import.get(), &board::DocumentImport::finished, this, &DocumentUpload::finished);
}

DocumentUpload::~DocumentUpload()
{
    if (m_import)
        m_import->cancel();
}

void DocumentUpload::start()
{
    m_import->start();
}

void DocumentUpload::prioritise(int pageIndex)
{
    if (m_rendered < m_pageCount)
        m_import->prioritise(pageIndex);
}

QString DocumentUpload::title() const
{
    return m_import->title();
}

void DocumentUpload::onOpened(int pageCount)
{
    if (!m_whiteboard) {
        m_import->cancel();
        return;
    }
    if (!m_whiteboard->hasRoomForDocument()) {
        m_import->cancel();
        Q_EMIT refused(board::DocumentImport::Refusal::TooManyDocuments);
        Q_EMIT finished();
        return;
    }
    // Only now does anything leave the advisor's machine: the file passed every check.
    m_documentId = m_whiteboard->openDocument(m_import->title(), m_import->pageSizes());
    if (m_documentId == 0) {
        m_import->cancel();
        Q_EMIT refused(board::DocumentImport::Refusal::ConsultationOver);
        Q_EMIT finished();
        return;
    }
    m_pageCount = pageCount;
    // A board that shows nothing yet shows the new document's first page, so the customer sees it
    // as soon as it arrives (the shown page travels first).
    if (!m_whiteboard->model().shownPage().isValid())
        m_whiteboard->showPage(board::PageKey{m_documentId, 0});
    Q_EMIT opened(m_documentId, pageCount);
    Q_EMIT progressed(0, pageCount);
}

void DocumentUpload::onPageReady(int pageIndex, const board::PageImage &page)
{
    if (!m_whiteboard || m_documentId == 0)
        return;
    m_whiteboard->addPageImage(m_documentId, pageIndex, page);
    ++m_rendered;
    Q_EMIT progressed(m_rendered, m_pageCount);
}

} // namespace consult::advisor
