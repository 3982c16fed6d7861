#pragma once

#include "protocol/consult.pb.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace consult::documents {

// The content limits of an exchanged document beyond its byte size (U3, U4).
struct ContentLimits
{
    int maxImageSide = 10'000;          // pixels per side (U3)
    qint64 maxImagePixels = 25'000'000; // 25 MP (U3)
    int maxPdfPages = 100;              // U4
};

// Why a document's content was refused. The wire names the reason in Error.field ("type" or
// "content"); the apps show their own words per reason.
enum class ContentRefusal
{
    None,
    NotAllowedType, // neither PDF, PNG nor JPEG by content (an executable named .pdf, HTML, ZIP, ...)
    TypeMismatch,   // the content is an allowed type, but not the declared one
    Unreadable,     // a PDF that does not parse, an image that does not decode
    Encrypted,      // a PDF with a password
    ActiveContent,  // a PDF with JavaScript, launch actions, embedded files, rich media or XFA (U4)
    Polyglot,       // a PDF that is also a ZIP (or another container) (U2)
    TooManyPixels,  // an image beyond the pixel limits, judged from its header without decoding (U3)
    TooManyPages,   // a PDF beyond maxPdfPages
    Empty,          // no bytes
};

// The verdict on a document's content.
struct ContentVerdict
{
    ContentRefusal refusal = ContentRefusal::None;
    wire::DocumentType type = wire::DOCUMENT_TYPE_UNSPECIFIED; // what the content is (when known)
    QString detail; // for logs and tests only (never content), e.g. "pages 140 > 100"

    bool accepted() const { return refusal == ContentRefusal::None; }
};

// The allowed type the first bytes say, or DOCUMENT_TYPE_UNSPECIFIED: the magic numbers of PDF
// ("%PDF-" within the first 1024 bytes, as readers accept it), PNG and JPEG. Cheap; for the
// sender's first look at a file and the server's look at a first chunk.
wire::DocumentType sniffDocumentType(QByteArrayView head);

// The whole check of a complete document, the same on both apps (before sending) and on the server
// (the authority, when the last chunk is in): the type by content equals `declared`; a PDF parses
// with Qt PDF, is not encrypted, has no active content and at most maxPdfPages pages, and is no
// polyglot; an image's header (QImageReader, allocation limit) is within the pixel limits and the
// image decodes. Thread-safe and without side effects: the server runs it on a worker thread. It
// never writes anything anywhere (P1). The PDF byte scan, its rule and its known limits (names hidden
// in compressed object streams are found by inflating them; other filters there are refused; qpdf is
// not installed) are described in PdfStructureScan.h.
ContentVerdict checkDocumentContent(const QByteArray &content, wire::DocumentType declared,
                                    const ContentLimits &limits = {});

// The Error.field the wire uses for a refusal ("type" for NotAllowedType, else "content").
QString wireFieldFor(ContentRefusal refusal);

} // namespace consult::documents
