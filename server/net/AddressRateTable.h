#pragma once

#include "core/Clock.h"
#include "core/TokenBucket.h"

#include <QHash>
#include <QHostAddress>
#include <QString>

#include <chrono>
#include <list>

namespace consult {

// A rate per address group (IPv4 address, IPv6 /64; see AddressGroup): at most `perWindow` events in
// any `window`, refilled continuously. Used for the listener's handshake rate (R4) and the customer
// desk's queue entries and left messages (S3). An address's entry is forgotten once its allowance is
// whole again (one window after its last event), found in O(1) per event from the oldest end of a
// use-ordered list, so the table holds only the addresses of the last window, never every address
// seen. Owned by the service whose limit it is; single-threaded; time from the injected clock.
class AddressRateTable final
{
public:
    AddressRateTable(int perWindow, std::chrono::milliseconds window, const Clock &clock);

    // Takes one event from `address`'s allowance. When there is none left: false, and (if given)
    // `retryAfterUs` says how long until there is.
    bool tryTake(const QHostAddress &address, qint64 *retryAfterUs = nullptr);

    // Address groups currently tracked (for tests and figures).
    int trackedGroups() const { return static_cast<int>(m_entries.size()); }

private:
    struct Entry
    {
        TokenBucket bucket;
        qint64 lastUs = 0;
        std::list<QString>::iterator place; // in m_byLastUse
    };

    void forgetWholeAllowances(qint64 nowUs);

    int m_perWindow;
    qint64 m_windowUs;
    const Clock &m_clock;
    QHash<QString, Entry> m_entries;
    std::list<QString> m_byLastUse; // least recently used first
};

} // namespace consult
