#include "DocumentService.h"

#include "ContentCheck.h"
#include "DocumentDelivery.h"
#include "consultation/ConsultationService.h"
#include "core/Clock.h"
#include "core/SecureRandom.h"
#include "session/SessionRegistry.h"
#include "stats/StatisticsStore.h"
#include "validation/FileName.h"

#include <QCryptographicHash>
#include <QLoggingCategory>

#include <vector>

namespace consult {

Q_LOGGING_CATEGORY(lcDocuments, "consult.documents")

using namespace documents;

namespace {

constexpr std::size_t kMaxReferencedId = 64; // of a consultation id echoed in Error.reference
constexpr std::size_t kMaxNameBytes = 1024;  // before sanitising; the result is at most 200 bytes
constexpr std::size_t kMaxDocumentIdBytes = 64;
constexpr qint64 kMaxChunkBytes = 32 * 1024;   // consult.proto: DocumentChunk.data is 1..32 KiB
constexpr quint32 kFirstStreamId = 0x44430000; // "DC": the bulk streams of downloads

QString referenced(const std::string &consultationId)
{
    return QString::fromStdString(consultationId.substr(0, kMaxReferencedId));
}

QString uploadReference(const std::string &consultationId, quint32 transferId)
{
    return QStringLiteral("%1:u%2").arg(referenced(consultationId)).arg(transferId);
}

QString downloadReference(const std::string &consultationId, quint32 transferId)
{
    return QStringLiteral("%1:g%2").arg(referenced(consultationId)).arg(transferId);
}

QString removeReference(const std::string &consultationId, const std::string &documentId)
{
    return QStringLiteral("%1:r%2").arg(referenced(consultationId),
                                        QString::fromStdString(documentId.substr(0, kMaxDocumentIdBytes)));
}

bool allowedType(wire::DocumentType type)
{
    return type == wire::DOCUMENT_TYPE_PDF || type == wire::DOCUMENT_TYPE_PNG || type == wire::DOCUMENT_TYPE_JPEG;
}

} // namespace

struct DocumentService::Upload
{
    quint64 serial = 0; // tells a late check's answer from a newer upload with the same transfer id
    wire::Party from = wire::PARTY_UNSPECIFIED;
    QString name; // sanitised (U6)
    wire::DocumentType type = wire::DOCUMENT_TYPE_UNSPECIFIED;
    qint64 size = 0;
    QByteArray sha256;
    std::unique_ptr<VaultWriter> writer;
    std::shared_ptr<VaultFile> file; // once written completely
    std::unique_ptr<QCryptographicHash> hash = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
    qint64 received = 0;
    bool checking = false; // every byte is in; the content check runs
};

struct DocumentService::Document
{
    wire::DocumentAvailable available; // as both were told, without a transfer id
    std::shared_ptr<VaultFile> file;
};

struct DocumentService::Room
{
    QString id;
    std::map<TransferKey, Upload> uploads;
    std::vector<Document> documents;        // in the order they became available
    std::vector<wire::DeletedItem> removed; // for the receipt
    std::map<TransferKey, std::unique_ptr<DocumentDelivery>> downloads;
    qint64 bytes = 0; // reserved by uploads and held by documents
    int files() const { return static_cast<int>(uploads.size() + documents.size()); }
};

DocumentService::DocumentService(Settings settings, ConsultationService &consultations, SessionRegistry &registry,
                                 const Clock &clock)
    : m_settings(std::move(settings))
    , m_consultations(consultations)
    , m_registry(registry)
    , m_clock(clock)
    , m_vault(m_settings.directory)
    , m_lastStreamId(kFirstStreamId)
{
    m_checks.setMaxThreadCount(qMax(1, m_settings.checkThreads));
}

DocumentService::~DocumentService()
{
    m_checks.waitForDone(); // their answers are queued to this object, which goes next
    m_rooms.clear();
}

wire::DocumentLimits DocumentService::limits() const
{
    wire::DocumentLimits limits;
    limits.set_max_file_bytes(static_cast<quint64>(m_settings.maxFileBytes));
    limits.set_max_files(static_cast<quint32>(m_settings.maxFiles));
    limits.set_max_consultation_bytes(static_cast<quint64>(m_settings.maxConsultationBytes));
    limits.add_types(wire::DOCUMENT_TYPE_PDF);
    limits.add_types(wire::DOCUMENT_TYPE_PNG);
    limits.add_types(wire::DOCUMENT_TYPE_JPEG);
    return limits;
}

int DocumentService::uploadCount() const
{
    int count = 0;
    for (const auto &room : m_rooms)
        count += static_cast<int>(room->uploads.size());
    return count;
}

int DocumentService::downloadCount() const
{
    int count = 0;
    for (const auto &room : m_rooms)
        count += static_cast<int>(room->downloads.size());
    return count;
}

// --- Lifecycle -------------------------------------------------------------------------------------

void DocumentService::consultationStarted(const ConsultationRecord &consultation)
{
    auto room = std::make_shared<Room>();
    room->id = consultation.id;
    m_rooms.insert(consultation.id, std::move(room));
}

void DocumentService::advisorReplaced(const ConsultationRecord &consultation, quint64 previousSessionId)
{
    const auto it = m_rooms.find(consultation.id);
    if (it == m_rooms.end())
        return;
    Room &room = *it.value();
    // The previous advisor's uploads and downloads end with their part in the consultation.
    std::vector<TransferKey> previous;
    for (const auto &[key, upload] : room.uploads) {
        if (key.first == previousSessionId)
            previous.push_back(key);
    }
    for (const TransferKey &key : previous)
        dropUpload(room, key);
    std::erase_if(room.downloads, [&](const auto &download) { return download.first.first == previousSessionId; });
    Session *colleague = m_registry.find(consultation.advisorSessionId);
    if (!colleague)
        return;
    for (const Document &document : room.documents) {
        wire::Envelope envelope;
        *envelope.mutable_document_available() = document.available;
        colleague->send(std::move(envelope));
    }
}

void DocumentService::participantResumed(const ConsultationRecord &consultation, quint64 sessionId)
{
    const auto it = m_rooms.find(consultation.id);
    if (it == m_rooms.end())
        return;
    // The reliable channel replayed what the old connection numbered; the downloads open their
    // streams on the new one and go on right after it. Uploads: the app's channel replays its chunks.
    for (const auto &[key, download] : it.value()->downloads) {
        if (key.first == sessionId)
            download->pump();
    }
}

void DocumentService::listDeleted(const ConsultationRecord &consultation, wire::DeletionReceipt &receipt) const
{
    const auto it = m_rooms.constFind(consultation.id);
    if (it == m_rooms.cend())
        return;
    // One item per exchanged file, in the order they became available; removed ones first, as they
    // went first. Uploads never completed were not exchanged and are not listed.
    for (const wire::DeletedItem &item : it.value()->removed)
        *receipt.add_items() = item;
    for (const Document &document : it.value()->documents) {
        wire::DeletedItem *item = receipt.add_items();
        item->set_kind(wire::DELETED_KIND_DOCUMENT);
        item->set_name(document.available.name());
        item->set_bytes(document.available.size());
        item->set_from(document.available.from());
    }
}

void DocumentService::consultationEnded(const ConsultationRecord &consultation)
{
    const auto it = m_rooms.find(consultation.id);
    if (it == m_rooms.end())
        return;
    // P2: at once, not within 60 s: every file is deleted and its key wiped as the last reference
    // goes (a content check still running holds one until it answers).
    std::shared_ptr<Room> room = it.value();
    m_rooms.erase(it);
    room->downloads.clear();
    while (!room->uploads.empty())
        dropUpload(*room, room->uploads.begin()->first);
    for (Document &document : room->documents)
        document.file->remove();
    m_serverBytes -= room->bytes;
    qCDebug(lcDocuments) << "deleted" << room->documents.size() + room->removed.size() << "documents";
}

// --- Messages --------------------------------------------------------------------------------------

void DocumentService::refuse(Session &sender, wire::ErrorCode code, const char *field, const QString &message,
                             const QString &reference)
{
    wire::Envelope envelope;
    auto *error = envelope.mutable_error();
    error->set_code(code);
    error->set_message(message.toStdString());
    if (field)
        error->set_field(field);
    error->set_reference(reference.toStdString());
    sender.send(std::move(envelope));
}

DocumentService::Room *DocumentService::roomOf(const Session &sender, const std::string &consultationId)
{
    const ConsultationRecord *consultation = m_consultations.ownConsultation(sender, consultationId);
    const auto it = consultation ? m_rooms.find(consultation->id) : m_rooms.end();
    return it == m_rooms.end() ? nullptr : it.value().get();
}

bool DocumentService::transferInUse(const Room &room, TransferKey key) const
{
    return room.uploads.count(key) > 0 || room.downloads.count(key) > 0;
}

void DocumentService::dropUpload(Room &room, TransferKey key)
{
    const auto upload = room.uploads.find(key);
    if (upload == room.uploads.end())
        return;
    // Nothing of a refused or cancelled upload stays (U1, U6): the file goes, the bytes are free.
    if (upload->second.file)
        upload->second.file->remove();
    else if (upload->second.writer)
        upload->second.writer->file()->remove();
    room.bytes -= upload->second.size;
    m_serverBytes -= upload->second.size;
    room.uploads.erase(upload);
}

void DocumentService::handleOffer(Session &sender, const wire::DocumentOffer &offer)
{
    const QString reference = uploadReference(offer.consultation_id(), offer.transfer_id());
    Room *room = roomOf(sender, offer.consultation_id());
    if (!room) {
        refuse(sender, wire::ERROR_NOT_FOUND, nullptr, QStringLiteral("no such consultation"), reference); // S5
        return;
    }
    const TransferKey key{sender.id(), offer.transfer_id()};
    if (transferInUse(*room, key)) {
        refuse(sender, wire::ERROR_INVALID_INPUT, "transfer_id", QStringLiteral("the transfer id is in use"),
               reference);
        return;
    }
    // U6, I2: the name is display metadata only, sanitised; the client's path is never used.
    const QString rawName = QString::fromStdString(offer.name());
    if (offer.name().empty() || offer.name().size() > kMaxNameBytes || !rawName.isValidUtf16()) {
        refuse(sender, wire::ERROR_INVALID_INPUT, "name", QStringLiteral("a name has 1..1024 bytes"), reference);
        return;
    }
    if (!allowedType(offer.type())) { // U1
        refuse(sender, wire::ERROR_INVALID_INPUT, "type", QStringLiteral("PDF, PNG or JPEG only"), reference);
        return;
    }
    if (offer.size() == 0) {
        refuse(sender, wire::ERROR_INVALID_INPUT, "size", QStringLiteral("the file is empty"), reference);
        return;
    }
    // U1: the declared size is judged before any chunk is kept.
    if (offer.size() > static_cast<quint64>(m_settings.maxFileBytes)) {
        refuse(sender, wire::ERROR_LIMIT_REACHED, "file_bytes", QStringLiteral("the file is too big"), reference);
        return;
    }
    if (offer.sha256().size() != 32) {
        refuse(sender, wire::ERROR_INVALID_INPUT, "checksum", QStringLiteral("a sha256 has 32 bytes"), reference);
        return;
    }
    const auto size = static_cast<qint64>(offer.size());
    if (room->files() >= m_settings.maxFiles) {
        refuse(sender, wire::ERROR_LIMIT_REACHED, "files",
               QStringLiteral("the consultation has as many files as it may"), reference);
        return;
    }
    if (room->bytes + size > m_settings.maxConsultationBytes) {
        refuse(sender, wire::ERROR_LIMIT_REACHED, "consultation_bytes",
               QStringLiteral("the consultation holds as many bytes as it may"), reference);
        return;
    }
    if (m_serverBytes + size > m_settings.maxServerBytes) {
        refuse(sender, wire::ERROR_LIMIT_REACHED, "server_bytes",
               QStringLiteral("the server holds as many bytes as it may"), reference);
        return;
    }
    auto writer = m_vault.create();
    if (!writer) {
        qCWarning(lcDocuments) << "vault:" << writer.problem().message;
        refuse(sender, wire::ERROR_STORAGE_FAILED, nullptr, QStringLiteral("the server cannot store the file"),
               reference);
        return;
    }
    const ConsultationRecord *consultation = m_consultations.find(room->id);
    Upload upload;
    upload.serial = ++m_lastUploadSerial;
    upload.from = consultation->partyOf(sender.id());
    upload.name = validation::sanitiseFileName(rawName);
    upload.type = offer.type();
    upload.size = size;
    upload.sha256 = QByteArray::fromStdString(offer.sha256());
    upload.writer = std::move(writer).value();
    // The reservation: parallel uploads cannot overshoot the consultation's or the server's bytes.
    room->bytes += size;
    m_serverBytes += size;
    room->uploads.emplace(key, std::move(upload));
}

void DocumentService::handleChunk(Session &sender, const wire::DocumentChunk &chunk)
{
    Room *room = roomOf(sender, chunk.consultation_id());
    if (!room)
        return; // S5: no answer, as for any unknown transfer
    const TransferKey key{sender.id(), chunk.transfer_id()};
    const auto it = room->uploads.find(key);
    if (it == room->uploads.end())
        return; // a chunk of an unknown, refused or cancelled upload is dropped quietly
    Upload &upload = it->second;
    const QString reference = uploadReference(chunk.consultation_id(), chunk.transfer_id());
    const auto length = static_cast<qint64>(chunk.data().size());
    if (upload.checking || chunk.offset() != static_cast<quint64>(upload.received) || length < 1 ||
        length > kMaxChunkBytes || upload.received + length > upload.size) {
        dropUpload(*room, key);
        refuse(sender, wire::ERROR_INVALID_INPUT, "chunk", QStringLiteral("a chunk out of order or beyond the size"),
               reference);
        return;
    }
    const QByteArrayView data(chunk.data().data(), length);
    upload.hash->addData(data);
    upload.received += length;
    bool stored = upload.writer->append(data);
    if (stored && upload.received == upload.size)
        stored = upload.writer->finish();
    if (!stored) { // R3: this upload fails, the consultation goes on
        qCWarning(lcDocuments) << "vault write failed";
        dropUpload(*room, key);
        refuse(sender, wire::ERROR_STORAGE_FAILED, nullptr, QStringLiteral("the server cannot store the file"),
               reference);
        return;
    }
    if (upload.received < upload.size)
        return;
    if (upload.hash->result() != upload.sha256) {
        dropUpload(*room, key);
        refuse(sender, wire::ERROR_INVALID_INPUT, "checksum", QStringLiteral("the sha256 differs"), reference);
        return;
    }
    upload.file = upload.writer->file();
    upload.writer.reset();
    startCheck(*room, key, upload);
}

void DocumentService::startCheck(const Room &room, TransferKey key, Upload &upload)
{
    upload.checking = true;
    ++m_checksRunning;
    // U2-U4 on a worker thread: the check parses the whole file and must never stall the relay. At
    // most checkThreads files are in RAM for it at once.
    const QString consultationId = room.id;
    m_checks.start([this, file = upload.file, declared = upload.type, limits = m_settings.content, consultationId, key,
                    serial = upload.serial] {
        VaultReader reader(file);
        ContentVerdict verdict;
        if (const auto content = reader.readAll())
            verdict = checkUploadedContent(*content, declared, limits);
        else
            verdict.refusal = ContentRefusal::Unreadable;
        QMetaObject::invokeMethod(
            this, [this, consultationId, key, serial, verdict] { checkDone(consultationId, key, serial, verdict); },
            Qt::QueuedConnection);
    });
}

void DocumentService::checkDone(const QString &consultationId, TransferKey key, quint64 uploadSerial,
                                const ContentVerdict &verdict)
{
    --m_checksRunning;
    const auto roomIt = m_rooms.find(consultationId);
    if (roomIt == m_rooms.end())
        return; // ended meanwhile: the file is gone already
    Room &room = *roomIt.value();
    const auto it = room.uploads.find(key);
    if (it == room.uploads.end() || it->second.serial != uploadSerial)
        return; // cancelled meanwhile
    Session *sender = m_registry.find(key.first);
    const ConsultationRecord *consultation = m_consultations.find(consultationId);
    if (!verdict.accepted() || verdict.type != it->second.type) {
        qCInfo(lcDocuments) << "upload refused by its content:" << verdict.detail;
        dropUpload(room, key);
        if (sender)
            refuse(*sender, wire::ERROR_INVALID_INPUT, refusalField(verdict.refusal),
                   QStringLiteral("the content is not an allowed document of the declared type"),
                   uploadReference(consultationId.toStdString(), key.second));
        return;
    }
    publish(room, *consultation, it->second, key.second);
    room.uploads.erase(it); // its reservation now belongs to the document
}

void DocumentService::publish(Room &room, const ConsultationRecord &consultation, const Upload &upload,
                              quint32 transferId)
{
    Document document;
    document.file = upload.file;
    wire::DocumentAvailable &available = document.available;
    available.set_consultation_id(consultation.id.toStdString());
    available.set_document_id(SecureRandom::identifier().toStdString()); // S1: 128 random bits
    available.set_name(upload.name.toStdString());
    available.set_type(upload.type);
    available.set_size(static_cast<quint64>(upload.size));
    available.set_sha256(upload.sha256.toStdString());
    available.set_from(upload.from);
    available.set_added_at(m_clock.nowMs());
    // P3: the anonymous statistics note that documents were exchanged, nothing about them.
    m_consultations.noteFeature(consultation.id, StatisticsStore::Documents);
    qCDebug(lcDocuments) << "document available," << upload.size << "bytes";

    for (const quint64 sessionId : {consultation.customerSessionId, consultation.advisorSessionId}) {
        Session *session = m_registry.find(sessionId);
        if (!session)
            continue;
        wire::Envelope envelope;
        *envelope.mutable_document_available() = available;
        if (consultation.partyOf(sessionId) == upload.from) // the uploader's copy: its upload is done
            envelope.mutable_document_available()->set_transfer_id(transferId);
        session->send(std::move(envelope));
    }
    room.documents.push_back(std::move(document));
}

void DocumentService::handleCancel(Session &sender, const wire::DocumentCancel &cancel)
{
    Room *room = roomOf(sender, cancel.consultation_id());
    if (!room)
        return; // the cancel may cross the end: ignored, as unknown transfers are
    const TransferKey key{sender.id(), cancel.transfer_id()};
    dropUpload(*room, key);
    room->downloads.erase(key); // what was not numbered yet is not sent
}

void DocumentService::handleDownload(Session &sender, const wire::DocumentDownload &download)
{
    const QString reference = downloadReference(download.consultation_id(), download.transfer_id());
    Room *room = roomOf(sender, download.consultation_id());
    const auto document = room ? std::find_if(room->documents.begin(), room->documents.end(),
                                              [&](const Document &candidate) {
                                                  return candidate.available.document_id() == download.document_id();
                                              })
                               : std::vector<Document>::iterator{};
    if (!room || document == room->documents.end()) {
        // S5: another consultation's document gets the same answer as one that never existed.
        refuse(sender, wire::ERROR_NOT_FOUND, nullptr, QStringLiteral("no such document"), reference);
        return;
    }
    const TransferKey key{sender.id(), download.transfer_id()};
    if (transferInUse(*room, key)) {
        refuse(sender, wire::ERROR_INVALID_INPUT, "transfer_id", QStringLiteral("the transfer id is in use"),
               reference);
        return;
    }
    const QString consultationId = room->id;
    auto delivery = std::make_unique<DocumentDelivery>(
        m_registry, sender.id(), ++m_lastStreamId, consultationId.toStdString(), download.transfer_id(), document->file,
        [this, consultationId, key] { downloadFinished(consultationId, key); });
    DocumentDelivery *started = delivery.get();
    room->downloads.emplace(key, std::move(delivery));
    started->pump();
}

void DocumentService::downloadFinished(const QString &consultationId, TransferKey key)
{
    const auto room = m_rooms.find(consultationId);
    if (room == m_rooms.end())
        return;
    const auto it = room.value()->downloads.find(key);
    if (it == room.value()->downloads.end())
        return;
    // Told from the delivery's own queued call: it goes on the next turn, not under itself.
    it->second.release()->deleteLater();
    room.value()->downloads.erase(it);
}

void DocumentService::handleRemove(Session &sender, const wire::DocumentRemove &remove)
{
    const QString reference = removeReference(remove.consultation_id(), remove.document_id());
    Room *room = roomOf(sender, remove.consultation_id());
    const ConsultationRecord *consultation = room ? m_consultations.find(room->id) : nullptr;
    const auto document = room ? std::find_if(room->documents.begin(), room->documents.end(),
                                              [&](const Document &candidate) {
                                                  return candidate.available.document_id() == remove.document_id();
                                              })
                               : std::vector<Document>::iterator{};
    if (!room || document == room->documents.end()) {
        refuse(sender, wire::ERROR_NOT_FOUND, nullptr, QStringLiteral("no such document"), reference); // S5
        return;
    }
    if (consultation->partyOf(sender.id()) != wire::PARTY_ADVISOR) { // S6 (the table refuses it first)
        refuse(sender, wire::ERROR_NOT_ALLOWED, nullptr, QStringLiteral("only the advisor removes"), reference);
        return;
    }
    // Downloads of it stop; the file and its key go now (P2).
    std::erase_if(room->downloads, [&](const auto &download) { return download.second->file() == document->file; });
    document->file->remove();
    wire::DeletedItem item;
    item.set_kind(wire::DELETED_KIND_DOCUMENT);
    item.set_name(document->available.name());
    item.set_bytes(document->available.size());
    item.set_from(document->available.from());
    room->removed.push_back(std::move(item));
    room->bytes -= static_cast<qint64>(document->available.size());
    m_serverBytes -= static_cast<qint64>(document->available.size());
    const std::string documentId = document->available.document_id();
    room->documents.erase(document);

    wire::Envelope envelope;
    auto *removed = envelope.mutable_document_removed();
    removed->set_consultation_id(consultation->id.toStdString());
    removed->set_document_id(documentId);
    removed->set_removed_at(m_clock.nowMs());
    if (Session *customer = m_registry.find(consultation->customerSessionId))
        customer->send(wire::Envelope(envelope));
    sender.send(std::move(envelope));
}

} // namespace consult
