// PdfStructureScan: the byte scan of a PDF finds active names however they are spelled or wherever a
// reader would find them (object streams, objects hidden in stream data), allows what only shows a
// page, ignores three-byte names in binary stream data, and stays linear on hostile input (U2, U4).
// The whole-document verdicts are in TestDocumentContent; these are the scan's own rules.
#include "documents/PdfStructureScan.h"
#include "support/TestFiles.h"

#include <QElapsedTimer>
#include <QTest>

using namespace consult::documents;
using namespace consult::testing;
using Kind = PdfScanFinding::Kind;

Q_DECLARE_METATYPE(Kind)

class TestPdfStructureScan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findings_data()
    {
        QTest::addColumn<QByteArray>("pdf");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("detail");

        QTest::newRow("clean") << handMadePdf() << Kind::Clean << QString();
        QTest::newRow("clean object stream")
            << objectStreamPdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Count 0 >>"}) << Kind::Clean
            << QString();
        QTest::newRow("U4 /AA inside an object stream")
            << objectStreamPdf({"<< /Type /Catalog /Pages 2 0 R /AA 3 0 R >>"}) << Kind::ActiveContent
            << QStringLiteral("/AA");
        QTest::newRow("U4 escaped name inside an object stream")
            << objectStreamPdf({"<< /Type /Catalog /Names << /#45mbeddedFiles 2 0 R >> >>"}) << Kind::ActiveContent
            << QStringLiteral("/EmbeddedFiles");
        // pdfTeX's way: the open action a reference to a destination inside the object stream.
        QTest::newRow("open action to a destination in an object stream")
            << objectStreamPdf({"<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>", "<< /Type /Pages /Count 0 >>",
                                "[4 0 R /Fit]"})
            << Kind::Clean << QString();
        QTest::newRow("U4 open action to a launch in an object stream")
            << objectStreamPdf({"<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>", "<< /Type /Pages /Count 0 >>",
                                "<< /S /Launch >>"})
            << Kind::ActiveContent << QStringLiteral("/Launch");
        QTest::newRow("U4 object defined twice, once as an action (incremental update)")
            << handMadePdf("/OpenAction 4 0 R", {}, {"[3 0 R /Fit]"}) + "4 0 obj\n<< /S /URI /URI (x) >>\nendobj\n"
            << Kind::ActiveContent << QStringLiteral("/OpenAction");
        QTest::newRow("U4 unknown filter on an object stream")
            << handMadePdf({}, {}, {streamObject("/Type /ObjStm /N 1 /First 4 /Filter /ASCII85Decode", "xxxx")})
            << Kind::Unreadable << QStringLiteral("filter");
        QTest::newRow("U4 two filters on an object stream")
            << handMadePdf({}, {},
                           {streamObject("/Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode]", "xxxx")})
            << Kind::Unreadable << QStringLiteral("filter");
        QTest::newRow("U4 indirect filter on an object stream")
            << handMadePdf({}, {}, {streamObject("/Type /ObjStm /N 1 /First 4 /Filter 9 0 R", "xxxx")})
            << Kind::Unreadable << QStringLiteral("filter");
        QTest::newRow("U4 predictor on an object stream")
            << handMadePdf(
                   {}, {},
                   {streamObject("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /DecodeParms << /Predictor 12 >>",
                                 "xxxx")})
            << Kind::Unreadable << QStringLiteral("filter");
        QTest::newRow("U4 /Encrypt") << handMadePdf({}, {}, {"<< /Filter /Standard >>"}) +
                                            "trailer << /Encrypt 4 0 R >>"
                                     << Kind::Encrypted << QStringLiteral("/Encrypt");
        QTest::newRow("U2 executable before the header")
            << QByteArray("MZ\x90\0", 4) + handMadePdf() << Kind::Polyglot << QStringLiteral("executable");
        QTest::newRow("U2 ZIP directory in the tail")
            << handMadePdf() + QByteArray("PK\x05\x06", 4) + QByteArray(18, '\0') << Kind::Polyglot
            << QStringLiteral("ZIP end of central directory");
        // U4: Qt PDF leaks about 2 KB on each load of such a file (fuzz_document_content found it);
        // the scan refuses it first (the corpus input pdf_stream_without_end, shortened).
        QTest::newRow("U4 stream without endstream")
            << QByteArray("%PDF-1.4\n4 0 obj\n<< /Length 29 >>\nstream\nq 1 0 0 rg 0 0 100 100 re f Q\nends>\n"
                          "startxref\n267\n%%EOF\n")
            << Kind::Unreadable << QStringLiteral("endstream");
        // A longer name that starts like ours is another name.
        QTest::newRow("/JSON and /AAA are other names")
            << handMadePdf("/JSON 1 /AAA 2 /JavaScripts 3 /Launcher 4") << Kind::Clean << QString();
    }
    void findings()
    {
        QFETCH(QByteArray, pdf);
        QFETCH(Kind, kind);
        QFETCH(QString, detail);
        const PdfScanFinding finding = scanPdfStructure(pdf);
        QVERIFY2(finding.kind == kind,
                 qPrintable(QStringLiteral("kind %1, detail \"%2\"").arg(int(finding.kind)).arg(finding.detail)));
        QVERIFY2(finding.detail.contains(detail), qPrintable(finding.detail));
    }

    // U4: /JS and /AA in binary stream data (a compressed image holds any three bytes now and then)
    // are no findings; the long names are, anywhere; and an object header in stream data makes the
    // data structure again (an object a reader may find there).
    void shortNamesCountOnlyInStructure()
    {
        const QByteArray binary = QByteArray("\x01\x02/JS \x03/AA\x04", 11) + QByteArray(64, '\xee');
        QCOMPARE(scanPdfStructure(handMadePdf({}, {}, {streamObject("/Filter /DCTDecode", binary)})).kind, Kind::Clean);
        QCOMPARE(scanPdfStructure(handMadePdf({}, {}, {streamObject({}, binary + "/Launch ")})).kind,
                 Kind::ActiveContent);
        QCOMPARE(scanPdfStructure(handMadePdf({}, {}, {streamObject({}, binary + "\n7 0 obj")})).kind,
                 Kind::ActiveContent);
        QCOMPARE(scanPdfStructure(handMadePdf("/JS (x)")).kind, Kind::ActiveContent);
    }

    // Hostile input does not make the scan quadratic: many open actions by reference are refused
    // after a few, and unclosed GoTo dictionaries are read only a little way.
    void hostileInputStaysLinear()
    {
        QByteArray many;
        for (int i = 0; i < 100'000; ++i)
            many += "/OpenAction " + QByteArray::number(i) + " 0 R ";
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(scanPdfStructure(handMadePdf(many)).kind, Kind::ActiveContent);
        QByteArray unclosed;
        for (int i = 0; i < 20'000; ++i)
            unclosed += "/OpenAction << /S /GoTo /D [3 0 R /Fit] ";
        QCOMPARE(scanPdfStructure(handMadePdf(unclosed)).kind, Kind::ActiveContent);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
    }

    // A zip bomb in an object stream: inflating stops at the budget and the PDF is refused.
    void objectStreamBombIsRefused()
    {
        const QByteArray zeros(kMaxInflatedBytes + 1, '\0');
        const QByteArray compressed = qCompress(zeros, 1).mid(4);
        const QByteArray pdf =
            handMadePdf({}, {}, {streamObject("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", compressed)});
        const PdfScanFinding finding = scanPdfStructure(pdf);
        QCOMPARE(finding.kind, Kind::Unreadable);
        QVERIFY2(finding.detail.contains(QStringLiteral("limit")), qPrintable(finding.detail));
    }
};

QTEST_GUILESS_MAIN(TestPdfStructureScan)
#include "TestPdfStructureScan.moc"
