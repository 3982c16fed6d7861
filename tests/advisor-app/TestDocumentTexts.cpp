// What the advisor's documents panel says when a file is refused: each refusal names its reason, and
// the limits are said as the server configured them (MB, files, types), never the log detail.
#include "documents/DocumentTexts.h"

#include <QLocale>
#include <QSet>
#include <QTest>

using consult::ConsultationDocuments;
using consult::advisor::DocumentTexts;
using Refusal = consult::ConsultationDocuments::Refusal;

namespace {

consult::wire::DocumentLimits limits()
{
    consult::wire::DocumentLimits limits;
    limits.set_max_file_bytes(10 * 1024 * 1024);
    limits.set_max_files(20);
    limits.set_max_consultation_bytes(50 * 1024 * 1024);
    limits.add_types(consult::wire::DOCUMENT_TYPE_PDF);
    limits.add_types(consult::wire::DOCUMENT_TYPE_PNG);
    limits.add_types(consult::wire::DOCUMENT_TYPE_JPEG);
    return limits;
}

} // namespace

class TestDocumentTexts final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); }

    void theHintSaysTypesSizeAndCount()
    {
        QCOMPARE(DocumentTexts::limitsHint(limits()),
                 QStringLiteral("PDF, PNG, JPEG · bis 10 MB · höchstens 20 Dateien"));
        consult::wire::DocumentLimits pdfOnly = limits();
        pdfOnly.clear_types();
        pdfOnly.add_types(consult::wire::DOCUMENT_TYPE_PDF);
        pdfOnly.set_max_file_bytes(2621440); // 2.5 MiB
        QCOMPARE(DocumentTexts::limitsHint(pdfOnly), QStringLiteral("PDF · bis 2,5 MB · höchstens 20 Dateien"));
    }

    void aTooBigFileIsToldTheLimitInMegabytes()
    {
        const QString text = DocumentTexts::refusal(Refusal::TooBig, limits(), QStringLiteral("Scan.pdf"));
        QVERIFY2(text.contains(QStringLiteral("„Scan.pdf“")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("zu groß")) && text.contains(QStringLiteral("10 MB")), qPrintable(text));
    }

    void tooManyFilesSaysHowMany()
    {
        const QString text = DocumentTexts::refusal(Refusal::TooMany, limits(), QStringLiteral("a.png"));
        QVERIFY2(text.contains(QStringLiteral("höchstens 20 Dateien")), qPrintable(text));
    }

    void aWrongTypeNamesTheAllowedOnes()
    {
        const QString text = DocumentTexts::refusal(Refusal::NotAllowedType, limits(), QStringLiteral("Tool.exe"));
        QVERIFY2(text.contains(QStringLiteral("PDF, PNG, JPEG")), qPrintable(text));
    }

    void aFullConsultationSaysItsTotal()
    {
        const QString text = DocumentTexts::refusal(Refusal::ConsultationFull, limits(), {});
        QVERIFY2(text.contains(QStringLiteral("50 MB")) && text.startsWith(QStringLiteral("Die Datei")),
                 qPrintable(text));
    }

    // Every refusal has its own sentence: the advisor can tell them apart.
    void everyRefusalHasItsOwnWords()
    {
        QSet<QString> texts;
        const QList<Refusal> all = {Refusal::NotAllowedType, Refusal::ContentRefused,   Refusal::TooBig,
                                    Refusal::TooMany,        Refusal::ConsultationFull, Refusal::ServerFull,
                                    Refusal::NameRefused,    Refusal::ChecksumMismatch, Refusal::NotFound,
                                    Refusal::StorageFailed,  Refusal::FileUnreadable,   Refusal::FileNotWritten,
                                    Refusal::NotAllowed};
        for (const Refusal refusal : all)
            texts.insert(DocumentTexts::refusal(refusal, limits(), QStringLiteral("x.pdf")));
        QCOMPARE(texts.size(), all.size());
    }

    void sizesReadAsPeopleCountThem()
    {
        QCOMPARE(DocumentTexts::size(830), QStringLiteral("830 Byte"));
        QCOMPARE(DocumentTexts::size(12 * 1024), QStringLiteral("12 KB"));
        QCOMPARE(DocumentTexts::size(1468006), QStringLiteral("1,4 MB"));
        QCOMPARE(DocumentTexts::sender(consult::wire::PARTY_CUSTOMER), QStringLiteral("Kunde"));
        QCOMPARE(DocumentTexts::sender(consult::wire::PARTY_ADVISOR), QStringLiteral("Sie"));
    }
};

QTEST_GUILESS_MAIN(TestDocumentTexts)
#include "TestDocumentTexts.moc"
