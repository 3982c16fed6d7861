#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

class QPrinter;
class QTextDocument;

namespace consult {

// One line of the conversation as the transcript shows it.
struct TranscriptLine
{
    QDateTime sentAt; // local time
    QString author;
    QString text; // plain text, never markup
};

// Everything a transcript shows (lesson 3): who, when, and every line with time and author.
struct TranscriptContent
{
    QString bankName;
    QString title; // e.g. "Service-Chat"
    QString advisorName;
    QString customerName;
    QDateTime startedAt;
    QDateTime endedAt;
    QList<TranscriptLine> lines;
};

// Builds the printable transcript of a consultation. It exists only in the memory of the client
// that built it (C4): nothing here writes a file except writePdf(), which the app calls only for a
// file the user chose. User text goes in through QTextCursor::insertText only, never as HTML or
// Markdown (I3): a line "<img src=x>" stays those ten characters and can neither load anything nor
// become a link. Labels follow the application's current language (tr()).
class Transcript final
{
    Q_DECLARE_TR_FUNCTIONS(consult::Transcript)
public:
    static std::unique_ptr<QTextDocument> buildDocument(const TranscriptContent &content);
    // Prints to `printer` as configured (a print dialog's printer, or a PDF printer).
    static void print(const QTextDocument &document, QPrinter &printer);
    // Writes an A4 PDF to `filePath`; fails with a problem the app can show.
    static Status writePdf(const QTextDocument &document, const QString &filePath);
};

} // namespace consult
