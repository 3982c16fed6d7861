// The documents in the customer app (seed 002, issue 12): the real customer window against a real
// in-process server (real TLS), the advisor scripted through the client library. A PDF dropped onto
// the consultation page reaches the advisor byte for byte; a PNG from the advisor is listed and saved
// through the page byte for byte, only where the customer chose; an executable named .pdf and a file
// over the limit are refused in words before anything is sent (U1, U2); a running upload shows its
// progress and "Abbrechen" stops it, and nothing of it arrives; the deletion promise and the limits
// are on the page.
#include "CustomerTestMain.h"
#include "ExchangeFlow.h"
#include "support/TestFiles.h"

#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>

using namespace consult;
using namespace consult::testing;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCustomerDocuments final : public QObject
{
    Q_OBJECT
private slots:
    void aPdfDroppedOnThePageReachesTheAdvisorByteIdentical()
    {
        ExchangeConsultation consultation;
        CUSTOMER_STEP(consultation.start());
        customer::DocumentsPanel *panel = consultation.documentsPanel();
        QVERIFY(panel->isVisible());
        QVERIFY(panel->sendButton()->isEnabled());
        const QByteArray pdf = pdfWithPages({Qt::yellow, Qt::cyan});
        const QString path = consultation.writeFile(QStringLiteral("Gehaltsnachweis.pdf"), pdf);
        QVERIFY(!path.isEmpty());
        Announced announced;
        QVERIFY2(dropFiles(consultation.page(), {path}), "the page did not take the dropped file");

        ConsultationDocuments *theirs = consultation.advisorDocuments();
        QTRY_VERIFY_WITH_TIMEOUT(documentNamed(theirs->documents(), QStringLiteral("Gehaltsnachweis.pdf")), 20000);
        const ConsultationDocument arrived = *documentNamed(theirs->documents(), QStringLiteral("Gehaltsnachweis.pdf"));
        QCOMPARE(arrived.from, wire::PARTY_CUSTOMER);
        QCOMPARE(arrived.size, qint64(pdf.size()));
        // The customer's list shows it as theirs, and says it arrived.
        QTRY_VERIFY(panel->documentLabelFor(arrived.id));
        QCOMPARE(panel->documentLabelFor(arrived.id)->text(), QStringLiteral("Gehaltsnachweis.pdf"));
        QTRY_VERIFY(panel->statusLabel()->isVisible());
        QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("Gehaltsnachweis.pdf")));
        QVERIFY(announced.contains(QStringLiteral("„Gehaltsnachweis.pdf“ ist angekommen")));
        const QString details = panel->detailsLabelFor(arrived.id)->text();
        QVERIFY2(details.startsWith(QStringLiteral("von Ihnen")), qPrintable(details));

        // The advisor downloads it: the same bytes.
        const QString target = consultation.files.filePath(QStringLiteral("beim-berater.pdf"));
        QSignalSpy saved(theirs, &ConsultationDocuments::downloadFinished);
        QVERIFY(theirs->download(arrived.id, target) != 0);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 20000);
        QCOMPARE(readAll(target), pdf);
    }

    void aFileDroppedOnTheChatInputIsSentNotTyped()
    {
        ExchangeConsultation consultation;
        CUSTOMER_STEP(consultation.start());
        const QString path = consultation.writeFile(QStringLiteral("Ausweis.png"), encodedImage(QSize(60, 40), "png"));
        QVERIFY(dropFiles(consultation.page()->input()->viewport(), {path}));
        QTRY_COMPARE_WITH_TIMEOUT(consultation.advisorDocuments()->documents().size(), 1, 20000);
        QCOMPARE(consultation.advisorDocuments()->documents().first().name, QStringLiteral("Ausweis.png"));
        QVERIFY(consultation.page()->input()->toPlainText().isEmpty());
    }

    void aPngFromTheAdvisorIsSavedThroughThePageByteIdentical()
    {
        ExchangeConsultation consultation;
        CUSTOMER_STEP(consultation.start());
        const QByteArray png = encodedImage(QSize(320, 200), "png");
        const QString path = consultation.writeFile(QStringLiteral("Tilgungsplan.png"), png);
        Announced announced;
        QVERIFY(consultation.advisorDocuments()->upload(path) != 0);
        customer::DocumentsPanel *panel = consultation.documentsPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->documents()->documents().size(), 1, 20000);
        const ConsultationDocument document = panel->documents()->documents().first();
        QTRY_VERIFY(panel->saveButtonFor(document.id));
        QCOMPARE(panel->documentLabelFor(document.id)->text(), QStringLiteral("Tilgungsplan.png"));
        QVERIFY(announced.contains(QStringLiteral("Anna Berger hat Ihnen eine Datei geschickt: Tilgungsplan.png")));
        const QString details = panel->detailsLabelFor(document.id)->text();
        QVERIFY2(details.startsWith(QStringLiteral("vom Berater")), qPrintable(details));

        // Nothing is written before the customer chose where.
        QTemporaryDir saveTo;
        QCOMPARE(QDir(saveTo.path()).entryList(QDir::Files).size(), 0);
        const QString target = saveTo.filePath(QStringLiteral("mein-plan.png"));
        const auto asked = answerFilesWith(panel->fileChooser(), {target});
        QTest::mouseClick(panel->saveButtonFor(document.id), Qt::LeftButton);
        QCOMPARE(asked->kind, FileQuestion::Kind::Save);
        QCOMPARE(asked->suggestedName, QStringLiteral("Tilgungsplan.png"));
        QTRY_VERIFY_WITH_TIMEOUT(panel->statusLabel()->text().contains(QStringLiteral("mein-plan.png")), 20000);
        QCOMPARE(readAll(target), png);
        QCOMPARE(QDir(saveTo.path()).entryList(QDir::Files), QStringList{QStringLiteral("mein-plan.png")});
    }

    void cancellingTheDialogSavesNothing()
    {
        ExchangeConsultation consultation;
        CUSTOMER_STEP(consultation.start());
        const QString path = consultation.writeFile(QStringLiteral("Plan.png"), encodedImage(QSize(64, 64), "png"));
        QVERIFY(consultation.advisorDocuments()->upload(path) != 0);
        customer::DocumentsPanel *panel = consultation.documentsPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->documents()->documents().size(), 1, 20000);
        const QString id = panel->documents()->documents().first().id;
        QTRY_VERIFY(panel->saveButtonFor(id));
        answerFilesWith(panel->fileChooser(), {}); // the customer cancelled
        QSignalSpy started(panel->documents(), &ConsultationDocuments::transferStarted);
        QTest::mouseClick(panel->saveButtonFor(id), Qt::LeftButton);
        QVERIFY(panel->documents()->transfers().isEmpty());
        QCOMPARE(started.size(), 0);
        QVERIFY(!panel->statusLabel()->isVisible());
    }

    // U2: the type is judged by content; an executable is refused on the customer's computer.
    void anExecutableNamedPdfIsRefusedWithItsReasonAndNothingIsSent()
    {
        ExchangeConsultation consultation;
        CUSTOMER_STEP(consultation.start());
        customer::DocumentsPanel *panel = consultation.documentsPanel();
        const QString elf = consultation.writeFile(QStringLiteral("Rechnung.pdf"), elfExecutable());
        answerFilesWith(panel->fileChooser(), {elf});
        Announced announced;
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel->refusalLabel()->isVisible(), 10000);
        const QString reason = panel->refusalLabel()->text();
        QVERIFY2(reason.contains(QStringLiteral("Rechnung.pdf")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("Diese Datei ist kein PDF-, PNG- oder JPEG-Dokument.")),
                 qPrintable(reason));
        QVERIFY(announced.contains(QStringLiteral("kein PDF-, PNG- oder JPEG-Dokument")));
        QVERIFY(panel->documents()->transfers().isEmpty());

        // A good file sent afterwards is the first and only one the advisor gets: the refused one
        // never left (the server would have listed it before, messages keep their order).
        const QString good = consultation.writeFile(QStringLiteral("Ausweis.png"), encodedImage(QSize(80, 50), "png"));
        answerFilesWith(panel->fileChooser(), {good});
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(consultation.advisorDocuments()->documents().size(), 1, 20000);
        QCOMPARE(consultation.advisorDocuments()->documents().first().name, QStringLiteral("Ausweis.png"));
        QVERIFY(!panel->refusalLabel()->isVisible()); // a new try clears the old refusal
    }

    // U1: beyond the limit, refused naming the limit, before a byte is sent.
    void aFileOverTheLimitIsRefusedNamingTheLimit()
    {
        ExchangeConsultation consultation;
        CUSTOMER_STEP(consultation.start());
        customer::DocumentsPanel *panel = consultation.documentsPanel();
        QVERIFY2(panel->limitsLabel()->text().contains(QStringLiteral("höchstens 10 MB pro Datei")),
                 qPrintable(panel->limitsLabel()->text()));
        QVERIFY2(panel->limitsLabel()->text().contains(QStringLiteral("bis zu 20 Dateien")),
                 qPrintable(panel->limitsLabel()->text()));
        QByteArray big = pdfWithPages({Qt::white});
        big.append(QByteArray(10 * 1024 * 1024 + 1 - big.size(), ' '));
        const QString path = consultation.writeFile(QStringLiteral("Scan.pdf"), big);
        QVERIFY(dropFiles(consultation.page(), {path}));
        QTRY_VERIFY_WITH_TIMEOUT(panel->refusalLabel()->isVisible(), 10000);
        QVERIFY2(panel->refusalLabel()->text().contains(QStringLiteral("Die Datei ist größer als 10 MB.")),
                 qPrintable(panel->refusalLabel()->text()));
        QVERIFY(consultation.advisorDocuments()->documents().isEmpty());
    }

    void aRunningUploadShowsItsProgressAndAbbrechenStopsIt()
    {
        ExchangeConsultation consultation;
        // 2 Mbit/s up: a 3 MB file takes about 12 s, long enough to watch it and stop it.
        CUSTOMER_STEP(consultation.start(true));
        consultation.scenario.link()->setDirections({2'000'000, 5, 0}, {});
        customer::DocumentsPanel *panel = consultation.documentsPanel();
        const QByteArray png = noisyPng(QSize(1000, 1000));
        QVERIFY(png.size() > 2'000'000);
        const QString path = consultation.writeFile(QStringLiteral("Kontoauszug.png"), png);
        QSignalSpy started(panel->documents(), &ConsultationDocuments::transferStarted);
        QVERIFY(dropFiles(consultation.page(), {path}));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
        const quint32 transfer = started.first().first().toUInt();
        QTRY_VERIFY(panel->progressBarFor(transfer));
        const QPointer<QProgressBar> bar = panel->progressBarFor(transfer);
        QTRY_VERIFY_WITH_TIMEOUT(!bar || bar->value() > 0, 10000);
        QVERIFY2(bar, qPrintable(panel->refusalLabel()->text()));
        QVERIFY(bar->value() < bar->maximum());
        QVERIFY(bar->isVisible());
        QPushButton *cancel = panel->cancelButtonFor(transfer);
        QVERIFY(cancel && cancel->isVisible());
        QCOMPARE(cancel->text(), QStringLiteral("Abbrechen"));
        QSignalSpy cancelled(panel->documents(), &ConsultationDocuments::transferCancelled);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, 10000);
        QVERIFY(!panel->progressBarFor(transfer));
        QVERIFY(panel->documents()->transfers().isEmpty());
        // Then a small file: the advisor's first and only document, so nothing of the cancelled one came.
        const QString small = consultation.writeFile(QStringLiteral("Notiz.png"), encodedImage(QSize(40, 40), "png"));
        QVERIFY(dropFiles(consultation.page(), {small}));
        QTRY_COMPARE_WITH_TIMEOUT(consultation.advisorDocuments()->documents().size(), 1, 20000);
        QCOMPARE(consultation.advisorDocuments()->documents().first().name, QStringLiteral("Notiz.png"));
    }

    // Seed 002: "... werden am Ende des Gespräches im System gelöscht."
    void thePageSaysTheFilesAreDeletedAtTheEnd()
    {
        ExchangeConsultation consultation;
        CUSTOMER_STEP(consultation.start());
        QLabel *deletion = consultation.documentsPanel()->deletionLabel();
        QVERIFY(deletion->isVisible());
        QVERIFY(
            deletion->text().contains(QStringLiteral("Am Ende der Beratung werden alle Dateien im System gelöscht.")));
        consultation.app->language.setLanguage(QStringLiteral("en"));
        QTRY_VERIFY(deletion->text().contains(QStringLiteral("deleted")));
    }
};

CUSTOMER_TEST_MAIN(TestCustomerDocuments)
#include "TestCustomerDocuments.moc"
