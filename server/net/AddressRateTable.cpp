#include "AddressRateTable.h"

#include "AddressGroup.h"

namespace consult {

AddressRateTable::AddressRateTable(int perWindow, std::chrono::milliseconds window, const Clock &clock)
    : m_perWindow(qMax(1, perWindow))
    , m_windowUs(qMax<qint64>(1, std::chrono::duration_cast<std::chrono::microseconds>(window).count()))
    , m_clock(clock)
{}

bool AddressRateTable::tryTake(const QHostAddress &address, qint64 *retryAfterUs)
{
    const qint64 nowUs = m_clock.monotonicUs();
    forgetWholeAllowances(nowUs);
    const QString group = addressGroup(address);
    auto it = m_entries.find(group);
    if (it == m_entries.end()) {
        const double perSecond = m_perWindow * 1e6 / static_cast<double>(m_windowUs);
        m_byLastUse.push_back(group);
        it = m_entries.insert(group,
                              Entry{TokenBucket(perSecond, m_perWindow, nowUs), nowUs, std::prev(m_byLastUse.end())});
    } else {
        m_byLastUse.splice(m_byLastUse.end(), m_byLastUse, it->place);
    }
    it->lastUs = nowUs;
    if (it->bucket.tryTake(nowUs))
        return true;
    if (retryAfterUs)
        *retryAfterUs = it->bucket.waitUs(nowUs);
    return false;
}

void AddressRateTable::forgetWholeAllowances(qint64 nowUs)
{
    // A bucket refills completely within one window of its last event, and then remembers nothing
    // that a new entry would not. The list is ordered by last event, so only its head can be due.
    while (!m_byLastUse.empty()) {
        auto it = m_entries.find(m_byLastUse.front());
        if (it == m_entries.end() || nowUs - it->lastUs < m_windowUs)
            break;
        m_entries.erase(it);
        m_byLastUse.pop_front();
    }
}

} // namespace consult
