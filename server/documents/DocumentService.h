#pragma once

#include "DocumentVault.h"
#include "consultation/ConsultationSubscriber.h"
#include "documents/DocumentContent.h"
#include "protocol/consult.pb.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <map>
#include <memory>
#include <utility>

namespace consult {

class Clock;
class ConsultationService;
class Session;
class SessionRegistry;

namespace documents {
class DocumentDelivery;
}

// The documents of a consultation on the server (seed 002; consult.proto's Documents section): both
// participants upload (DocumentOffer, then DocumentChunks) and download (DocumentDownload) PDF, PNG
// and JPEG files; the advisor removes one (DocumentRemove). The offer is checked before any chunk is
// kept (S5, U1, U6: the sender's consultation, the sanitised name, the type, the size, the count and
// the bytes of the consultation and of the whole server, reserved at the offer so parallel uploads
// cannot overshoot); the chunks are written through into an encrypted vault file (P2, I1); at the
// last chunk the checksum is verified and the content checked on a worker thread, never on the
// relay's event loop (U2-U4). Refusals are Error with the proto's reference and field, and leave
// nothing behind. Downloads go out as sequenced bulk (DocumentDelivery). A colleague who takes over
// gets a DocumentAvailable per document. At the end every file and its key are destroyed at once and
// the customer's receipt lists each document (removed ones too). Nothing of a document's content or
// name is logged. A part of every consultation; owned by the ServerCore.
class DocumentService final : public QObject, public ConsultationSubscriber
{
    Q_OBJECT
public:
    struct Settings
    {
        qint64 maxFileBytes = 10 * 1024 * 1024;
        int maxFiles = 20;
        qint64 maxConsultationBytes = 50 * 1024 * 1024;
        qint64 maxServerBytes = 2LL * 1024 * 1024 * 1024;
        QString directory;
        documents::ContentLimits content;
        int checkThreads = 2;
    };

    DocumentService(Settings settings, ConsultationService &consultations, SessionRegistry &registry,
                    const Clock &clock);
    ~DocumentService() override;

    // P2: creates the vault directory and deletes what a crash left in it. Must run before the
    // listener opens (the ServerCore's constructor does).
    Result<int> purgeOrphans() const { return m_vault.purgeOrphans(); }

    // The limits every ConsultationStarted carries.
    wire::DocumentLimits limits() const;

    void handleOffer(Session &sender, const wire::DocumentOffer &offer);
    void handleChunk(Session &sender, const wire::DocumentChunk &chunk);
    void handleCancel(Session &sender, const wire::DocumentCancel &cancel);
    void handleDownload(Session &sender, const wire::DocumentDownload &download);
    void handleRemove(Session &sender, const wire::DocumentRemove &remove);

    // For tests and metrics: bytes reserved or held over all consultations, uploads in progress,
    // downloads in progress.
    qint64 heldBytes() const { return m_serverBytes; }
    int uploadCount() const;
    int downloadCount() const;
    // Content checks submitted and not yet answered.
    int checksRunning() const { return m_checksRunning; }

    // ConsultationSubscriber
    void consultationStarted(const ConsultationRecord &consultation) override;
    void advisorReplaced(const ConsultationRecord &consultation, quint64 previousSessionId) override;
    void participantResumed(const ConsultationRecord &consultation, quint64 sessionId) override;
    void listDeleted(const ConsultationRecord &consultation, wire::DeletionReceipt &receipt) const override;
    void consultationEnded(const ConsultationRecord &consultation) override;

private:
    using TransferKey = std::pair<quint64, quint32>; // the participant's session, its transfer id
    struct Upload;
    struct Document;
    struct Room;

    Room *roomOf(const Session &sender, const std::string &consultationId);
    void refuse(Session &sender, wire::ErrorCode code, const char *field, const QString &message,
                const QString &reference);
    // Drops an upload: its file, its reservation.
    void dropUpload(Room &room, TransferKey key);
    void startCheck(const Room &room, TransferKey key, Upload &upload);
    void checkDone(const QString &consultationId, TransferKey key, quint64 uploadSerial,
                   const documents::ContentVerdict &verdict);
    void publish(Room &room, const ConsultationRecord &consultation, const Upload &upload, quint32 transferId);
    void downloadFinished(const QString &consultationId, TransferKey key);
    bool transferInUse(const Room &room, TransferKey key) const;

    Settings m_settings;
    ConsultationService &m_consultations;
    SessionRegistry &m_registry;
    const Clock &m_clock;
    documents::DocumentVault m_vault;
    QHash<QString, std::shared_ptr<Room>> m_rooms;
    qint64 m_serverBytes = 0; // reserved and held, over all consultations (the global quota)
    quint64 m_lastUploadSerial = 0;
    quint32 m_lastStreamId;
    int m_checksRunning = 0;
    QThreadPool m_checks; // last: waited for before anything its jobs answer to goes
};

} // namespace consult
