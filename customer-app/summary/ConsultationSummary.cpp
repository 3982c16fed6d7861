#include "ConsultationSummary.h"

#include "DeletionReceiptText.h"
#include "forms/FormPdf.h"
#include "transcript/TextFormats.h"
#include "whiteboard/BoardModel.h"
#include "whiteboard/BoardPainter.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QSaveFile>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>

namespace consult::customer {

namespace {

// The text is laid out at 96 dpi, as on screen, so that spacing given in pixels keeps its size on
// paper; painting scales it to the device (as Transcript::print does).
constexpr double kLayoutDpi = 96.0;
constexpr int kPdfResolution = 300; // the board pages' images are drawn at this resolution

using printable::blockFormat;
using printable::kBodyPointSize;
using printable::textFormat;

// "Ausgetauschte Dateien": one entry per file, its name on a line of its own (plain text, I3).
void appendFiles(QTextCursor &cursor, const QList<ExchangedFile> &files, const QString &advisorName)
{
    const QLocale locale;
    cursor.insertBlock(blockFormat(18));
    cursor.insertText(ConsultationSummary::tr("Ausgetauschte Dateien"), textFormat(kBodyPointSize + 2, true));
    cursor.insertBlock(blockFormat(2));
    cursor.insertText(ConsultationSummary::tr("Die Dateien selbst sind nicht Teil dieses Dokuments; sie sind mit dem "
                                              "Ende der Beratung auf unseren Servern gelöscht worden."),
                      textFormat(kBodyPointSize - 1.5));
    for (const ExchangedFile &file : files) {
        cursor.insertBlock(blockFormat(8));
        cursor.insertText(file.name, textFormat(kBodyPointSize, true));
        QString details =
            ConsultationSummary::tr("%1, von %2")
                .arg(DeletionReceiptText::fileSize(file.size), DeletionReceiptText::sender(file.from, advisorName));
        if (file.addedAt.isValid())
            details +=
                ConsultationSummary::tr(", %1 Uhr").arg(locale.toString(file.addedAt.time(), QStringLiteral("HH:mm")));
        if (file.removed)
            details += ConsultationSummary::tr(" – während der Beratung entfernt");
        cursor.insertBlock(blockFormat(1, 0, 12));
        cursor.insertText(details, textFormat());
    }
}

// The caption above a board page: which document and page it is.
QString boardCaption(const board::BoardModel &board, board::PageKey page)
{
    const board::Document *document = board.document(page.document);
    const QString title = document ? document->title : QString();
    return title.isEmpty() ? ConsultationSummary::tr("Tafel – Seite %1").arg(page.page + 1)
                           : ConsultationSummary::tr("Tafel – %1, Seite %2").arg(title).arg(page.page + 1);
}

void paintBoardPage(QPainter &painter, QPagedPaintDevice &device, const board::BoardModel &board, board::PageKey page)
{
    const QRectF area(0, 0, device.width(), device.height());
    QFont font = painter.font();
    font.setPointSizeF(kBodyPointSize);
    font.setBold(true);
    painter.setFont(font);
    const QFontMetricsF metrics(font, &device);
    const qreal captionHeight = metrics.height() * 1.8;
    painter.setPen(Qt::black);
    // drawText takes the caption as plain text (I3): a document title is never markup here.
    painter.drawText(QRectF(area.left(), area.top(), area.width(), captionHeight), Qt::AlignLeft | Qt::AlignTop,
                     metrics.elidedText(boardCaption(board, page), Qt::ElideMiddle, area.width()));
    const QRectF space = area.adjusted(0, captionHeight, 0, 0);
    QSizeF size = board.pageSize(page);
    if (size.isEmpty())
        size = space.size();
    size.scale(space.size(), Qt::KeepAspectRatio);
    const QRectF target(QPointF(space.left() + (space.width() - size.width()) / 2, space.top()), size);
    const QImage image = board.pageImage(page);
    if (image.isNull())
        painter.fillRect(target, Qt::white); // its image never arrived: the marks still count
    else
        painter.drawImage(target, image);
    painter.setPen(QPen(Qt::lightGray, 0));
    painter.drawRect(target);
    paintAnnotations(painter, target, board.annotations(page));
}

} // namespace

std::unique_ptr<QTextDocument> ConsultationSummary::buildDocument(const TranscriptContent &content,
                                                                  const Exchanged &exchanged)
{
    std::unique_ptr<QTextDocument> document = Transcript::buildDocument(content);
    QTextCursor cursor(document.get());
    cursor.movePosition(QTextCursor::End);
    if (!exchanged.files.isEmpty())
        appendFiles(cursor, exchanged.files, content.advisorName);
    bool firstForm = true;
    for (const wire::FormInstance &form : exchanged.forms) {
        if (!isFilled(form))
            continue;
        // Each form begins on a page of its own, as the advisor's copy of it does.
        cursor.movePosition(QTextCursor::End);
        QTextBlockFormat newPage = blockFormat(0);
        newPage.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        cursor.insertBlock(newPage);
        if (firstForm)
            cursor.insertText(tr("Ausgefüllte Formulare"), textFormat(kBodyPointSize + 2, true));
        firstForm = false;
        forms::FormPdf::appendTo(*document, form);
    }
    return document;
}

int ConsultationSummary::paint(const QTextDocument &document, const board::BoardModel *board, QPagedPaintDevice &device)
{
    QPainter painter;
    if (!painter.begin(&device))
        return 0;
    // A copy laid out for the device's page; the preview keeps its own layout. Lives only for this
    // call (C4).
    QImage layoutDevice(1, 1, QImage::Format_Mono);
    layoutDevice.setDotsPerMeterX(qRound(kLayoutDpi / 0.0254));
    layoutDevice.setDotsPerMeterY(qRound(kLayoutDpi / 0.0254));
    const std::unique_ptr<QTextDocument> paged(document.clone());
    paged->setDocumentMargin(0);
    paged->documentLayout()->setPaintDevice(&layoutDevice);
    const double scale = device.logicalDpiX() / kLayoutDpi;
    const QSizeF page(device.width() / scale, device.height() / scale);
    paged->setPageSize(page);
    const int textPages = paged->pageCount();
    QAbstractTextDocumentLayout::PaintContext context;
    for (int index = 0; index < textPages; ++index) {
        if (index > 0)
            device.newPage();
        painter.save();
        painter.scale(scale, device.logicalDpiY() / kLayoutDpi);
        const QRectF clip(0, index * page.height(), page.width(), page.height());
        painter.translate(0, -clip.top());
        painter.setClipRect(clip);
        // The layout draws every block that touches the clip, and one that begins exactly where the
        // next page begins touches this one: drawn clipped, invisible, yet its text would be in this
        // page's PDF text twice (search, copy). Half a pixel inside keeps each block to its own page.
        context.clip = clip.adjusted(0, 0.5, 0, -0.5);
        paged->documentLayout()->draw(&painter, context);
        painter.restore();
    }
    int pages = textPages;
    if (board) {
        for (const board::PageKey &boardPage : board->markedUpPages()) {
            device.newPage();
            paintBoardPage(painter, device, *board, boardPage);
            ++pages;
        }
    }
    return painter.end() ? pages : 0;
}

void ConsultationSummary::print(const QTextDocument &document, const board::BoardModel *board, QPrinter &printer)
{
    printer.setDocName(document.metaInformation(QTextDocument::DocumentTitle));
    paint(document, board, printer);
}

Status ConsultationSummary::writePdf(const QTextDocument &document, const board::BoardModel *board,
                                     const QString &filePath)
{
    if (filePath.isEmpty())
        return Status::failure(QStringLiteral("no_file"), QStringLiteral("no file name given"));
    // Written next to the chosen file and renamed into place at the end: a failure never leaves half
    // a PDF under the customer's name.
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(QStringLiteral("write_failed"), file.errorString());
    QPdfWriter writer(&file);
    writer.setResolution(kPdfResolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 18, 20, 18),
                                     QPageLayout::Millimeter));
    writer.setTitle(document.metaInformation(QTextDocument::DocumentTitle));
    writer.setCreator(QStringLiteral("consult-customer"));
    if (paint(document, board, writer) == 0) {
        file.cancelWriting();
        return Status::failure(QStringLiteral("write_failed"), QStringLiteral("the PDF could not be painted"));
    }
    if (!file.commit())
        return Status::failure(QStringLiteral("write_failed"), file.errorString());
    return success();
}

bool ConsultationSummary::isFilled(const wire::FormInstance &form)
{
    return form.state() == wire::FORM_STATE_SUBMITTED;
}

} // namespace consult::customer
