#include "ChatRelay.h"

#include "consultation/ConsultationService.h"
#include "core/Clock.h"
#include "session/SessionRegistry.h"
#include "stats/StatisticsStore.h"
#include "validation/TextNormaliser.h"

namespace consult {

namespace {
constexpr std::size_t kMaxClientMessageId = 64;
} // namespace

ChatRelay::ChatRelay(Settings settings, ConsultationService &consultations, SessionRegistry &registry,
                     const Clock &clock)
    : m_settings(std::move(settings))
    , m_consultations(consultations)
    , m_registry(registry)
    , m_clock(clock)
{}

void ChatRelay::consultationStarted(const ConsultationRecord &consultation)
{
    m_chats.insert(consultation.id, Chat{});
    // Seed 000 step 3: the customer is greeted by name of the advisor, in the customer's language.
    const QString greeting =
        (consultation.customerLanguage == u"en" ? m_settings.greetingEnglish : m_settings.greetingGerman)
            .arg(consultation.advisorName);
    postAsAdvisor(consultation, greeting);
}

void ChatRelay::listDeleted(const ConsultationRecord &consultation, wire::DeletionReceipt &receipt) const
{
    // The lines held for a transfer are what the server had of the chat; the rest only passed through.
    const auto it = m_chats.constFind(consultation.id);
    if (it == m_chats.cend() || it->history.empty())
        return;
    wire::DeletedItem *item = receipt.add_items();
    item->set_kind(wire::DELETED_KIND_CHAT);
    item->set_count(static_cast<quint32>(it->history.size()));
}

void ChatRelay::consultationEnded(const ConsultationRecord &consultation)
{
    m_chats.remove(consultation.id); // P1: the history goes with the consultation
}

void ChatRelay::postAsAdvisor(const ConsultationRecord &consultation, const QString &text)
{
    relay(consultation, m_registry.find(consultation.advisorSessionId), wire::PARTY_ADVISOR, consultation.advisorName,
          text, {});
}

const std::deque<wire::ChatMessage> &ChatRelay::history(const QString &consultationId) const
{
    static const std::deque<wire::ChatMessage> none;
    const auto it = m_chats.constFind(consultationId);
    return it == m_chats.cend() ? none : it->history;
}

void ChatRelay::handleChat(Session &sender, const wire::SendChat &chat)
{
    const ConsultationRecord *consultation = m_consultations.ownConsultation(sender, chat.consultation_id());
    const auto refuse = [&](wire::ErrorCode code, const QString &message, const QString &field) {
        wire::Envelope envelope;
        auto *error = envelope.mutable_error();
        error->set_code(code);
        error->set_message(message.toStdString());
        error->set_field(field.toStdString());
        error->set_reference(chat.client_message_id().substr(0, kMaxClientMessageId));
        sender.send(std::move(envelope));
    };
    if (!consultation) {
        refuse(wire::ERROR_NOT_FOUND, QStringLiteral("no such consultation"), {}); // S5: no oracle
        return;
    }
    if (chat.client_message_id().size() > kMaxClientMessageId) {
        refuse(wire::ERROR_INVALID_INPUT, QStringLiteral("client message id too long"),
               QStringLiteral("client_message_id"));
        return;
    }
    const auto text = validation::normaliseChatText(QString::fromStdString(chat.text()));
    if (!text) {
        refuse(wire::ERROR_INVALID_INPUT, text.problem().code, QStringLiteral("text"));
        return;
    }
    const wire::Party author = consultation->partyOf(sender.id());
    const QString &authorName = author == wire::PARTY_ADVISOR ? consultation->advisorName : consultation->customerName;
    // P3: the statistics record the chat as used once a participant wrote (not for the greeting).
    m_consultations.noteFeature(consultation->id, StatisticsStore::Chat);
    relay(*consultation, &sender, author, authorName, text.value(), chat.client_message_id());
}

void ChatRelay::relay(const ConsultationRecord &consultation, Session *sender, wire::Party author,
                      const QString &authorName, const QString &text, const std::string &clientMessageId)
{
    const auto chat = m_chats.find(consultation.id);
    if (chat == m_chats.end())
        return;
    wire::Envelope envelope;
    auto *message = envelope.mutable_chat_message();
    message->set_consultation_id(consultation.id.toStdString());
    message->set_message_id(std::to_string(chat->nextMessageNumber++));
    message->set_client_message_id(clientMessageId);
    message->set_author(author);
    message->set_author_name(authorName.toStdString());
    message->set_text(text.toStdString());
    message->set_sent_at(m_clock.nowMs());

    remember(chat.value(), *message);

    Session *recipient = m_registry.find(author == wire::PARTY_CUSTOMER ? consultation.advisorSessionId
                                                                        : consultation.customerSessionId);
    if (sender)
        sender->send(wire::Envelope(envelope));
    if (!recipient)
        return;
    ++m_relayedLines;
    m_relayedBytes += static_cast<quint64>(message->text().size());
    const std::string consultationId = message->consultation_id();
    const std::string messageId = message->message_id();
    const quint64 senderId = sender ? sender->id() : 0;
    const quint64 seq = recipient->send(std::move(envelope));
    // The receipt: the recipient's app has the message once it acknowledges the envelope.
    recipient->whenAcknowledged(seq, [this, senderId, consultationId, messageId] {
        Session *to = m_registry.find(senderId);
        if (!to || to->stage() == Session::Stage::Closing)
            return;
        wire::Envelope receipt;
        receipt.mutable_chat_delivered()->set_consultation_id(consultationId);
        receipt.mutable_chat_delivered()->set_message_id(messageId);
        to->send(std::move(receipt));
    });
}

void ChatRelay::remember(Chat &chat, const wire::ChatMessage &message)
{
    // P1: kept in RAM only so that a colleague who receives the consultation can read it; the
    // oldest lines go first when either bound is reached.
    const auto size = static_cast<qsizetype>(message.ByteSizeLong());
    chat.history.push_back(message);
    chat.historyBytes += size;
    while (!chat.history.empty() && (static_cast<int>(chat.history.size()) > m_settings.historyLines ||
                                     chat.historyBytes > m_settings.historyBytes)) {
        chat.historyBytes -= static_cast<qsizetype>(chat.history.front().ByteSizeLong());
        chat.history.pop_front();
    }
}

void ChatRelay::handleTyping(Session &sender, const wire::Typing &typing)
{
    const ConsultationRecord *consultation = m_consultations.ownConsultation(sender, typing.consultation_id());
    if (!consultation) {
        sender.sendError(wire::ERROR_NOT_FOUND, 0, QStringLiteral("no such consultation"));
        return;
    }
    if (Session *peer = m_registry.find(consultation->peerOf(sender.id()))) {
        wire::Envelope envelope;
        auto *relayed = envelope.mutable_typing();
        relayed->set_consultation_id(typing.consultation_id());
        relayed->set_active(typing.active());
        relayed->set_party(consultation->partyOf(sender.id()));
        peer->send(std::move(envelope));
    }
}

} // namespace consult
