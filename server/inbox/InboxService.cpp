#include "InboxService.h"

#include "core/Clock.h"
#include "core/SecureRandom.h"
#include "presence/AdvisorRoster.h"
#include "session/Session.h"
#include "session/SessionRegistry.h"
#include "snapshots/SnapshotCursor.h"
#include "storage/AtRestCipher.h"

#include <QLoggingCategory>

namespace consult {

Q_LOGGING_CATEGORY(lcInbox, "consult.inbox")

namespace {

// The stored messages as they were when an advisor logged in, handed out page by page.
class InboxSnapshotSource final : public SnapshotSource
{
public:
    using Cursor = SnapshotCursor<wire::InboxItem>;

    InboxSnapshotSource(QStringList itemIds, Cursor::Lookup lookup)
        : m_cursor(std::move(itemIds), std::move(lookup))
    {}

    wire::SnapshotPage &fillPage(wire::Envelope &envelope, const PageLimits &limits) override
    {
        wire::InboxSnapshot *page = envelope.mutable_inbox_snapshot();
        m_cursor.fill(*page->mutable_items(), limits);
        return *page->mutable_page();
    }

    bool exhausted() override { return m_cursor.exhausted(); }

private:
    Cursor m_cursor;
};

} // namespace

InboxService::InboxService(InboxStore &store, const AtRestCipher &cipher, AdvisorRoster &roster, const Clock &clock,
                           int retentionDays, InboxLimits limits, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_cipher(cipher)
    , m_roster(roster)
    , m_clock(clock)
    , m_retentionDays(retentionDays)
    , m_limits(limits)
    , m_pager([&roster](quint64 sessionId) { return roster.registry().find(sessionId); }, limits.paging)
{}

Result<qint64> InboxService::store(const QString &name, const QString &phoneE164, const QString &text)
{
    // I9: counted in the database, the one place that knows every stored message. One thread writes
    // (docs/THREADING.md), so nothing can slip in between the count and the insert.
    const auto stored = m_store.count();
    if (!stored)
        return stored.problem();
    if (stored.value() >= m_limits.maxItems) {
        qCWarning(lcInbox) << "the inbox is full at" << stored.value() << "messages; a message was refused";
        return Result<qint64>::failure(QString::fromLatin1(kFullCode), QStringLiteral("the inbox is full"));
    }
    wire::InboxItem item;
    const QString id = SecureRandom::identifier();
    item.set_item_id(id.toStdString());
    item.set_name(name.toStdString());
    item.set_phone_e164(phoneE164.toStdString());
    item.set_text(text.toStdString());
    item.set_received_at(m_clock.nowMs());

    // Only sealed bytes reach the database; the row id is the associated data, so rows cannot be swapped.
    const QByteArray plain = QByteArray::fromStdString(item.SerializeAsString());
    const auto inserted = m_store.insert(InboxStore::Row{id, item.received_at(), m_cipher.seal(plain, id.toUtf8())});
    if (!inserted)
        return inserted.problem();

    wire::Envelope added;
    *added.mutable_inbox_item_added()->mutable_item() = item;
    m_roster.broadcast(added);
    return item.received_at();
}

wire::InboxSnapshot InboxService::snapshot()
{
    wire::InboxSnapshot snapshot;
    auto rows = m_store.list();
    if (!rows) {
        qCWarning(lcInbox) << "cannot read the inbox:" << rows.problem().message;
        return snapshot;
    }
    for (const InboxStore::Row &row : rows.value()) {
        if (auto item = load(row))
            *snapshot.add_items() = std::move(*item);
    }
    return snapshot;
}

void InboxService::sendSnapshot(Session &advisor)
{
    // Only the ids are read now; each message is read and decrypted when its page goes out.
    auto ids = m_store.listIds();
    if (!ids)
        qCWarning(lcInbox) << "cannot read the inbox:" << ids.problem().message;
    m_pager.send(advisor, std::make_unique<InboxSnapshotSource>(ids ? std::move(ids).value() : QStringList(),
                                                                [this](const QString &id) { return loadById(id); }));
}

std::optional<wire::InboxItem> InboxService::load(const InboxStore::Row &row) const
{
    const auto plain = m_cipher.open(row.sealed, row.id.toUtf8());
    wire::InboxItem item;
    if (!plain || !item.ParseFromArray(plain.value().constData(), static_cast<int>(plain.value().size()))) {
        qCWarning(lcInbox) << "an inbox row cannot be decrypted and is skipped";
        return std::nullopt;
    }
    return item;
}

std::optional<wire::InboxItem> InboxService::loadById(const QString &id)
{
    const auto row = m_store.find(id);
    if (!row) {
        qCWarning(lcInbox) << "cannot read an inbox row:" << row.problem().message;
        return std::nullopt;
    }
    // Gone since the snapshot began (done, purged): its removal reaches the advisor as a change.
    if (!row.value())
        return std::nullopt;
    return load(*row.value());
}

void InboxService::handleDone(Session &advisor, const wire::MarkInboxItemDone &request)
{
    const QString id = QString::fromStdString(request.item_id());
    const auto removed = m_store.remove(id);
    if (!removed) {
        advisor.sendError(wire::ERROR_STORAGE_FAILED, request.request_id(), QStringLiteral("cannot delete"));
        return;
    }
    if (!removed.value()) {
        advisor.sendError(wire::ERROR_NOT_FOUND, request.request_id(), QStringLiteral("no such message"));
        return;
    }
    wire::Envelope envelope;
    envelope.mutable_inbox_item_removed()->set_item_id(request.item_id());
    m_roster.broadcast(envelope);
}

void InboxService::announcePurged(const QStringList &ids)
{
    for (const QString &id : ids) {
        wire::Envelope envelope;
        envelope.mutable_inbox_item_removed()->set_item_id(id.toStdString());
        m_roster.broadcast(envelope);
    }
    if (!ids.isEmpty())
        qCInfo(lcInbox) << ids.size() << "messages passed their retention period and were deleted";
}

} // namespace consult
