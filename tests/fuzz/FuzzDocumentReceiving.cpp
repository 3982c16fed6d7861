// Fuzz target: the receiving side of the documents part on a client (ConsultationDocuments): what
// the server sends it (DocumentAvailable, DocumentChunk, DocumentRemoved, Error with the documents'
// references). The input is a run of Envelope messages, each preceded by its length (two bytes);
// every document that becomes available is downloaded into a file at once. Oracles: no crash, no
// sanitizer report; a running transfer never holds more than its document's size; a file exists
// only for a download that finished, and holds exactly the bytes of the sha256 and size announced
// (C4: nothing else is ever written, not even a temporary file); after the end no transfer runs (P1).
#include "client/ClientConnection.h"
#include "client/consultation/Consultation.h"
#include "client/documents/ConsultationDocuments.h"
#include "core/Clock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <google/protobuf/stubs/logging.h>

#include <cstdint>
#include <cstdlib>

using namespace consult;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

struct Fixture
{
    Fixture()
    {
        static int argc = 1;
        static char name[] = "fuzz_document_receiving";
        static char *argv[] = {name, nullptr};
        if (!QCoreApplication::instance())
            app = std::make_unique<QCoreApplication>(argc, argv);
        require(folder.isValid());
        // Mutated strings are often not UTF-8 and every refusal is logged: neither is a finding.
        google::protobuf::SetLogHandler(nullptr);
        QLoggingCategory::setFilterRules(QStringLiteral("consult.*=false"));
    }
    std::unique_ptr<QCoreApplication> app;
    QTemporaryDir folder;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Fixture fixture;
    ClientConnection connection({}, SystemClock::instance());
    Consultation consultation(connection, SystemClock::instance(), wire::PARTY_CUSTOMER,
                              [] { return QStringLiteral("c1"); });
    wire::ConsultationStarted started;
    started.set_consultation_id("C");
    started.mutable_document_limits()->set_max_file_bytes(64 * 1024);
    started.mutable_document_limits()->set_max_files(4);
    consultation.begin(started, QStringLiteral("Erika"));
    ConsultationDocuments documents(consultation, wire::PARTY_CUSTOMER, {});

    // What each download promised, and the files of the downloads that finished.
    QHash<quint32, ConsultationDocument> promised;
    QHash<QString, quint32> finished;
    QObject::connect(&documents, &ConsultationDocuments::downloadFinished, &documents,
                     [&](quint32 transferId, const QString &path) {
                         require(promised.contains(transferId) && !finished.contains(path));
                         finished.insert(path, transferId);
                     });
    QObject::connect(&documents, &ConsultationDocuments::documentsChanged, &documents, [&] {
        for (const ConsultationDocument &document : documents.documents()) {
            const bool asked = std::any_of(promised.cbegin(), promised.cend(),
                                           [&](const ConsultationDocument &d) { return d.id == document.id; });
            if (asked || document.removed)
                continue;
            const QString path = fixture.folder.filePath(QStringLiteral("d%1").arg(promised.size()));
            const quint32 id = documents.download(document.id, path);
            if (id != 0)
                promised.insert(id, document);
        }
    });

    std::size_t at = 0;
    while (at + 2 <= size) {
        const std::size_t length = std::min<std::size_t>(size - at - 2, (std::size_t(data[at]) << 8) | data[at + 1]);
        at += 2;
        wire::Envelope envelope;
        const bool parsed = envelope.ParseFromArray(data + at, int(length));
        at += length;
        if (!parsed)
            continue;
        documents.dispatch(envelope);
        for (const DocumentTransfer &transfer : documents.transfers())
            require(transfer.doneBytes >= 0 && transfer.doneBytes <= transfer.totalBytes);
    }

    const QStringList written = QDir(fixture.folder.path()).entryList(QDir::Files | QDir::Hidden);
    require(written.size() == finished.size());
    for (const QString &name : written) {
        const QString path = fixture.folder.filePath(name);
        require(finished.contains(path));
        const ConsultationDocument &document = promised.value(finished.value(path));
        QFile file(path);
        require(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        require(bytes.size() == document.size);
        require(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256) == document.sha256);
        file.remove();
    }
    documents.consultationEnded();
    require(documents.transfers().isEmpty());
    return 0;
}
