#include "ConsultationDocuments.h"

#include "client/ClientConnection.h"
#include "client/consultation/Consultation.h"
#include "client/consultation/ConsultationRouting.h"
#include "client/transfer/SequencedUpload.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <map>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace consult {

namespace {

Q_LOGGING_CATEGORY(lcDocuments, "consult.client.documents")

constexpr qint64 kChunkBytes = 32 * 1024; // consult.proto: DocumentChunk.data is 1..32 KiB

using Refusal = ConsultationDocuments::Refusal;

QString contentReason(documents::ContentRefusal refusal)
{
    switch (refusal) {
    case documents::ContentRefusal::Unreadable:
        return QStringLiteral("unreadable");
    case documents::ContentRefusal::Encrypted:
        return QStringLiteral("encrypted");
    case documents::ContentRefusal::ActiveContent:
        return QStringLiteral("active_content");
    case documents::ContentRefusal::Polyglot:
        return QStringLiteral("polyglot");
    case documents::ContentRefusal::TooManyPixels:
        return QStringLiteral("too_many_pixels");
    case documents::ContentRefusal::TooManyPages:
        return QStringLiteral("too_many_pages");
    case documents::ContentRefusal::TypeMismatch:
        return QStringLiteral("type_mismatch");
    case documents::ContentRefusal::Empty:
        return QStringLiteral("empty");
    case documents::ContentRefusal::NotAllowedType:
        return QStringLiteral("type");
    case documents::ContentRefusal::None:
        break;
    }
    return {};
}

// The server's refusal (consult.proto, Documents) in the part's words.
Refusal refusalOf(wire::ErrorCode code, const std::string &field)
{
    switch (code) {
    case wire::ERROR_NOT_FOUND:
        return Refusal::NotFound;
    case wire::ERROR_NOT_ALLOWED:
        return Refusal::NotAllowed;
    case wire::ERROR_LIMIT_REACHED:
        if (field == "file_bytes")
            return Refusal::TooBig;
        if (field == "files")
            return Refusal::TooMany;
        if (field == "consultation_bytes")
            return Refusal::ConsultationFull;
        return Refusal::ServerFull;
    case wire::ERROR_INVALID_INPUT:
        if (field == "name")
            return Refusal::NameRefused;
        if (field == "type")
            return Refusal::NotAllowedType;
        if (field == "content" || field == "size")
            return Refusal::ContentRefused;
        if (field == "checksum")
            return Refusal::ChecksumMismatch;
        return Refusal::StorageFailed; // "chunk", "transfer_id": this upload failed; try again
    default:
        return Refusal::StorageFailed;
    }
}

} // namespace

// What the worker found in a file the user chose to upload.
struct CheckedUpload
{
    std::optional<Refusal> refusal;
    QString detail;
    QByteArray content;
    wire::DocumentType type = wire::DOCUMENT_TYPE_UNSPECIFIED;
    QByteArray sha256;
};

namespace {

// Checking a file is background work: on a busy machine the call's audio and video threads and the
// GUI thread go first (as the whiteboard's PageDecoder does: on Linux a thread's nice value is its
// own, QThread priorities do nothing under SCHED_OTHER).
void yieldToTheCall()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 10);
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

// Off the GUI thread: reads the file (never more than the limit allows) and runs the one content
// check the server runs too (U1-U4), so a refusal is known before a byte is sent.
CheckedUpload readAndCheck(const QString &path, const wire::DocumentLimits &limits)
{
    yieldToTheCall();
    CheckedUpload checked;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        checked.refusal = Refusal::FileUnreadable;
        checked.detail = file.errorString();
        return checked;
    }
    const qint64 maxBytes = limits.max_file_bytes() > 0 ? qint64(limits.max_file_bytes()) : -1;
    if (maxBytes >= 0 && file.size() > maxBytes) {
        checked.refusal = Refusal::TooBig;
        checked.detail = QStringLiteral("file_bytes");
        return checked;
    }
    checked.content = maxBytes >= 0 ? file.read(maxBytes + 1) : file.readAll();
    if (file.error() != QFileDevice::NoError) {
        checked.refusal = Refusal::FileUnreadable;
        checked.detail = file.errorString();
        checked.content.clear();
        return checked;
    }
    if (maxBytes >= 0 && checked.content.size() > maxBytes) { // it grew while we looked
        checked.refusal = Refusal::TooBig;
        checked.detail = QStringLiteral("file_bytes");
        checked.content.clear();
        return checked;
    }
    const wire::DocumentType sniffed = documents::sniffDocumentType(checked.content);
    const bool allowed = limits.types().empty() ||
                         std::find(limits.types().begin(), limits.types().end(), sniffed) != limits.types().end();
    if (checked.content.isEmpty()) {
        checked.refusal = Refusal::ContentRefused;
        checked.detail = contentReason(documents::ContentRefusal::Empty);
    } else if (sniffed == wire::DOCUMENT_TYPE_UNSPECIFIED || !allowed) {
        checked.refusal = Refusal::NotAllowedType;
        checked.detail = QStringLiteral("type");
    } else if (const documents::ContentVerdict verdict = documents::checkDocumentContent(checked.content, sniffed);
               !verdict.accepted()) {
        checked.refusal = verdict.refusal == documents::ContentRefusal::NotAllowedType ? Refusal::NotAllowedType
                                                                                       : Refusal::ContentRefused;
        checked.detail = contentReason(verdict.refusal);
    }
    if (checked.refusal) {
        checked.content.clear();
        return checked;
    }
    checked.type = sniffed;
    checked.sha256 = QCryptographicHash::hash(checked.content, QCryptographicHash::Sha256);
    return checked;
}

} // namespace

struct ConsultationDocuments::Private
{
    // An upload of ours: checked, then offered and sent, then waiting for its DocumentAvailable.
    struct Upload
    {
        DocumentTransfer transfer;
        std::unique_ptr<QFutureWatcher<CheckedUpload>> check; // while the file is read and checked
        std::unique_ptr<SequencedUpload> sender;              // once offered
    };
    // A download of ours: its bytes in memory until complete and checked (C4: no temporary file).
    struct Download
    {
        DocumentTransfer transfer;
        QString targetPath;
        QByteArray sha256;
        QByteArray received;
    };

    Private(Consultation &consultationOfPart, wire::Party selfParty, std::shared_ptr<SessionNumbers> sessionNumbers)
        : consultation(consultationOfPart)
        , self(selfParty)
        , numbers(std::move(sessionNumbers))
    {}

    bool canSend() const { return !ended && consultation.isRunning(); }
    ConsultationDocument *document(const QString &id)
    {
        const auto found = std::find_if(documents.begin(), documents.end(),
                                        [&](const ConsultationDocument &document) { return document.id == id; });
        return found == documents.end() ? nullptr : &*found;
    }

    Consultation &consultation;
    const wire::Party self;
    std::shared_ptr<SessionNumbers> numbers;
    QList<ConsultationDocument> documents;
    std::map<quint32, Upload> uploads;
    std::map<quint32, Download> downloads;
    QList<quint32> cancelledUploads; // cancelled after their last chunk: their DocumentAvailable may cross
    bool ended = false;
    // The checks of files to upload: one at a time, so one file is in RAM for it at once.
    QThreadPool checks;
};

ConsultationDocuments::ConsultationDocuments(Consultation &consultation, wire::Party self,
                                             std::shared_ptr<SessionNumbers> numbers, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(consultation, self,
                                  numbers ? std::move(numbers) : std::make_shared<SessionNumbers>()))
{
    d->checks.setMaxThreadCount(1);
    d->checks.setExpiryTimeout(5000);
}

ConsultationDocuments::~ConsultationDocuments()
{
    // A check that has not started is dropped; the one running is waited for (its file in RAM goes
    // with it).
    d->checks.clear();
    d->checks.waitForDone();
}

const wire::DocumentLimits &ConsultationDocuments::limits() const
{
    return d->consultation.documentLimits();
}

QList<ConsultationDocument> ConsultationDocuments::documents() const
{
    return d->documents;
}

QList<DocumentTransfer> ConsultationDocuments::transfers() const
{
    QList<DocumentTransfer> running;
    for (const auto &[id, upload] : d->uploads)
        running.append(upload.transfer);
    for (const auto &[id, download] : d->downloads)
        running.append(download.transfer);
    std::sort(running.begin(), running.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    return running;
}

quint32 ConsultationDocuments::upload(const QString &filePath)
{
    if (!d->canSend())
        return 0;
    const quint32 id = d->numbers->nextTransferId++;
    Private::Upload &upload = d->uploads[id];
    upload.transfer.id = id;
    upload.transfer.direction = DocumentTransfer::Direction::Upload;
    upload.transfer.name = QFileInfo(filePath).fileName();
    upload.check = std::make_unique<QFutureWatcher<CheckedUpload>>();
    connect(upload.check.get(), &QFutureWatcherBase::finished, this, [this, id] {
        const auto found = d->uploads.find(id);
        if (found == d->uploads.end() || !found->second.check)
            return;
        // Not deleted under its own signal.
        QFutureWatcher<CheckedUpload> *check = found->second.check.release();
        check->deleteLater();
        onChecked(id, check->result());
    });
    upload.check->setFuture(QtConcurrent::run(&d->checks, readAndCheck, filePath, limits()));
    Q_EMIT transferStarted(id);
    return id;
}

quint32 ConsultationDocuments::download(const QString &documentId, const QString &targetPath)
{
    if (!d->canSend())
        return 0;
    const quint32 id = d->numbers->nextTransferId++;
    const ConsultationDocument *document = d->document(documentId);
    if (!document || document->removed) {
        refuseLater(id, Refusal::NotFound, QStringLiteral("document"));
        return id;
    }
    Private::Download &download = d->downloads[id];
    download.transfer.id = id;
    download.transfer.direction = DocumentTransfer::Direction::Download;
    download.transfer.name = document->name;
    download.transfer.documentId = documentId;
    download.transfer.totalBytes = document->size;
    download.targetPath = targetPath;
    download.sha256 = document->sha256;
    download.received.reserve(document->size);

    wire::Envelope envelope;
    wire::DocumentDownload *request = envelope.mutable_document_download();
    request->set_consultation_id(d->consultation.wireId());
    request->set_document_id(documentId.toStdString());
    request->set_transfer_id(id);
    d->consultation.connection().send(std::move(envelope));
    Q_EMIT transferStarted(id);
    return id;
}

void ConsultationDocuments::cancel(quint32 transferId)
{
    const auto upload = d->uploads.find(transferId);
    const auto download = d->downloads.find(transferId);
    if (upload == d->uploads.end() && download == d->downloads.end())
        return;
    // An upload still being checked was never offered: the server knows nothing of it.
    const bool told = download != d->downloads.end() || upload->second.sender;
    if (upload != d->uploads.end() && upload->second.sender && upload->second.sender->items().empty())
        d->cancelledUploads.append(transferId); // every chunk is out: its DocumentAvailable may cross
    dropTransfer(transferId);
    if (told && d->canSend()) {
        wire::Envelope envelope;
        wire::DocumentCancel *cancel = envelope.mutable_document_cancel();
        cancel->set_consultation_id(d->consultation.wireId());
        cancel->set_transfer_id(transferId);
        d->consultation.connection().send(std::move(envelope));
    }
    Q_EMIT transferCancelled(transferId);
}

void ConsultationDocuments::remove(const QString &documentId)
{
    if (!d->canSend())
        return;
    if (d->self != wire::PARTY_ADVISOR) { // S6: the server refuses it too; we do not even ask
        refuseLater(0, Refusal::NotAllowed, QStringLiteral("remove"));
        return;
    }
    wire::Envelope envelope;
    wire::DocumentRemove *request = envelope.mutable_document_remove();
    request->set_consultation_id(d->consultation.wireId());
    request->set_document_id(documentId.toStdString());
    d->consultation.connection().send(std::move(envelope));
}

// --- ConsultationPart -----------------------------------------------------------------------------

bool ConsultationDocuments::dispatch(const wire::Envelope &envelope)
{
    switch (envelope.body_case()) {
    case wire::Envelope::kDocumentAvailable:
        if (!d->ended)
            onAvailable(envelope.document_available());
        return true;
    case wire::Envelope::kDocumentChunk:
        if (!d->ended)
            onChunk(envelope.document_chunk());
        return true;
    case wire::Envelope::kDocumentRemoved:
        if (!d->ended)
            onRemoved(envelope.document_removed());
        return true;
    case wire::Envelope::kError:
        return onError(envelope.error());
    default:
        return false;
    }
}

void ConsultationDocuments::consultationEnded()
{
    // P1: no transfer's bytes outlive the consultation here; the list of names and sizes stays for
    // the customer's summary.
    d->ended = true;
    QList<quint32> running;
    for (const DocumentTransfer &transfer : transfers())
        running.append(transfer.id);
    for (const quint32 id : std::as_const(running)) {
        dropTransfer(id);
        Q_EMIT transferCancelled(id);
    }
    d->cancelledUploads.clear();
}

// --- Uploads --------------------------------------------------------------------------------------

void ConsultationDocuments::onChecked(quint32 transferId, const CheckedUpload &checked)
{
    if (checked.refusal) {
        qCInfo(lcDocuments) << "an upload was refused before sending:" << checked.detail;
        dropTransfer(transferId);
        Q_EMIT refused(transferId, *checked.refusal, checked.detail);
        return;
    }
    // The count and the bytes of the consultation, with the uploads under way (the server reserves
    // them at the offer the same way).
    const wire::DocumentLimits &limits = this->limits();
    int files = 0;
    qint64 bytes = 0;
    for (const ConsultationDocument &document : std::as_const(d->documents)) {
        if (!document.removed) {
            ++files;
            bytes += document.size;
        }
    }
    for (const auto &[id, upload] : d->uploads) {
        if (upload.sender) {
            ++files;
            bytes += upload.transfer.totalBytes;
        }
    }
    std::optional<Refusal> refusal;
    if (limits.max_files() > 0 && files >= int(limits.max_files()))
        refusal = Refusal::TooMany;
    else if (limits.max_consultation_bytes() > 0 &&
             bytes + checked.content.size() > qint64(limits.max_consultation_bytes()))
        refusal = Refusal::ConsultationFull;
    if (refusal) {
        dropTransfer(transferId);
        Q_EMIT refused(transferId, *refusal,
                       *refusal == Refusal::TooMany ? QStringLiteral("files") : QStringLiteral("consultation_bytes"));
        return;
    }
    sendUpload(transferId, checked);
}

void ConsultationDocuments::sendUpload(quint32 transferId, CheckedUpload checked)
{
    Private::Upload &upload = d->uploads.at(transferId);
    upload.transfer.totalBytes = checked.content.size();

    wire::Envelope envelope;
    wire::DocumentOffer *offer = envelope.mutable_document_offer();
    offer->set_consultation_id(d->consultation.wireId());
    offer->set_transfer_id(transferId);
    offer->set_name(upload.transfer.name.toStdString());
    offer->set_type(checked.type);
    offer->set_size(quint64(checked.content.size()));
    offer->set_sha256(checked.sha256.toStdString());
    d->consultation.connection().send(std::move(envelope));

    const std::string consultationId = d->consultation.wireId();
    auto makeChunk = [consultationId](const SequencedUpload::Item &item, qint64 offset, qint64 length) {
        wire::Envelope chunkEnvelope;
        wire::DocumentChunk *chunk = chunkEnvelope.mutable_document_chunk();
        chunk->set_consultation_id(consultationId);
        chunk->set_transfer_id(quint32(item.tag));
        chunk->set_offset(quint64(offset));
        chunk->set_data(item.bytes.constData() + offset, std::size_t(length));
        return chunkEnvelope;
    };
    auto readChunk = [](const wire::Envelope &sent) -> std::optional<SequencedUpload::ChunkOf> {
        if (sent.body_case() != wire::Envelope::kDocumentChunk)
            return std::nullopt;
        const wire::DocumentChunk &chunk = sent.document_chunk();
        return SequencedUpload::ChunkOf{chunk.transfer_id(), qint64(chunk.offset()), qint64(chunk.data().size())};
    };
    // One bulk stream per upload: a cancel closes it without touching the others.
    upload.sender = std::make_unique<SequencedUpload>(d->consultation.connection(), d->numbers->nextBulkStream++,
                                                      kChunkBytes, std::move(makeChunk), std::move(readChunk));
    connect(upload.sender.get(), &SequencedUpload::chunkNumbered, this,
            [this](quint64 tag, qint64 length, bool /*complete*/) {
                const auto found = d->uploads.find(quint32(tag));
                if (found == d->uploads.end())
                    return;
                DocumentTransfer &transfer = found->second.transfer;
                transfer.doneBytes += length;
                Q_EMIT transferProgress(transfer.id, transfer.doneBytes, transfer.totalBytes);
            });
    upload.sender->append(transferId, std::move(checked.content));
}

void ConsultationDocuments::onAvailable(const wire::DocumentAvailable &available)
{
    const QString id = QString::fromStdString(available.document_id());
    if (!d->document(id)) { // a colleague taking over hears of each document once
        ConsultationDocument document;
        document.id = id;
        document.name = QString::fromStdString(available.name());
        document.type = available.type();
        document.size = qint64(available.size());
        document.sha256 = QByteArray::fromStdString(available.sha256());
        document.from = available.from();
        document.addedAt = QDateTime::fromMSecsSinceEpoch(available.added_at(), Qt::UTC).toLocalTime();
        d->documents.append(document);
        Q_EMIT documentsChanged();
    }
    const quint32 transferId = available.transfer_id();
    if (transferId == 0)
        return;
    if (d->cancelledUploads.removeOne(transferId)) {
        // The cancel crossed the last check: the advisor takes it back; a customer cannot (S6).
        if (d->self == wire::PARTY_ADVISOR)
            remove(id);
        return;
    }
    const auto upload = d->uploads.find(transferId);
    if (upload == d->uploads.end())
        return;
    dropTransfer(transferId);
    Q_EMIT uploadFinished(transferId, id);
}

// --- Downloads ------------------------------------------------------------------------------------

void ConsultationDocuments::onChunk(const wire::DocumentChunk &chunk)
{
    const auto found = d->downloads.find(chunk.transfer_id());
    if (found == d->downloads.end())
        return; // cancelled: what was on its way is dropped
    Private::Download &download = found->second;
    const auto length = qint64(chunk.data().size());
    if (chunk.offset() != quint64(download.received.size()) || length < 1 ||
        download.received.size() + length > download.transfer.totalBytes) {
        // The server sends in order and within the size; anything else is not this document.
        const quint32 id = download.transfer.id;
        cancel(id);
        Q_EMIT refused(id, Refusal::ChecksumMismatch, QStringLiteral("chunk"));
        return;
    }
    download.received.append(chunk.data().data(), length);
    download.transfer.doneBytes = download.received.size();
    const quint32 id = download.transfer.id;
    const bool complete = download.transfer.doneBytes == download.transfer.totalBytes;
    Q_EMIT transferProgress(id, download.transfer.doneBytes, download.transfer.totalBytes);
    // A view may have cancelled it from the progress just told.
    if (complete && d->downloads.count(id) > 0)
        finishDownload(id);
}

void ConsultationDocuments::finishDownload(quint32 transferId)
{
    Private::Download &download = d->downloads.at(transferId);
    // C4: nothing reaches the disk unless it is exactly the document both sides were told of.
    if (QCryptographicHash::hash(download.received, QCryptographicHash::Sha256) != download.sha256) {
        dropTransfer(transferId);
        Q_EMIT refused(transferId, Refusal::ChecksumMismatch, QStringLiteral("checksum"));
        return;
    }
    QSaveFile file(download.targetPath);
    const bool written =
        file.open(QIODevice::WriteOnly) && file.write(download.received) == download.received.size() && file.commit();
    const QString path = download.targetPath;
    const QString problem = file.errorString();
    dropTransfer(transferId);
    if (!written) {
        Q_EMIT refused(transferId, Refusal::FileNotWritten, problem);
        return;
    }
    Q_EMIT downloadFinished(transferId, path);
}

// --- Removal and refusals -------------------------------------------------------------------------

void ConsultationDocuments::onRemoved(const wire::DocumentRemoved &removed)
{
    const QString id = QString::fromStdString(removed.document_id());
    ConsultationDocument *document = d->document(id);
    if (!document || document->removed)
        return;
    document->removed = true;
    document->sha256.clear();
    // The server stopped its downloads; ours end with it.
    QList<quint32> stopped;
    for (const auto &[transferId, download] : d->downloads) {
        if (download.transfer.documentId == id)
            stopped.append(transferId);
    }
    for (const quint32 transferId : std::as_const(stopped)) {
        dropTransfer(transferId);
        Q_EMIT refused(transferId, Refusal::NotFound, QStringLiteral("removed"));
    }
    Q_EMIT documentsChanged();
}

bool ConsultationDocuments::onError(const wire::Error &error)
{
    // "<consultation_id>:u<transfer_id>", ":g<transfer_id>", ":r<document_id>" (consult.proto,
    // Documents); the client routed it here by its prefix. Other parts' references are not ours.
    const QString reference = refusedPartReference(error, d->consultation.wireId());
    if (reference.isEmpty())
        return false;
    const char kind = reference.front().toLatin1();
    if (kind != 'u' && kind != 'g' && kind != 'r')
        return false;
    const QString what = reference.mid(1);
    if (d->ended)
        return true; // the transfers ended with the consultation already
    const Refusal refusal = refusalOf(error.code(), error.field());
    const QString detail = QString::fromStdString(error.field().empty() ? error.message() : error.field());
    if (kind == 'r') {
        Q_EMIT refused(0, refusal, detail);
        return true;
    }
    bool ok = false;
    const quint32 transferId = what.toUInt(&ok);
    const bool ours = ok && (kind == 'u' ? d->uploads.count(transferId) > 0 : d->downloads.count(transferId) > 0);
    if (!ours)
        return true; // a refusal of a transfer we cancelled meanwhile
    qCInfo(lcDocuments) << "the server refused a transfer:" << error.code() << QString::fromStdString(error.field());
    dropTransfer(transferId);
    Q_EMIT refused(transferId, refusal, detail);
    return true;
}

void ConsultationDocuments::dropTransfer(quint32 transferId)
{
    // Stopping the sender closes its stream: what was not numbered never leaves. It goes on the next
    // turn, as this may run under its own callback (a view cancels on its progress). A check still
    // running finishes in the pool and its result goes nowhere.
    if (const auto upload = d->uploads.find(transferId); upload != d->uploads.end()) {
        if (upload->second.sender) {
            upload->second.sender->stop();
            upload->second.sender.release()->deleteLater();
        }
        if (upload->second.check)
            upload->second.check.release()->deleteLater();
        d->uploads.erase(upload);
    }
    d->downloads.erase(transferId);
}

void ConsultationDocuments::refuseLater(quint32 transferId, Refusal refusal, const QString &detail)
{
    QMetaObject::invokeMethod(
        this, [this, transferId, refusal, detail] { Q_EMIT refused(transferId, refusal, detail); },
        Qt::QueuedConnection);
}

} // namespace consult
