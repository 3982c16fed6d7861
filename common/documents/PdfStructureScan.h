#pragma once

#include <QByteArrayView>
#include <QString>

namespace consult::documents {

// What the raw bytes of a PDF reveal before any PDF library parses them (U2, U4). Part of
// checkDocumentContent; on its own for the tests and the fuzz target.
struct PdfScanFinding
{
    enum class Kind
    {
        Clean,
        ActiveContent, // an active name (see scanPdfStructure)
        Encrypted,     // an /Encrypt dictionary: strings and streams are unreadable to the scan
        Polyglot,      // a ZIP inside, or HTML / an executable before the "%PDF-" header
        Unreadable,    // an object stream the scan cannot open (an unknown filter, too big), a stream without end
    };
    Kind kind = Kind::Clean;
    QString detail; // which name or signature, for logs and tests (never content)
};

// Scans a PDF's bytes for what Qt PDF would not tell: active content, encryption, a second format.
//
// The rule. The file is split into stream data (from a `stream` keyword after a dictionary to the
// first `endstream`) and structure (everything else). Every name token (`/Name`, with `#xx` escapes
// decoded, so `/J#61vaScript` is `/JavaScript`) is compared in full:
// - anywhere: /JavaScript, /Launch, /EmbeddedFile, /EmbeddedFiles, /RichMedia, /XFA, /Encrypt and
//   /OpenAction are findings. /OpenAction followed by `[` (an explicit destination: "open at page
//   n") and followed by a GoTo action (exactly one /S, /GoTo, no /Next: pdfTeX writes that) only
//   show a page and are allowed, directly or by reference to an object that is such wherever it is
//   defined; any other action, or a reference the scan cannot find, is refused.
// - in structure only: /JS and /AA (additional actions: always actions). Three bytes occur by chance
//   in compressed images every few megabytes, so in stream data they are ignored; a JavaScript
//   action cannot do without its /S /JavaScript, which is caught anywhere. Stream data that holds an
//   object header ("12 0 obj", i.e. an object hidden from a naive scan) is scanned as structure.
// - object streams (/Type /ObjStm, PDF 1.5) hide dictionaries in compressed data: they are inflated
//   (FlateDecode, at most kMaxInflatedBytes in all) and scanned as structure. One with another or a
//   second filter, predictor parameters or an indirect /Filter is Unreadable: it cannot be checked.
// - polyglot: a ZIP local-file header (`PK\3\4`) in structure, a ZIP end-of-central-directory
//   record (`PK\5\6`) in the last 64 KiB + 22 bytes (where ZIP readers look), or HTML, script, XML or
//   an executable / ZIP signature in the bytes before "%PDF-".
// Known limits: names inside literal strings or comments are findings too (refused, never missed);
// content streams (page drawing) are not inflated, since their names are resource names, not
// actions; other stream filters (LZW, ASCII85) on object streams are refused rather than decoded;
// an /AA or /JS placed in stream data by a parser-confusion trick (a forged `stream` keyword inside
// a string) is missed, but then only URI / form actions without JavaScript remain. qpdf would walk
// every object exactly; it is not among the installed packages (see the report of issue 12).
PdfScanFinding scanPdfStructure(QByteArrayView pdf);

// The total an object stream scan inflates for one document; more is Unreadable (a zip bomb).
inline constexpr qsizetype kMaxInflatedBytes = qsizetype(64) << 20;

} // namespace consult::documents
