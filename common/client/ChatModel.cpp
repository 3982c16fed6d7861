#include "ChatModel.h"

namespace consult {

ChatModel::ChatModel(wire::Party ownParty, QObject *parent)
    : QAbstractListModel(parent)
    , m_ownParty(ownParty)
{}

int ChatModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

QVariant ChatModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const ChatLine &line = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return line.text;
    case AuthorRole:
        return static_cast<int>(line.author);
    case AuthorNameRole:
        return line.authorName;
    case SentAtRole:
        return line.sentAt;
    case OwnRole:
        return line.own;
    case DeliveryRole:
        return static_cast<int>(line.delivery);
    case Qt::AccessibleTextRole:
        // What a screen reader says for the line: who, when, what, and for own lines how far it got.
        {
            QString spoken =
                tr("%1 um %2: %3").arg(line.authorName, line.sentAt.toString(QStringLiteral("HH:mm")), line.text);
            if (line.own)
                spoken += QStringLiteral(" (") + deliveryText(line.delivery) + u')';
            return spoken;
        }
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatModel::roleNames() const
{
    return {{AuthorRole, "author"}, {AuthorNameRole, "authorName"}, {TextRole, "text"}, {SentAtRole, "sentAt"},
            {OwnRole, "own"},       {DeliveryRole, "delivery"}};
}

void ChatModel::addPending(const QString &clientMessageId, const QString &text, const QString &authorName,
                           const QDateTime &now)
{
    ChatLine line;
    line.clientMessageId = clientMessageId;
    line.author = m_ownParty;
    line.authorName = authorName;
    line.text = text;
    line.sentAt = now;
    line.own = true;
    line.delivery = ChatLine::Delivery::Sending;
    const int row = static_cast<int>(m_lines.size());
    beginInsertRows({}, row, row);
    m_lines.append(line);
    m_rowByClientId.insert(clientMessageId, row);
    endInsertRows();
}

void ChatModel::addFromServer(const wire::ChatMessage &message)
{
    const QString messageId = QString::fromStdString(message.message_id());
    if (m_rowByMessageId.contains(messageId))
        return;
    const QString clientId = QString::fromStdString(message.client_message_id());
    const QDateTime sentAt = QDateTime::fromMSecsSinceEpoch(message.sent_at(), Qt::UTC).toLocalTime();
    if (!clientId.isEmpty() && message.author() == m_ownParty) {
        const auto it = m_rowByClientId.constFind(clientId);
        if (it != m_rowByClientId.cend()) {
            ChatLine &line = m_lines[it.value()];
            line.messageId = messageId;
            line.text = QString::fromStdString(message.text()); // as the server normalised it
            line.sentAt = sentAt;
            if (line.delivery == ChatLine::Delivery::Sending)
                line.delivery = ChatLine::Delivery::Sent;
            m_rowByMessageId.insert(messageId, it.value());
            changed(it.value());
            return;
        }
    }
    ChatLine line;
    line.messageId = messageId;
    line.clientMessageId = clientId;
    line.author = message.author();
    line.authorName = QString::fromStdString(message.author_name());
    line.text = QString::fromStdString(message.text());
    line.sentAt = sentAt;
    // The greeting is written by the server in the advisor's name: on the advisor's side it is own.
    line.own = message.author() == m_ownParty;
    line.delivery = line.own ? ChatLine::Delivery::Sent : ChatLine::Delivery::Delivered;
    const int row = static_cast<int>(m_lines.size());
    beginInsertRows({}, row, row);
    m_lines.append(line);
    m_rowByMessageId.insert(messageId, row);
    endInsertRows();
    if (!line.own)
        Q_EMIT incomingLine(line);
}

void ChatModel::markDelivered(const QString &messageId)
{
    const auto it = m_rowByMessageId.constFind(messageId);
    if (it == m_rowByMessageId.cend())
        return;
    m_lines[it.value()].delivery = ChatLine::Delivery::Delivered;
    changed(it.value());
}

void ChatModel::markFailed(const QString &clientMessageId)
{
    const auto it = m_rowByClientId.constFind(clientMessageId);
    if (it == m_rowByClientId.cend())
        return;
    m_lines[it.value()].delivery = ChatLine::Delivery::Failed;
    changed(it.value());
}

QString ChatModel::deliveryText(ChatLine::Delivery delivery)
{
    switch (delivery) {
    case ChatLine::Delivery::Sending:
        return tr("wird gesendet");
    case ChatLine::Delivery::Sent:
        return tr("gesendet");
    case ChatLine::Delivery::Delivered:
        return tr("zugestellt");
    case ChatLine::Delivery::Failed:
        return tr("nicht gesendet");
    }
    return {};
}

void ChatModel::changed(int row)
{
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at);
}

} // namespace consult
