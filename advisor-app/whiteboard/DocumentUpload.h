#pragma once

#include "whiteboard/DocumentImport.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace consult {
class ConsultationWhiteboard;
}

namespace consult::advisor {

// One file the advisor opened on the board, from the file to the pages on their way: runs the
// DocumentImport (checks and renders off the GUI thread) within the server's [whiteboard] limits as
// the whiteboard knows them, announces the document to the whiteboard only once the file passed its
// checks and the board has room for it (a refused file sends nothing), hands each rendered page to
// the whiteboard for upload, and shows the first page when the board shows nothing yet. Owned by
// the WhiteboardPanel, one per file; lives in the GUI thread.
class DocumentUpload final : public QObject
{
    Q_OBJECT
public:
    DocumentUpload(ConsultationWhiteboard &whiteboard, const QString &filePath,
                   board::DocumentImport::Settings settings, QObject *parent = nullptr);
    ~DocumentUpload() override;

    void start();
    // The advisor went to this page: render it next.
    void prioritise(int pageIndex);

    QString title() const;
    quint32 documentId() const { return m_documentId; }
    int pageCount() const { return m_pageCount; }
    int pagesRendered() const { return m_rendered; }

Q_SIGNALS:
    // The file passed its checks and the board knows the document.
    void opened(quint32 documentId, int pageCount);
    void progressed(int pagesRendered, int pageCount);
    // Why the file (or, PageTooLarge, the rest of it) is not shown: a code, so the panel can say it
    // again in another language (DocumentImport::describe).
    void refused(consult::board::DocumentImport::Refusal reason);
    void finished();

private:
    void onOpened(int pageCount);
    void onPageReady(int pageIndex, const board::PageImage &page);

    QPointer<ConsultationWhiteboard> m_whiteboard;
    std::unique_ptr<board::DocumentImport> m_import;
    quint32 m_documentId = 0;
    int m_pageCount = 0;
    int m_rendered = 0;
};

} // namespace consult::advisor
