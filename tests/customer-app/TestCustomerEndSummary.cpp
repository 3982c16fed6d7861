// The customer's end screen after a real consultation (issue 12, seed 002, lesson 3 and 4): the real
// window against a real in-process server (real TLS), the advisor scripted through the client
// library. After a chat line, a document each way, a form sent and submitted and a board page shown,
// the end screen lists exactly those in the server's deletion receipt; "Als PDF speichern" writes one
// PDF with the chat line, the file names with their sizes, the form's value and the board page as a
// page of its own; nothing of it is written before the customer asks (C4). A lost consultation says
// plainly that the receipt could not be received.
#include "CustomerTestMain.h"
#include "EndPage.h"
#include "EndSummaryFlow.h"
#include "summary/DeletionReceiptText.h"
#include "support/FileAnswers.h"

#include <QLabel>
#include <QPdfDocument>
#include <QStandardPaths>

using namespace consult;
using namespace consult::testing;
using Phase = CustomerClient::Phase;

namespace {

bool showsPageFill(const QImage &image)
{
    return !pageRectIn(image).isEmpty();
}

} // namespace

class TestCustomerEndSummary final : public QObject
{
    Q_OBJECT
private slots:
    void theEndScreenListsWhatWasDeletedAndSavesOneSummaryOnlyWhenAsked()
    {
        SummaryConsultation c;
        CUSTOMER_STEP(c.start());
        CUSTOMER_STEP(c.everything());
        c.advisor->endConsultation(c.theirs->id);
        QTRY_COMPARE_WITH_TIMEOUT(c.app->phase(), Phase::Ended, 10000);
        customer::EndPage *end = (*c.app)->endPage();
        QCOMPARE((*c.app)->pages()->currentWidget(), static_cast<QWidget *>(end));

        // The receipt (seed 002): when, and exactly what was exchanged, in plain words.
        QVERIFY(end->receiptBox()->isVisible());
        QVERIFY2(end->receiptTimeLabel()->text().startsWith(QStringLiteral("Gelöscht am ")),
                 qPrintable(end->receiptTimeLabel()->text()));
        const QStringList items = end->receiptItemsLabel()->text().split(u'\n');
        QCOMPARE(items.size(), 5);
        QVERIFY2(items.contains(QStringLiteral("• Datei „%1“ (%2), von Anna Berger")
                                    .arg(c.advisorFile, customer::DeletionReceiptText::fileSize(c.advisorFileSize))),
                 qPrintable(items.join(u'\n')));
        QVERIFY(items.contains(QStringLiteral("• Datei „%1“ (%2), von Ihnen")
                                   .arg(c.customerFile, customer::DeletionReceiptText::fileSize(c.customerFileSize))));
        QVERIFY(items.contains(QStringLiteral("• Formular „Adressänderung“ mit allen Eingaben")));
        QCOMPARE(items.filter(QStringLiteral("• Die Tafel: 1 Seite mit allen Markierungen (")).size(), 1);
        QCOMPARE(items.filter(QStringLiteral("• Der Chat, den der Server bereithielt: ")).size(), 1);
        QVERIFY(end->receiptKeptLabel()->text().contains(QStringLiteral("anonyme Statistik")));

        // C4: nothing of the consultation was written anywhere before the customer asked.
        const QStringList roots = {QDir::tempPath(), QDir::homePath(),
                                   QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                                   QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)};
        QStringList leaks = filesContaining(c.canary.toUtf8(), roots);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));

        // One summary, where the customer says.
        QTemporaryDir saveTo;
        const QString path = saveTo.filePath(QStringLiteral("beratung.pdf"));
        answerFilesWith(end->fileChooser(), {path});
        QTest::mouseClick(end->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(QFile::exists(path));
        QVERIFY(end->transcriptKept());
        const QString text = pdfText(path);
        QVERIFY2(!text.isEmpty(), "pdftotext (poppler-utils) read nothing");
        for (const QString &expected :
             {c.chatLine, QStringLiteral("Ausgetauschte Dateien"), c.advisorFile,
              customer::DeletionReceiptText::fileSize(c.advisorFileSize), c.customerFile,
              customer::DeletionReceiptText::fileSize(c.customerFileSize), QStringLiteral("Adressänderung"), c.street,
              QStringLiteral("Tafel – Kreditangebot.pdf, Seite 1")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + text));
        // Each text once: nothing hidden on a page it does not belong to.
        QCOMPARE(text.count(QStringLiteral("Ausgefüllte Formulare")), 1);
        // The board page is a page of its own, after the text.
        QPdfDocument pdf;
        QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
        QVERIFY(pdf.pageCount() >= 2);
        const int last = pdf.pageCount() - 1;
        QVERIFY(pdf.getAllText(last).text().contains(QStringLiteral("Tafel – Kreditangebot.pdf, Seite 1")));
        QVERIFY(showsPageFill(renderPdfPage(pdf, last)));
        for (int page = 0; page < last; ++page)
            QVERIFY(!showsPageFill(renderPdfPage(pdf, page)));

        // Only the file the customer named holds it (C4).
        leaks = filesContaining(c.canary.toUtf8(), roots, path);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));

        // Leaving the end screen forgets the summary's content (C4).
        QTest::mouseClick(end->homeButton(), Qt::LeftButton);
        QVERIFY(end->exchanged().isEmpty());
        QVERIFY(!end->transcriptDocument());
        QVERIFY(!end->receiptBox()->isVisibleTo(end));
    }

    // The summary leaves out what did not happen: a chat alone has no files, forms or board pages.
    void aChatAloneHasNoOtherSectionsAndAnEmptyReceipt()
    {
        SummaryConsultation c;
        CUSTOMER_STEP(c.start());
        CUSTOMER_STEP(c.chat());
        c.advisor->endConsultation(c.theirs->id);
        QTRY_COMPARE_WITH_TIMEOUT(c.app->phase(), Phase::Ended, 10000);
        customer::EndPage *end = (*c.app)->endPage();
        QVERIFY(end->receiptBox()->isVisible());
        QVERIFY(end->receiptTimeLabel()->text().startsWith(QStringLiteral("Gelöscht am ")));
        QVERIFY(!end->receiptItemsLabel()->text().contains(QStringLiteral("Datei")));
        QVERIFY(!end->receiptItemsLabel()->text().contains(QStringLiteral("Formular")));
        QVERIFY(!end->receiptItemsLabel()->text().contains(QStringLiteral("Tafel")));
        const QString text = end->transcriptDocument()->toPlainText();
        QVERIFY(text.contains(c.chatLine));
        QVERIFY(!text.contains(QStringLiteral("Ausgetauschte Dateien")));
        QVERIFY(!text.contains(QStringLiteral("Ausgefüllte Formulare")));
    }

    // Lost: no receipt arrived, and none is invented; the page says what the bank promises.
    void aLostConsultationSaysTheReceiptCouldNotBeReceived()
    {
        SummaryConsultation c;
        CUSTOMER_STEP(c.start(Route::CuttingProxy));
        CUSTOMER_STEP(c.chat());
        CUSTOMER_STEP(c.documentsBothWays());
        c.scenario.proxy().setRefusing(true);
        c.scenario.proxy().cutAll();
        QTRY_COMPARE_WITH_TIMEOUT(c.app->phase(), Phase::Failed, 20000);
        customer::EndPage *end = (*c.app)->endPage();
        QCOMPARE((*c.app)->pages()->currentWidget(), static_cast<QWidget *>(end));
        QVERIFY(end->receiptBox()->isVisible());
        QCOMPARE(end->receiptTimeLabel()->text(), customer::DeletionReceiptText::notReceived(true).deletedAt);
        QVERIFY(!end->receiptItemsLabel()->isVisible());
        QVERIFY(end->receiptKeptLabel()->text().contains(QStringLiteral("löscht trotzdem alles")));
        // The files seen before the loss are still in the summary.
        QVERIFY(end->transcriptDocument()->toPlainText().contains(c.advisorFile));
    }
};

CUSTOMER_TEST_MAIN(TestCustomerEndSummary)
#include "TestCustomerEndSummary.moc"
