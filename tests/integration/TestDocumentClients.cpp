// The documents part of a consultation between the two clients (seed 002) through a real server on
// loopback with real TLS: files chosen on either side arrive byte for byte in the file the other
// side chose; what the shared content check or the consultation's limits refuse is refused by the
// sending client before a byte leaves (U1-U4); the server's own refusals reach the part as its
// Refusal; cancels, removal by the advisor only (S6), and a cut line in the middle of an upload. The
// clients add the ConsultationDocuments themselves when the consultation begins.
#include "client/documents/ConsultationDocuments.h"
#include "support/EpollTestMain.h"
#include "support/Scenario.h"
#include "support/TestFiles.h"

#include "stats/StatisticsStore.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>

using namespace consult;
using namespace consult::testing;
using Refusal = ConsultationDocuments::Refusal;

namespace {

// A small but complete PDF (one page, one line of text) with a correct xref; `padding` bytes of a
// comment after the header make it as large as a test needs while it stays a valid PDF.
QByteArray pdf(const QByteArray &text, qsizetype padding = 0)
{
    const QByteArray stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray file = "%PDF-1.4\n";
    if (padding > 0)
        file += '%' + QByteArray(padding, ' ') + '\n';
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets.append(file.size());
        file += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = file.size();
    file += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        file += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    file += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
            QByteArray::number(xref) + "\n%%EOF\n";
    return file;
}

// A PNG of random pixels: incompressible, so its size follows its pixels (many chunks).
QByteArray noisyPng(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator random(12);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            line[x] = random.generate() | 0xff000000u;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Counts the Error envelopes a client receives: an offer the server saw would be answered by one.
struct ErrorCount
{
    explicit ErrorCount(ClientConnection &connection)
    {
        QObject::connect(&connection, &ClientConnection::envelopeReceived, &context,
                         [this](const wire::Envelope &envelope) {
                             if (envelope.body_case() == wire::Envelope::kError)
                                 ++errors;
                         });
    }
    QObject context;
    int errors = 0;
};

// The feature masks of the completed consultations in the statistics, oldest first.
QList<int> completedFeatures(TestServer &server)
{
    QList<int> features;
    auto query = server.database().exec(
        QStringLiteral("SELECT features FROM statistics WHERE outcome = 'completed' ORDER BY rowid"));
    if (!query.ok())
        return {-1};
    while (query.value().next())
        features.append(query.value().value(0).toInt());
    return features;
}

// A running consultation with both documents parts and a folder for the files both sides choose.
struct Exchange
{
    explicit Exchange(const Scenario::Configure &configure = {})
        : scenario(configure)
    {}

    Scenario scenario;
    QTemporaryDir folder;
    TestConsultation *consultation = nullptr;
    ConsultationDocuments *advisor = nullptr;
    ConsultationDocuments *customer = nullptr;

    bool start(Route advisorRoute = Route::Direct, Route customerRoute = Route::Direct)
    {
        if (!folder.isValid() || !scenario.start())
            return false;
        ConsultationSpec spec;
        spec.advisor.route = advisorRoute;
        spec.customer.route = customerRoute;
        consultation = scenario.consultation(spec);
        if (!consultation)
            return false;
        advisor = consultation->atAdvisor()->part<ConsultationDocuments>();
        customer = consultation->customer->consultation()->part<ConsultationDocuments>();
        return advisor && customer;
    }

    // A file as the user picks it in the file dialog.
    QString file(const QString &name, const QByteArray &bytes) const
    {
        const QString path = folder.filePath(name);
        return writeFile(path, bytes) ? path : QString();
    }

    // Both sides list `count` documents.
    static bool listed(const ConsultationDocuments *side, int count) { return side->documents().size() == count; }
};

} // namespace

class TestDocumentClients final : public QObject
{
    Q_OBJECT
private slots:
    void bothClientsGiveEachConsultationItsDocuments()
    {
        Exchange exchange;
        QVERIFY(exchange.start());
        QVERIFY(exchange.advisor->documents().isEmpty());
        QCOMPARE(exchange.advisor->limits().max_files(), 20u); // ConsultationStarted.document_limits
        QCOMPARE(exchange.customer->limits().max_file_bytes(), quint64(10 * 1024 * 1024));
    }

    void aPdfFromTheCustomerAndAPngFromTheAdvisorArriveByteForByte()
    {
        Exchange exchange;
        QVERIFY(exchange.start());
        const QByteArray contract = pdf("Vertrag Mustermann", 200'000); // several chunks
        const QByteArray photo = encodedImage(QSize(640, 480), "png");

        QSignalSpy customerFinished(exchange.customer, &ConsultationDocuments::uploadFinished);
        QSignalSpy customerProgress(exchange.customer, &ConsultationDocuments::transferProgress);
        const quint32 upload = exchange.customer->upload(exchange.file(QStringLiteral("Vertrag.pdf"), contract));
        QVERIFY(upload != 0);
        CONSULT_WAIT_FOR(customerFinished.size() == 1, 10000);
        QCOMPARE(customerFinished.first().at(0).toUInt(), upload);
        QVERIFY(!customerProgress.isEmpty());
        QCOMPARE(customerProgress.last().at(1).toLongLong(), contract.size());
        CONSULT_WAIT_FOR(Exchange::listed(exchange.advisor, 1), 10000);
        const ConsultationDocument atAdvisor = exchange.advisor->documents().first();
        QCOMPARE(atAdvisor.id, customerFinished.first().at(1).toString());
        QCOMPARE(atAdvisor.name, QStringLiteral("Vertrag.pdf"));
        QCOMPARE(atAdvisor.type, wire::DOCUMENT_TYPE_PDF);
        QCOMPARE(atAdvisor.size, contract.size());
        QCOMPARE(atAdvisor.from, wire::PARTY_CUSTOMER);
        QVERIFY(exchange.customer->transfers().isEmpty());

        QSignalSpy advisorSaved(exchange.advisor, &ConsultationDocuments::downloadFinished);
        const QString savedContract = exchange.folder.filePath(QStringLiteral("beim-berater.pdf"));
        const quint32 download = exchange.advisor->download(atAdvisor.id, savedContract);
        QVERIFY(download != 0);
        CONSULT_WAIT_FOR(advisorSaved.size() == 1, 10000);
        QCOMPARE(advisorSaved.first().at(0).toUInt(), download);
        QCOMPARE(advisorSaved.first().at(1).toString(), savedContract);
        QCOMPARE(readFile(savedContract), contract);

        QSignalSpy advisorFinished(exchange.advisor, &ConsultationDocuments::uploadFinished);
        QVERIFY(exchange.advisor->upload(exchange.file(QStringLiteral("Übersicht.png"), photo)) != 0);
        CONSULT_WAIT_FOR(advisorFinished.size() == 1, 10000);
        CONSULT_WAIT_FOR(Exchange::listed(exchange.customer, 2), 10000);
        const ConsultationDocument atCustomer = exchange.customer->documents().last();
        QCOMPARE(atCustomer.type, wire::DOCUMENT_TYPE_PNG);
        QCOMPARE(atCustomer.from, wire::PARTY_ADVISOR);
        QCOMPARE(atCustomer.name, QStringLiteral("Übersicht.png"));
        QSignalSpy customerSaved(exchange.customer, &ConsultationDocuments::downloadFinished);
        const QString savedPhoto = exchange.folder.filePath(QStringLiteral("beim-kunden.png"));
        exchange.customer->download(atCustomer.id, savedPhoto);
        CONSULT_WAIT_FOR(customerSaved.size() == 1, 10000);
        QCOMPARE(readFile(savedPhoto), photo);
    }

    void whatTheSenderRefusesNeverLeavesItsClient()
    {
        // U1-U4 on the sender's side: the server would answer an offer of each of these with an
        // Error; none comes, and the valid file after them is the only one the server ever held.
        Exchange exchange([](ServerConfig &config) {
            config.documentsMaxFileBytes = 100'000;
            config.documentsMaxFiles = 1;
        });
        QVERIFY(exchange.start());
        ErrorCount customerErrors(exchange.consultation->customer->connection());
        QSignalSpy refused(exchange.customer, &ConsultationDocuments::refused);
        QSignalSpy progress(exchange.customer, &ConsultationDocuments::transferProgress);
        const auto expectRefusal = [&](const QString &path, Refusal refusal, const QString &detail) {
            const auto before = refused.size();
            const quint32 id = exchange.customer->upload(path);
            QVERIFY(id != 0);
            CONSULT_WAIT_FOR(refused.size() == before + 1, 10000);
            QCOMPARE(refused.last().at(0).toUInt(), id);
            QCOMPARE(refused.last().at(1).value<Refusal>(), refusal);
            if (!detail.isEmpty())
                QCOMPARE(refused.last().at(2).toString(), detail);
            QVERIFY(exchange.customer->transfers().isEmpty());
        };
        QByteArray executable("MZ\x90\x00\x03\x00\x00\x00", 8);
        executable += QByteArray(4000, 'x');
        expectRefusal(exchange.file(QStringLiteral("Rechnung.pdf"), executable), Refusal::NotAllowedType,
                      QStringLiteral("type"));
        expectRefusal(exchange.file(QStringLiteral("Gross.pdf"), pdf("gross", 150'000)), Refusal::TooBig,
                      QStringLiteral("file_bytes"));
        expectRefusal(exchange.file(QStringLiteral("Geheim.pdf"), encryptedPdf("geheim")), Refusal::ContentRefused,
                      QStringLiteral("encrypted"));
        expectRefusal(exchange.folder.filePath(QStringLiteral("gibt-es-nicht.pdf")), Refusal::FileUnreadable, {});
        QVERIFY(progress.isEmpty()); // not a byte of them was handed to the connection

        // The one file the consultation may hold, then one more: refused here, by the count.
        QSignalSpy finished(exchange.customer, &ConsultationDocuments::uploadFinished);
        const QByteArray letter = pdf("Brief");
        exchange.customer->upload(exchange.file(QStringLiteral("Brief.pdf"), letter));
        CONSULT_WAIT_FOR(finished.size() == 1, 10000);
        CONSULT_WAIT_FOR(Exchange::listed(exchange.advisor, 1), 10000);
        expectRefusal(exchange.file(QStringLiteral("Noch einer.pdf"), pdf("noch einer")), Refusal::TooMany,
                      QStringLiteral("files"));
        verifyTalksBothWays(*exchange.consultation); // anything sent before this line has been answered
        QCOMPARE(customerErrors.errors, 0);
        QCOMPARE(exchange.scenario.server().core().documents().heldBytes(), letter.size());
        QCOMPARE(exchange.scenario.server().core().documents().uploadCount(), 0);
    }

    void theServersRefusalReachesThePartAsItsRefusal()
    {
        // The server's global quota ([documents] max_server_bytes) is one limit the client cannot know.
        Exchange exchange([](ServerConfig &config) { config.documentsMaxServerBytes = 50'000; });
        QVERIFY(exchange.start());
        QSignalSpy refused(exchange.customer, &ConsultationDocuments::refused);
        QSignalSpy finished(exchange.customer, &ConsultationDocuments::uploadFinished);
        const quint32 id = exchange.customer->upload(exchange.file(QStringLiteral("Gehalt.pdf"), pdf("x", 60'000)));
        QVERIFY(id != 0);
        CONSULT_WAIT_FOR(refused.size() == 1, 10000);
        QCOMPARE(refused.first().at(0).toUInt(), id);
        QCOMPARE(refused.first().at(1).value<Refusal>(), Refusal::ServerFull);
        QCOMPARE(refused.first().at(2).toString(), QStringLiteral("server_bytes"));
        QVERIFY(exchange.customer->transfers().isEmpty());
        QVERIFY(finished.isEmpty());
        verifyTalksBothWays(*exchange.consultation);
        QCOMPARE(exchange.scenario.server().core().documents().heldBytes(), 0);
        QVERIFY(exchange.advisor->documents().isEmpty());
    }

    void aCancelledUploadLeavesNothingOnTheServer()
    {
        Exchange exchange;
        QVERIFY(exchange.start());
        const QByteArray big = pdf("gross", 3'000'000);
        QSignalSpy cancelled(exchange.customer, &ConsultationDocuments::transferCancelled);
        QSignalSpy finished(exchange.customer, &ConsultationDocuments::uploadFinished);
        quint32 id = 0;
        // Cancelled from the first progress, as a view's button does: under the sender's own callback.
        connect(exchange.customer, &ConsultationDocuments::transferProgress, this,
                [&](quint32 transferId) { exchange.customer->cancel(transferId); });
        id = exchange.customer->upload(exchange.file(QStringLiteral("Gross.pdf"), big));
        QVERIFY(id != 0);
        CONSULT_WAIT_FOR(cancelled.size() == 1, 10000);
        QCOMPARE(cancelled.first().at(0).toUInt(), id);
        QVERIFY(exchange.customer->transfers().isEmpty());
        CONSULT_WAIT_FOR(exchange.scenario.server().core().documents().uploadCount() == 0, 10000);
        disconnect(exchange.customer, &ConsultationDocuments::transferProgress, this, nullptr);

        // The next upload goes through; the advisor only ever hears of that one.
        const QByteArray small = pdf("klein");
        exchange.customer->upload(exchange.file(QStringLiteral("Klein.pdf"), small));
        CONSULT_WAIT_FOR(finished.size() == 1, 10000);
        CONSULT_WAIT_FOR(Exchange::listed(exchange.advisor, 1), 10000);
        QCOMPARE(exchange.advisor->documents().first().name, QStringLiteral("Klein.pdf"));
        QCOMPARE(exchange.scenario.server().core().documents().heldBytes(), small.size());
        QVERIFY(finished.first().at(0).toUInt() != id);
    }

    void aDownloadThatDoesNotMatchItsChecksumWritesNothing()
    {
        // C4: the advisor's part gets the document's bytes wrong (a chunk injected where the
        // client's routing delivers them, ahead of the server's); nothing is written, not even a
        // temporary file, and the download is refused.
        Exchange exchange;
        QVERIFY(exchange.start());
        const QByteArray letter = pdf("Brief");
        exchange.customer->upload(exchange.file(QStringLiteral("Brief.pdf"), letter));
        CONSULT_WAIT_FOR(Exchange::listed(exchange.advisor, 1), 10000);
        const ConsultationDocument document = exchange.advisor->documents().first();
        const QStringList before = QDir(exchange.folder.path()).entryList(QDir::Files | QDir::Hidden);
        QSignalSpy refused(exchange.advisor, &ConsultationDocuments::refused);
        QSignalSpy saved(exchange.advisor, &ConsultationDocuments::downloadFinished);
        const QString target = exchange.folder.filePath(QStringLiteral("falsch.pdf"));
        const quint32 id = exchange.advisor->download(document.id, target);
        QVERIFY(id != 0);
        QByteArray forged = letter;
        forged[forged.size() / 2] = char(forged[forged.size() / 2] ^ 0x20);
        wire::Envelope chunk;
        chunk.mutable_document_chunk()->set_consultation_id(exchange.consultation->id.toStdString());
        chunk.mutable_document_chunk()->set_transfer_id(id);
        chunk.mutable_document_chunk()->set_offset(0);
        chunk.mutable_document_chunk()->set_data(forged.toStdString());
        QVERIFY(exchange.advisor->dispatch(chunk));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(0).toUInt(), id);
        QCOMPARE(refused.first().at(1).value<Refusal>(), Refusal::ChecksumMismatch);
        verifyTalksBothWays(*exchange.consultation); // the server's real chunks have come meanwhile
        QVERIFY(saved.isEmpty());
        QVERIFY(!QFile::exists(target));
        QCOMPARE(QDir(exchange.folder.path()).entryList(QDir::Files | QDir::Hidden), before);
        QVERIFY(exchange.advisor->transfers().isEmpty());

        // The same document downloaded again is saved as it is.
        exchange.advisor->download(document.id, target);
        CONSULT_WAIT_FOR(saved.size() == 1, 10000);
        QCOMPARE(readFile(target), letter);
    }

    void anUploadCutInTheMiddleArrivesByteForByte()
    {
        // R1: the customer's line is cut (twice) while the chunks travel; after each resume the
        // upload continues exactly after the last numbered chunk.
        Exchange exchange;
        QVERIFY(exchange.start(Route::Direct, Route::CuttingProxy));
        const QByteArray photo = noisyPng(QSize(1000, 1000)); // about 3 MB: about 90 chunks
        QSignalSpy finished(exchange.customer, &ConsultationDocuments::uploadFinished);
        int cuts = 0;
        connect(exchange.customer, &ConsultationDocuments::transferProgress, this,
                [&](quint32, qint64 done, qint64 total) {
                    if (total > 0 && done < total && done * 3 > total * (cuts + 1) && cuts < 2) {
                        ++cuts;
                        QMetaObject::invokeMethod(
                            this, [&exchange] { exchange.scenario.proxy().cutAll(); }, Qt::QueuedConnection);
                    }
                });
        QVERIFY(exchange.customer->upload(exchange.file(QStringLiteral("Foto.png"), photo)) != 0);
        CONSULT_WAIT_FOR(finished.size() == 1, 30000);
        QVERIFY2(cuts >= 1, qPrintable(QString::number(cuts)));
        CONSULT_WAIT_FOR(Exchange::listed(exchange.advisor, 1), 10000);
        QSignalSpy saved(exchange.advisor, &ConsultationDocuments::downloadFinished);
        const QString target = exchange.folder.filePath(QStringLiteral("foto-beim-berater.png"));
        exchange.advisor->download(exchange.advisor->documents().first().id, target);
        CONSULT_WAIT_FOR(saved.size() == 1, 30000);
        QCOMPARE(readFile(target), photo);
    }

    void aDownloadCutInTheMiddleArrivesByteForByte()
    {
        // The server's side of a resume: its delivery goes on after the last chunk it numbered.
        Exchange exchange;
        QVERIFY(exchange.start(Route::CuttingProxy, Route::Direct));
        const QByteArray photo = noisyPng(QSize(1000, 1000));
        exchange.customer->upload(exchange.file(QStringLiteral("Foto.png"), photo));
        CONSULT_WAIT_FOR(Exchange::listed(exchange.advisor, 1), 30000);
        QSignalSpy saved(exchange.advisor, &ConsultationDocuments::downloadFinished);
        int cuts = 0;
        connect(exchange.advisor, &ConsultationDocuments::transferProgress, this,
                [&](quint32, qint64 done, qint64 total) {
                    if (total > 0 && done < total && done * 3 > total * (cuts + 1) && cuts < 2) {
                        ++cuts;
                        QMetaObject::invokeMethod(
                            this, [&exchange] { exchange.scenario.proxy().cutAll(); }, Qt::QueuedConnection);
                    }
                });
        const QString target = exchange.folder.filePath(QStringLiteral("foto.png"));
        exchange.advisor->download(exchange.advisor->documents().first().id, target);
        CONSULT_WAIT_FOR(saved.size() == 1, 30000);
        QVERIFY2(cuts >= 1, qPrintable(QString::number(cuts)));
        QCOMPARE(readFile(target), photo);
    }

    void aCancelledDownloadWritesNothing()
    {
        Exchange exchange;
        QVERIFY(exchange.start());
        exchange.customer->upload(exchange.file(QStringLiteral("Gross.pdf"), pdf("gross", 3'000'000)));
        CONSULT_WAIT_FOR(Exchange::listed(exchange.advisor, 1), 30000);
        QSignalSpy cancelled(exchange.advisor, &ConsultationDocuments::transferCancelled);
        QSignalSpy saved(exchange.advisor, &ConsultationDocuments::downloadFinished);
        // Cancelled from its first progress, as a view's button does.
        connect(exchange.advisor, &ConsultationDocuments::transferProgress, this,
                [&](quint32 transferId) { exchange.advisor->cancel(transferId); });
        const QString target = exchange.folder.filePath(QStringLiteral("abgebrochen.pdf"));
        const quint32 id = exchange.advisor->download(exchange.advisor->documents().first().id, target);
        CONSULT_WAIT_FOR(cancelled.size() == 1, 10000);
        QCOMPARE(cancelled.first().at(0).toUInt(), id);
        CONSULT_WAIT_FOR(exchange.scenario.server().core().documents().downloadCount() == 0, 10000);
        verifyTalksBothWays(*exchange.consultation);
        QVERIFY(saved.isEmpty());
        QVERIFY(!QFile::exists(target));
        QVERIFY(exchange.advisor->transfers().isEmpty());
    }

    void aColleagueWhoTakesOverSeesEveryDocument()
    {
        Exchange exchange;
        QVERIFY(exchange.start());
        const QByteArray contract = pdf("Vertrag");
        const QByteArray photo = encodedImage(QSize(320, 240), "png");
        exchange.customer->upload(exchange.file(QStringLiteral("Vertrag.pdf"), contract));
        CONSULT_WAIT_FOR(Exchange::listed(exchange.customer, 1), 10000);
        exchange.advisor->upload(exchange.file(QStringLiteral("Skizze.png"), photo));
        CONSULT_WAIT_FOR(Exchange::listed(exchange.customer, 2), 10000);
        AdvisorClient *bernd = exchange.scenario.advisor(AdvisorSpec::named(QStringLiteral("bernd")));
        QVERIFY(bernd);
        const QString id = exchange.consultation->id;
        exchange.consultation->advisor->transfer(id, QStringLiteral("bernd"));
        CONSULT_WAIT_FOR(bernd->consultation(id) != nullptr, 10000);
        ConsultationDocuments *atBernd = bernd->consultation(id)->part<ConsultationDocuments>();
        QVERIFY(atBernd);
        CONSULT_WAIT_FOR(Exchange::listed(atBernd, 2), 10000);
        QCOMPARE(atBernd->documents().at(0).name, QStringLiteral("Vertrag.pdf"));
        QCOMPARE(atBernd->documents().at(1).from, wire::PARTY_ADVISOR);
        QSignalSpy saved(atBernd, &ConsultationDocuments::downloadFinished);
        const QString target = exchange.folder.filePath(QStringLiteral("bei-bernd.png"));
        atBernd->download(atBernd->documents().at(1).id, target);
        CONSULT_WAIT_FOR(saved.size() == 1, 10000);
        QCOMPARE(readFile(target), photo);
        // The customer's part is the same one: the list is not doubled by the hand-over.
        QCOMPARE(exchange.customer->documents().size(), 2);
        QCOMPARE(exchange.consultation->customer->consultation()->part<ConsultationDocuments>(), exchange.customer);
    }

    void onlyTheAdvisorRemovesADocument()
    {
        Exchange exchange;
        QVERIFY(exchange.start());
        exchange.customer->upload(exchange.file(QStringLiteral("Falsch.pdf"), pdf("versehentlich")));
        CONSULT_WAIT_FOR(Exchange::listed(exchange.advisor, 1), 10000);
        CONSULT_WAIT_FOR(Exchange::listed(exchange.customer, 1), 10000);
        const QString id = exchange.customer->documents().first().id;

        // S6: the customer's part does not even ask; the document stays.
        QSignalSpy customerRefused(exchange.customer, &ConsultationDocuments::refused);
        exchange.customer->remove(id);
        CONSULT_WAIT_FOR(customerRefused.size() == 1, 5000);
        QCOMPARE(customerRefused.first().at(0).toUInt(), 0u);
        QCOMPARE(customerRefused.first().at(1).value<Refusal>(), Refusal::NotAllowed);
        verifyTalksBothWays(*exchange.consultation);
        QVERIFY(!exchange.advisor->documents().first().removed);
        QVERIFY(exchange.scenario.server().core().documents().heldBytes() > 0);

        QSignalSpy customerChanged(exchange.customer, &ConsultationDocuments::documentsChanged);
        exchange.advisor->remove(id);
        CONSULT_WAIT_FOR(exchange.customer->documents().first().removed, 10000);
        CONSULT_WAIT_FOR(exchange.advisor->documents().first().removed, 10000);
        QVERIFY(!customerChanged.isEmpty());
        QCOMPARE(exchange.scenario.server().core().documents().heldBytes(), 0);
        // Kept in the list for the summary, but gone: a download is refused without asking.
        QSignalSpy refused(exchange.customer, &ConsultationDocuments::refused);
        const quint32 download = exchange.customer->download(id, exchange.folder.filePath(QStringLiteral("weg.pdf")));
        CONSULT_WAIT_FOR(refused.size() == 1, 5000);
        QCOMPARE(refused.first().at(0).toUInt(), download);
        QCOMPARE(refused.first().at(1).value<Refusal>(), Refusal::NotFound);

        // A second remove of it: the server's NOT_FOUND for ":r<document_id>" reaches the advisor's part.
        QSignalSpy advisorRefused(exchange.advisor, &ConsultationDocuments::refused);
        exchange.advisor->remove(id);
        CONSULT_WAIT_FOR(advisorRefused.size() == 1, 10000);
        QCOMPARE(advisorRefused.first().at(0).toUInt(), 0u);
        QCOMPARE(advisorRefused.first().at(1).value<Refusal>(), Refusal::NotFound);
    }

    void aChatLineOvertakesATenMegabyteUpload()
    {
        // The chunks travel in the bulk class: a line typed during the upload reaches the advisor
        // while the upload is still under way, and the upload completes after it.
        Exchange exchange;
        QVERIFY(exchange.start());
        const QByteArray big = pdf("zehn Megabyte", 10'000'000);
        QSignalSpy finished(exchange.customer, &ConsultationDocuments::uploadFinished);
        const QString line = QStringLiteral("Ich schicke gerade die Unterlagen.");
        ChatModel &advisorChat = exchange.consultation->advisorChat();
        const auto arrived = [&] {
            const QList<ChatLine> lines = advisorChat.lines();
            return std::any_of(lines.cbegin(), lines.cend(),
                               [&](const ChatLine &chatLine) { return !chatLine.own && chatLine.text == line; });
        };
        bool sent = false;
        bool lineBeforeDocument = false;
        QElapsedTimer sending; // from the first numbered chunk to the last
        qint64 sendingMs = 0;
        connect(exchange.customer, &ConsultationDocuments::transferProgress, this,
                [&](quint32, qint64 done, qint64 total) {
                    if (!sending.isValid())
                        sending.start();
                    if (done == total)
                        sendingMs = qMax<qint64>(1, sending.elapsed());
                    if (!sent && done > 0) {
                        sent = true;
                        exchange.consultation->customer->sendChat(line);
                    }
                });
        connect(exchange.advisor, &ConsultationDocuments::documentsChanged, this,
                [&] { lineBeforeDocument = arrived(); });
        QElapsedTimer clock;
        clock.start();
        QVERIFY(exchange.customer->upload(exchange.file(QStringLiteral("Zehn.pdf"), big)) != 0);
        CONSULT_WAIT_FOR(finished.size() == 1, 60000);
        const qint64 elapsedMs = qMax<qint64>(1, clock.elapsed());
        CONSULT_WAIT_FOR(Exchange::listed(exchange.advisor, 1), 10000);
        QVERIFY(sent);
        QVERIFY(lineBeforeDocument);
        qInfo("10 MB upload on loopback, file chosen to available: %lld ms, %.1f MB/s; chunks numbered: %lld ms, "
              "%.1f MB/s",
              elapsedMs, double(big.size()) / 1e6 / (double(elapsedMs) / 1000.0), sendingMs,
              double(big.size()) / 1e6 / (double(sendingMs) / 1000.0));
    }

    void theEndForgetsTheTransfersAndTheStatisticsNoteDocuments()
    {
        // P1: what is under way ends with the consultation; the list stays for the summary. P3: the
        // anonymous statistics record that documents were exchanged.
        Exchange exchange;
        QVERIFY(exchange.start());
        exchange.customer->upload(exchange.file(QStringLiteral("Brief.pdf"), pdf("Brief")));
        CONSULT_WAIT_FOR(Exchange::listed(exchange.advisor, 1), 10000);
        QSignalSpy cancelled(exchange.customer, &ConsultationDocuments::transferCancelled);
        quint32 running = 0;
        connect(exchange.customer, &ConsultationDocuments::transferProgress, this, [&](quint32 id, qint64 done) {
            if (running == 0 && done > 0) {
                running = id;
                exchange.consultation->atAdvisor()->end();
            }
        });
        exchange.customer->upload(exchange.file(QStringLiteral("Gross.pdf"), pdf("gross", 5'000'000)));
        CONSULT_WAIT_FOR(exchange.consultation->customer->consultation()->isEnded(), 10000);
        QVERIFY(running != 0);
        QVERIFY(exchange.customer->transfers().isEmpty());
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(cancelled.first().at(0).toUInt(), running);
        QCOMPARE(exchange.customer->documents().size(), 1);
        QCOMPARE(exchange.customer->upload(exchange.file(QStringLiteral("Spaet.pdf"), pdf("spaet"))), 0u);
        CONSULT_WAIT_FOR(completedFeatures(exchange.scenario.server()).size() == 1, 10000);
        QVERIFY(completedFeatures(exchange.scenario.server()).first() & StatisticsStore::Documents);
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestDocumentClients)
#include "TestDocumentClients.moc"
