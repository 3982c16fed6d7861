// The documents of a consultation in the advisor workstation (issue 12, seed 002), through the real
// widgets against a real in-process server with real TLS and a customer driven through the client
// library: a picture sent with "Datei senden …" reaches the customer byte for byte; a PDF of the
// customer is announced with the badge on "Dokumente & Formulare" and saved through "Speichern …"
// (the sanitised name suggested) byte-identical; a file that is not what its name says and one beyond
// the server's size limit are refused with their reason next to the list, which stays as it was; a
// transfer is cancelled from its row; a file dropped on the chat is sent; "Löschen" asks, then the document is gone for
// both.
#include "MemoryTokenStore.h"
#include "WorkstationFixture.h"
#include "client/documents/ConsultationDocuments.h"
#include "documents/DocumentsPanel.h"
#include "support/FileAnswers.h"
#include "widgets/ChatView.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::CustomerSpec;
using consult::testing::Scenario;

namespace {

constexpr qint64 kMaxFileBytes = 2 * 1024 * 1024; // [documents] max_file_bytes for these tests

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A picture of noise: PNG cannot compress it, so its size follows its side (about 3 bytes a pixel).
bool writeNoisePng(const QString &path, int side)
{
    QImage image(side, side, QImage::Format_RGB32);
    QRandomGenerator random(side); // the same picture every run
    for (int y = 0; y < side; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < side; ++x)
            line[x] = random.generate() | 0xff000000u;
    }
    return image.save(path, "PNG");
}

bool writeLetterPdf(const QString &path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    painter.drawText(QRect(60, 60, 400, 40), Qt::AlignLeft, QStringLiteral("Gehaltsnachweis November 2026"));
    return painter.end();
}

} // namespace

class TestAdvisorDocuments final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_files.isValid());
        m_scenario =
            std::make_unique<Scenario>([](ServerConfig &config) { config.documentsMaxFileBytes = kMaxFileBytes; });
        QVERIFY(m_scenario->start());
        m_scenario->addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
        m_workstation = std::make_unique<Workstation>(*m_scenario, m_vault);
        QVERIFY(m_workstation->logIn(QStringLiteral("anna")));
        m_window = m_workstation->window();
        m_window->waitingAlert()->setSoundEnabled(false);
        m_window->activateWindow();
        m_customer = m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Erika Mustermann")));
        QVERIFY(m_customer);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 1, 5000);
        QTest::mouseClick(m_window->queuePanel()->takeNextButton(), Qt::LeftButton);
        QVERIFY(m_scenario->awaitConsulting(*m_workstation->client(), *m_customer));
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Erika Mustermann")), 5000);
        m_consultation = panelOf(m_window, QStringLiteral("Erika Mustermann"));
        m_panel = m_consultation->documentsPanel();
        QVERIFY(m_panel);
        QVERIFY(m_panel->documents());
        m_theirs = m_customer->consultation()->part<ConsultationDocuments>();
        QVERIFY(m_theirs);
        // The area waits behind its button, so the chat keeps its width.
        QVERIFY(!m_consultation->exchangeArea()->isVisible());
    }
    void cleanup()
    {
        m_panel = nullptr;
        m_theirs = nullptr;
        m_consultation = nullptr;
        m_workstation.reset();
        m_scenario.reset();
    }

    void thePanelShowsTheConsultationsLimits()
    {
        showArea();
        QCOMPARE(m_panel->hintLabel()->text(), QStringLiteral("PDF, PNG, JPEG · bis 2 MB · höchstens 20 Dateien"));
    }

    void aPictureSentThroughTheDialogReachesTheCustomerByteForByte()
    {
        const QString path = m_files.filePath(QStringLiteral("Grundriss.png"));
        QVERIFY(writeNoisePng(path, 300));
        showArea();
        const auto asked = answerFilesWith(m_panel->fileChooser(), {path});
        QTest::mouseClick(m_panel->sendButton(), Qt::LeftButton);
        QCOMPARE(asked->kind, FileQuestion::Kind::OpenMany);

        QTRY_COMPARE_WITH_TIMEOUT(m_theirs->documents().size(), 1, 20000);
        const ConsultationDocument document = m_theirs->documents().first();
        QCOMPARE(document.name, QStringLiteral("Grundriss.png"));
        QCOMPARE(document.type, wire::DOCUMENT_TYPE_PNG);
        QCOMPARE(document.from, wire::PARTY_ADVISOR);
        // The advisor's list: the document with its type, size and "Sie".
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->list()->topLevelItemCount(), 1, 10000);
        const QTreeWidgetItem *row = m_panel->list()->topLevelItem(0);
        QCOMPARE(row->text(0), QStringLiteral("Grundriss.png"));
        QCOMPARE(row->text(1), QStringLiteral("PNG"));
        QCOMPARE(row->text(3), QStringLiteral("Sie"));
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->messageLabel()->text().contains(QStringLiteral("gesendet")), 10000);

        // The customer saves it: the same bytes.
        const QString saved = m_files.filePath(QStringLiteral("beim-kunden.png"));
        QSignalSpy downloaded(m_theirs, &ConsultationDocuments::downloadFinished);
        QVERIFY(m_theirs->download(document.id, saved) != 0);
        QTRY_COMPARE_WITH_TIMEOUT(downloaded.size(), 1, 20000);
        QCOMPARE(readAll(saved), readAll(path));
    }

    void aPdfOfTheCustomerIsAnnouncedAndSavedByteIdentical()
    {
        const QString path = m_files.filePath(QStringLiteral("Gehaltsnachweis.pdf"));
        QVERIFY(writeLetterPdf(path));
        QVERIFY(m_theirs->upload(path) != 0);
        // The area is hidden: its button counts what arrived.
        QTRY_COMPARE_WITH_TIMEOUT(m_consultation->exchangeBadge(), 1, 20000);
        QVERIFY(m_consultation->exchangeButton()->text().contains(QStringLiteral("(1)")));
        QCOMPARE(m_panel->list()->topLevelItemCount(), 1);
        QCOMPARE(m_panel->list()->topLevelItem(0)->text(3), QStringLiteral("Kunde"));
        showArea();
        QCOMPARE(m_consultation->exchangeBadge(), 0);
        QVERIFY(!m_consultation->exchangeButton()->text().contains(QStringLiteral("(")));

        // "Speichern …": the dialog suggests the document's name; the advisor picks the place.
        const QString target = m_files.filePath(QStringLiteral("gespeichert.pdf"));
        const auto asked = answerFilesWith(m_panel->fileChooser(), {target});
        m_panel->list()->setCurrentItem(m_panel->list()->topLevelItem(0));
        QVERIFY(m_panel->saveButton()->isEnabled());
        QSignalSpy saved(m_panel->documents(), &ConsultationDocuments::downloadFinished);
        QTest::mouseClick(m_panel->saveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 20000);
        QCOMPARE(asked->kind, FileQuestion::Kind::Save);
        QCOMPARE(asked->suggestedName, QStringLiteral("Gehaltsnachweis.pdf"));
        QCOMPARE(readAll(target), readAll(path));
        QVERIFY(m_panel->messageLabel()->text().startsWith(QStringLiteral("Gespeichert:")));
    }

    void aFileThatIsNotWhatItsNameSaysIsRefusedWithItsReason()
    {
        QVERIFY(writeLetterPdf(m_files.filePath(QStringLiteral("Angebot.pdf"))));
        showArea();
        m_panel->sendFile(m_files.filePath(QStringLiteral("Angebot.pdf")));
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->list()->topLevelItemCount(), 1, 20000);

        const QString fake = m_files.filePath(QStringLiteral("Kontoauszug.pdf"));
        QFile file(fake);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("MZ this is a program, not a statement");
        file.close();
        QSignalSpy refused(m_panel->documents(), &ConsultationDocuments::refused);
        m_panel->sendFile(fake);
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 10000);
        QVERIFY(m_panel->messageLabel()->isVisible());
        const QString reason = m_panel->messageLabel()->text();
        QVERIFY2(reason.contains(QStringLiteral("„Kontoauszug.pdf“")) &&
                     reason.contains(QStringLiteral("PDF, PNG, JPEG")),
                 qPrintable(reason));
        QCOMPARE(m_panel->list()->topLevelItemCount(), 1);
        QCOMPARE(m_theirs->documents().size(), 1);
    }

    void aFileBeyondTheSizeLimitIsRefusedNamingTheLimit()
    {
        const QString big = m_files.filePath(QStringLiteral("Foto.png"));
        QVERIFY(writeNoisePng(big, 900));
        QVERIFY(QFileInfo(big).size() > kMaxFileBytes);
        showArea();
        QSignalSpy refused(m_panel->documents(), &ConsultationDocuments::refused);
        m_panel->sendFile(big);
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 20000);
        QCOMPARE(refused.first().at(1).value<ConsultationDocuments::Refusal>(), ConsultationDocuments::Refusal::TooBig);
        const QString reason = m_panel->messageLabel()->text();
        QVERIFY2(reason.contains(QStringLiteral("zu groß")) && reason.contains(QStringLiteral("2 MB")),
                 qPrintable(reason));
        QCOMPARE(m_panel->list()->topLevelItemCount(), 0);
        QVERIFY(m_theirs->documents().isEmpty());
    }

    void aTransferIsCancelledFromItsRow()
    {
        const QString path = m_files.filePath(QStringLiteral("Lageplan.png"));
        QVERIFY(writeNoisePng(path, 700));
        showArea();
        // "Abbrechen" on the row as soon as it appears, before the file is through.
        bool clicked = false;
        connect(m_panel->documents(), &ConsultationDocuments::transferStarted, this, [&](quint32 id) {
            QPushButton *cancel = m_panel->cancelButtonOf(id);
            QVERIFY(cancel && m_panel->progressOf(id));
            QTest::mouseClick(cancel, Qt::LeftButton);
            clicked = true;
        });
        QSignalSpy cancelled(m_panel->documents(), &ConsultationDocuments::transferCancelled);
        m_panel->sendFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(clicked, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->progressOf(cancelled.first().at(0).toUInt()), 5000);
        QVERIFY(m_panel->messageLabel()->text().contains(QStringLiteral("abgebrochen")));
        // Nothing arrives afterwards: a second, small file gets through and is the only one.
        const QString small = m_files.filePath(QStringLiteral("Notiz.png"));
        QVERIFY(writeNoisePng(small, 40));
        disconnect(m_panel->documents(), &ConsultationDocuments::transferStarted, this, nullptr);
        m_panel->sendFile(small);
        QTRY_COMPARE_WITH_TIMEOUT(m_theirs->documents().size(), 1, 20000);
        QCOMPARE(m_theirs->documents().first().name, QStringLiteral("Notiz.png"));
        QCOMPARE(m_panel->list()->topLevelItemCount(), 1);
    }

    void aFileDroppedOnTheChatIsSentAndTheAreaOpens()
    {
        const QString path = m_files.filePath(QStringLiteral("Skizze.png"));
        QVERIFY(writeNoisePng(path, 80));
        QMimeData files;
        files.setUrls({QUrl::fromLocalFile(path)});
        QWidget *chat = m_consultation->chatView()->viewport();
        const QPointF middle = QRectF(chat->rect()).center();
        QDragEnterEvent enter(middle.toPoint(), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(chat, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(middle, Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(chat, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(m_consultation->exchangeArea()->isVisible());
        QCOMPARE(m_consultation->exchangeArea()->currentWidget(), m_panel);
        QTRY_COMPARE_WITH_TIMEOUT(m_theirs->documents().size(), 1, 20000);
        QCOMPARE(m_theirs->documents().first().name, QStringLiteral("Skizze.png"));
        QCOMPARE(readAll(path).size(), m_theirs->documents().first().size);
    }

    // S6: only the advisor deletes, and only after saying yes.
    void loeschenAsksThenTheDocumentIsGoneForBoth()
    {
        const QString path = m_files.filePath(QStringLiteral("Entwurf.png"));
        QVERIFY(writeNoisePng(path, 60));
        showArea();
        m_panel->sendFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(m_theirs->documents().size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->list()->topLevelItemCount(), 1, 10000);
        m_panel->list()->setCurrentItem(m_panel->list()->topLevelItem(0));
        QVERIFY(m_panel->removeButton()->isEnabled());

        // "Behalten" keeps it.
        answerMessageBox(QStringLiteral("confirmRemoveDocument"), QMessageBox::No);
        QTest::mouseClick(m_panel->removeButton(), Qt::LeftButton);
        QVERIFY(!m_panel->documents()->documents().first().removed);
        QVERIFY(m_panel->removeButton()->isEnabled());

        answerMessageBox(QStringLiteral("confirmRemoveDocument"), QMessageBox::Yes);
        QTest::mouseClick(m_panel->removeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_theirs->documents().first().removed, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->list()->topLevelItem(0)->text(0).contains(QStringLiteral("gelöscht")), 5000);
        m_panel->list()->setCurrentItem(m_panel->list()->topLevelItem(0));
        QVERIFY(!m_panel->saveButton()->isEnabled());
        QVERIFY(!m_panel->removeButton()->isEnabled());
    }

private:
    void showArea()
    {
        if (!m_consultation->exchangeButton()->isChecked())
            QTest::mouseClick(m_consultation->exchangeButton(), Qt::LeftButton);
        QVERIFY(m_consultation->exchangeArea()->isVisible());
        m_consultation->exchangeArea()->setCurrentWidget(m_panel);
    }

    QTemporaryDir m_files;
    MemoryTokenStore m_vault;
    std::unique_ptr<Scenario> m_scenario;
    std::unique_ptr<Workstation> m_workstation;
    MainWindow *m_window = nullptr;
    CustomerClient *m_customer = nullptr;
    ConsultationPanel *m_consultation = nullptr;
    DocumentsPanel *m_panel = nullptr;
    ConsultationDocuments *m_theirs = nullptr;
};

CONSULT_WIDGET_TEST_MAIN(TestAdvisorDocuments)
#include "TestAdvisorDocuments.moc"
