#pragma once

#include "InboxStore.h"
#include "core/Result.h"
#include "protocol/consult.pb.h"
#include "snapshots/SnapshotPager.h"

#include <QObject>
#include <QTimer>

namespace consult {

class AdvisorRoster;
class AtRestCipher;
class Clock;
class Session;

// Bounds of the inbox (I9).
struct InboxLimits
{
    int maxItems = 1000;   // [inbox] max_items
    PagingSettings paging; // the inbox snapshot advisors get at log-in
};

// Messages customers leave for the advisors (lesson 2): stored encrypted at rest (name, phone and
// text sealed with a key from a private key file, bound to the row id), confirmed to the customer,
// shown to every advisor live, deleted for everyone when one marks it done, and purged after the
// retention period at the latest (by the RetentionPolicy, which tells this service). Holds at most a configured number
// of messages (I9, S3): one address is limited by the desk, many addresses together by this cap, so that the inbox an
// advisor receives at log-in stays bounded and the disk does too.
class InboxService final : public QObject
{
    Q_OBJECT
public:
    // The Problem code of store() when the inbox is at its cap.
    static constexpr const char *kFullCode = "inbox_full";

    InboxService(InboxStore &store, const AtRestCipher &cipher, AdvisorRoster &roster, const Clock &clock,
                 int retentionDays, InboxLimits limits = {}, QObject *parent = nullptr);

    // Stores a message and tells every advisor. Returns when it was stored; refuses with kFullCode
    // when the inbox holds its maximum already (nothing is stored then).
    Result<qint64> store(const QString &name, const QString &phoneE164, const QString &text);
    // Every stored message, oldest first, decrypted, in one message: for checks and tools.
    wire::InboxSnapshot snapshot();
    // Sends every stored message to an advisor who has just logged in, decrypted, oldest first, in
    // bounded pages (I9); messages stored or removed from now on reach them as changes.
    void sendSnapshot(Session &advisor);
    void handleDone(Session &advisor, const wire::MarkInboxItemDone &request);
    // The RetentionPolicy deleted these messages (past inbox_days): every advisor is told.
    void announcePurged(const QStringList &ids);
    // What the customer is told about how long a message is kept.
    int retentionDays() const { return m_retentionDays; }

private:
    std::optional<wire::InboxItem> load(const InboxStore::Row &row) const;
    std::optional<wire::InboxItem> loadById(const QString &id);

    InboxStore &m_store;
    const AtRestCipher &m_cipher;
    AdvisorRoster &m_roster;
    const Clock &m_clock;
    int m_retentionDays;
    InboxLimits m_limits;
    SnapshotPager m_pager;
};

} // namespace consult
