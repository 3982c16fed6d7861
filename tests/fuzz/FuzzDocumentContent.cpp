// Fuzz target: the type-by-content check of an exchanged document (U1-U4), which reads whatever the
// other participant uploads, including through Qt PDF and QImageReader. Oracles: no crash, no read
// outside the input (the sanitizers), no hang (the driver's time limit); the verdict agrees with the
// sniffed type: accepted only as the declared type, NotAllowedType exactly when no allowed type is
// sniffed, TypeMismatch exactly when another allowed type is; Empty only for no bytes.
#include "documents/DocumentContent.h"
#include "documents/PdfStructureScan.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstdlib>

using namespace consult::documents;
namespace wire = consult::wire;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

// The server runs the check inside a QCoreApplication (image plugins are found through it).
void ensureApplication()
{
    static int argc = 1;
    static char name[] = "fuzz_document_content";
    static char *argv[] = {name, nullptr};
    static QCoreApplication application(argc, argv);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ensureApplication();
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const wire::DocumentType sniffed = sniffDocumentType(bytes);
    (void)scanPdfStructure(bytes);
    for (const wire::DocumentType declared : {wire::DOCUMENT_TYPE_UNSPECIFIED, wire::DOCUMENT_TYPE_PDF,
                                              wire::DOCUMENT_TYPE_PNG, wire::DOCUMENT_TYPE_JPEG}) {
        const ContentVerdict verdict = checkDocumentContent(bytes, declared);
        if (bytes.isEmpty()) {
            require(verdict.refusal == ContentRefusal::Empty);
            continue;
        }
        require(verdict.refusal != ContentRefusal::Empty);
        require((verdict.refusal == ContentRefusal::NotAllowedType) == (sniffed == wire::DOCUMENT_TYPE_UNSPECIFIED));
        require((verdict.refusal == ContentRefusal::TypeMismatch) ==
                (sniffed != wire::DOCUMENT_TYPE_UNSPECIFIED && sniffed != declared));
        if (verdict.accepted())
            require(verdict.type == declared && sniffed == declared);
        require(
            wireFieldFor(verdict.refusal) ==
            (verdict.refusal == ContentRefusal::NotAllowedType ? QStringLiteral("type") : QStringLiteral("content")));
    }
    return 0;
}
