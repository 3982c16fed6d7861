#include "DocumentImport.h"

#include "PageEncoding.h"
#include "validation/FileName.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QImageReader>
#include <QMutex>
#include <QPdfDocument>
#include <QPdfDocumentRenderOptions>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <limits>

namespace consult::board {

namespace {

enum class FileType
{
    Unknown,
    Pdf,
    Png,
    Jpeg,
};

// The type by content (magic bytes), never by the name. A PDF header may follow a little junk
// (readers accept it within the first 1024 bytes); images must start with their signature.
FileType sniff(const QByteArray &bytes)
{
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return FileType::Png;
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return FileType::Jpeg;
    if (bytes.left(1024).contains("%PDF-"))
        return FileType::Pdf;
    return FileType::Unknown;
}

// A PDF's last bytes hold its end marker; without it the file was cut off (a broken download or
// copy). Qt PDF would often still open the pages it can reconstruct; the advisor is told instead,
// rather than showing the customer half a document.
bool hasEndMarker(const QByteArray &bytes)
{
    return bytes.right(1024).contains("%%EOF");
}

QSize boundedSize(QSizeF size, int longSide)
{
    const qreal longer = std::max(size.width(), size.height());
    if (longer <= longSide)
        return QSize(std::max(1, qRound(size.width())), std::max(1, qRound(size.height())));
    const qreal scale = longSide / longer;
    return QSize(std::clamp(qRound(size.width() * scale), 1, longSide),
                 std::clamp(qRound(size.height() * scale), 1, longSide));
}

} // namespace

struct DocumentImport::Private
{
    DocumentImport *q = nullptr;
    QString filePath;
    Settings settings;
    QList<QSize> pageSizes; // GUI thread

    QMutex mutex;
    QList<int> order;    // pages still to render, the next first (guarded by mutex)
    QList<int> priority; // asked for before the page count was known, latest first (guarded by mutex)
    QSet<int> wanted;    // pages to render with a preview: the first, and those prioritised (guarded by mutex)
    std::atomic<bool> cancelled = false;
    bool started = false;
    QFuture<void> worker;

    // --- worker thread ---------------------------------------------------------------------------
    void run();
    void runPdf(const QByteArray &bytes);
    void runImage(const QByteArray &bytes, FileType type);
    // The next page to render, and whether it is wanted first (rendered with a preview).
    struct Next
    {
        int index = 0;
        bool preview = false;
    };
    std::optional<Next> nextPage();
    // The page wanted first as a preview (previewSize of `size`), rendered by `render`, if it has one.
    void renderPreview(int index, QSize size, const std::function<QImage(QSize)> &render);

    void postRefused(Refusal refusal)
    {
        post([this, refusal] {
            emit q->refused(refusal);
            emit q->finished();
        });
    }
    void postOpened(const QList<QSize> &sizes)
    {
        {
            const QMutexLocker locker(&mutex);
            order.clear();
            for (int i = 0; i < sizes.size(); ++i)
                order.append(i);
            for (auto it = priority.crbegin(); it != priority.crend(); ++it) {
                if (order.removeOne(*it))
                    order.prepend(*it);
            }
            if (!order.isEmpty())
                wanted.insert(order.first());
        }
        post([this, sizes] {
            pageSizes = sizes;
            emit q->opened(int(sizes.size()));
        });
    }
    // A page larger than the server takes is not delivered, and the import stops at it: the pages
    // still to render are dropped, so the worker's loop ends and finished() follows the refusal.
    void postPage(int index, const PageImage &page)
    {
        if (page.bytes.size() > settings.maxPageBytes) {
            {
                const QMutexLocker locker(&mutex);
                order.clear();
            }
            post([this] { emit q->refused(Refusal::PageTooLarge); });
            return;
        }
        post([this, index, page] { emit q->pageReady(index, page); });
    }
    void postPreview(int index, const PageImage &preview)
    {
        post([this, index, preview] { emit q->previewReady(index, preview); });
    }
    // Delivers in the GUI thread; nothing after cancel(). The destructor waits for the worker, and
    // events posted to a deleted object are dropped, so `this` outlives every delivery.
    template <typename Function>
    void post(Function function)
    {
        if (cancelled)
            return;
        QMetaObject::invokeMethod(
            q,
            [this, function] {
                if (!cancelled)
                    function();
            },
            Qt::QueuedConnection);
    }
};

DocumentImport::Settings DocumentImport::Settings::withBoardLimits(const wire::BoardLimits &limits) const
{
    Settings bounded = *this;
    if (limits.max_pages() > 0)
        bounded.maxPages = int(std::min<quint32>(limits.max_pages(), std::numeric_limits<int>::max()));
    if (limits.max_page_bytes() > 0)
        bounded.maxPageBytes = limits.max_page_bytes();
    return bounded;
}

DocumentImport::DocumentImport(QString filePath, Settings settings, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->filePath = std::move(filePath);
    d->settings = settings;
    // Whatever the caller asks, no page leaves larger than any receiver accepts.
    d->settings.renderLongSide = std::clamp(settings.renderLongSide, 1, PageLimits::kMaxSide);
}

DocumentImport::~DocumentImport()
{
    d->cancelled = true;
    d->worker.waitForFinished();
}

void DocumentImport::start()
{
    if (d->started)
        return;
    d->started = true;
    d->worker = QtConcurrent::run([this] { d->run(); });
}

void DocumentImport::prioritise(int pageIndex)
{
    const QMutexLocker locker(&d->mutex);
    if (d->order.removeOne(pageIndex)) {
        d->order.prepend(pageIndex);
        d->wanted.insert(pageIndex);
    }
    d->priority.removeOne(pageIndex);
    d->priority.prepend(pageIndex);
}

void DocumentImport::cancel()
{
    d->cancelled = true;
}

QString DocumentImport::title() const
{
    return validation::sanitiseFileName(QFileInfo(d->filePath).fileName());
}

QList<QSize> DocumentImport::pageSizes() const
{
    return d->pageSizes;
}

QString DocumentImport::describe(Refusal refusal)
{
    switch (refusal) {
    case Refusal::None:
        return {};
    case Refusal::Unreadable:
        return tr("Die Datei lässt sich nicht öffnen oder lesen.");
    case Refusal::NotSupported:
        return tr("Auf dem Whiteboard lassen sich nur PDF-Dateien und Bilder (PNG, JPEG) zeigen.");
    case Refusal::Corrupt:
        return tr("Die Datei ist beschädigt und lässt sich nicht darstellen.");
    case Refusal::Encrypted:
        return tr("Das PDF ist mit einem Passwort geschützt. Speichern Sie es ohne Passwort und öffnen Sie es "
                  "erneut.");
    case Refusal::TooLarge:
        return tr("Die Datei ist zu groß: Sie hat zu viele Bildpunkte oder Bytes.");
    case Refusal::TooManyPages:
        return tr("Das Dokument hat mehr Seiten, als das Whiteboard aufnehmen kann.");
    case Refusal::Empty:
        return tr("Die Datei ist leer oder hat keine Seiten.");
    case Refusal::PageTooLarge:
        return tr("Eine Seite ist als Bild größer, als die Tafel annimmt; sie und die noch nicht vorbereiteten "
                  "Seiten werden nicht gezeigt.");
    case Refusal::TooManyDocuments:
        return tr("Auf der Tafel dieser Beratung sind schon so viele Dokumente, wie erlaubt sind.");
    case Refusal::ConsultationOver:
        return tr("Die Beratung ist beendet; das Dokument wird nicht mehr gezeigt.");
    }
    return {};
}

std::optional<DocumentImport::Private::Next> DocumentImport::Private::nextPage()
{
    const QMutexLocker locker(&mutex);
    if (order.isEmpty() || cancelled)
        return std::nullopt;
    const int index = order.takeFirst();
    return Next{index, wanted.remove(index)};
}

void DocumentImport::Private::renderPreview(int index, QSize size, const std::function<QImage(QSize)> &render)
{
    const QSize preview = previewSize(size);
    if (preview == size)
        return;
    // Rendered at its own size rather than scaled down from the page image: as sharp, a quarter of
    // the work, and on its way before the page image is even rendered.
    const QImage rendered = render(preview);
    if (rendered.isNull())
        return; // the page image follows, or the page is refused as corrupt
    PageImage image = encodePage(flattenedPage(rendered, preview));
    image.preview = true;
    postPreview(index, image);
}

void DocumentImport::Private::run()
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return postRefused(Refusal::Unreadable);
    if (file.size() > settings.maxFileBytes)
        return postRefused(Refusal::TooLarge);
    // Read one byte more than allowed: a file that grew since size() is caught too.
    const QByteArray bytes = file.read(settings.maxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return postRefused(Refusal::Unreadable);
    if (bytes.size() > settings.maxFileBytes)
        return postRefused(Refusal::TooLarge);
    if (bytes.isEmpty())
        return postRefused(Refusal::Empty);
    switch (const FileType type = sniff(bytes)) {
    case FileType::Pdf:
        return runPdf(bytes);
    case FileType::Png:
    case FileType::Jpeg:
        return runImage(bytes, type);
    case FileType::Unknown:
        return postRefused(Refusal::NotSupported);
    }
}

void DocumentImport::Private::runPdf(const QByteArray &bytes)
{
    if (!hasEndMarker(bytes))
        return postRefused(Refusal::Corrupt);
    // One document per import, used only by this worker: QPdfDocument is not safe to share.
    // Loaded from memory, so nothing of the file is copied anywhere (P1).
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    if (document.status() != QPdfDocument::Status::Ready) {
        const auto error = document.error();
        if (error == QPdfDocument::Error::IncorrectPassword || error == QPdfDocument::Error::UnsupportedSecurityScheme)
            return postRefused(Refusal::Encrypted);
        return postRefused(Refusal::Corrupt);
    }
    const int pageCount = document.pageCount();
    if (pageCount <= 0)
        return postRefused(Refusal::Empty);
    if (pageCount > settings.maxPages)
        return postRefused(Refusal::TooManyPages);
    QList<QSize> sizes;
    for (int i = 0; i < pageCount; ++i) {
        const QSizeF points = document.pagePointSize(i);
        if (!(points.width() > 0.0 && points.height() > 0.0))
            return postRefused(Refusal::Corrupt);
        // Every page at the bounded long side, however small its paper: a page is read on screens.
        const qreal scale = settings.renderLongSide / std::max(points.width(), points.height());
        sizes.append(boundedSize(points * scale, settings.renderLongSide));
    }
    postOpened(sizes);
    // Form fields and stamps are part of what the advisor sees in the document, so they are drawn.
    QPdfDocumentRenderOptions options;
    options.setRenderFlags(QPdfDocumentRenderOptions::RenderFlag::Annotations);
    while (const std::optional<Next> next = nextPage()) {
        const int index = next->index;
        if (next->preview)
            renderPreview(index, sizes[index], [&](QSize size) { return document.render(index, size, options); });
        const QImage rendered = document.render(index, sizes[index], options);
        if (rendered.isNull())
            return postRefused(Refusal::Corrupt);
        postPage(index, encodePage(flattenedPage(rendered, sizes[index])));
    }
    post([this] { emit q->finished(); });
}

void DocumentImport::Private::runImage(const QByteArray &bytes, FileType type)
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    // The format the content showed, so no other image plugin ever parses the file.
    QImageReader reader(&buffer, type == FileType::Png ? "png" : "jpeg");
    reader.setAutoTransform(true); // the EXIF orientation is applied, since the EXIF does not travel
    const qint64 allocationMegabytes = (settings.maxImagePixels * 4 + (1 << 20) - 1) >> 20;
    reader.setAllocationLimit(int(std::min<qint64>(allocationMegabytes + 1, std::numeric_limits<int>::max())));
    // The header's size decides before a single pixel is decoded (a decompression bomb is small on
    // disk and huge in memory).
    const QSize declared = reader.size();
    if (!declared.isValid() || declared.isEmpty())
        return postRefused(Refusal::Corrupt);
    if (qint64(declared.width()) * declared.height() > settings.maxImagePixels)
        return postRefused(Refusal::TooLarge);
    const QImage image = reader.read();
    if (image.isNull())
        return postRefused(Refusal::Corrupt);
    const QSize size = boundedSize(image.size(), settings.renderLongSide);
    postOpened({size});
    if (const std::optional<Next> next = nextPage()) {
        if (next->preview)
            renderPreview(0, size, [&](QSize preview) { return flattenedPage(image, preview); });
        postPage(0, encodePage(flattenedPage(image, size)));
    }
    post([this] { emit q->finished(); });
}

} // namespace consult::board
