#include "ConsultationChat.h"

#include "client/ClientConnection.h"
#include "client/consultation/Consultation.h"
#include "core/Clock.h"

#include <QPointer>

namespace consult {

ConsultationChat::ConsultationChat(Consultation &consultation, std::function<QString()> nextClientMessageId)
    : m_consultation(consultation)
    , m_nextClientMessageId(std::move(nextClientMessageId))
    , m_model(std::make_unique<ChatModel>(consultation.self().party))
{
    m_typing = std::make_unique<TypingNotifier>([this](bool active) {
        // An ended consultation is gone on the server: a late "stopped typing" would only be refused.
        if (!m_consultation.isRunning())
            return;
        wire::Envelope typing;
        typing.mutable_typing()->set_consultation_id(m_consultation.id().toStdString());
        typing.mutable_typing()->set_active(active);
        m_consultation.connection().send(std::move(typing));
    });
}

ConsultationChat::~ConsultationChat() = default;

ConsultationChat::Submission ConsultationChat::submit(const QString &text)
{
    Submission submission;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || !m_consultation.isRunning())
        return submission;
    if (m_guarded) {
        submission.check = SendGuard::check(trimmed);
        if (!submission.check.isClean()) {
            // The question may run a modal dialog (a nested event loop): this chat may be gone after it.
            const QPointer<ConsultationChat> alive(this);
            const bool confirmed = m_confirmation && m_confirmation(submission.check) == SendGuard::Decision::Send;
            if (!alive)
                return submission;
            if (!confirmed) {
                submission.outcome = Submission::Outcome::Held;
                return submission;
            }
        }
    }
    // The consultation may have ended while the user was being asked.
    submission.clientMessageId = send(trimmed);
    submission.outcome =
        submission.clientMessageId.isEmpty() ? Submission::Outcome::NotSent : Submission::Outcome::Sent;
    return submission;
}

QString ConsultationChat::send(const QString &text)
{
    if (!m_consultation.isRunning())
        return {};
    const QString clientId = m_nextClientMessageId();
    m_model->addPending(clientId, text, m_consultation.self().name, m_consultation.clock().now().toLocalTime());
    m_typing->stop();
    wire::Envelope envelope;
    auto *chat = envelope.mutable_send_chat();
    chat->set_consultation_id(m_consultation.id().toStdString());
    chat->set_client_message_id(clientId.toStdString());
    chat->set_text(text.toStdString());
    if (!m_consultation.connection().send(std::move(envelope)))
        m_model->markFailed(clientId);
    return clientId;
}

void ConsultationChat::noteTyping()
{
    if (m_consultation.isRunning())
        m_typing->keystroke();
}

void ConsultationChat::markRefused(const QString &clientMessageId, wire::ErrorCode code)
{
    m_model->markFailed(clientMessageId);
    Q_EMIT lineRefused(clientMessageId, code);
}

void ConsultationChat::loadHistory(const google::protobuf::RepeatedPtrField<wire::ChatMessage> &history)
{
    // A transferred consultation arrives with the chat so far; every line of it reached the customer.
    for (const wire::ChatMessage &line : history) {
        m_model->addFromServer(line);
        m_model->markDelivered(QString::fromStdString(line.message_id()));
    }
}

void ConsultationChat::clearPeerTyping()
{
    setPeerTyping(false);
}

bool ConsultationChat::dispatch(const wire::Envelope &envelope)
{
    switch (envelope.body_case()) {
    case wire::Envelope::kChatMessage:
        m_model->addFromServer(envelope.chat_message());
        // A line from the peer ends their typing.
        if (envelope.chat_message().author() == m_consultation.peer().party)
            setPeerTyping(false);
        return true;
    case wire::Envelope::kChatDelivered:
        m_model->markDelivered(QString::fromStdString(envelope.chat_delivered().message_id()));
        return true;
    case wire::Envelope::kTyping:
        m_peerTyping = envelope.typing().active();
        Q_EMIT peerTypingChanged(m_peerTyping);
        return true;
    default:
        return false;
    }
}

void ConsultationChat::consultationEnded()
{
    m_typing->stop();
}

void ConsultationChat::setPeerTyping(bool typing)
{
    if (m_peerTyping == typing)
        return;
    m_peerTyping = typing;
    Q_EMIT peerTypingChanged(typing);
}

} // namespace consult
