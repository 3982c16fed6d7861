// DocumentImport: a PDF or an image becomes page images of the bounded size, in the order asked
// for, off the GUI thread; whatever cannot or must not be shown is refused with its reason before
// anything is sent; and nothing of the file's metadata leaves the advisor's machine.
#include "support/TestFiles.h"
#include "whiteboard/DocumentImport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QImageReader>
#include <QPdfDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace consult::board;
using namespace consult::testing;
using Refusal = DocumentImport::Refusal;

namespace {

// What one import delivered, in the order it delivered it.
struct Outcome
{
    QList<int> order;
    QHash<int, PageImage> pages;
    std::optional<Refusal> refusal;
    int openedWith = -1;
    bool finished = false;
};

QImage decoded(const PageImage &page)
{
    QByteArray bytes = page.bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, page.format == consult::wire::BOARD_IMAGE_FORMAT_PNG ? "png" : "jpeg");
    return reader.read();
}

bool isNear(QRgb pixel, QColor expected)
{
    return std::abs(qRed(pixel) - expected.red()) < 12 && std::abs(qGreen(pixel) - expected.green()) < 12 &&
           std::abs(qBlue(pixel) - expected.blue()) < 12;
}

} // namespace

class TestDocumentImport final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString file(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        if (!writeFile(path, bytes))
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // Runs an import to its end; `beforeStart` may prioritise pages.
    Outcome run(const QString &path, DocumentImport::Settings settings = {},
                const std::function<void(DocumentImport &)> &beforeStart = {})
    {
        Outcome outcome;
        DocumentImport import(path, settings);
        connect(&import, &DocumentImport::opened, this, [&](int count) { outcome.openedWith = count; });
        connect(&import, &DocumentImport::refused, this, [&](Refusal refusal) { outcome.refusal = refusal; });
        connect(&import, &DocumentImport::pageReady, this, [&](int index, const PageImage &page) {
            outcome.order.append(index);
            outcome.pages.insert(index, page);
        });
        connect(&import, &DocumentImport::finished, this, [&] { outcome.finished = true; });
        if (beforeStart)
            beforeStart(import);
        import.start();
        if (!QTest::qWaitFor([&] { return outcome.finished; }, 60000))
            qWarning("the import did not finish");
        return outcome;
    }

    void verifyRefused(const QString &path, Refusal expected, DocumentImport::Settings settings = {})
    {
        const Outcome outcome = run(path, settings);
        QVERIFY(outcome.finished);
        QVERIFY(outcome.refusal.has_value());
        QCOMPARE(*outcome.refusal, expected);
        QCOMPARE(outcome.openedWith, -1);
        QVERIFY(outcome.pages.isEmpty());
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aThreePagePdfBecomesThreePagesOfTheBoundedSizeInOrder()
    {
        const QList<QColor> colors{QColor(200, 30, 30), QColor(30, 160, 30), QColor(30, 30, 200)};
        const Outcome outcome = run(file(QStringLiteral("Angebot.pdf"), pdfWithPages(colors)));
        QVERIFY(!outcome.refusal);
        QCOMPARE(outcome.openedWith, 3);
        QCOMPARE(outcome.order, (QList<int>{0, 1, 2}));
        for (int i = 0; i < 3; ++i) {
            const PageImage &page = outcome.pages[i];
            // A4 as QPdfWriter writes it (595 x 842 pt) at the bounded long side.
            QCOMPARE(page.size, QSize(1447, PageLimits::kRenderLongSide));
            const QImage image = decoded(page);
            QCOMPARE(image.size(), page.size);
            QVERIFY2(isNear(image.pixel(700, 1000), colors[i]), qPrintable(QString::number(i)));
        }
    }

    void pageSizesAreKnownWhenOpened()
    {
        DocumentImport import(file(QStringLiteral("Zwei.pdf"), pdfWithPages({Qt::white, Qt::white})), {});
        QSignalSpy opened(&import, &DocumentImport::opened);
        import.start();
        QVERIFY(opened.wait(30000));
        QCOMPARE(import.pageSizes(), (QList<QSize>{QSize(1447, 2048), QSize(1447, 2048)}));
        QCOMPARE(import.title(), QStringLiteral("Zwei.pdf"));
    }

    void aPrioritisedPageComesFirst()
    {
        const QString path =
            file(QStringLiteral("Fünf.pdf"), pdfWithPages({Qt::white, Qt::red, Qt::green, Qt::blue, Qt::yellow}));
        const Outcome outcome = run(path, {}, [](DocumentImport &import) {
            import.prioritise(3);
            import.prioritise(4); // the latest wish first
        });
        QCOMPARE(outcome.order, (QList<int>{4, 3, 0, 1, 2}));
    }

    void thePageWantedFirstComesAsAPreviewBeforeItsPageImage()
    {
        const QList<QColor> colors{Qt::red, Qt::green, Qt::blue};
        const QString path = file(QStringLiteral("Drei.pdf"), pdfWithPages(colors));
        DocumentImport import(path, {});
        QStringList events;
        QHash<int, PageImage> previews;
        connect(&import, &DocumentImport::pageReady, this, [&](int index, const PageImage &page) {
            QVERIFY(!page.preview);
            events.append(QString::number(index));
        });
        connect(&import, &DocumentImport::previewReady, this, [&](int index, const PageImage &preview) {
            events.append(QStringLiteral("preview %1").arg(index));
            previews.insert(index, preview);
        });
        import.prioritise(2); // the page the advisor is looking at
        QSignalSpy finished(&import, &DocumentImport::finished);
        import.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(events, (QStringList{QStringLiteral("preview 2"), QStringLiteral("2"), QStringLiteral("0"),
                                      QStringLiteral("1")}));
        const PageImage preview = previews.value(2);
        QVERIFY(preview.preview);
        QCOMPARE(preview.size, previewSize(QSize(1447, 2048)));
        const QImage image = decoded(preview);
        QCOMPARE(image.size(), preview.size);
        QVERIFY(isNear(image.pixel(preview.size.width() / 2, preview.size.height() / 2), colors[2]));
    }

    void aSmallImageHasNoPreview()
    {
        QImage picture(800, 600, QImage::Format_RGB32);
        picture.fill(Qt::darkCyan);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        picture.save(&buffer, "PNG");
        DocumentImport import(file(QStringLiteral("Klein.png"), bytes), {});
        QSignalSpy previews(&import, &DocumentImport::previewReady);
        QSignalSpy pages(&import, &DocumentImport::pageReady);
        QSignalSpy finished(&import, &DocumentImport::finished);
        import.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(pages.size(), 1);
        QCOMPARE(previews.size(), 0);
    }

    void aPageAskedForWhileRenderingMovesAhead()
    {
        const QString path = file(QStringLiteral("Zwoelf.pdf"), pdfWithPages(QList<QColor>(12, Qt::white)));
        DocumentImport import(path, {});
        QList<int> order;
        connect(&import, &DocumentImport::opened, &import, [&] { import.prioritise(11); });
        connect(&import, &DocumentImport::pageReady, this, [&](int index, const PageImage &) { order.append(index); });
        QSignalSpy finished(&import, &DocumentImport::finished);
        import.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(order.size(), 12);
        // The worker renders on while the wish travels to it; the last page still overtakes the
        // one before it.
        QVERIFY2(order.indexOf(11) < order.indexOf(10), qPrintable(QString::number(order.indexOf(11))));
    }

    void tooManyPagesAreRefused()
    {
        DocumentImport::Settings settings;
        settings.maxPages = 2;
        verifyRefused(file(QStringLiteral("Drei.pdf"), pdfWithPages({Qt::white, Qt::white, Qt::white})),
                      Refusal::TooManyPages, settings);
    }

    // The server's [whiteboard] limits as the advisor's app learns them at log-in replace the app's
    // own guesses; a limit the server did not tell (0) keeps the app's bound.
    void theServersLimitsReplaceTheAppsOwnBounds()
    {
        consult::wire::BoardLimits limits;
        limits.set_max_pages(2);
        limits.set_max_page_bytes(64 * 1024);
        DocumentImport::Settings own;
        own.maxFileBytes = 1234567;
        const DocumentImport::Settings bounded = own.withBoardLimits(limits);
        QCOMPARE(bounded.maxPages, 2);
        QCOMPARE(bounded.maxPageBytes, qint64(64 * 1024));
        QCOMPARE(bounded.maxFileBytes, qint64(1234567));
        const DocumentImport::Settings untold = own.withBoardLimits({});
        QCOMPARE(untold.maxPages, own.maxPages);
        QCOMPARE(untold.maxPageBytes, own.maxPageBytes);
        // A document over the server's page limit is refused before it is opened (nothing sent).
        verifyRefused(file(QStringLiteral("Drei-Seiten.pdf"), pdfWithPages({Qt::white, Qt::white, Qt::white})),
                      Refusal::TooManyPages, bounded);
    }

    // A page whose image is larger than the server takes ([whiteboard] max_page_bytes) is not
    // delivered (it would only be refused), and the import stops there with its reason.
    void aPageOverTheServersByteLimitIsRefusedAndNotDelivered()
    {
        QImage noise(400, 300, QImage::Format_RGB32);
        std::mt19937 random(7);
        for (int y = 0; y < noise.height(); ++y)
            for (int x = 0; x < noise.width(); ++x)
                noise.setPixel(x, y, qRgb(int(random() % 256), int(random() % 256), int(random() % 256)));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(noise.save(&buffer, "PNG"));
        const QString path = file(QStringLiteral("Rauschen.png"), png);
        // Under a roomy limit the page comes; its size tells where the limit must be to stop it.
        const Outcome roomy = run(path);
        QVERIFY(!roomy.refusal);
        QCOMPARE(roomy.pages.size(), 1);
        const qint64 pageBytes = roomy.pages[0].bytes.size();
        QVERIFY(pageBytes > 1000);

        consult::wire::BoardLimits limits;
        limits.set_max_page_bytes(quint32(pageBytes - 1));
        const Outcome tight = run(path, DocumentImport::Settings{}.withBoardLimits(limits));
        QVERIFY(tight.finished);
        QCOMPARE(tight.refusal, std::optional<Refusal>(Refusal::PageTooLarge));
        QVERIFY(tight.pages.isEmpty());

        // A PDF stops at its first page over the limit: no page of it is delivered.
        DocumentImport::Settings tiny;
        tiny.maxPageBytes = 50;
        const Outcome pdf = run(file(QStringLiteral("Vier.pdf"), pdfWithPages(QList<QColor>(4, Qt::white))), tiny);
        QVERIFY(pdf.finished);
        QCOMPARE(pdf.openedWith, 4);
        QCOMPARE(pdf.refusal, std::optional<Refusal>(Refusal::PageTooLarge));
        QVERIFY(pdf.pages.isEmpty());
    }

    void aTruncatedPdfIsRefusedAsCorrupt()
    {
        const QByteArray pdf = pdfWithPages({Qt::white, Qt::gray, Qt::black});
        verifyRefused(file(QStringLiteral("Abgeschnitten.pdf"), pdf.left(pdf.size() / 2)), Refusal::Corrupt);
        // Cut off just before its end marker: Qt PDF would rebuild what it can; it is refused all the same.
        verifyRefused(file(QStringLiteral("Ohne-Ende.pdf"), pdf.left(pdf.lastIndexOf("%%EOF"))), Refusal::Corrupt);
        verifyRefused(file(QStringLiteral("Kaputt.pdf"), QByteArray("%PDF-1.7\nnothing here\n%%EOF\n")),
                      Refusal::Corrupt);
    }

    void aPdfWithAPasswordIsRefusedAsEncrypted()
    {
        const QByteArray pdf = encryptedPdf("geheim");
        // The file is a real encrypted PDF: with its password Qt PDF opens it.
        QByteArray copy = pdf;
        QBuffer buffer(&copy);
        buffer.open(QIODevice::ReadOnly);
        QPdfDocument document;
        document.setPassword(QStringLiteral("geheim"));
        document.load(&buffer);
        QCOMPARE(document.status(), QPdfDocument::Status::Ready);
        QCOMPARE(document.pageCount(), 1);

        verifyRefused(file(QStringLiteral("Vertrag.pdf"), pdf), Refusal::Encrypted);
    }

    // A decompression bomb is small on disk; its header gives it away before a pixel is decoded.
    void anImageWhoseHeaderPromisesTooManyPixelsIsRefusedUnread()
    {
        verifyRefused(file(QStringLiteral("riesig.png"), pngWithHeader(30000, 30000)), Refusal::TooLarge);
        const QByteArray bomb = pngBomb(20000, 20000);
        QVERIFY2(bomb.size() < 1 << 20, qPrintable(QString::number(bomb.size())));
        verifyRefused(file(QStringLiteral("bombe.png"), bomb), Refusal::TooLarge);
    }

    void anImageWithinTheLimitsIsScaledToTheBoundedSize()
    {
        // Made like the bomb, so this also proves the bomb is a valid PNG.
        const Outcome outcome = run(file(QStringLiteral("flach.png"), pngBomb(4000, 1000)));
        QVERIFY(!outcome.refusal);
        QCOMPARE(outcome.openedWith, 1);
        QCOMPARE(outcome.pages[0].size, QSize(2048, 512));
        const QImage image = decoded(outcome.pages[0]);
        QCOMPARE(image.size(), QSize(2048, 512));
        QVERIFY(isNear(image.pixel(1000, 300), Qt::black));
    }

    void contentDecidesTheTypeNotTheName()
    {
        // An executable named like a PDF.
        QFile self(QCoreApplication::applicationFilePath());
        QVERIFY(self.open(QIODevice::ReadOnly));
        verifyRefused(file(QStringLiteral("Rechnung.pdf"), self.read(1 << 20)), Refusal::NotSupported);
        verifyRefused(file(QStringLiteral("notiz.png"), QByteArray("just text, not an image")), Refusal::NotSupported);
        // A PDF named like an image, and an image named like a PDF, are what they are.
        QCOMPARE(run(file(QStringLiteral("scan.jpg"), pdfWithPages({Qt::white}))).openedWith, 1);
        const Outcome image = run(file(QStringLiteral("scan.pdf"), pngBomb(100, 50)));
        QCOMPARE(image.openedWith, 1);
        QCOMPARE(image.pages[0].size, QSize(100, 50));
    }

    void emptyMissingAndOversizedFilesAreRefused()
    {
        verifyRefused(file(QStringLiteral("leer.pdf"), {}), Refusal::Empty);
        verifyRefused(m_dir.filePath(QStringLiteral("gibt-es-nicht.pdf")), Refusal::Unreadable);
        DocumentImport::Settings settings;
        settings.maxFileBytes = 1000;
        verifyRefused(file(QStringLiteral("gross.pdf"), pdfWithPages({Qt::white, Qt::white})), Refusal::TooLarge,
                      settings);
        verifyRefused(file(QStringLiteral("kaputt.png"), pngWithHeader(100, 100, "not zlib")), Refusal::Corrupt);
    }

    void noMetadataLeavesTheMachine()
    {
        const QByteArray canary = "CANARY-EXIF-7f3a9c";
        const QByteArray jpeg = jpegWithMetadata(QSize(400, 300), canary);
        QVERIFY(jpeg.contains(canary));
        QVERIFY(jpeg.contains("Exif"));
        const Outcome outcome = run(file(QStringLiteral("foto.jpg"), jpeg));
        QVERIFY(!outcome.refusal);
        const PageImage &page = outcome.pages[0];
        QVERIFY(!page.bytes.isEmpty());
        QVERIFY(!page.bytes.contains(canary));
        QVERIFY(!page.bytes.contains("Exif"));
        QVERIFY(!page.bytes.contains("tEXt"));
        QCOMPARE(decoded(page).size(), QSize(400, 300));
        QVERIFY(decoded(page).textKeys().isEmpty());
    }

    void linesAndTextTravelAsPngPhotosAsJpeg()
    {
        const Outcome text = run(file(QStringLiteral("Seite.pdf"), pdfWithPages({Qt::white})));
        QCOMPARE(text.pages[0].format, consult::wire::BOARD_IMAGE_FORMAT_PNG);
        QVERIFY(text.pages[0].bytes.startsWith("\x89PNG"));
        const Outcome photo = run(file(QStringLiteral("foto.jpg"), jpegWithMetadata(QSize(400, 300), "x")));
        QCOMPARE(photo.pages[0].format, consult::wire::BOARD_IMAGE_FORMAT_JPEG);
        QVERIFY(photo.pages[0].bytes.startsWith("\xFF\xD8\xFF"));
    }

    void cancelStopsEverySignal()
    {
        const QString path = file(QStringLiteral("Acht.pdf"), pdfWithPages(QList<QColor>(8, Qt::white)));
        auto import = std::make_unique<DocumentImport>(path, DocumentImport::Settings{});
        int pages = 0;
        bool finished = false;
        connect(import.get(), &DocumentImport::pageReady, this, [&](int, const PageImage &) {
            if (++pages == 1)
                import->cancel();
        });
        connect(import.get(), &DocumentImport::finished, this, [&] { finished = true; });
        import->start();
        QTRY_COMPARE_WITH_TIMEOUT(pages, 1, 30000);
        import.reset(); // waits for the worker
        QCoreApplication::processEvents();
        QCOMPARE(pages, 1);
        QVERIFY(!finished);
    }

    void everyRefusalHasAReason()
    {
        for (const Refusal refusal : {Refusal::Unreadable, Refusal::NotSupported, Refusal::Corrupt, Refusal::Encrypted,
                                      Refusal::TooLarge, Refusal::TooManyPages, Refusal::Empty, Refusal::PageTooLarge,
                                      Refusal::TooManyDocuments, Refusal::ConsultationOver})
            QVERIFY(!DocumentImport::describe(refusal).isEmpty());
        QVERIFY(DocumentImport::describe(Refusal::None).isEmpty());
    }
};

QTEST_MAIN(TestDocumentImport)
#include "TestDocumentImport.moc"
