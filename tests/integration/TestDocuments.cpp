// The server's documents on the wire, through a real server with real TLS and raw clients (the
// client part is another unit's): a file from each side reaches the other byte for byte, every
// refusal of the proto's Documents section leaves nothing on disk (U1, U6), names are sanitised, the
// limits are reserved at the offer, uploads and downloads can be cancelled, only the advisor removes
// (S6), a colleague after a transfer sees every document, and at the end nothing of a document is
// left on disk, in the database or in the log while the customer's receipt lists exactly what was
// exchanged (P1, P2). During the consultation the vault holds the content encrypted only.
#include "support/CanarySearch.h"
#include "support/EpollTestMain.h"
#include "support/RawConsultation.h"

#include "consultation/ConsultationService.h"
#include "core/SecureRandom.h"
#include "stats/StatisticsStore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <map>

using namespace consult;
using namespace consult::testing;

namespace {

constexpr int kChunk = 32 * 1024;

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

// A small but complete PDF (one page with one line of text, uncompressed) with a correct xref, so a
// PDF reader opens it: the text is in the file as plain bytes. `padding` bytes of a comment after the
// header make it as large as a test needs (several chunks) while it stays a valid PDF.
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

// A PNG, optionally of random pixels (incompressible: its size follows its pixels), with a comment in
// a tEXt chunk.
QByteArray png(QSize size, const QString &comment = {}, bool noisy = false)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    if (noisy) {
        QRandomGenerator random(7);
        for (int y = 0; y < size.height(); ++y) {
            auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
            for (int x = 0; x < size.width(); ++x)
                line[x] = random.generate() | 0xff000000u;
        }
    }
    if (!comment.isEmpty())
        image.setText(QStringLiteral("Comment"), comment);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

wire::Envelope offerEnvelope(const QString &consultationId, quint32 transferId, const QString &name,
                             wire::DocumentType type, quint64 size, const QByteArray &checksum)
{
    wire::Envelope envelope;
    auto *offer = envelope.mutable_document_offer();
    offer->set_consultation_id(consultationId.toStdString());
    offer->set_transfer_id(transferId);
    offer->set_name(name.toStdString());
    offer->set_type(type);
    offer->set_size(size);
    offer->set_sha256(checksum.toStdString());
    return envelope;
}

wire::Envelope chunkEnvelope(const QString &consultationId, quint32 transferId, qint64 offset, const QByteArray &data)
{
    wire::Envelope envelope;
    auto *chunk = envelope.mutable_document_chunk();
    chunk->set_consultation_id(consultationId.toStdString());
    chunk->set_transfer_id(transferId);
    chunk->set_offset(static_cast<quint64>(offset));
    chunk->set_data(data.toStdString());
    return envelope;
}

void sendChunks(RawClient &client, const QString &consultationId, quint32 transferId, const QByteArray &content,
                qsizetype from = 0, qsizetype to = -1)
{
    const qsizetype end = to < 0 ? content.size() : to;
    for (qsizetype offset = from; offset < end; offset += kChunk)
        client.sendReliable(chunkEnvelope(consultationId, transferId, offset, content.mid(offset, kChunk)));
}

void sendUpload(RawClient &client, const QString &consultationId, quint32 transferId, const QString &name,
                wire::DocumentType type, const QByteArray &content)
{
    client.sendReliable(
        offerEnvelope(consultationId, transferId, name, type, quint64(content.size()), sha256(content)));
    sendChunks(client, consultationId, transferId, content);
}

// Uploads and waits for the uploader's DocumentAvailable (its transfer id set).
std::optional<wire::DocumentAvailable> upload(RawClient &client, const QString &consultationId, quint32 transferId,
                                              const QString &name, wire::DocumentType type, const QByteArray &content)
{
    const int from = client.mark();
    sendUpload(client, consultationId, transferId, name, type, content);
    const auto available = client.waitFor(
        [&](const wire::Envelope &e) {
            return (e.has_document_available() && e.document_available().transfer_id() == transferId) || e.has_error();
        },
        from, 30'000);
    if (!available || !available->has_document_available())
        return std::nullopt;
    return available->document_available();
}

// The chunks of download `transferId` among `envelopes`, reassembled by offset.
QByteArray reassembled(const QList<wire::Envelope> &envelopes, quint32 transferId)
{
    QByteArray bytes;
    for (const wire::Envelope &envelope : envelopes) {
        if (!envelope.has_document_chunk() || envelope.document_chunk().transfer_id() != transferId)
            continue;
        const wire::DocumentChunk &chunk = envelope.document_chunk();
        if (chunk.offset() != quint64(bytes.size()))
            return QByteArray("out of order");
        bytes += QByteArray::fromStdString(chunk.data());
    }
    return bytes;
}

QByteArray download(RawClient &client, const QString &consultationId, const wire::DocumentAvailable &document,
                    quint32 transferId)
{
    const int from = client.mark();
    wire::Envelope envelope;
    auto *request = envelope.mutable_document_download();
    request->set_consultation_id(consultationId.toStdString());
    request->set_document_id(document.document_id());
    request->set_transfer_id(transferId);
    client.sendReliable(envelope);
    spinUntil([&] { return reassembled(client.receivedSince(from), transferId).size() >= qsizetype(document.size()); },
              30'000);
    return reassembled(client.receivedSince(from), transferId);
}

QStringList vaultFiles(const TestServer &server)
{
    return QDir(server.config().documentsPath()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

QString randomCanary()
{
    QString canary = QStringLiteral("KANARIE");
    for (int i = 0; i < 16; ++i)
        canary += QChar(char16_t(u'a' + SecureRandom::bounded(26)));
    return canary;
}

} // namespace

class TestDocuments final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void aFileFromEachSideReachesTheOtherByteForByte();
    void everyRefusalLeavesNothingBehind_data();
    void everyRefusalLeavesNothingBehind();
    void aNameWithPathsControlAndBidiCharactersIsSanitisedNotRefused();
    void theTwentyFirstFileIsRefused();
    void theConsultationsAndTheServersBytesAreReservedAtTheOffer();
    void aCancelledUploadLeavesNothingAndItsLateChunksGetNoAnswer();
    void aCancelledDownloadStops();
    void onlyTheAdvisorRemovesADocument();
    void anotherConsultationsDocumentIsNotFoundLikeAMadeUpOne();
    void aColleagueAfterATransferSeesEveryDocument();
    void nothingOfADocumentRemainsAndTheReceiptListsWhatWasExchanged();

private:
    bool open(RawConsultation &out);
    // The shared server's vault files that were not there when the test began (the consultations of
    // earlier tests keep theirs until the server stops).
    QStringList newVaultFiles() const;

    std::unique_ptr<TestServer> m_server;
    int m_consultations = 0;
    RawConsultation m_refusals;
    quint32 m_refusalTransfer = 0;
    QStringList m_filesAtStart;
    qint64 m_bytesAtStart = 0;
};

void TestDocuments::initTestCase()
{
    m_server = std::make_unique<TestServer>([](ServerConfig &config) {
        config.maxProtocolErrors = 1000; // the refusal tables send many wrong things on purpose
    });
    QVERIFY(m_server->start());
}

void TestDocuments::cleanupTestCase()
{
    m_refusals = {};
    m_server.reset();
}

void TestDocuments::init()
{
    m_filesAtStart = vaultFiles(*m_server);
    m_bytesAtStart = m_server->core().documents().heldBytes();
}

QStringList TestDocuments::newVaultFiles() const
{
    QStringList files = vaultFiles(*m_server);
    files.removeIf([&](const QString &file) { return m_filesAtStart.contains(file); });
    return files;
}

bool TestDocuments::open(RawConsultation &out)
{
    const int n = m_consultations++;
    // I7: a customer's name has letters only.
    const QString letters = QString(QChar(char16_t(u'A' + n / 26))) + QChar(char16_t(u'a' + n % 26));
    return startRawConsultation(*m_server, QStringLiteral("berater%1").arg(n), QStringLiteral("Kundin ") + letters,
                                out);
}

// Seed 002: documents both ways. The limits come with the start; the customer's PDF and the
// advisor's PNG each reach the other side whole and unchanged (the sha256 both were told).
void TestDocuments::aFileFromEachSideReachesTheOtherByteForByte()
{
    RawConsultation consultation;
    QVERIFY(open(consultation));
    const auto started = consultation.customer->waitForBody(wire::Envelope::kConsultationStarted, 0);
    QVERIFY(started);
    QCOMPARE(started->consultation_started().document_limits().max_file_bytes(), quint64(10 * 1024 * 1024));
    QCOMPARE(started->consultation_started().document_limits().max_files(), 20u);
    QCOMPARE(started->consultation_started().document_limits().types_size(), 3);

    const QByteArray statement = pdf("Kontoauszug Januar", 100'000); // several chunks
    const QByteArray chart = png(QSize(300, 200), {}, true);
    const int advisorFrom = consultation.advisor->mark();
    const auto fromCustomer = upload(*consultation.customer, consultation.id, 1, QStringLiteral("Auszug.pdf"),
                                     wire::DOCUMENT_TYPE_PDF, statement);
    QVERIFY(fromCustomer);
    QCOMPARE(fromCustomer->from(), wire::PARTY_CUSTOMER);
    QCOMPARE(fromCustomer->name(), std::string("Auszug.pdf"));
    QCOMPARE(QByteArray::fromStdString(fromCustomer->sha256()), sha256(statement));
    QVERIFY(fromCustomer->document_id().size() >= 22); // S1: 128 random bits, base64url
    const auto atAdvisor = consultation.advisor->waitForBody(wire::Envelope::kDocumentAvailable, advisorFrom);
    QVERIFY(atAdvisor);
    QCOMPARE(atAdvisor->document_available().transfer_id(), 0u); // not the advisor's upload
    QCOMPARE(atAdvisor->document_available().document_id(), fromCustomer->document_id());

    const auto fromAdvisor = upload(*consultation.advisor, consultation.id, 1, QStringLiteral("Tilgung.png"),
                                    wire::DOCUMENT_TYPE_PNG, chart);
    QVERIFY(fromAdvisor);
    QCOMPARE(fromAdvisor->from(), wire::PARTY_ADVISOR);

    const QByteArray receivedByAdvisor = download(*consultation.advisor, consultation.id, *fromCustomer, 2);
    QCOMPARE(sha256(receivedByAdvisor), sha256(statement));
    const QByteArray receivedByCustomer = download(*consultation.customer, consultation.id, *fromAdvisor, 2);
    QCOMPARE(sha256(receivedByCustomer), sha256(chart));
    // Both files are in the vault, under names that say nothing (S1).
    const QStringList files = newVaultFiles();
    QCOMPARE(files.size(), 2);
    for (const QString &file : files) {
        QVERIFY(!file.contains(QStringLiteral("Auszug")) && !file.contains(QStringLiteral("Tilgung")));
        QCOMPARE(QFileInfo(QDir(m_server->config().documentsPath()).filePath(file)).permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions()); // U6: mode 0600
    }
    QTRY_COMPARE(m_server->core().documents().downloadCount(), 0);
    // The anonymous statistics learn that documents were exchanged, nothing of which (issue 12).
    const ConsultationRecord *record = m_server->core().consultations().find(consultation.id);
    QVERIFY(record);
    QVERIFY(record->features & StatisticsStore::Documents);

    wire::Envelope end;
    end.mutable_end_consultation()->set_consultation_id(consultation.id.toStdString());
    consultation.advisor->sendReliable(end);
    QVERIFY(consultation.customer->waitForBody(wire::Envelope::kConsultationEnded, 0));
    QVERIFY(newVaultFiles().isEmpty()); // P2: at once
}

// U1, U2, U6: each reason the proto names, each answered with its code and field and the upload's
// reference, and afterwards nothing of the upload is on disk or reserved.
void TestDocuments::everyRefusalLeavesNothingBehind_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("declaredSize");
    QTest::addColumn<QByteArray>("checksum");
    QTest::addColumn<int>("chunkShift"); // 0: in order; else the second chunk starts this far off
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("field");

    const QByteArray statement = pdf("Vertrag", 40'000);
    const QByteArray image = png(QSize(32, 32));
    const QByteArray html = "<html><body><script>alert(1)</script></body></html>";
    QTest::newRow("a type that is not allowed (U1)")
        << "a.docx" << 0 << statement << qint64(-1) << QByteArray() << 0 << int(wire::ERROR_INVALID_INPUT) << "type";
    QTest::newRow("a PNG declared as a PDF (U2)") << "a.pdf" << int(wire::DOCUMENT_TYPE_PDF) << image << qint64(-1)
                                                  << QByteArray() << 0 << int(wire::ERROR_INVALID_INPUT) << "content";
    QTest::newRow("HTML declared as a PNG (U2)") << "a.png" << int(wire::DOCUMENT_TYPE_PNG) << html << qint64(-1)
                                                 << QByteArray() << 0 << int(wire::ERROR_INVALID_INPUT) << "type";
    QTest::newRow("2 GB declared, refused before any chunk (U1)")
        << "gross.pdf" << int(wire::DOCUMENT_TYPE_PDF) << QByteArray() << qint64(2'000'000'000) << QByteArray(32, 'x')
        << 0 << int(wire::ERROR_LIMIT_REACHED) << "file_bytes";
    QTest::newRow("10 MiB + 1 declared (U1)")
        << "a.pdf" << int(wire::DOCUMENT_TYPE_PDF) << QByteArray() << qint64(10 * 1024 * 1024 + 1)
        << QByteArray(32, 'x') << 0 << int(wire::ERROR_LIMIT_REACHED) << "file_bytes";
    QTest::newRow("empty") << "a.pdf" << int(wire::DOCUMENT_TYPE_PDF) << QByteArray() << qint64(0)
                           << QByteArray(32, 'x') << 0 << int(wire::ERROR_INVALID_INPUT) << "size";
    QTest::newRow("no name") << "" << int(wire::DOCUMENT_TYPE_PDF) << statement << qint64(-1) << QByteArray() << 0
                             << int(wire::ERROR_INVALID_INPUT) << "name";
    QTest::newRow("a checksum of the wrong length")
        << "a.pdf" << int(wire::DOCUMENT_TYPE_PDF) << statement << qint64(-1) << QByteArray(20, 'x') << 0
        << int(wire::ERROR_INVALID_INPUT) << "checksum";
    QTest::newRow("a checksum that differs")
        << "a.pdf" << int(wire::DOCUMENT_TYPE_PDF) << statement << qint64(-1) << sha256("anything else") << 0
        << int(wire::ERROR_INVALID_INPUT) << "checksum";
    QTest::newRow("a chunk beyond the declared size")
        << "a.pdf" << int(wire::DOCUMENT_TYPE_PDF) << statement << qint64(statement.size() - 10) << QByteArray() << 0
        << int(wire::ERROR_INVALID_INPUT) << "chunk";
    QTest::newRow("a gap between chunks") << "a.pdf" << int(wire::DOCUMENT_TYPE_PDF) << statement << qint64(-1)
                                          << QByteArray() << 100 << int(wire::ERROR_INVALID_INPUT) << "chunk";
}

void TestDocuments::everyRefusalLeavesNothingBehind()
{
    QFETCH(QString, name);
    QFETCH(int, type);
    QFETCH(QByteArray, content);
    QFETCH(qint64, declaredSize);
    QFETCH(QByteArray, checksum);
    QFETCH(int, chunkShift);
    QFETCH(int, code);
    QFETCH(QString, field);

    RawConsultation &consultation = m_refusals; // one consultation: a refusal never ends it
    if (consultation.id.isEmpty())
        QVERIFY(open(consultation));
    const quint32 transferId = ++m_refusalTransfer;
    const int from = consultation.customer->mark();
    consultation.customer->sendReliable(offerEnvelope(consultation.id, transferId, name, wire::DocumentType(type),
                                                      quint64(declaredSize < 0 ? content.size() : declaredSize),
                                                      checksum.isEmpty() ? sha256(content) : checksum));
    if (chunkShift == 0) {
        sendChunks(*consultation.customer, consultation.id, transferId, content);
    } else {
        sendChunks(*consultation.customer, consultation.id, transferId, content, 0, kChunk);
        consultation.customer->sendReliable(
            chunkEnvelope(consultation.id, transferId, kChunk + chunkShift, content.mid(kChunk + chunkShift, kChunk)));
    }
    const auto error = consultation.customer->waitForError(from, 20'000);
    QVERIFY(error);
    QCOMPARE(int(error->code()), code);
    QCOMPARE(QString::fromStdString(error->field()), field);
    QCOMPARE(QString::fromStdString(error->reference()), QStringLiteral("%1:u%2").arg(consultation.id).arg(transferId));
    // Exactly one answer, and no document for anyone.
    QVERIFY(consultation.customer->sync());
    int answers = 0;
    for (const wire::Envelope &envelope : consultation.customer->receivedSince(from)) {
        QVERIFY(!envelope.has_document_available());
        answers += envelope.has_error() ? 1 : 0;
    }
    QCOMPARE(answers, 1);
    QVERIFY(consultation.advisor->sync());
    QVERIFY(newVaultFiles().isEmpty());
    QCOMPARE(m_server->core().documents().heldBytes(), m_bytesAtStart);
    QCOMPARE(m_server->core().documents().uploadCount(), 0);
    // The consultation goes on.
    consultation.customer->sendReliable(
        chatEnvelope(consultation.id, QStringLiteral("c%1").arg(transferId), QStringLiteral("noch da")));
    QVERIFY(consultation.advisor->waitForBody(wire::Envelope::kChatMessage, 0));
}

// U6, I2: the name is display metadata; what a client sends is cleaned, not refused.
void TestDocuments::aNameWithPathsControlAndBidiCharactersIsSanitisedNotRefused()
{
    RawConsultation consultation;
    QVERIFY(open(consultation));
    const QString hostile = QStringLiteral("../../etc/pass\u202Ewd\u0001\u0007 CON:x.pdf");
    const auto available =
        upload(*consultation.customer, consultation.id, 1, hostile, wire::DOCUMENT_TYPE_PDF, pdf("Name"));
    QVERIFY(available);
    const QString name = QString::fromStdString(available->name());
    QVERIFY(!name.isEmpty());
    for (const QChar forbidden : {QChar(u'/'), QChar(u'\\'), QChar(u':'), QChar(0x202E), QChar(0x01), QChar(0x07)})
        QVERIFY2(!name.contains(forbidden), qPrintable(name));
    QVERIFY(!name.contains(QStringLiteral("..")));
    QVERIFY(name.contains(QStringLiteral("pass")));
    // The file in the vault is not named after it.
    const QStringList files = newVaultFiles();
    QCOMPARE(files.size(), 1);
    QVERIFY(!files.first().contains(QStringLiteral("pass")));
}

// U1: at most 20 files per consultation, both directions together.
void TestDocuments::theTwentyFirstFileIsRefused()
{
    RawConsultation consultation;
    QVERIFY(open(consultation));
    const QByteArray image = png(QSize(8, 8));
    for (quint32 i = 1; i <= 20; ++i) {
        RawClient &sender = i % 2 ? *consultation.customer : *consultation.advisor;
        QVERIFY2(
            upload(sender, consultation.id, i, QStringLiteral("Bild%1.png").arg(i), wire::DOCUMENT_TYPE_PNG, image),
            qPrintable(QString::number(i)));
    }
    const int from = consultation.customer->mark();
    sendUpload(*consultation.customer, consultation.id, 21, QStringLiteral("Bild21.png"), wire::DOCUMENT_TYPE_PNG,
               image);
    const auto error = consultation.customer->waitForError(from);
    QVERIFY(error);
    QCOMPARE(error->code(), wire::ERROR_LIMIT_REACHED);
    QCOMPARE(error->field(), std::string("files"));
    QCOMPARE(newVaultFiles().size(), 20);
}

// U1: a consultation's bytes and the server's global quota are reserved when an upload is offered,
// so two uploads under way cannot overshoot together.
void TestDocuments::theConsultationsAndTheServersBytesAreReservedAtTheOffer()
{
    TestServer server([](ServerConfig &config) {
        config.documentsMaxFileBytes = 600 * 1024;
        config.documentsMaxConsultationBytes = 1000 * 1024;
        config.documentsMaxServerBytes = 1200 * 1024;
    });
    QVERIFY(server.start());
    RawConsultation first;
    RawConsultation second;
    QVERIFY(startRawConsultation(server, QStringLiteral("ulla"), QStringLiteral("Kunde Eins"), first));
    QVERIFY(startRawConsultation(server, QStringLiteral("vera"), QStringLiteral("Kunde Zwei"), second));
    const QByteArray big = pdf("gross", 500 * 1024);
    const QByteArray medium = pdf("mittel", 250 * 1024);
    // Offered, no chunk yet: the bytes are taken.
    first.customer->sendReliable(
        offerEnvelope(first.id, 1, QStringLiteral("a.pdf"), wire::DOCUMENT_TYPE_PDF, quint64(big.size()), sha256(big)));
    int from = first.customer->mark();
    first.customer->sendReliable(
        offerEnvelope(first.id, 2, QStringLiteral("b.pdf"), wire::DOCUMENT_TYPE_PDF, quint64(big.size()), sha256(big)));
    auto error = first.customer->waitForError(from);
    QVERIFY(error);
    QCOMPARE(error->code(), wire::ERROR_LIMIT_REACHED);
    QCOMPARE(error->field(), std::string("consultation_bytes"));

    // The other consultation may take 500 KiB more, but then not 250 KiB on top: its own limit
    // would allow it, the server's would not.
    second.customer->sendReliable(offerEnvelope(second.id, 1, QStringLiteral("c.pdf"), wire::DOCUMENT_TYPE_PDF,
                                                quint64(big.size()), sha256(big)));
    from = second.advisor->mark();
    second.advisor->sendReliable(offerEnvelope(second.id, 1, QStringLiteral("d.pdf"), wire::DOCUMENT_TYPE_PDF,
                                               quint64(medium.size()), sha256(medium)));
    error = second.advisor->waitForError(from);
    QVERIFY(error);
    QCOMPARE(error->code(), wire::ERROR_LIMIT_REACHED);
    QCOMPARE(error->field(), std::string("server_bytes"));
    QCOMPARE(server.core().documents().heldBytes(), 2 * big.size());

    // The reserved uploads complete within their reservation.
    sendChunks(*first.customer, first.id, 1, big);
    QVERIFY(first.customer->waitForBody(wire::Envelope::kDocumentAvailable, 0, 20'000));
    QCOMPARE(server.core().documents().heldBytes(), 2 * big.size());
}

// An upload cancelled half-way leaves nothing; its chunks still on their way are dropped without an
// answer (consult.proto DocumentCancel).
void TestDocuments::aCancelledUploadLeavesNothingAndItsLateChunksGetNoAnswer()
{
    RawConsultation consultation;
    QVERIFY(open(consultation));
    const QByteArray content = pdf("halb", 200'000);
    const int from = consultation.customer->mark();
    consultation.customer->sendReliable(offerEnvelope(consultation.id, 5, QStringLiteral("halb.pdf"),
                                                      wire::DOCUMENT_TYPE_PDF, quint64(content.size()),
                                                      sha256(content)));
    sendChunks(*consultation.customer, consultation.id, 5, content, 0, 3 * kChunk);
    QVERIFY(consultation.customer->sync());
    QCOMPARE(m_server->core().documents().uploadCount(), 1);
    QCOMPARE(newVaultFiles().size(), 1);
    wire::Envelope cancel;
    cancel.mutable_document_cancel()->set_consultation_id(consultation.id.toStdString());
    cancel.mutable_document_cancel()->set_transfer_id(5);
    consultation.customer->sendReliable(cancel);
    sendChunks(*consultation.customer, consultation.id, 5, content, 3 * kChunk);
    QVERIFY(consultation.customer->sync());
    QCOMPARE(m_server->core().documents().uploadCount(), 0);
    QCOMPARE(m_server->core().documents().heldBytes(), m_bytesAtStart);
    QVERIFY(newVaultFiles().isEmpty());
    QVERIFY(applicationEnvelopes(consultation.customer->receivedSince(from)).isEmpty());
    QVERIFY(consultation.advisor->sync());
    for (const wire::Envelope &envelope : consultation.advisor->received())
        QVERIFY(!envelope.has_document_available());
}

// A download cancelled right after it was asked for stops: far from all of its chunks arrive.
void TestDocuments::aCancelledDownloadStops()
{
    RawConsultation consultation;
    QVERIFY(open(consultation));
    const QByteArray content = png(QSize(1200, 1000), {}, true); // about 4.6 MB, 140 chunks
    const auto document = upload(*consultation.advisor, consultation.id, 1, QStringLiteral("gross.png"),
                                 wire::DOCUMENT_TYPE_PNG, content);
    QVERIFY(document);
    const int from = consultation.customer->mark();
    wire::Envelope request;
    request.mutable_document_download()->set_consultation_id(consultation.id.toStdString());
    request.mutable_document_download()->set_document_id(document->document_id());
    request.mutable_document_download()->set_transfer_id(9);
    wire::Envelope cancel;
    cancel.mutable_document_cancel()->set_consultation_id(consultation.id.toStdString());
    cancel.mutable_document_cancel()->set_transfer_id(9);
    consultation.customer->sendReliable(request);
    consultation.customer->sendReliable(cancel);
    QTRY_COMPARE(m_server->core().documents().downloadCount(), 0);
    QVERIFY(consultation.customer->sync());
    const qsizetype arrived = reassembled(consultation.customer->receivedSince(from), 9).size();
    QVERIFY2(arrived < content.size() / 2, qPrintable(QString::number(arrived)));
}

// S6: the advisor removes a document (both are told, the file goes at once, a download of it is not
// found); the customer may not.
void TestDocuments::onlyTheAdvisorRemovesADocument()
{
    RawConsultation consultation;
    QVERIFY(open(consultation));
    const auto document = upload(*consultation.customer, consultation.id, 1, QStringLiteral("falsch.pdf"),
                                 wire::DOCUMENT_TYPE_PDF, pdf("aus Versehen"));
    QVERIFY(document);
    wire::Envelope remove;
    remove.mutable_document_remove()->set_consultation_id(consultation.id.toStdString());
    remove.mutable_document_remove()->set_document_id(document->document_id());

    int from = consultation.customer->mark();
    consultation.customer->sendReliable(remove);
    const auto refused = consultation.customer->waitForError(from);
    QVERIFY(refused);
    QCOMPARE(refused->code(), wire::ERROR_NOT_ALLOWED);
    QCOMPARE(newVaultFiles().size(), 1);

    from = consultation.customer->mark();
    consultation.advisor->sendReliable(remove);
    const auto removed = consultation.customer->waitForBody(wire::Envelope::kDocumentRemoved, from);
    QVERIFY(removed);
    QCOMPARE(removed->document_removed().document_id(), document->document_id());
    QVERIFY(consultation.advisor->waitForBody(wire::Envelope::kDocumentRemoved, 0));
    QVERIFY(newVaultFiles().isEmpty());
    QCOMPARE(m_server->core().documents().heldBytes(), m_bytesAtStart);

    from = consultation.customer->mark();
    wire::Envelope again;
    again.mutable_document_download()->set_consultation_id(consultation.id.toStdString());
    again.mutable_document_download()->set_document_id(document->document_id());
    again.mutable_document_download()->set_transfer_id(2);
    consultation.customer->sendReliable(again);
    const auto notFound = consultation.customer->waitForError(from);
    QVERIFY(notFound);
    QCOMPARE(notFound->code(), wire::ERROR_NOT_FOUND);
    QCOMPARE(QString::fromStdString(notFound->reference()), consultation.id + QStringLiteral(":g2"));
}

// S5: customer A names B's document (in A's consultation and in B's) for a download and a removal;
// each answer equals the answer to a made-up id, and B's participants receive nothing.
void TestDocuments::anotherConsultationsDocumentIsNotFoundLikeAMadeUpOne()
{
    RawConsultation a;
    RawConsultation b;
    QVERIFY(open(a));
    QVERIFY(open(b));
    const auto document =
        upload(*b.customer, b.id, 1, QStringLiteral("geheim.pdf"), wire::DOCUMENT_TYPE_PDF, pdf("nur B"));
    QVERIFY(document);
    QVERIFY(b.advisor->waitForBody(wire::Envelope::kDocumentAvailable, 0));
    const int bCustomerFrom = b.customer->mark();
    const int bAdvisorFrom = b.advisor->mark();
    const std::string madeUp = std::string(document->document_id().size(), 'A');

    const auto answerTo = [&](RawClient &client, const QString &consultationId, const std::string &documentId,
                              bool removal) -> QByteArray {
        wire::Envelope envelope;
        if (removal) {
            envelope.mutable_document_remove()->set_consultation_id(consultationId.toStdString());
            envelope.mutable_document_remove()->set_document_id(documentId);
        } else {
            envelope.mutable_document_download()->set_consultation_id(consultationId.toStdString());
            envelope.mutable_document_download()->set_document_id(documentId);
            envelope.mutable_document_download()->set_transfer_id(3);
        }
        const int from = client.mark();
        client.sendReliable(envelope);
        const auto error = client.waitForError(from);
        return error ? QByteArray::fromStdString(error->SerializeAsString()) : QByteArray();
    };
    // In A's own consultation: B's document id is answered byte for byte like a made-up one.
    const QByteArray foreignDownload = answerTo(*a.customer, a.id, document->document_id(), false);
    QVERIFY(!foreignDownload.isEmpty());
    QCOMPARE(foreignDownload.toHex(), answerTo(*a.customer, a.id, madeUp, false).toHex());
    // A removal echoes the document id in its reference; everything else is the same.
    wire::Error foreignRemoval;
    wire::Error unknownRemoval;
    QVERIFY(foreignRemoval.ParseFromString(answerTo(*a.advisor, a.id, document->document_id(), true).toStdString()));
    QVERIFY(unknownRemoval.ParseFromString(answerTo(*a.advisor, a.id, madeUp, true).toStdString()));
    QCOMPARE(foreignRemoval.code(), wire::ERROR_NOT_FOUND);
    foreignRemoval.clear_reference();
    unknownRemoval.clear_reference();
    QCOMPARE(foreignRemoval.SerializeAsString(), unknownRemoval.SerializeAsString());
    // Naming B's consultation: not found, as a consultation that never existed (only the echoed
    // reference differs).
    const QString neverExisted = QString(b.id).replace(0, 4, QStringLiteral("zzzz"));
    wire::Error foreign;
    wire::Error unknown;
    QVERIFY(foreign.ParseFromString(answerTo(*a.customer, b.id, document->document_id(), false).toStdString()));
    QVERIFY(unknown.ParseFromString(answerTo(*a.customer, neverExisted, document->document_id(), false).toStdString()));
    QCOMPARE(foreign.code(), wire::ERROR_NOT_FOUND);
    foreign.clear_reference();
    unknown.clear_reference();
    QCOMPARE(foreign.SerializeAsString(), unknown.SerializeAsString());
    QVERIFY(answerTo(*a.advisor, b.id, document->document_id(), true).size() > 0);
    // B heard nothing of it, and B's document is still there.
    QVERIFY(b.customer->sync());
    QVERIFY(b.advisor->sync());
    QVERIFY(applicationEnvelopes(b.customer->receivedSince(bCustomerFrom)).isEmpty());
    QVERIFY(applicationEnvelopes(b.advisor->receivedSince(bAdvisorFrom)).isEmpty());
    QCOMPARE(sha256(download(*b.advisor, b.id, *document, 4)), QByteArray::fromStdString(document->sha256()));
}

// A transfer: the colleague gets a DocumentAvailable for each document and can download it.
void TestDocuments::aColleagueAfterATransferSeesEveryDocument()
{
    RawConsultation consultation;
    QVERIFY(open(consultation));
    const QByteArray statement = pdf("Auszug");
    const QByteArray chart = png(QSize(20, 20));
    const auto first = upload(*consultation.customer, consultation.id, 1, QStringLiteral("Auszug.pdf"),
                              wire::DOCUMENT_TYPE_PDF, statement);
    const auto second =
        upload(*consultation.advisor, consultation.id, 1, QStringLiteral("Plan.png"), wire::DOCUMENT_TYPE_PNG, chart);
    QVERIFY(first && second);

    auto colleague = rawAdvisor(*m_server, QStringLiteral("kollegin"));
    QVERIFY(colleague);
    wire::Envelope transfer;
    transfer.mutable_transfer_consultation()->set_request_id(1);
    transfer.mutable_transfer_consultation()->set_consultation_id(consultation.id.toStdString());
    transfer.mutable_transfer_consultation()->set_to_advisor("kollegin");
    consultation.advisor->sendReliable(transfer);
    QVERIFY(spinUntil(
        [&] {
            int count = 0;
            for (const wire::Envelope &e : colleague->received())
                count += e.has_document_available() ? 1 : 0;
            return count == 2;
        },
        10'000));
    std::map<std::string, wire::DocumentAvailable> seen;
    for (const wire::Envelope &e : colleague->received()) {
        if (e.has_document_available())
            seen[e.document_available().document_id()] = e.document_available();
    }
    QVERIFY(seen.count(first->document_id()) && seen.count(second->document_id()));
    QCOMPARE(seen[first->document_id()].from(), wire::PARTY_CUSTOMER);
    QCOMPARE(sha256(download(*colleague, consultation.id, *first, 7)), sha256(statement));
}

// P1, P2: a canary in a file's content and in its name. While the consultation runs the vault holds
// the file, but not its content in plain text (encrypted, a key in RAM only); after the end the vault
// is empty at once, the receipt lists exactly the two files exchanged (the removed one too), and no
// canary is in the data directory (database, -wal, -shm), the temporary directory or the log.
void TestDocuments::nothingOfADocumentRemainsAndTheReceiptListsWhatWasExchanged()
{
    static QStringList logged;
    logged.clear();
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &context, const QString &message) {
            logged.append(QString::fromLatin1(context.category ? context.category : "") + u' ' + message);
        });
    QLoggingCategory::setFilterRules(QStringLiteral("consult.*=true"));
    const QString canary = randomCanary();
    const QString contentCanary = canary + QStringLiteral("inhalt");
    const QString nameCanary = canary + QStringLiteral("name");
    const QByteArray secret = pdf(contentCanary.toUtf8());
    QVERIFY(secret.contains(contentCanary.toUtf8())); // the search below has something to miss
    const QByteArray second = png(QSize(16, 16), canary + QStringLiteral("bild"));

    QTemporaryDir data;
    QTemporaryDir temp; // the server's temporary directory for this test
    QVERIFY(data.isValid() && temp.isValid());
    const QByteArray previousTemp = qgetenv("TMPDIR");
    qputenv("TMPDIR", QFile::encodeName(temp.path()));
    {
        TestServer server([&](ServerConfig &config) { config.dataDirectory = data.path(); });
        QVERIFY(server.start());
        RawConsultation consultation;
        QVERIFY(startRawConsultation(server, QStringLiteral("paula"), QStringLiteral("Kanarie Kunde"), consultation));
        const auto kept = upload(*consultation.customer, consultation.id, 1, nameCanary + QStringLiteral(".pdf"),
                                 wire::DOCUMENT_TYPE_PDF, secret);
        QVERIFY(kept);
        const auto removed = upload(*consultation.advisor, consultation.id, 1, QStringLiteral("weg.png"),
                                    wire::DOCUMENT_TYPE_PNG, second);
        QVERIFY(removed);
        // During the consultation: on disk, but encrypted.
        QCOMPARE(vaultFiles(server).size(), 2);
        for (const QString &needle : {contentCanary, nameCanary, canary}) {
            const QStringList hits = filesContaining(data.path(), needle);
            QVERIFY2(hits.isEmpty(), qPrintable(needle + QStringLiteral(" found in ") + hits.join(u' ')));
        }
        wire::Envelope remove;
        remove.mutable_document_remove()->set_consultation_id(consultation.id.toStdString());
        remove.mutable_document_remove()->set_document_id(removed->document_id());
        consultation.advisor->sendReliable(remove);
        QVERIFY(consultation.customer->waitForBody(wire::Envelope::kDocumentRemoved, 0));

        wire::Envelope end;
        end.mutable_end_consultation()->set_consultation_id(consultation.id.toStdString());
        consultation.advisor->sendReliable(end);
        const auto ended = consultation.customer->waitForBody(wire::Envelope::kConsultationEnded, 0);
        QVERIFY(ended);
        QVERIFY(vaultFiles(server).isEmpty());
        QCOMPARE(server.core().documents().heldBytes(), 0);

        const wire::DeletionReceipt &receipt = ended->consultation_ended().receipt();
        QVERIFY(receipt.deleted_at() >= ended->consultation_ended().ended_at() - 1000);
        std::map<std::string, wire::DeletedItem> documents;
        for (const wire::DeletedItem &item : receipt.items()) {
            if (item.kind() == wire::DELETED_KIND_DOCUMENT)
                documents[item.name()] = item;
        }
        QCOMPARE(documents.size(), std::size_t(2));
        const wire::DeletedItem &first = documents[kept->name()];
        QCOMPARE(first.bytes(), quint64(secret.size()));
        QCOMPARE(first.from(), wire::PARTY_CUSTOMER);
        const wire::DeletedItem &other = documents["weg.png"];
        QCOMPARE(other.bytes(), quint64(second.size()));
        QCOMPARE(other.from(), wire::PARTY_ADVISOR);
        // The chat held for a transfer (the greeting) is listed as deleted too.
        bool chatListed = false;
        for (const wire::DeletedItem &item : receipt.items())
            chatListed = chatListed || (item.kind() == wire::DELETED_KIND_CHAT && item.count() >= 1);
        QVERIFY(chatListed);
    }
    qputenv("TMPDIR", previousTemp);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(!logged.isEmpty());
    for (const QString &line : std::as_const(logged))
        QVERIFY2(!line.contains(canary), qPrintable(line));
    for (const QString &directory : {data.path(), temp.path()}) {
        const QStringList hits = filesContaining(directory, canary);
        QVERIFY2(hits.isEmpty(), qPrintable(canary + QStringLiteral(" found in ") + hits.join(u' ')));
    }
}

CONSULT_TEST_MAIN_WITH_EPOLL(TestDocuments)
#include "TestDocuments.moc"
