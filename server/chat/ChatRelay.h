#pragma once

#include "consultation/ConsultationSubscriber.h"
#include "protocol/consult.pb.h"

#include <QHash>
#include <QString>

#include <deque>

namespace consult {

class Clock;
class ConsultationService;
class Session;
class SessionRegistry;

// The chat of a consultation (seed 000): the greeting when it starts, the relay of every line with
// a server-assigned number and a delivery receipt once the recipient's app has it, and the typing
// indicator. Chat lives only in RAM (P1): in transit, and as the bounded history a colleague receives
// with a transfer, dropped when the consultation ends. A part of every consultation; owned by the
// ServerCore.
class ChatRelay final : public ConsultationSubscriber
{
public:
    struct Settings
    {
        QString greetingGerman = QStringLiteral("Guten Tag, hier ist %1. Wie kann ich Ihnen helfen?");
        QString greetingEnglish = QStringLiteral("Hello, this is %1. How can I help you?");
        // The chat a transfer hands over: the newest lines within both bounds. The byte bound keeps
        // ConsultationStarted well below the clients' 1 MiB message limit (I1).
        int historyLines = 500;
        qsizetype historyBytes = 256 * 1024;
    };

    ChatRelay(Settings settings, ConsultationService &consultations, SessionRegistry &registry, const Clock &clock);

    void handleChat(Session &sender, const wire::SendChat &chat);
    void handleTyping(Session &sender, const wire::Typing &typing);
    // Chat lines handed to the other participant since start, and their text's UTF-8 bytes (metrics).
    quint64 relayedLines() const { return m_relayedLines; }
    quint64 relayedBytes() const { return m_relayedBytes; }

    // A line from the consultation's advisor that the server writes on their behalf (a greeting).
    void postAsAdvisor(const ConsultationRecord &consultation, const QString &text);
    // The chat so far, oldest first, within the history bounds (for the colleague of a transfer).
    const std::deque<wire::ChatMessage> &history(const QString &consultationId) const;

    // ConsultationSubscriber
    void consultationStarted(const ConsultationRecord &consultation) override;
    void listDeleted(const ConsultationRecord &consultation, wire::DeletionReceipt &receipt) const override;
    void consultationEnded(const ConsultationRecord &consultation) override;

private:
    struct Chat
    {
        quint64 nextMessageNumber = 1;
        std::deque<wire::ChatMessage> history;
        qsizetype historyBytes = 0;
    };

    void relay(const ConsultationRecord &consultation, Session *sender, wire::Party author, const QString &authorName,
               const QString &text, const std::string &clientMessageId);
    void remember(Chat &chat, const wire::ChatMessage &message);

    Settings m_settings;
    ConsultationService &m_consultations;
    SessionRegistry &m_registry;
    const Clock &m_clock;
    QHash<QString, Chat> m_chats;
    quint64 m_relayedLines = 0;
    quint64 m_relayedBytes = 0;
};

} // namespace consult
