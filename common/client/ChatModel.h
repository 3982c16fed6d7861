#pragma once

#include "protocol/consult.pb.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>

namespace consult {

// One line of a consultation's chat as a client shows it.
struct ChatLine
{
    enum class Delivery
    {
        Sending,   // written, not yet accepted by the server (also while reconnecting)
        Sent,      // the server accepted it
        Delivered, // the other side's app received it
        Failed,    // refused (rate limit, invalid text); not sent
    };
    QString messageId;       // server-assigned; empty while sending
    QString clientMessageId; // ours, for our own lines
    wire::Party author = wire::PARTY_UNSPECIFIED;
    QString authorName;
    QString text; // plain text, never markup (I3)
    QDateTime sentAt;
    bool own = false;
    Delivery delivery = Delivery::Sent;
};

// The chat of one consultation, in order, with the delivery state of the user's own lines. Lives
// only in memory (C4); the transcript is built from it on request. Shared by both apps.
class ChatModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        AuthorRole = Qt::UserRole + 1,
        AuthorNameRole,
        TextRole,
        SentAtRole,
        OwnRole,
        DeliveryRole,
    };

    explicit ChatModel(wire::Party ownParty, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const QList<ChatLine> &lines() const { return m_lines; }
    // "zugestellt" etc., for views and the screen reader.
    static QString deliveryText(ChatLine::Delivery delivery);

    // Our own line before the server has it.
    void addPending(const QString &clientMessageId, const QString &text, const QString &authorName,
                    const QDateTime &now);
    // A line from the server: our own (matched by client id) or the other side's.
    void addFromServer(const wire::ChatMessage &message);
    void markDelivered(const QString &messageId);
    void markFailed(const QString &clientMessageId);
    // Whether one of our own lines has this client id.
    bool hasClientLine(const QString &clientMessageId) const { return m_rowByClientId.contains(clientMessageId); }

Q_SIGNALS:
    // A line of the other side arrived (for unread markers and announcements).
    void incomingLine(const consult::ChatLine &line);

private:
    void changed(int row);

    wire::Party m_ownParty;
    QList<ChatLine> m_lines;
    QHash<QString, int> m_rowByClientId;
    QHash<QString, int> m_rowByMessageId;
};

} // namespace consult
