// The document vault of the real server binary (consult-server), as operations run it: a server
// killed with SIGKILL in the middle of an upload leaves an encrypted file behind, and the next start
// on the same data directory deletes it before it listens (P2: orphans purged at start-up, within
// 10 s); a full disk under the vault fails only the upload that hit it, with its reason, and leaves
// no partial file (R3); and 20 customers each uploading a 10 MB file at once grow the server's resident memory by
// far less than the files, because the vault writes through instead of holding files in RAM (I1).
#include "support/EpollTestMain.h"
#include "support/RawConsultation.h"
#include "support/ServerProcess.h"
#include "support/TestAccounts.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <array>
#include <csignal>
#include <vector>

using namespace consult;
using namespace consult::testing;

namespace {

constexpr int kChunk = 32 * 1024;

// A PNG of random pixels: incompressible, so its size follows its pixels (1800 x 1800: about 9.7 MB).
QByteArray noisyPng(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator random(3);
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

wire::Envelope offerEnvelope(const QString &consultationId, quint32 transferId, const QByteArray &content)
{
    wire::Envelope envelope;
    auto *offer = envelope.mutable_document_offer();
    offer->set_consultation_id(consultationId.toStdString());
    offer->set_transfer_id(transferId);
    offer->set_name("Scan.png");
    offer->set_type(wire::DOCUMENT_TYPE_PNG);
    offer->set_size(quint64(content.size()));
    offer->set_sha256(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toStdString());
    return envelope;
}

void sendChunks(RawClient &client, const QString &consultationId, quint32 transferId, const QByteArray &content,
                qsizetype to)
{
    for (qsizetype offset = 0; offset < to; offset += kChunk) {
        wire::Envelope envelope;
        auto *chunk = envelope.mutable_document_chunk();
        chunk->set_consultation_id(consultationId.toStdString());
        chunk->set_transfer_id(transferId);
        chunk->set_offset(quint64(offset));
        chunk->set_data(content.mid(offset, kChunk).toStdString());
        client.sendReliable(std::move(envelope));
    }
}

} // namespace

class TestDocumentVaultProcess final : public QObject
{
    Q_OBJECT
private slots:
    void aServerKilledInAnUploadDeletesTheOrphanWhenItStartsAgain();
    void aFullDiskFailsOnlyThatUploadAndLeavesNoPartialFile();
    void twentyParallelUploadsOfTenMegabytesKeepTheServersMemoryBounded();
};

// P2: SIGKILL in the middle of an upload leaves its (encrypted) file; the restart on the same data
// directory deletes it before the server listens, well within 10 s of the start.
void TestDocumentVaultProcess::aServerKilledInAnUploadDeletesTheOrphanWhenItStartsAgain()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    ServerProcess server(root.path(), QStringLiteral(CONSULT_SERVER_BINARY));
    QVERIFY(server.addAdvisor(QStringLiteral("anna"), 3));
    QVERIFY(server.start());
    auto advisor = advisorAt(server, QStringLiteral("anna"));
    QVERIFY(advisor);
    auto customer = waitingCustomerAt(server, QStringLiteral("Erika Muster"));
    QVERIFY(customer);
    const QString id = rawTake(*advisor, *customer, QStringLiteral("Erika Muster"));
    QVERIFY(!id.isEmpty());

    const QByteArray content = noisyPng(QSize(600, 600)); // about 1 MB
    customer->sendReliable(offerEnvelope(id, 1, content));
    sendChunks(*customer, id, 1, content, content.size() / 2);
    QVERIFY(customer->sync());
    // Half of it is in the vault when the server dies.
    QVERIFY(spinUntil(
        [&] {
            const QStringList files = server.vaultFiles();
            return files.size() == 1 &&
                   QFileInfo(server.vaultDirectory() + u'/' + files.first()).size() >= content.size() / 2 - kChunk;
        },
        10'000));
    server.kill();
    QCOMPARE(server.vaultFiles().size(), 1); // the orphan
    customer.reset();
    advisor.reset();

    QVERIFY(server.start());
    QVERIFY(server.vaultFiles().isEmpty()); // gone before the server listened
    QVERIFY2(server.millisecondsSinceStart() < 10'000, qPrintable(QString::number(server.millisecondsSinceStart())));
}

// R3: the vault's disk holds 1 MiB; a customer uploads a 2 MiB file. The write that finds the disk
// full fails that upload only: the customer gets STORAGE_FAILED with the upload's reference, the
// partial file is gone at once, the server runs on, the chat goes on both ways, and a small file
// afterwards is stored (the failed upload's space and reservation were given back).
void TestDocumentVaultProcess::aFullDiskFailsOnlyThatUploadAndLeavesNoPartialFile()
{
    if (!mountNamespacesWork())
        QSKIP("this machine forbids user and mount namespaces (unshare --user --mount), so the vault cannot "
              "get a small disk of its own");
    QTemporaryDir root;
    QVERIFY(root.isValid());
    ServerProcess server(root.path(), QStringLiteral(CONSULT_SERVER_BINARY));
    server.setVaultDiskBytes(1024 * 1024);
    QVERIFY(server.addAdvisor(QStringLiteral("anna"), 3));
    QVERIFY(server.start());
    auto advisor = advisorAt(server, QStringLiteral("anna"));
    QVERIFY(advisor);
    auto customer = waitingCustomerAt(server, QStringLiteral("Erika Muster"));
    QVERIFY(customer);
    const QString id = rawTake(*advisor, *customer, QStringLiteral("Erika Muster"));
    QVERIFY(!id.isEmpty());

    const QByteArray content = noisyPng(QSize(820, 820));
    QVERIFY(content.size() > 2 * 1000 * 1000 && content.size() < 10 * 1024 * 1024);
    const int customerMark = customer->mark();
    customer->sendReliable(offerEnvelope(id, 1, content));
    sendChunks(*customer, id, 1, content, content.size());
    const auto refused = customer->waitForError(customerMark, 30'000);
    QVERIFY(refused);
    QCOMPARE(refused->code(), wire::ERROR_STORAGE_FAILED);
    QCOMPARE(QString::fromStdString(refused->reference()), id + QStringLiteral(":u1"));
    QVERIFY(server.isRunning());
    QVERIFY(spinUntil([&] { return server.vaultFiles().isEmpty(); }, 10'000)); // no partial file

    // The consultation goes on: a line each way.
    const int advisorMark = advisor->mark();
    customer->sendReliable(chatEnvelope(id, QStringLiteral("c1"), QStringLiteral("Ist die Datei angekommen?")));
    QVERIFY(advisor->waitForBody(wire::Envelope::kChatMessage, advisorMark));
    const int customerChatMark = customer->mark();
    advisor->sendReliable(chatEnvelope(id, QStringLiteral("a1"), QStringLiteral("Leider nicht, bitte kleiner.")));
    QVERIFY(customer->waitForBody(wire::Envelope::kChatMessage, customerChatMark));

    // A file that fits the disk is stored: the failed upload gave back its space.
    const QByteArray small = noisyPng(QSize(200, 200));
    QVERIFY(small.size() < 512 * 1024);
    const int smallMark = customer->mark();
    customer->sendReliable(offerEnvelope(id, 2, small));
    sendChunks(*customer, id, 2, small, small.size());
    const auto available = customer->waitFor(
        [](const wire::Envelope &envelope) {
            return envelope.has_document_available() && envelope.document_available().transfer_id() == 2;
        },
        smallMark, 30'000);
    QVERIFY(available);
    QCOMPARE(server.vaultFiles().size(), 1);
}

// I1: 20 customers each upload a 9.7 MB file at the same moment (186 MiB together). The server's
// resident memory grows by less than 100 MiB, at its peak, sampled every 20 ms. A server that kept
// files in RAM would grow by at least the 186 MiB; the vault holds one 32 KiB block per upload, and
// the bound is for what does legitimately grow: what the clients have in flight (20 x 1 MiB) in TLS
// and WebSocket buffers, at most [documents] check_threads (2) complete files in RAM for their
// content checks (2 x 9.3 MiB, and a decoded image each, 2 x 12.4 MiB, once the shared check
// decodes it), and the allocator's slack.
void TestDocumentVaultProcess::twentyParallelUploadsOfTenMegabytesKeepTheServersMemoryBounded()
{
    constexpr int kCustomers = 20;
    QTemporaryDir root;
    QVERIFY(root.isValid());
    ServerProcess server(root.path(), QStringLiteral(CONSULT_SERVER_BINARY));
    QVERIFY(server.addAdvisor(QStringLiteral("anna"), 10));
    QVERIFY(server.addAdvisor(QStringLiteral("bernd"), 10));
    QVERIFY(server.start());
    std::array<std::unique_ptr<RawClient>, 2> advisors = {advisorAt(server, QStringLiteral("anna")),
                                                          advisorAt(server, QStringLiteral("bernd"))};
    QVERIFY(advisors[0] && advisors[1]);
    std::vector<std::unique_ptr<RawClient>> customers;
    QStringList ids;
    for (int i = 0; i < kCustomers; ++i) {
        const QString name = QStringLiteral("Kunde %1").arg(QChar(char16_t(u'A' + i)));
        customers.push_back(waitingCustomerAt(server, name));
        QVERIFY(customers.back());
        ids.append(rawTake(*advisors[i % 2], *customers.back(), name));
        QVERIFY(!ids.last().isEmpty());
    }
    const QByteArray content = noisyPng(QSize(1800, 1800));
    QVERIFY(content.size() > 9'000'000 && content.size() <= 10 * 1024 * 1024);
    // Settled: every greeting and start has reached its app before the baseline is read.
    for (const auto &client : customers)
        QVERIFY(client->sync());
    for (const auto &client : advisors)
        QVERIFY(client->sync());
    const qint64 before = server.residentKiB();
    QVERIFY(before > 0);

    qint64 peak = before;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &sampler, [&] { peak = qMax(peak, server.residentKiB()); });
    sampler.start(20);
    for (int i = 0; i < kCustomers; ++i)
        customers[i]->sendReliable(offerEnvelope(ids.at(i), 1, content));
    // All 20 at once, interleaved, each as fast as a window of 1 MiB unacknowledged lets it: what
    // is in flight may sit in the server's socket buffers (20 MiB together), the rest must not.
    constexpr qint64 kWindowBytes = 1024 * 1024;
    std::vector<qsizetype> next(kCustomers, 0);
    const auto sendWhatTheWindowsAllow = [&] {
        bool all = true;
        for (int i = 0; i < kCustomers; ++i) {
            while (next[i] < content.size() && customers[i]->channel().unacknowledgedBytes() < kWindowBytes) {
                wire::Envelope envelope;
                auto *chunk = envelope.mutable_document_chunk();
                chunk->set_consultation_id(ids.at(i).toStdString());
                chunk->set_transfer_id(1);
                chunk->set_offset(quint64(next[i]));
                chunk->set_data(content.mid(next[i], kChunk).toStdString());
                customers[i]->sendReliable(std::move(envelope));
                next[i] += kChunk;
            }
            all = all && next[i] >= content.size();
        }
        return all;
    };
    QVERIFY(spinUntil(sendWhatTheWindowsAllow, 420'000));
    const auto uploaded = [&] {
        int done = 0;
        for (const auto &customer : customers) {
            for (const wire::Envelope &envelope : customer->received()) {
                if (envelope.has_document_available() && envelope.document_available().transfer_id() == 1) {
                    ++done;
                    break;
                }
            }
        }
        return done;
    };
    const bool allUploaded = spinUntil([&] { return uploaded() == kCustomers; }, 300'000);
    if (!allUploaded) {
        int closed = 0;
        int errors = 0;
        for (const auto &customer : customers) {
            closed += customer->isClosed() ? 1 : 0;
            for (const wire::Envelope &envelope : customer->received())
                errors += envelope.has_error() ? 1 : 0;
        }
        qWarning("uploaded %d, closed %d, errors %d, vault files %lld", uploaded(), closed, errors,
                 qint64(server.vaultFiles().size()));
    }
    QVERIFY(allUploaded);
    sampler.stop();
    peak = qMax(peak, server.residentKiB());
    QCOMPARE(server.vaultFiles().size(), kCustomers);
    const qint64 grownMiB = (peak - before) / 1024;
    qInfo("server RSS before %lld MiB, peak %lld MiB, grown %lld MiB for %d x %lld bytes", before / 1024, peak / 1024,
          grownMiB, kCustomers, qint64(content.size()));
    QVERIFY2(grownMiB < 100, qPrintable(QString::number(grownMiB)));
}

CONSULT_TEST_MAIN_WITH_EPOLL(TestDocumentVaultProcess)
#include "TestDocumentVaultProcess.moc"
