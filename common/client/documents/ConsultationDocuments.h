#pragma once

#include "client/consultation/ConsultationPart.h"
#include "documents/DocumentContent.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace consult {

class Consultation;
struct CheckedUpload;

// One document of a consultation as this client sees it (DocumentAvailable).
struct ConsultationDocument
{
    QString id;   // the server's document id
    QString name; // sanitised by the server
    wire::DocumentType type = wire::DOCUMENT_TYPE_UNSPECIFIED;
    qint64 size = 0;
    QByteArray sha256;
    wire::Party from = wire::PARTY_UNSPECIFIED;
    QDateTime addedAt;
    bool removed = false; // the advisor deleted it (DocumentRemoved); kept for the summary
};

// A running upload or download of this client.
struct DocumentTransfer
{
    enum class Direction
    {
        Upload,
        Download,
    };
    quint32 id = 0; // the transfer_id
    Direction direction = Direction::Upload;
    QString name;
    QString documentId;   // download: the document; upload: set when available
    qint64 doneBytes = 0; // upload: handed to the connection; download: received
    qint64 totalBytes = 0;
};

// The documents part of one consultation on the client (seed 002), the same class on both sides:
// the list of the consultation's documents (DocumentAvailable, DocumentRemoved), uploads from a file
// (checked first with checkDocumentContent and the consultation's DocumentLimits, so a refusal is
// known before a byte is sent; then offered and sent as sequenced bulk chunks behind audio, chat and
// video, resuming exactly after a cut), downloads into memory and then into the file the user chose
// (checked against the document's sha256; nothing is written before the user chose a file, and no
// temporary file is ever written, C4), progress and cancel of each transfer, and the server's
// refusals (Error.reference "<consultation_id>:u…", ":g…", ":r…") as refused(). Added to its
// Consultation by the client library when the consultation begins; views bind to it.
class ConsultationDocuments : public QObject, public ConsultationPart
{
    Q_OBJECT
public:
    enum class Refusal
    {
        NotAllowedType,   // not PDF, PNG or JPEG by content
        ContentRefused,   // see the ContentRefusal in detail (unreadable, encrypted, active, ...)
        TooBig,           // beyond max_file_bytes
        TooMany,          // max_files reached
        ConsultationFull, // max_consultation_bytes reached
        ServerFull,       // the server's global quota
        NameRefused,      // nothing left of the name
        ChecksumMismatch, // a download did not match its sha256 (nothing was saved)
        NotFound,         // the document is gone (removed, or the consultation ended)
        StorageFailed,    // the server could not store it; try again
        FileUnreadable,   // the local file could not be read
        FileNotWritten,   // the chosen file could not be written
        NotAllowed,       // this side may not (a customer removes, S6; the consultation is not running)
    };
    Q_ENUM(Refusal)

    // Numbers one client session hands out to all its consultations' transfers (the advisor holds
    // several consultations on one connection): transfer ids unique per session, one bulk stream per
    // upload or download.
    struct SessionNumbers
    {
        quint32 nextTransferId = 1;
        quint32 nextBulkStream = 0x444f0001; // "DO"; the whiteboard uses "WB", the link test its own
    };

    ConsultationDocuments(Consultation &consultation, wire::Party self, std::shared_ptr<SessionNumbers> numbers,
                          QObject *parent = nullptr);
    ~ConsultationDocuments() override;

    // The limits from ConsultationStarted.document_limits.
    const wire::DocumentLimits &limits() const;
    QList<ConsultationDocument> documents() const; // in the order they became available
    QList<DocumentTransfer> transfers() const;     // running ones

    // Reads and checks the file (off the GUI thread), then uploads it. Returns the transfer id, or 0
    // when the consultation is not running. A local refusal arrives as refused() like the server's.
    quint32 upload(const QString &filePath);
    // Downloads the document into memory; when complete and its sha256 matches, writes it to
    // `targetPath` (a file the user chose) and emits downloadFinished(). Returns the transfer id.
    quint32 download(const QString &documentId, const QString &targetPath);
    // Stops an upload or download of this client (nothing of it is kept on either side).
    void cancel(quint32 transferId);
    // Advisor: deletes a document on the server now (S6: only the advisor).
    void remove(const QString &documentId);

    // ConsultationPart. Also takes the server's refusals of this part's messages (Error.reference).
    bool dispatch(const wire::Envelope &envelope) override;
    void consultationEnded() override;

Q_SIGNALS:
    void documentsChanged();
    void transferStarted(quint32 transferId);
    void transferProgress(quint32 transferId, qint64 doneBytes, qint64 totalBytes);
    // The upload is available to both (its document id), or the download was saved.
    void uploadFinished(quint32 transferId, const QString &documentId);
    void downloadFinished(quint32 transferId, const QString &filePath);
    void transferCancelled(quint32 transferId);
    // transferId 0 for a refusal that belongs to no transfer (remove). detail: for logs and tests:
    // the server's Error.field, or for a local ContentRefused the reason: "unreadable", "encrypted",
    // "active_content", "polyglot", "too_many_pixels", "too_many_pages", "type_mismatch", "empty".
    void refused(quint32 transferId, consult::ConsultationDocuments::Refusal refusal, const QString &detail);

private:
    void onChecked(quint32 transferId, const CheckedUpload &checked);
    void sendUpload(quint32 transferId, CheckedUpload checked);
    void onAvailable(const wire::DocumentAvailable &available);
    void onChunk(const wire::DocumentChunk &chunk);
    void onRemoved(const wire::DocumentRemoved &removed);
    bool onError(const wire::Error &error);
    void finishDownload(quint32 transferId);
    // Ends a transfer of ours without a word to the server (refused, finished, the consultation ended).
    void dropTransfer(quint32 transferId);
    // A local refusal of a transfer whose id the caller gets first: told on the next turn.
    void refuseLater(quint32 transferId, Refusal refusal, const QString &detail);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace consult
