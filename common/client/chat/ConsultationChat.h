#pragma once

#include "SendGuard.h"
#include "client/ChatModel.h"
#include "client/TypingNotifier.h"
#include "client/consultation/ConsultationPart.h"

#include <QObject>

#include <functional>
#include <memory>

namespace consult {

class Consultation;

// The chat of one consultation (a part of it): the lines (ChatModel), our typing told to the peer
// (TypingNotifier), the peer's typing, and sending with the send guard. Views send through submit(),
// so every view gets the guard; send() is the unguarded path for tests and tools. Owned by its
// Consultation.
class ConsultationChat final : public QObject, public ConsultationPart
{
    Q_OBJECT
public:
    // What submit() did with a text.
    struct Submission
    {
        enum class Outcome
        {
            Sent,    // on its way; the line is in the model
            Held,    // the guard found something and the user chose to edit (or nobody could be asked)
            NotSent, // empty, or the consultation is not running
        };
        Outcome outcome = Outcome::NotSent;
        QString clientMessageId; // Sent: the line's id
        SendCheck check;         // what the guard found (Held: where to point the user)
    };

    ConsultationChat(Consultation &consultation, std::function<QString()> nextClientMessageId);
    ~ConsultationChat() override;

    ChatModel *model() const { return m_model.get(); }
    bool peerTyping() const { return m_peerTyping; }

    // The guard checks every submitted text and, if it finds something, asks `confirmation`. Without
    // a confirmation nobody can be asked, so a text with findings is held (C2: never sent unasked).
    void setGuarded(bool guarded) { m_guarded = guarded; }
    bool isGuarded() const { return m_guarded; }
    void setConfirmation(SendGuard::Confirmation confirmation) { m_confirmation = std::move(confirmation); }

    // The text as the user wrote it (trimmed here): guarded, then sent.
    Submission submit(const QString &text);
    // Sends without the guard; returns the line's client id (empty if the consultation is not running).
    QString send(const QString &text);
    // The user typed something in this consultation's input.
    void noteTyping();

    // Whether `clientMessageId` is one of our lines here (routes the server's refusals).
    bool hasOwnLine(const QString &clientMessageId) const { return m_model->hasClientLine(clientMessageId); }
    // The server refused one of our lines.
    void markRefused(const QString &clientMessageId, wire::ErrorCode code);

    // For the Consultation.
    void loadHistory(const google::protobuf::RepeatedPtrField<wire::ChatMessage> &history);
    void clearPeerTyping();
    bool dispatch(const wire::Envelope &envelope) override;
    void consultationEnded() override;

    // For AdvisorConsultation's former field names only.
    const std::unique_ptr<ChatModel> &modelHandle() const { return m_model; }
    const std::unique_ptr<TypingNotifier> &typingHandle() const { return m_typing; }
    const bool &peerTypingHandle() const { return m_peerTyping; }

Q_SIGNALS:
    void peerTypingChanged(bool typing);
    void lineRefused(const QString &clientMessageId, consult::wire::ErrorCode code);

private:
    void setPeerTyping(bool typing);

    Consultation &m_consultation;
    std::function<QString()> m_nextClientMessageId;
    std::unique_ptr<ChatModel> m_model;
    std::unique_ptr<TypingNotifier> m_typing;
    SendGuard::Confirmation m_confirmation;
    bool m_guarded = false;
    bool m_peerTyping = false;
};

} // namespace consult
