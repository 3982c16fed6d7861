#include "Transcript.h"

#include "TextFormats.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPrinter>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>

namespace consult {

namespace {

using printable::blockFormat;
using printable::kBodyPointSize;
using printable::textFormat;

// Inserts text as plain characters (I3). Line breaks inside a message become paragraph breaks,
// which insertText does itself; nothing is ever parsed.
void insertPlain(QTextCursor &cursor, const QString &text, const QTextCharFormat &format)
{
    cursor.insertText(text, format);
}

// "Label: value" on its own line, the label bold.
void insertField(QTextCursor &cursor, const QString &label, const QString &value)
{
    cursor.insertBlock(blockFormat(2));
    insertPlain(cursor, label + QStringLiteral(": "), textFormat(kBodyPointSize, true));
    insertPlain(cursor, value, textFormat());
}

} // namespace

std::unique_ptr<QTextDocument> Transcript::buildDocument(const TranscriptContent &content)
{
    auto document = std::make_unique<QTextDocument>();
    document->setUndoRedoEnabled(false);
    document->setDocumentMargin(12); // on screen; printing lays out a copy without it
    const QLocale locale;
    const QString title = tr("Gesprächsprotokoll");
    document->setMetaInformation(QTextDocument::DocumentTitle,
                                 content.title.isEmpty() ? title : title + QStringLiteral(" – ") + content.title);

    QTextCursor cursor(document.get());
    cursor.setBlockFormat(blockFormat(0, 2));
    insertPlain(cursor, content.bankName, textFormat(kBodyPointSize + 1.5, true));
    cursor.insertBlock(blockFormat(0, 10));
    insertPlain(cursor, content.title.isEmpty() ? title : title + QStringLiteral(" – ") + content.title,
                textFormat(kBodyPointSize + 6, true));

    const QDateTime started = content.startedAt.isValid() ? content.startedAt : content.endedAt;
    if (started.isValid())
        insertField(cursor, tr("Datum"), locale.toString(started.date(), QLocale::LongFormat));
    if (content.startedAt.isValid() && content.endedAt.isValid())
        insertField(cursor, tr("Zeit"),
                    tr("%1 bis %2 Uhr")
                        .arg(locale.toString(content.startedAt.time(), QStringLiteral("HH:mm")),
                             locale.toString(content.endedAt.time(), QStringLiteral("HH:mm"))));
    if (!content.advisorName.isEmpty())
        insertField(cursor, tr("Beraterin oder Berater"), content.advisorName);
    if (!content.customerName.isEmpty())
        insertField(cursor, tr("Kundin oder Kunde"), content.customerName);

    cursor.insertBlock(blockFormat(14, 4));
    insertPlain(cursor, tr("Verlauf"), textFormat(kBodyPointSize + 2, true));
    if (content.lines.isEmpty()) {
        cursor.insertBlock(blockFormat(4));
        insertPlain(cursor, tr("Im Chat wurden keine Nachrichten geschrieben."), textFormat());
    }
    for (const TranscriptLine &line : content.lines) {
        cursor.insertBlock(blockFormat(8));
        insertPlain(cursor, locale.toString(line.sentAt.time(), QStringLiteral("HH:mm")) + QStringLiteral("  "),
                    textFormat(kBodyPointSize - 0.5));
        insertPlain(cursor, line.author, textFormat(kBodyPointSize - 0.5, true));
        cursor.insertBlock(blockFormat(1, 0, 12));
        insertPlain(cursor, line.text, textFormat());
    }

    cursor.insertBlock(blockFormat(18));
    insertPlain(cursor,
                tr("Dieses Protokoll wurde auf Ihrem Gerät erstellt. Die Beratung wurde nicht aufgezeichnet; "
                   "der Chat ist auf unseren Servern mit dem Ende der Beratung gelöscht worden. Im Chat "
                   "werden keine rechtsverbindlichen Aufträge angenommen."),
                textFormat(kBodyPointSize - 1.5));
    return document;
}

void Transcript::print(const QTextDocument &document, QPrinter &printer)
{
    printer.setDocName(document.metaInformation(QTextDocument::DocumentTitle));
    // Laid out for the printer's page, so that the page margins are the printer's (QTextDocument::print
    // would add 2 cm of its own to a document that is not paginated) and the on-screen preview of
    // `document` keeps its own layout. The copy lives only for this call (C4).
    // The layout is made at 96 dpi, as on screen, so that spacing given in pixels keeps its size;
    // print() scales it to the printer's resolution.
    constexpr double kLayoutDpi = 96.0;
    QImage layoutDevice(1, 1, QImage::Format_Mono);
    layoutDevice.setDotsPerMeterX(qRound(kLayoutDpi / 0.0254));
    layoutDevice.setDotsPerMeterY(qRound(kLayoutDpi / 0.0254));
    const std::unique_ptr<QTextDocument> paged(document.clone());
    paged->setDocumentMargin(0);
    paged->documentLayout()->setPaintDevice(&layoutDevice);
    paged->setPageSize(printer.pageRect(QPrinter::Point).size() * (kLayoutDpi / 72.0));
    paged->print(&printer);
}

Status Transcript::writePdf(const QTextDocument &document, const QString &filePath)
{
    if (filePath.isEmpty())
        return Status::failure(QStringLiteral("no_file"), QStringLiteral("no file name given"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(filePath);
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 18, 20, 18),
                                      QPageLayout::Millimeter));
    printer.setCreator(QStringLiteral("consult-customer"));
    const QDateTime before = QDateTime::currentDateTime().addSecs(-1);
    print(document, printer);
    const QFileInfo written(filePath);
    // QPrinter reports no errors; a file that is missing, empty or older than this call was not written.
    if (!written.exists() || written.size() == 0 || written.lastModified() < before)
        return Status::failure(QStringLiteral("write_failed"), QStringLiteral("the PDF could not be written"));
    return success();
}

} // namespace consult
