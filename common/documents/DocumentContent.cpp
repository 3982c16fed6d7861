#include "DocumentContent.h"

#include "PdfStructureScan.h"
#include "validation/ImageHeader.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QPdfDocument>

#include <algorithm>

namespace consult::documents {

namespace {

constexpr QByteArrayView kPngSignature("\x89PNG\r\n\x1a\n", 8);
constexpr QByteArrayView kJpegSignature("\xFF\xD8\xFF", 3);
constexpr QByteArrayView kPdfHeader("%PDF-");
// Readers accept a PDF header this far into the file.
constexpr qsizetype kPdfHeaderWindow = 1024;
// The most QImageReader may allocate for one decode (U3: 128 MB, Qt's default, or lower).
constexpr qint64 kMaxAllocationMegabytes = 128;

ContentVerdict refused(ContentRefusal refusal, wire::DocumentType type, QString detail)
{
    return ContentVerdict{refusal, type, std::move(detail)};
}

QString typeName(wire::DocumentType type)
{
    return QString::fromStdString(wire::DocumentType_Name(type));
}

ContentVerdict checkPdf(const QByteArray &content, const ContentLimits &limits)
{
    constexpr auto type = wire::DOCUMENT_TYPE_PDF;
    // The byte scan first: it sees what Qt PDF would silently accept (actions, a second format).
    const PdfScanFinding finding = scanPdfStructure(content);
    switch (finding.kind) {
    case PdfScanFinding::Kind::Clean:
        break;
    case PdfScanFinding::Kind::ActiveContent:
        return refused(ContentRefusal::ActiveContent, type, finding.detail);
    case PdfScanFinding::Kind::Encrypted:
        return refused(ContentRefusal::Encrypted, type, finding.detail);
    case PdfScanFinding::Kind::Polyglot:
        return refused(ContentRefusal::Polyglot, type, finding.detail);
    case PdfScanFinding::Kind::Unreadable:
        return refused(ContentRefusal::Unreadable, type, finding.detail);
    }
    // Without its end marker the file was cut off; Qt PDF would reconstruct what it can, and the
    // receiver would get half a document without knowing.
    if (!QByteArrayView(content).last(std::min<qsizetype>(content.size(), 1024)).contains("%%EOF"))
        return refused(ContentRefusal::Unreadable, type, QStringLiteral("no %%EOF at the end"));

    // Loaded from memory, so nothing of the document is written anywhere (P1). QPdfDocument loads a
    // seekable device synchronously and needs neither an event loop nor a QGuiApplication; one
    // document per call, as Qt PDF serialises its use of PDFium behind its own lock.
    QBuffer buffer;
    buffer.setData(content);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    if (document.status() != QPdfDocument::Status::Ready) {
        const auto error = document.error();
        if (error == QPdfDocument::Error::IncorrectPassword || error == QPdfDocument::Error::UnsupportedSecurityScheme)
            return refused(ContentRefusal::Encrypted, type, QStringLiteral("Qt PDF asks for a password"));
        return refused(ContentRefusal::Unreadable, type, QStringLiteral("Qt PDF error %1").arg(int(error)));
    }
    const int pages = document.pageCount();
    if (pages <= 0)
        return refused(ContentRefusal::Unreadable, type, QStringLiteral("no pages"));
    if (pages > limits.maxPdfPages)
        return refused(ContentRefusal::TooManyPages, type,
                       QStringLiteral("pages %1 > %2").arg(pages).arg(limits.maxPdfPages));
    return ContentVerdict{ContentRefusal::None, type, QStringLiteral("pages %1").arg(pages)};
}

ContentVerdict checkImage(const QByteArray &content, wire::DocumentType type, const ContentLimits &limits)
{
    // An image that is also a ZIP (its directory at the end) or a PDF (a header where readers look).
    const QByteArrayView bytes(content);
    if (bytes.last(std::min<qsizetype>(bytes.size(), 65'535 + 22)).contains(QByteArrayView("PK\x05\x06", 4)))
        return refused(ContentRefusal::Polyglot, type, QStringLiteral("ZIP end of central directory"));
    if (bytes.first(std::min(bytes.size(), kPdfHeaderWindow)).contains(kPdfHeader))
        return refused(ContentRefusal::Polyglot, type, QStringLiteral("PDF header in an image"));

    // The size from the header, read by our own parser that never allocates, before any decoder
    // sees the file: a bomb is refused here in microseconds (U3).
    const auto header = validation::readImageHeader(bytes);
    if (!header)
        return refused(ContentRefusal::Unreadable, type, QStringLiteral("header: ") + header.problem().code);
    const qint64 width = header->width;
    const qint64 height = header->height;
    const QString size = QStringLiteral("%1 x %2").arg(width).arg(height);
    if (width > limits.maxImageSide || height > limits.maxImageSide || width * height > limits.maxImagePixels)
        return refused(ContentRefusal::TooManyPixels, type, QStringLiteral("pixels ") + size);

    QBuffer buffer;
    buffer.setData(content);
    buffer.open(QIODevice::ReadOnly);
    // The format the content showed, so no other image plugin ever parses the file.
    QImageReader reader(&buffer, type == wire::DOCUMENT_TYPE_PNG ? "png" : "jpeg");
    reader.setAutoTransform(false);
    const qint64 neededMegabytes = (width * height * 4 + (1 << 20) - 1) >> 20;
    reader.setAllocationLimit(int(std::min(neededMegabytes + 1, kMaxAllocationMegabytes)));
    // Qt's reader must see the same size in the header as ours did, or one of the two is fooled.
    if (reader.size() != QSize(int(width), int(height)))
        return refused(ContentRefusal::Unreadable, type, QStringLiteral("Qt reads another size than ") + size);
    const QImage image = reader.read();
    if (image.isNull())
        return refused(ContentRefusal::Unreadable, type, QStringLiteral("does not decode: ") + reader.errorString());
    return ContentVerdict{ContentRefusal::None, type, size};
}

} // namespace

wire::DocumentType sniffDocumentType(QByteArrayView head)
{
    if (head.startsWith(kPngSignature))
        return wire::DOCUMENT_TYPE_PNG;
    if (head.startsWith(kJpegSignature))
        return wire::DOCUMENT_TYPE_JPEG;
    if (head.first(std::min(head.size(), kPdfHeaderWindow)).contains(kPdfHeader))
        return wire::DOCUMENT_TYPE_PDF;
    return wire::DOCUMENT_TYPE_UNSPECIFIED;
}

ContentVerdict checkDocumentContent(const QByteArray &content, wire::DocumentType declared, const ContentLimits &limits)
{
    if (content.isEmpty())
        return refused(ContentRefusal::Empty, wire::DOCUMENT_TYPE_UNSPECIFIED, QStringLiteral("no bytes"));
    const wire::DocumentType type = sniffDocumentType(content);
    if (type == wire::DOCUMENT_TYPE_UNSPECIFIED)
        return refused(ContentRefusal::NotAllowedType, type, QStringLiteral("neither PDF, PNG nor JPEG"));
    if (type != declared) {
        return refused(ContentRefusal::TypeMismatch, type,
                       QStringLiteral("content %1, declared %2").arg(typeName(type), typeName(declared)));
    }
    if (type == wire::DOCUMENT_TYPE_PDF)
        return checkPdf(content, limits);
    return checkImage(content, type, limits);
}

QString wireFieldFor(ContentRefusal refusal)
{
    return refusal == ContentRefusal::NotAllowedType ? QStringLiteral("type") : QStringLiteral("content");
}

} // namespace consult::documents
