#pragma once

#include "InboxStore.h"
#include "core/Result.h"
#include "protocol/consult.pb.h"

#include <QObject>
#include <QTimer>

namespace consult {

class AdvisorRoster;
class AtRestCipher;
class Clock;
class Session;

// Messages customers leave for the advisors (lesson 2): stored encrypted at rest (name, phone and
// text sealed with a key from a private key file, bound to the row id), confirmed to the customer,
// shown to every advisor live, deleted for everyone when one marks it done, and purged after the
// retention period at the latest.
class InboxService final : public QObject
{
    Q_OBJECT
public:
    InboxService(InboxStore &store, const AtRestCipher &cipher, AdvisorRoster &roster, const Clock &clock,
                 int retentionDays, QObject *parent = nullptr);

    // Stores a message and tells every advisor. Returns when it was stored.
    Result<qint64> store(const QString &name, const QString &phoneE164, const QString &text);
    // Every stored message, oldest first, decrypted for an advisor who has just logged in.
    wire::InboxSnapshot snapshot();
    void handleDone(Session &advisor, const wire::MarkInboxItemDone &request);
    // Deletes messages past the retention period, for every advisor. Returns how many.
    Result<int> purge();
    int retentionDays() const { return m_retentionDays; }

private:
    InboxStore &m_store;
    const AtRestCipher &m_cipher;
    AdvisorRoster &m_roster;
    const Clock &m_clock;
    int m_retentionDays;
    QTimer m_purgeTimer;
};

} // namespace consult
