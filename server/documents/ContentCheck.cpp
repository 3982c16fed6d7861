#include "ContentCheck.h"

namespace consult::documents {

namespace {

// The allowed type the first bytes say (the same rule DocumentContent.h states for
// sniffDocumentType: "%PDF-" within the first 1024 bytes, the PNG signature, the JPEG SOI marker).
wire::DocumentType typeByMagic(const QByteArray &content)
{
    if (content.startsWith(QByteArrayView("\x89PNG\r\n\x1a\n")))
        return wire::DOCUMENT_TYPE_PNG;
    if (content.startsWith(QByteArrayView("\xff\xd8\xff")))
        return wire::DOCUMENT_TYPE_JPEG;
    if (content.left(1024).contains("%PDF-"))
        return wire::DOCUMENT_TYPE_PDF;
    return wire::DOCUMENT_TYPE_UNSPECIFIED;
}

} // namespace

ContentVerdict checkUploadedContent(const QByteArray &content, wire::DocumentType declared, const ContentLimits &limits)
{
    (void)limits; // the pixel and page limits need the shared check's parsers (docscheck12)
    ContentVerdict verdict;
    if (content.isEmpty()) {
        verdict.refusal = ContentRefusal::Empty;
        return verdict;
    }
    verdict.type = typeByMagic(content);
    if (verdict.type == wire::DOCUMENT_TYPE_UNSPECIFIED)
        verdict.refusal = ContentRefusal::NotAllowedType;
    else if (verdict.type != declared)
        verdict.refusal = ContentRefusal::TypeMismatch;
    return verdict;
}

const char *refusalField(ContentRefusal refusal)
{
    return refusal == ContentRefusal::NotAllowedType ? "type" : "content";
}

} // namespace consult::documents
