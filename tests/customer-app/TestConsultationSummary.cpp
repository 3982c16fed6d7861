// The end screen's units without the window (issue 12): the deletion receipt in words
// (DeletionReceiptText) and the one summary (ConsultationSummary: transcript, exchanged files, filled
// forms, board pages; every section present only with content; names stay text, I3), read back from
// the PDF it writes with Qt PDF.
#include "CustomerTestMain.h"
#include "summary/ConsultationSummary.h"
#include "summary/DeletionReceiptText.h"
#include "whiteboard/BoardModel.h"

#include <QImage>
#include <QLocale>
#include <QPdfDocument>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextFragment>
#include <QTimeZone>

using namespace consult;
using namespace consult::customer;

namespace {

const QColor kBoardFill(0x20, 0xa0, 0x60); // a board page's colour, found again in the rendered PDF

wire::DeletedItem item(wire::DeletedKind kind, const QString &name = {}, quint64 bytes = 0, quint32 count = 0,
                       wire::Party from = wire::PARTY_UNSPECIFIED)
{
    wire::DeletedItem deleted;
    deleted.set_kind(kind);
    deleted.set_name(name.toStdString());
    deleted.set_bytes(bytes);
    deleted.set_count(count);
    deleted.set_from(from);
    return deleted;
}

TranscriptContent transcript()
{
    TranscriptContent content;
    content.bankName = QStringLiteral("Sparkasse Teststadt");
    content.title = QStringLiteral("Service-Chat");
    content.advisorName = QStringLiteral("Anna Berger");
    content.customerName = QStringLiteral("Max Müller");
    content.startedAt = QDateTime(QDate(2026, 12, 7), QTime(15, 10));
    content.endedAt = QDateTime(QDate(2026, 12, 7), QTime(15, 42));
    content.lines.append(TranscriptLine{content.startedAt.addSecs(60), QStringLiteral("Anna Berger"),
                                        QStringLiteral("Guten Tag, Herr Müller.")});
    return content;
}

wire::FormInstance standingOrder(wire::FormState state)
{
    wire::FormInstance form;
    form.set_instance_id("f1");
    form.mutable_definition()->set_form_id("dauerauftrag");
    form.mutable_definition()->set_title("Dauerauftrag einrichten");
    wire::FormField *field = form.mutable_definition()->add_fields();
    field->set_key("empfaenger");
    field->set_label("Empfänger");
    field->set_type(wire::FORM_FIELD_TYPE_TEXT);
    form.set_state(state);
    form.set_sent_at(QDateTime(QDate(2026, 12, 7), QTime(15, 20)).toMSecsSinceEpoch());
    if (state == wire::FORM_STATE_SUBMITTED) {
        wire::FormValue *value = form.add_values();
        value->set_key("empfaenger");
        value->set_value("Erika Mustermann-Zahlungsempfang");
        form.set_submitted_at(QDateTime(QDate(2026, 12, 7), QTime(15, 30)).toMSecsSinceEpoch());
    }
    return form;
}

Exchanged exchangedFiles()
{
    Exchanged exchanged;
    exchanged.files.append(ExchangedFile{QStringLiteral("Gehaltsnachweis.pdf"), 1536, wire::PARTY_CUSTOMER,
                                         QDateTime(QDate(2026, 12, 7), QTime(15, 12)), false});
    exchanged.files.append(ExchangedFile{QStringLiteral("Konditionen.png"), 2 * 1024 * 1024, wire::PARTY_ADVISOR,
                                         QDateTime(QDate(2026, 12, 7), QTime(15, 14)), true});
    return exchanged;
}

// A board of one document with `pages` pages, each filled with kBoardFill and shown.
std::unique_ptr<board::BoardModel> boardWith(int pages)
{
    wire::BoardDocument document;
    document.set_document_id(1);
    document.set_title("Kreditangebot");
    for (int index = 0; index < pages; ++index) {
        wire::BoardPageSize *size = document.add_pages();
        size->set_width(420);
        size->set_height(595);
    }
    auto board = std::make_unique<board::BoardModel>();
    board->applySnapshot({document}, board::PageKey{}, false, {});
    for (int index = 0; index < pages; ++index) {
        const board::PageKey page{1, quint32(index)};
        QImage image(420, 595, QImage::Format_RGB32);
        image.fill(kBoardFill);
        board->setPageImage(page, image);
        board->showPage(page);
    }
    return board;
}

bool hasColour(const QImage &image, const QColor &colour)
{
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4) {
            const QColor pixel = image.pixelColor(x, y);
            if (qAbs(pixel.red() - colour.red()) < 12 && qAbs(pixel.green() - colour.green()) < 12 &&
                qAbs(pixel.blue() - colour.blue()) < 12)
                return true;
        }
    return false;
}

QString pageText(QPdfDocument &pdf, int page)
{
    return pdf.getAllText(page).text();
}

} // namespace

class TestConsultationSummary final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); }

    // Seed 002: the customer reads what was deleted and when, each item in plain words.
    void theReceiptListsEachDeletedThingWithTimeSizeAndSender()
    {
        wire::DeletionReceipt receipt;
        receipt.set_deleted_at(QDateTime(QDate(2026, 12, 7), QTime(15, 42, 10)).toMSecsSinceEpoch());
        *receipt.add_items() =
            item(wire::DELETED_KIND_DOCUMENT, QStringLiteral("Gehaltsnachweis.pdf"), 1536, 0, wire::PARTY_CUSTOMER);
        *receipt.add_items() = item(wire::DELETED_KIND_DOCUMENT, QStringLiteral("Konditionen.png"), 2 * 1024 * 1024, 0,
                                    wire::PARTY_ADVISOR);
        *receipt.add_items() = item(wire::DELETED_KIND_FORM, QStringLiteral("Dauerauftrag einrichten"));
        *receipt.add_items() = item(wire::DELETED_KIND_WHITEBOARD, {}, 300 * 1024, 3);
        *receipt.add_items() = item(wire::DELETED_KIND_CHAT, {}, 0, 12);
        const ReceiptText text = DeletionReceiptText::describe(receipt, QStringLiteral("Anna Berger"));
        QVERIFY(text.received);
        QCOMPARE(text.deletedAt, QStringLiteral("Gelöscht am 7.12.2026 um 15:42:10 Uhr"));
        QCOMPARE(text.items, QStringList({
                                 QStringLiteral("Datei „Gehaltsnachweis.pdf“ (1,5 KB), von Ihnen"),
                                 QStringLiteral("Datei „Konditionen.png“ (2,0 MB), von Anna Berger"),
                                 QStringLiteral("Formular „Dauerauftrag einrichten“ mit allen Eingaben"),
                                 QStringLiteral("Die Tafel: 3 Seiten mit allen Markierungen (300 KB)"),
                                 QStringLiteral("Der Chat, den der Server bereithielt: 12 Nachrichten"),
                             }));
        // What stays is said as DESIGN.md §3 and SECURITY.md P3 say it: the anonymous statistics and the
        // access log of 7 days, nothing else.
        QVERIFY(text.kept.contains(QStringLiteral("anonyme Statistik")));
        QVERIFY(text.kept.contains(QStringLiteral("Stunde des Beginns")));
        QVERIFY(text.kept.contains(QStringLiteral("7 Tage")));
    }

    void aReceiptOfNothingSaysTheServerHeldNothing()
    {
        wire::DeletionReceipt receipt;
        receipt.set_deleted_at(QDateTime(QDate(2026, 12, 7), QTime(9, 5, 0)).toMSecsSinceEpoch());
        const ReceiptText text = DeletionReceiptText::describe(receipt, {});
        QVERIFY(text.received);
        QCOMPARE(text.deletedAt, QStringLiteral("Gelöscht am 7.12.2026 um 09:05:00 Uhr"));
        QCOMPARE(text.items.size(), 1);
        QVERIFY(text.items.first().contains(QStringLiteral("keine Dateien")));
    }

    // A document line without the advisor's name still says who sent it.
    void aDocumentFromTheAdvisorWithoutANameSaysTheAdvisor()
    {
        QCOMPARE(DeletionReceiptText::sender(wire::PARTY_ADVISOR, {}),
                 QStringLiteral("Ihrer Beraterin oder Ihrem Berater"));
        QCOMPARE(DeletionReceiptText::sender(wire::PARTY_CUSTOMER, QStringLiteral("Anna Berger")),
                 QStringLiteral("Ihnen"));
    }

    // Without the server's receipt nothing is invented: it says the receipt did not come and what the
    // bank promises.
    void withoutAReceiptNoneIsInvented()
    {
        const ReceiptText empty = DeletionReceiptText::describe(wire::DeletionReceipt(), QStringLiteral("Anna"));
        QVERIFY(!empty.received);
        QVERIFY(empty.items.isEmpty());
        QVERIFY(!empty.deletedAt.contains(QStringLiteral("Gelöscht am")));
        const ReceiptText lost = DeletionReceiptText::notReceived(true);
        QVERIFY(!lost.received);
        QVERIFY(lost.items.isEmpty());
        QCOMPARE(lost.deletedAt, QStringLiteral("Die Löschbestätigung konnte nicht empfangen werden, weil die "
                                                "Verbindung abgebrochen ist."));
        QVERIFY(lost.kept.contains(QStringLiteral("löscht trotzdem alles")));
    }

    void fileSizesReadAsPeopleCountThem()
    {
        QCOMPARE(DeletionReceiptText::fileSize(512), QStringLiteral("512 Byte"));
        QCOMPARE(DeletionReceiptText::fileSize(1536), QStringLiteral("1,5 KB"));
        QCOMPARE(DeletionReceiptText::fileSize(300 * 1024), QStringLiteral("300 KB"));
        QCOMPARE(DeletionReceiptText::fileSize(10 * 1024 * 1024 + 300 * 1024), QStringLiteral("10,3 MB"));
    }

    void theSummaryHasTheTranscriptTheFilesAndTheFilledForms()
    {
        Exchanged exchanged = exchangedFiles();
        exchanged.forms.append(standingOrder(wire::FORM_STATE_SUBMITTED));
        const std::unique_ptr<QTextDocument> document = ConsultationSummary::buildDocument(transcript(), exchanged);
        const QString text = document->toPlainText();
        for (const QString &expected :
             {QStringLiteral("Guten Tag, Herr Müller."), QStringLiteral("Ausgetauschte Dateien"),
              QStringLiteral("Gehaltsnachweis.pdf"), QStringLiteral("1,5 KB, von Ihnen, 15:12 Uhr"),
              QStringLiteral("Konditionen.png"),
              QStringLiteral("2,0 MB, von Anna Berger, 15:14 Uhr – während der Beratung entfernt"),
              QStringLiteral("Ausgefüllte Formulare"), QStringLiteral("Dauerauftrag einrichten"),
              QStringLiteral("Erika Mustermann-Zahlungsempfang")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + text));
        // The transcript comes first, then the files, then the forms.
        QVERIFY(text.indexOf(QStringLiteral("Guten Tag")) < text.indexOf(QStringLiteral("Ausgetauschte Dateien")));
        QVERIFY(text.indexOf(QStringLiteral("Konditionen.png")) <
                text.indexOf(QStringLiteral("Ausgefüllte Formulare")));
    }

    // A section without content is absent: no files, no filled form (a form only sent is not).
    void sectionsWithoutContentAreAbsent()
    {
        Exchanged exchanged;
        exchanged.forms.append(standingOrder(wire::FORM_STATE_SENT));
        const std::unique_ptr<QTextDocument> document = ConsultationSummary::buildDocument(transcript(), exchanged);
        const QString text = document->toPlainText();
        QVERIFY(text.contains(QStringLiteral("Guten Tag, Herr Müller.")));
        QVERIFY(!text.contains(QStringLiteral("Ausgetauschte Dateien")));
        QVERIFY(!text.contains(QStringLiteral("Ausgefüllte Formulare")));
        QVERIFY(!text.contains(QStringLiteral("Dauerauftrag einrichten")));
        // The same content as the transcript alone: nothing added.
        QCOMPARE(text, Transcript::buildDocument(transcript())->toPlainText());
    }

    // I3: a file name that looks like markup is those characters, never bold text, an image or a link.
    void aFileNameLikeMarkupStaysText()
    {
        Exchanged exchanged;
        exchanged.files.append(ExchangedFile{QStringLiteral("<b>x</b>.pdf"), 100, wire::PARTY_ADVISOR, {}, false});
        exchanged.files.append(ExchangedFile{QStringLiteral("<img src=x><a href=\"https://example.org\">y</a>.png"),
                                             100,
                                             wire::PARTY_CUSTOMER,
                                             {},
                                             false});
        const std::unique_ptr<QTextDocument> document = ConsultationSummary::buildDocument(transcript(), exchanged);
        const QString text = document->toPlainText();
        QVERIFY(text.contains(QStringLiteral("<b>x</b>.pdf")));
        QVERIFY(text.contains(QStringLiteral("<img src=x><a href=\"https://example.org\">y</a>.png")));
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                QVERIFY(!fragment.charFormat().isImageFormat());
                QVERIFY(!fragment.charFormat().isAnchor());
                QVERIFY(fragment.text() != QStringLiteral("x"));
            }
    }

    // One PDF: the text pages (searchable text), then one page per marked-up board page.
    void theSavedSummaryHasTextPagesThenTheBoardPages()
    {
        QTemporaryDir directory;
        Exchanged exchanged = exchangedFiles();
        exchanged.forms.append(standingOrder(wire::FORM_STATE_SUBMITTED));
        const std::unique_ptr<QTextDocument> document = ConsultationSummary::buildDocument(transcript(), exchanged);
        const std::unique_ptr<board::BoardModel> board = boardWith(2);

        const QString withBoard = directory.filePath(QStringLiteral("mit-tafel.pdf"));
        QVERIFY(ConsultationSummary::writePdf(*document, board.get(), withBoard).ok());
        const QString withoutBoard = directory.filePath(QStringLiteral("ohne-tafel.pdf"));
        QVERIFY(ConsultationSummary::writePdf(*document, nullptr, withoutBoard).ok());

        QPdfDocument textOnly;
        QCOMPARE(textOnly.load(withoutBoard), QPdfDocument::Error::None);
        const int textPages = textOnly.pageCount();
        QVERIFY(textPages >= 1);
        QPdfDocument pdf;
        QCOMPARE(pdf.load(withBoard), QPdfDocument::Error::None);
        QCOMPARE(pdf.pageCount(), textPages + 2);

        QString text;
        for (int page = 0; page < textPages; ++page) {
            text += pageText(pdf, page);
            QVERIFY(!hasColour(pdf.render(page, QSize(210, 297)), kBoardFill));
        }
        for (const QString &expected :
             {QStringLiteral("Guten Tag, Herr Müller."), QStringLiteral("Ausgetauschte Dateien"),
              QStringLiteral("Gehaltsnachweis.pdf"), QStringLiteral("1,5 KB"), QStringLiteral("Konditionen.png"),
              QStringLiteral("Erika Mustermann-Zahlungsempfang")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + text));
        for (int index = 0; index < 2; ++index) {
            const int page = textPages + index;
            QVERIFY2(pageText(pdf, page).contains(QStringLiteral("Tafel – Kreditangebot, Seite %1").arg(index + 1)),
                     qPrintable(pageText(pdf, page)));
            QVERIFY(hasColour(pdf.render(page, QSize(210, 297)), kBoardFill));
        }
    }

    // A failed write leaves nothing under the chosen name.
    void aSummaryThatCannotBeWrittenLeavesNoFile()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("fehlt/zusammenfassung.pdf"));
        const std::unique_ptr<QTextDocument> document = ConsultationSummary::buildDocument(transcript(), {});
        QVERIFY(!ConsultationSummary::writePdf(*document, nullptr, path).ok());
        QVERIFY(!QFile::exists(path));
    }
};

CUSTOMER_TEST_MAIN(TestConsultationSummary)
#include "TestConsultationSummary.moc"
