// DocumentContent: an exchanged document is what its content says, and only PDF, PNG or JPEG (U1,
// U2); a PDF parses, has no password, no active content, no second format and not too many pages
// (U4); an image is judged by its header before a pixel is decoded (U3). The corpus is generated
// here (tests/support/TestFiles). The whole test runs in a plain QCoreApplication, as the server does.
#include "documents/DocumentContent.h"
#include "support/TestFiles.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>
#include <QThreadPool>

using namespace consult::documents;
using namespace consult::testing;
using consult::wire::DocumentType;

Q_DECLARE_METATYPE(ContentRefusal)
Q_DECLARE_METATYPE(DocumentType)

namespace {

constexpr DocumentType kPdf = consult::wire::DOCUMENT_TYPE_PDF;
constexpr DocumentType kPng = consult::wire::DOCUMENT_TYPE_PNG;
constexpr DocumentType kJpeg = consult::wire::DOCUMENT_TYPE_JPEG;
constexpr DocumentType kUnspecified = consult::wire::DOCUMENT_TYPE_UNSPECIFIED;

QByteArray twoPagePdf()
{
    return pdfWithPages({Qt::white, Qt::blue});
}

QByteArray elfExecutable()
{
    // An ELF header (64 bit, little endian, x86-64 executable) and some code-like bytes.
    return QByteArray("\x7f"
                      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0",
                      20) +
           QByteArray(200, '\x90');
}

QByteArray peExecutable()
{
    return QByteArray("MZ\x90\0\x03\0\0\0", 8) + QByteArray(56, '\0') + "This program cannot be run in DOS mode.";
}

} // namespace

class TestDocumentContent final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theTestRunsWithoutAGuiApplication()
    {
        // What the server has: the check must not need a QGuiApplication (and this test has none).
        QVERIFY(QCoreApplication::instance() != nullptr);
        QVERIFY(qobject_cast<QGuiApplication *>(QCoreApplication::instance()) == nullptr);
    }

    // U1, U2: the three allowed types pass with the type their content has.
    void allowedTypesAreAcceptedWithTheirType_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<DocumentType>("type");
        QTest::newRow("PDF written by QPdfWriter") << twoPagePdf() << kPdf;
        QTest::newRow("PDF built by hand") << handMadePdf() << kPdf;
        QTest::newRow("PDF opening at its first page") << handMadePdf("/OpenAction [3 0 R /Fit]") << kPdf;
        QTest::newRow("PDF opening at its first page by reference")
            << handMadePdf("/OpenAction 4 0 R", {}, {"[3 0 R /Fit]"}) << kPdf;
        QTest::newRow("PDF opening with a GoTo action")
            << handMadePdf("/OpenAction << /S /GoTo /D [3 0 R /Fit] >>") << kPdf;
        QTest::newRow("PDF opening with a GoTo action by reference (pdfTeX)")
            << handMadePdf("/OpenAction 4 0 R", {}, {"<< /S /GoTo /D [3 0 R /Fit] >>"}) << kPdf;
        QTest::newRow("PNG") << encodedImage(QSize(640, 480), "png") << kPng;
        QTest::newRow("JPEG") << encodedImage(QSize(640, 480), "jpeg") << kJpeg;
        QTest::newRow("PNG at the side limit") << encodedImage(QSize(10'000, 2), "png") << kPng;
    }
    void allowedTypesAreAcceptedWithTheirType()
    {
        QFETCH(QByteArray, content);
        QFETCH(DocumentType, type);
        QCOMPARE(sniffDocumentType(content), type);
        const ContentVerdict verdict = checkDocumentContent(content, type);
        QVERIFY2(verdict.accepted(), qPrintable(verdict.detail));
        QCOMPARE(verdict.refusal, ContentRefusal::None);
        QCOMPARE(verdict.type, type);
    }

    // U1-U4: each file of the corpus is refused with its exact reason.
    void refusedWithTheirReason_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<DocumentType>("declared");
        QTest::addColumn<ContentRefusal>("refusal");
        QTest::addColumn<QString>("detail"); // a part of the detail that names the finding

        const QByteArray pdf = twoPagePdf();
        // U1: only PDF, PNG and JPEG, whatever the name or the declared type says.
        QTest::newRow("U1 ELF executable declared PDF")
            << elfExecutable() << kPdf << ContentRefusal::NotAllowedType << QString();
        QTest::newRow("U1 PE executable declared JPEG")
            << peExecutable() << kJpeg << ContentRefusal::NotAllowedType << QString();
        QTest::newRow("U1 ZIP (a .docx) declared PDF")
            << zipArchive("word/document.xml", "<w:document/>") << kPdf << ContentRefusal::NotAllowedType << QString();
        QTest::newRow("U2 HTML declared PNG") << QByteArray("<!DOCTYPE html><html><script>alert(1)</script></html>")
                                              << kPng << ContentRefusal::NotAllowedType << QString();
        // U2: the content decides, and it must be what was declared.
        QTest::newRow("U2 PNG declared PDF") << encodedImage(QSize(8, 8), "png") << kPdf << ContentRefusal::TypeMismatch
                                             << QStringLiteral("DOCUMENT_TYPE_PNG");
        QTest::newRow("U2 JPEG declared PNG") << encodedImage(QSize(8, 8), "jpeg") << kPng
                                              << ContentRefusal::TypeMismatch << QStringLiteral("DOCUMENT_TYPE_JPEG");
        QTest::newRow("U2 PDF declared as nothing")
            << pdf << kUnspecified << ContentRefusal::TypeMismatch << QStringLiteral("DOCUMENT_TYPE_PDF");
        QTest::newRow("U2 PDF declared as a type the wire does not know")
            << pdf << DocumentType(99) << ContentRefusal::TypeMismatch << QStringLiteral("DOCUMENT_TYPE_PDF");
        // U2: polyglots.
        QTest::newRow("U2 PDF/ZIP polyglot")
            << pdf + zipArchive("evil.exe", "MZ") << kPdf << ContentRefusal::Polyglot << QStringLiteral("ZIP");
        QTest::newRow("U2 ZIP local file inside a PDF")
            << handMadePdf("/Junk (" + QByteArray("PK\x03\x04", 4) + ")") << kPdf << ContentRefusal::Polyglot
            << QStringLiteral("ZIP local file header");
        QTest::newRow("U2 HTML before the PDF header") << QByteArray("<html><script>alert(1)</script>\n") + pdf << kPdf
                                                       << ContentRefusal::Polyglot << QStringLiteral("markup");
        QTest::newRow("U2 PNG/ZIP polyglot") << encodedImage(QSize(8, 8), "png") + zipArchive("a.js", "x") << kPng
                                             << ContentRefusal::Polyglot << QStringLiteral("ZIP");
        QTest::newRow("U2 JPEG with a PDF header") << encodedImage(QSize(8, 8), "jpeg").insert(20, "%PDF-1.4 ") << kJpeg
                                                   << ContentRefusal::Polyglot << QStringLiteral("PDF header");
        // U4: active content, wherever the name is and however it is spelled.
        QTest::newRow("U4 document JavaScript")
            << handMadePdf("/Names << /JavaScript 4 0 R >>", {},
                           {"<< /Names [(a) << /S /JavaScript /JS (app.alert(1)) >>] >>"})
            << kPdf << ContentRefusal::ActiveContent << QStringLiteral("/JavaScript");
        QTest::newRow("U4 JavaScript spelled with #xx")
            << handMadePdf("/Names << /J#61vaScript 4 0 R >>", {}, {"<< /Names [] >>"}) << kPdf
            << ContentRefusal::ActiveContent << QStringLiteral("/JavaScript");
        QTest::newRow("U4 a /JS entry alone") << handMadePdf({}, {}, {"<< /JS (app.alert(1)) >>"}) << kPdf
                                              << ContentRefusal::ActiveContent << QStringLiteral("/JS");
        QTest::newRow("U4 launch action on a link")
            << handMadePdf({}, "/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S "
                               "/Launch /F (cmd.exe) >> >>]")
            << kPdf << ContentRefusal::ActiveContent << QStringLiteral("/Launch");
        QTest::newRow("U4 embedded files")
            << handMadePdf(
                   "/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>", {},
                   {"<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>", streamObject("/Type /EmbeddedFile", "MZ")})
            << kPdf << ContentRefusal::ActiveContent << QStringLiteral("/EmbeddedFiles");
        QTest::newRow("U4 rich media") << handMadePdf(
                                              {}, "/Annots [<< /Type /Annot /Subtype /RichMedia /Rect [0 0 9 9] >>]")
                                       << kPdf << ContentRefusal::ActiveContent << QStringLiteral("/RichMedia");
        QTest::newRow("U4 XFA form") << handMadePdf("/AcroForm << /Fields [] /XFA 4 0 R >>", {},
                                                    {streamObject({}, "<xdp:xdp/>")})
                                     << kPdf << ContentRefusal::ActiveContent << QStringLiteral("/XFA");
        QTest::newRow("U4 open action that is an action")
            << handMadePdf("/OpenAction << /S /URI /URI (https://example.org/) >>") << kPdf
            << ContentRefusal::ActiveContent << QStringLiteral("/OpenAction");
        QTest::newRow("U4 open action by reference")
            << handMadePdf("/OpenAction 4 0 R", {}, {"<< /S /URI /URI (https://example.org/) >>"}) << kPdf
            << ContentRefusal::ActiveContent << QStringLiteral("/OpenAction");
        QTest::newRow("U4 open action to an object that is not there")
            << handMadePdf("/OpenAction 9 0 R") << kPdf << ContentRefusal::ActiveContent
            << QStringLiteral("/OpenAction");
        QTest::newRow("U4 open action GoTo chained to another action")
            << handMadePdf("/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next << /S /URI /URI (https://example.org/) >> >>")
            << kPdf << ContentRefusal::ActiveContent << QStringLiteral("/OpenAction");
        QTest::newRow("U4 additional actions on a page")
            << handMadePdf({}, "/AA << /O << /S /URI /URI (https://example.org/) >> >>") << kPdf
            << ContentRefusal::ActiveContent << QStringLiteral("/AA");
        QTest::newRow("U4 JavaScript inside a compressed object stream")
            << objectStreamPdf({"<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>",
                                "<< /Type /Pages /Kids [] /Count 0 >>", "<< /S /JavaScript /JS (app.alert(1)) >>"})
            << kPdf << ContentRefusal::ActiveContent << QStringLiteral("/JavaScript");
        QTest::newRow("U4 object hidden in stream data")
            << handMadePdf({}, {}, {streamObject({}, "q Q\n9 0 obj << /AA << >> >> endobj\n")}) << kPdf
            << ContentRefusal::ActiveContent << QStringLiteral("/AA");
        // U4: what the scan cannot open, and encryption.
        QTest::newRow("U4 object stream with an unknown filter")
            << handMadePdf({}, {}, {streamObject("/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode", "xxxx")}) << kPdf
            << ContentRefusal::Unreadable << QStringLiteral("object stream");
        QTest::newRow("U4 encrypted PDF")
            << encryptedPdf("secret") << kPdf << ContentRefusal::Encrypted << QStringLiteral("/Encrypt");
        // U4: does not parse, too many pages.
        QTest::newRow("U4 truncated PDF")
            << pdf.first(pdf.size() / 2) << kPdf << ContentRefusal::Unreadable << QStringLiteral("%%EOF");
        QTest::newRow("U4 PDF that does not parse") << QByteArray("%PDF-1.4\nnothing of a PDF here\n%%EOF\n") << kPdf
                                                    << ContentRefusal::Unreadable << QStringLiteral("Qt PDF");
        QList<QColor> colours(101, Qt::white);
        QTest::newRow("U4 PDF with 101 pages")
            << pdfWithPages(colours) << kPdf << ContentRefusal::TooManyPages << QStringLiteral("pages 101 > 100");
        // U3: images judged by their header.
        QTest::newRow("U3 PNG bomb 50,000 x 50,000")
            << pngBomb(50'000, 50'000) << kPng << ContentRefusal::TooManyPixels << QStringLiteral("50000 x 50000");
        QTest::newRow("U3 JPEG header of 30,000 x 30,000")
            << jpegClaiming(QSize(30'000, 30'000)) << kJpeg << ContentRefusal::TooManyPixels
            << QStringLiteral("30000 x 30000");
        QTest::newRow("U3 PNG of 6,000 x 6,000 (36 MP)")
            << pngWithHeader(6'000, 6'000) << kPng << ContentRefusal::TooManyPixels << QStringLiteral("6000 x 6000");
        QTest::newRow("U3 PNG one pixel beyond the side")
            << pngWithHeader(10'001, 1) << kPng << ContentRefusal::TooManyPixels << QStringLiteral("10001 x 1");
        QTest::newRow("U3 PNG that does not decode") << pngWithHeader(64, 64, QByteArray(100, '\x55')) << kPng
                                                     << ContentRefusal::Unreadable << QStringLiteral("does not decode");
        QTest::newRow("U3 PNG signature without a header")
            << QByteArray("\x89PNG\r\n\x1a\n", 8) << kPng << ContentRefusal::Unreadable << QStringLiteral("header");
        QTest::newRow("empty file") << QByteArray() << kPdf << ContentRefusal::Empty << QString();
    }
    void refusedWithTheirReason()
    {
        QFETCH(QByteArray, content);
        QFETCH(DocumentType, declared);
        QFETCH(ContentRefusal, refusal);
        QFETCH(QString, detail);
        const ContentVerdict verdict = checkDocumentContent(content, declared);
        QVERIFY2(verdict.refusal == refusal,
                 qPrintable(QStringLiteral("refusal %1, detail \"%2\"").arg(int(verdict.refusal)).arg(verdict.detail)));
        QVERIFY(!verdict.accepted());
        QVERIFY2(verdict.detail.contains(detail), qPrintable(verdict.detail));
        if (refusal != ContentRefusal::NotAllowedType && refusal != ContentRefusal::Empty)
            QCOMPARE(verdict.type, sniffDocumentType(content));
    }

    // U3: a bomb costs nothing: refused from its header, far within 200 ms.
    void pngBombIsRefusedWithin200Milliseconds()
    {
        const QByteArray bomb = pngBomb(50'000, 50'000);
        QVERIFY(bomb.size() < 4 << 20); // small on the wire, 2.5 GB once decoded
        QElapsedTimer timer;
        timer.start();
        const ContentVerdict verdict = checkDocumentContent(bomb, kPng);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(verdict.refusal, ContentRefusal::TooManyPixels);
        QVERIFY2(elapsed < 200, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        qInfo("a %lld byte PNG claiming 50,000 x 50,000 refused in %lld ms", qint64(bomb.size()), elapsed);
    }

    // A document at the byte limit (10 MiB, U1) full of image data is scanned and parsed in time:
    // the scan is linear, and its three-byte names do not trip on binary data.
    void largePdfIsCheckedInTime()
    {
        QRandomGenerator random(20261207);
        QByteArray data(10 << 20, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        const QByteArray pdf = handMadePdf({}, {}, {streamObject("/Filter /DCTDecode", data)});
        QElapsedTimer timer;
        timer.start();
        const ContentVerdict verdict = checkDocumentContent(pdf, kPdf);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(verdict.accepted(), qPrintable(verdict.detail));
        QVERIFY2(elapsed < 3000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        qInfo("a %lld byte PDF checked in %lld ms", qint64(pdf.size()), elapsed);
    }

    // U4: the rule for short names: /JS and /AA in binary stream data (a compressed image holds any
    // three bytes now and then) do not refuse a PDF; the long names do, anywhere.
    void shortNamesInStreamDataAreNotFindings()
    {
        const QByteArray binary = QByteArray("\x01\x02/JS \x03/AA\x04", 11) + QByteArray(64, '\xee');
        const QByteArray pdf = handMadePdf({}, {}, {streamObject("/Filter /DCTDecode", binary)});
        const ContentVerdict verdict = checkDocumentContent(pdf, kPdf);
        QVERIFY2(verdict.accepted(), qPrintable(verdict.detail));
        const QByteArray withLaunch = handMadePdf({}, {}, {streamObject({}, binary + "/Launch ")});
        QCOMPARE(checkDocumentContent(withLaunch, kPdf).refusal, ContentRefusal::ActiveContent);
    }

    void limitsAreTheCallers()
    {
        ContentLimits limits;
        limits.maxPdfPages = 1;
        QCOMPARE(checkDocumentContent(twoPagePdf(), kPdf, limits).refusal, ContentRefusal::TooManyPages);
        limits.maxImageSide = 15;
        QCOMPARE(checkDocumentContent(encodedImage(QSize(16, 4), "png"), kPng, limits).refusal,
                 ContentRefusal::TooManyPixels);
        limits.maxImageSide = 100;
        limits.maxImagePixels = 63;
        QCOMPARE(checkDocumentContent(encodedImage(QSize(8, 8), "jpeg"), kJpeg, limits).refusal,
                 ContentRefusal::TooManyPixels);
        limits.maxImagePixels = 64;
        QVERIFY(checkDocumentContent(encodedImage(QSize(8, 8), "jpeg"), kJpeg, limits).accepted());
    }

    void sniffingReadsTheFirstBytes_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<DocumentType>("type");
        QTest::newRow("PDF") << QByteArray("%PDF-1.7\n") << kPdf;
        QTest::newRow("PDF after 1000 bytes") << QByteArray(1000, ' ') + "%PDF-1.7" << kPdf;
        QTest::newRow("PDF after 1024 bytes") << QByteArray(1024, ' ') + "%PDF-1.7" << kUnspecified;
        QTest::newRow("PNG") << QByteArray("\x89PNG\r\n\x1a\n", 8) << kPng;
        QTest::newRow("PNG cut") << QByteArray("\x89PNG\r\n", 6) << kUnspecified;
        QTest::newRow("JPEG") << QByteArray("\xFF\xD8\xFF\xE0", 4) << kJpeg;
        QTest::newRow("GIF") << QByteArray("GIF89a") << kUnspecified;
        QTest::newRow("nothing") << QByteArray() << kUnspecified;
    }
    void sniffingReadsTheFirstBytes()
    {
        QFETCH(QByteArray, head);
        QFETCH(DocumentType, type);
        QCOMPARE(sniffDocumentType(head), type);
    }

    void wireFieldNamesTypeOrContent()
    {
        QCOMPARE(wireFieldFor(ContentRefusal::NotAllowedType), QStringLiteral("type"));
        for (const ContentRefusal refusal :
             {ContentRefusal::TypeMismatch, ContentRefusal::Unreadable, ContentRefusal::Encrypted,
              ContentRefusal::ActiveContent, ContentRefusal::Polyglot, ContentRefusal::TooManyPixels,
              ContentRefusal::TooManyPages, ContentRefusal::Empty})
            QCOMPARE(wireFieldFor(refusal), QStringLiteral("content"));
    }

    // The server runs the check on a worker thread of a QCoreApplication, without an event loop
    // there: Qt PDF and QImageReader answer synchronously.
    void runsOnAWorkerThreadWithoutAnEventLoop()
    {
        const QByteArray pdf = twoPagePdf();
        const QByteArray png = encodedImage(QSize(32, 32), "png");
        const QByteArray encrypted = encryptedPdf("secret");
        QThread *workerThread = nullptr;
        ContentVerdict pdfVerdict, pngVerdict, encryptedVerdict;
        QThreadPool pool;
        pool.start([&] {
            workerThread = QThread::currentThread();
            pdfVerdict = checkDocumentContent(pdf, kPdf);
            pngVerdict = checkDocumentContent(png, kPng);
            encryptedVerdict = checkDocumentContent(encrypted, kPdf);
        });
        QVERIFY(pool.waitForDone(30'000));
        QVERIFY(workerThread != nullptr && workerThread != QThread::currentThread());
        QVERIFY2(pdfVerdict.accepted(), qPrintable(pdfVerdict.detail));
        QCOMPARE(pdfVerdict.detail, QStringLiteral("pages 2"));
        QVERIFY2(pngVerdict.accepted(), qPrintable(pngVerdict.detail));
        QCOMPARE(encryptedVerdict.refusal, ContentRefusal::Encrypted);
    }

    // The same check in parallel on several threads (the server checks several uploads at once).
    void checksRunConcurrently()
    {
        const QByteArray pdf = twoPagePdf();
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        std::atomic<int> accepted = 0;
        for (int i = 0; i < 8; ++i) {
            pool.start([&] {
                if (checkDocumentContent(pdf, kPdf).accepted())
                    ++accepted;
            });
        }
        QVERIFY(pool.waitForDone(60'000));
        QCOMPARE(accepted.load(), 8);
    }
};

QTEST_GUILESS_MAIN(TestDocumentContent)
#include "TestDocumentContent.moc"
