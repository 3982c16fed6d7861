#pragma once

#include "ConsultationPart.h"
#include "client/MediaSession.h"
#include "client/chat/ConsultationChat.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace consult {

class ClientConnection;
class Clock;

// Someone in a consultation, as this client sees them.
struct Participant
{
    wire::Party party = wire::PARTY_UNSPECIFIED;
    QString name;
    wire::PeerState presence = wire::PEER_STATE_CONNECTED; // connected or reconnecting
};

// One consultation on the client: its id, the two participants and the peer's
// presence, its phase and end, and its parts: the chat (always), the media session (once the app
// starts it) and any further part (whiteboard, documents: addPart). The client's dispatch table
// routes every message addressed to this consultation to dispatch(), which hands it to the part it
// belongs to; nothing else in the client library or the apps filters messages by consultation id.
// Views bind to a Consultation. Owned by its client: CustomerClient holds one, AdvisorClient one per
// consultation it has; it lives in the client's thread.
class Consultation : public QObject
{
    Q_OBJECT
public:
    enum class Phase
    {
        Pending, // the customer's, before an advisor took them
        Running,
        Ended,
    };
    Q_ENUM(Phase)

    // `self` is this client's party; `nextClientMessageId` numbers our chat lines (unique per session).
    Consultation(ClientConnection &connection, const Clock &clock, wire::Party self,
                 std::function<QString()> nextClientMessageId, QObject *parent = nullptr);
    ~Consultation() override;

    // The server started it (or handed it over to us with the chat so far); `ownName` is ours.
    void begin(const wire::ConsultationStarted &started, const QString &ownName);
    // A message addressed to this consultation; returns whether a part (or the consultation) took it.
    bool dispatch(const wire::Envelope &envelope);
    // Asks the server to end it (the end itself arrives as ConsultationEnded).
    void end();
    // The server refused to hand it to a colleague (the client matched the refusal to its request).
    void refuseTransfer(wire::ErrorCode code) { Q_EMIT transferRefused(code); }

    const QString &id() const { return m_id; }
    const std::string &wireId() const { return m_idStd; } // as the messages carry it
    Phase phase() const;
    bool isRunning() const { return phase() == Phase::Running; }
    bool isEnded() const { return m_ended; }
    const Participant &self() const { return m_self; }
    const Participant &peer() const { return m_peer; }
    QList<Participant> participants() const { return {m_self, m_peer}; }
    wire::ConsultationMode mode() const { return m_mode; }
    const QDateTime &startedAt() const { return m_startedAt; }
    const QDateTime &endedAt() const { return m_endedAt; }
    qint64 waitedMs() const { return m_waitedMs; }
    const QString &customerPhoneE164() const { return m_customerPhoneE164; }
    const QString &transferredFrom() const { return m_transferredFrom; } // empty if taken from the queue
    const QString &transferredTo() const { return m_transferredTo; }     // END_REASON_TRANSFERRED: who has it
    wire::EndReason endReason() const { return m_endReason; }
    // Video consultation: the code a customer without microphone and speakers gives when calling in
    // by telephone (seed 002); empty otherwise.
    const QString &phoneCode() const { return m_phoneCode; }
    // The consultation's document limits (ConsultationStarted.document_limits).
    const wire::DocumentLimits &documentLimits() const { return m_documentLimits; }
    // What the server deleted at the end and when (ConsultationEnded.receipt); empty before the end
    // and after END_REASON_TRANSFERRED.
    const wire::DeletionReceipt &deletionReceipt() const { return m_deletionReceipt; }
    // The advisor's: the customer's system check as the server passed it on (empty for the chat).
    const wire::SystemCheck &systemCheck() const { return m_systemCheck; }
    bool hasSystemCheck() const { return m_hasSystemCheck; }

    ClientConnection &connection() const { return m_connection; }
    const Clock &clock() const { return m_clock; }

    // The parts.
    ConsultationChat *chat() const { return m_chat.get(); }
    MediaSession *media() const { return m_media.get(); }
    // Starts the media part (a video consultation); its messages are routed to it from then on.
    MediaSession &startMedia(const MediaSession::Settings &settings);
    // The one place where a further part plugs in (whiteboard, documents): it receives every message
    // of this consultation that the chat and the media did not take, and the end.
    void addPart(std::unique_ptr<ConsultationPart> part);
    template <typename Part>
    Part *part() const
    {
        for (const auto &part : m_parts)
            if (auto *typed = dynamic_cast<Part *>(part.get()))
                return typed;
        return nullptr;
    }

Q_SIGNALS:
    void started();
    void peerPresenceChanged(consult::wire::PeerState state);
    // Another advisor carries on in the same chat (the customer's side of a transfer).
    void peerChanged(const QString &name);
    void ended(consult::wire::EndReason reason);
    void transferRefused(consult::wire::ErrorCode code);
    void mediaStarted();

protected:
    // Protected for AdvisorConsultation, which shows this state under its former field names.
    ClientConnection &m_connection;
    const Clock &m_clock;
    QString m_id;
    std::string m_idStd;
    Participant m_self;
    Participant m_peer;
    wire::ConsultationMode m_mode = wire::CONSULTATION_MODE_CHAT;
    QDateTime m_startedAt;
    QDateTime m_endedAt;
    qint64 m_waitedMs = 0;
    QString m_customerPhoneE164;
    QString m_transferredFrom;
    QString m_transferredTo;
    QString m_phoneCode;
    wire::DocumentLimits m_documentLimits;
    wire::DeletionReceipt m_deletionReceipt;
    wire::SystemCheck m_systemCheck;
    bool m_hasSystemCheck = false;
    bool m_started = false;
    bool m_ended = false;
    wire::EndReason m_endReason = wire::END_REASON_UNSPECIFIED;
    std::unique_ptr<ConsultationChat> m_chat;

private:
    void onPeerPresence(const wire::PeerPresence &presence);
    void onTransferred(const wire::ConsultationTransferred &transferred);
    void onEnded(const wire::ConsultationEnded &ended);

    std::unique_ptr<MediaSession> m_media;
    std::vector<std::unique_ptr<ConsultationPart>> m_parts;
};

} // namespace consult
