#pragma once

#include "ExchangeKeepsake.h"
#include "core/Result.h"
#include "transcript/Transcript.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QPrinter;
class QTextDocument;

namespace consult::board {
class BoardModel;
} // namespace consult::board

namespace consult::customer {

// The one document the customer can print or save at the end (issue 12, lesson 3): the transcript
// (Transcript, as before), then "Ausgetauschte Dateien" (name, size, from whom, time; removed ones
// marked), then each filled form (forms::FormPdf::appendTo), then the whiteboard's marked-up pages
// (page image and annotations as vectors, BoardPainter), each on a page of its own after the text.
// A section without content is absent. Built only in the client and only when the customer asks
// (C4); file names, form values and chat lines go in as plain text (I3), and the text stays text in
// the PDF (searchable). Stateless; labels in the current language.
class ConsultationSummary final
{
    Q_DECLARE_TR_FUNCTIONS(consult::customer::ConsultationSummary)
public:
    // The text part (transcript, files, filled forms): what the end page previews, and the first
    // pages of what it prints or saves.
    static std::unique_ptr<QTextDocument> buildDocument(const TranscriptContent &content, const Exchanged &exchanged);
    // Paints the text part page by page, then one page per marked-up page of `board` (may be
    // nullptr), onto `device` (a printer from the print dialog, or a PDF writer). Returns the number
    // of pages, 0 when the device could not be painted on.
    static int paint(const QTextDocument &document, const board::BoardModel *board, QPagedPaintDevice &device);
    static void print(const QTextDocument &document, const board::BoardModel *board, QPrinter &printer);
    // Writes the A4 PDF to `filePath` (a file the customer chose); nothing is left under that name
    // when it fails.
    static Status writePdf(const QTextDocument &document, const board::BoardModel *board, const QString &filePath);
    // Only the forms the customer filled in and submitted are printed: a form never filled has no
    // content of the customer's (it is listed in the deletion receipt).
    static bool isFilled(const wire::FormInstance &form);
};

} // namespace consult::customer
