#pragma once

#include "protocol/consult.pb.h"

#include <QString>

#include <optional>

namespace consult {

// One consultation as its lifecycle knows it: who takes part and since when. Owned by the
// ConsultationService; parts get it by const reference for the duration of a call and keep the id.
struct ConsultationRecord
{
    QString id;
    quint64 customerSessionId = 0;
    quint64 advisorSessionId = 0;
    QString advisorName;
    QString customerName;      // RAM only, until the consultation ends
    QString customerPhoneE164; // likewise
    QString customerLanguage;
    wire::ConsultationMode mode = wire::CONSULTATION_MODE_CHAT;
    qint64 startedAtMs = 0;
    qint64 waitedMs = 0;
    int features = 0; // StatisticsStore::Feature flags used, for the anonymous record at the end
    // Video consultation: the short code for the bank's dial-in number (seed 002), six digits, unique
    // among running consultations; RAM only, never logged. Empty for the service chat.
    QString phoneCode;
    std::optional<wire::SystemCheck> systemCheck; // the customer's, for the advisor (video only)

    wire::Party partyOf(quint64 sessionId) const
    {
        return sessionId == customerSessionId ? wire::PARTY_CUSTOMER : wire::PARTY_ADVISOR;
    }
    quint64 peerOf(quint64 sessionId) const
    {
        return sessionId == customerSessionId ? advisorSessionId : customerSessionId;
    }
};

// What a part of a consultation on the server (the chat relay, the transfer, the media relay, the
// customer desk, and next the whiteboard and the documents) subscribes to: the lifecycle, told by
// the ConsultationService in the order the parts subscribed. A part keeps its own per-consultation
// state; its own messages reach it through ServerCore::dispatch. Whatever a part keeps of a consultation must be
// gone when it hears consultationEnded (P1).
class ConsultationSubscriber
{
public:
    virtual ~ConsultationSubscriber() = default;

    // Both participants have been sent ConsultationStarted; the part may send what follows it.
    virtual void consultationStarted(const ConsultationRecord &consultation) { (void)consultation; }
    // A transfer: the advisor side is now another session; the colleague has been sent
    // ConsultationStarted, the previous advisor ConsultationEnded.
    virtual void advisorReplaced(const ConsultationRecord &consultation, quint64 previousSessionId)
    {
        (void)consultation;
        (void)previousSessionId;
    }
    // A participant's session has a new connection (resume): what was on its way on the old one is
    // gone.
    virtual void participantResumed(const ConsultationRecord &consultation, quint64 sessionId)
    {
        (void)consultation;
        (void)sessionId;
    }
    // The consultation is over, and not by a transfer: add one DeletedItem to `receipt` for each
    // kind of content this part held and is about to delete (the customer's DeletionReceipt, seed
    // 002). Asked of every part just before consultationEnded; describes, never deletes.
    virtual void listDeleted(const ConsultationRecord &consultation, wire::DeletionReceipt &receipt) const
    {
        (void)consultation;
        (void)receipt;
    }
    // The consultation is over: drop everything of it. Called before the participants are told.
    virtual void consultationEnded(const ConsultationRecord &consultation) { (void)consultation; }
};

} // namespace consult
