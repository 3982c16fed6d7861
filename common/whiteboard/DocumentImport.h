#pragma once

#include "PageImage.h"

#include <QObject>
#include <QString>

#include <memory>

namespace consult::board {

// Turns a file the advisor opens (a PDF through Qt PDF, or a PNG / JPEG) into page images at a
// bounded resolution (PageLimits::kRenderLongSide), off the GUI thread, page by page, so the first
// page can travel while the others render. Checks by content, not by name: a corrupt or encrypted
// PDF, an image whose header promises more pixels than allowed (a decompression bomb, a page of
// 30,000 x 30,000), a file that is neither, too many pages: refused with a reason in plain words
// before anything is sent. The page that is wanted first (the first page rendered, and any page
// prioritise() asks for) also comes as a preview at previewSize(), before its page image, so it can
// travel ahead on a slow line (PageEncoding chooses each image's format). Images are re-encoded, so no metadata (EXIF,
// location) leaves the advisor's machine. One import per file; owned by whoever started it (the advisor's whiteboard
// panel); lives in the GUI thread, renders on a worker.
class DocumentImport : public QObject
{
    Q_OBJECT
public:
    enum class Refusal
    {
        None,
        Unreadable,   // cannot be opened or read
        NotSupported, // neither PDF nor PNG / JPEG by content
        Corrupt,      // a PDF that does not parse, an image that does not decode
        Encrypted,    // a PDF with a password
        TooLarge,     // more pixels than allowed, or bigger than the byte limit
        TooManyPages, // more pages than [whiteboard] max_pages
        Empty,        // no pages
        PageTooLarge, // a page's image is larger than [whiteboard] max_page_bytes; it and later pages stay here
        // Found by the caller, which knows the board, before the document is announced:
        TooManyDocuments, // the board already holds [whiteboard] max_documents
        ConsultationOver, // the consultation ended while the file was being opened
    };
    Q_ENUM(Refusal)

    struct Settings
    {
        int maxPages = 50;                // the server's limit, as the advisor's app knows it
        qint64 maxFileBytes = 50 << 20;   // what is read at all
        qint64 maxImagePixels = 64 << 20; // an image whose header says more is refused unread
        int renderLongSide = PageLimits::kRenderLongSide;
        qint64 maxPageBytes = 2 << 20; // the server's [whiteboard] max_page_bytes, as the app knows it

        // These settings with the server's limits where it told them (AdvisorLoginAccepted), so a
        // document the server would refuse is refused here, before anything of it is sent.
        Settings withBoardLimits(const wire::BoardLimits &limits) const;
    };

    DocumentImport(QString filePath, Settings settings, QObject *parent = nullptr);
    ~DocumentImport() override;

    // Opens and checks the file, then renders the pages in the background in the order asked for
    // (prioritise() moves a page to the front). Emits opened() or refused(), then pageReady() per page.
    void start();
    // Renders this page next (the advisor jumped to it); may be called before start() too.
    void prioritise(int pageIndex);
    void cancel();

    QString title() const;          // the file name, sanitised for showing
    QList<QSize> pageSizes() const; // valid after opened(): the pixel size each page will have

    // The reason as the advisor reads it, in the UI language.
    static QString describe(Refusal refusal);

Q_SIGNALS:
    void opened(int pageCount);
    void refused(consult::board::DocumentImport::Refusal refusal);
    void pageReady(int pageIndex, const consult::board::PageImage &page);
    // The preview of a page wanted first (PageImage::preview), before its pageReady(); only for a
    // page longer than PageLimits::kPreviewLongSide.
    void previewReady(int pageIndex, const consult::board::PageImage &preview);
    // The import is over: every page was delivered, or it was refused. Nothing follows cancel().
    void finished();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace consult::board
