#include "accounts/LoginThrottle.h"

#include "accounts/RollingCount.h"
#include "net/AddressGroup.h"

#include <QHash>
#include <QHostAddress>

#include <algorithm>
#include <list>

namespace consult {

// What the throttle remembers about one user name or one address. Every field is read together
// with the time, so an entry that has outlived its windows behaves exactly like a missing one and
// the decisions do not depend on when prune() ran.
struct LoginThrottle::Attempts
{
    int consecutiveFailures = 0; // user names only
    qint64 lastFailureMs = 0;
    int pending = 0; // allowed by check(), not yet recorded
    qint64 lastReservationMs = 0;
    RollingCount recentFailures;
    qint64 lastActivityMs = 0;
};

// Entries by key, in order of last activity, so that expiry and eviction take the front.
class LoginThrottle::AttemptTable final
{
public:
    AttemptTable(qsizetype capacity, qint64 retentionMs)
        : m_capacity(std::max<qsizetype>(capacity, 1))
        , m_retentionMs(retentionMs)
    {}

    const Attempts *find(const QString &key) const
    {
        const auto it = m_entries.constFind(key);
        return it == m_entries.cend() ? nullptr : &it->attempts;
    }

    Attempts *findMutable(const QString &key, qint64 nowMs)
    {
        const auto it = m_entries.find(key);
        if (it == m_entries.end())
            return nullptr;
        markActive(*it, nowMs);
        return &it->attempts;
    }

    // The entry for `key`, created if needed, marked as the most recently active.
    Attempts &touch(const QString &key, qint64 nowMs)
    {
        if (Attempts *existing = findMutable(key, nowMs))
            return *existing;
        pruneIdle(nowMs);
        if (m_entries.size() >= m_capacity) {
            // Hard cap: forget the entry idle the longest rather than grow without bound.
            m_entries.remove(m_order.front());
            m_order.pop_front();
        }
        m_order.push_back(key);
        Slot &slot = m_entries[key];
        slot.order = std::prev(m_order.end());
        slot.attempts.lastActivityMs = nowMs;
        return slot.attempts;
    }

    void pruneIdle(qint64 nowMs)
    {
        while (!m_order.empty()) {
            const auto it = m_entries.find(m_order.front());
            if (nowMs - it->attempts.lastActivityMs < m_retentionMs)
                break;
            m_entries.erase(it);
            m_order.pop_front();
        }
    }

    qsizetype size() const { return m_entries.size(); }

private:
    struct Slot
    {
        Attempts attempts;
        std::list<QString>::iterator order;
    };

    void markActive(Slot &slot, qint64 nowMs)
    {
        slot.attempts.lastActivityMs = nowMs;
        m_order.splice(m_order.end(), m_order, slot.order);
    }

    qsizetype m_capacity;
    qint64 m_retentionMs;
    QHash<QString, Slot> m_entries;
    std::list<QString> m_order; // least recently active first
};

namespace {

qint64 toMs(std::chrono::milliseconds duration)
{
    return duration.count();
}

qint64 bucketMs(std::chrono::milliseconds window)
{
    return std::max<qint64>(toMs(window) / RollingCount::kBuckets, 1);
}

LoginDecision later(const LoginDecision &a, const LoginDecision &b)
{
    return b.retryAfterMs > a.retryAfterMs ? b : a;
}

LoginDecision refusal(LoginDecision::Reason reason, qint64 retryAfterMs)
{
    if (retryAfterMs <= 0)
        return {};
    return {reason, retryAfterMs};
}

} // namespace

LoginThrottle::LoginThrottle(const Clock &clock, LoginThrottleConfig config)
    : m_clock(clock)
    , m_config(config)
{
    // An entry may go once nothing about it can matter any more: no lock, no backoff, no failure
    // left in its rolling window, no pending attempt.
    const qint64 accountRetention =
        std::max({toMs(m_config.forgetFailuresAfter), toMs(m_config.lockDuration),
                  toMs(m_config.accountWindow) + bucketMs(m_config.accountWindow), toMs(m_config.attemptTimeout)});
    const qint64 addressRetention =
        std::max(toMs(m_config.addressWindow) + bucketMs(m_config.addressWindow), toMs(m_config.attemptTimeout));
    m_accounts = std::make_unique<AttemptTable>(m_config.maxTrackedKeys, accountRetention);
    m_addresses = std::make_unique<AttemptTable>(m_config.maxTrackedKeys, addressRetention);
}

LoginThrottle::~LoginThrottle() = default;

QString LoginThrottle::accountKey(const QString &username)
{
    return username.normalized(QString::NormalizationForm_KC).trimmed().toCaseFolded();
}

QString LoginThrottle::addressKey(const QString &ip)
{
    const QHostAddress address(ip.trimmed());
    return address.isNull() ? ip.trimmed().toCaseFolded() : addressGroup(address);
}

qint64 LoginThrottle::nowMs() const
{
    // Monotonic: a wall-clock step must not end a lock early or stretch it.
    return m_clock.monotonicUs() / 1000;
}

int LoginThrottle::consecutiveFailures(const Attempts &account, qint64 nowMs) const
{
    const qint64 forgetMs = std::max(toMs(m_config.forgetFailuresAfter), toMs(m_config.lockDuration));
    if (account.consecutiveFailures == 0 || nowMs - account.lastFailureMs >= forgetMs)
        return 0;
    return account.consecutiveFailures;
}

int LoginThrottle::pendingAttempts(const Attempts &entry, qint64 nowMs) const
{
    if (entry.pending == 0 || nowMs - entry.lastReservationMs >= toMs(m_config.attemptTimeout))
        return 0;
    return entry.pending;
}

qint64 LoginThrottle::backoffMs(int failures) const
{
    const int doublings = std::min(failures - m_config.backoffAfterFailures, 30);
    return std::min(toMs(m_config.firstBackoff) << doublings, toMs(m_config.lockDuration));
}

LoginDecision LoginThrottle::accountDecision(const Attempts &account, qint64 nowMs) const
{
    const int consecutive = consecutiveFailures(account, nowMs);
    const int pending = pendingAttempts(account, nowMs);
    const int failures = consecutive + pending;
    qint64 lastMs = 0;
    if (consecutive > 0)
        lastMs = account.lastFailureMs;
    if (pending > 0)
        lastMs = std::max(lastMs, account.lastReservationMs);

    LoginDecision decision;
    if (failures >= m_config.lockAfterFailures) {
        decision = refusal(LoginDecision::Reason::Locked, lastMs + toMs(m_config.lockDuration) - nowMs);
    } else if (failures >= m_config.backoffAfterFailures) {
        decision = refusal(LoginDecision::Reason::Backoff, lastMs + backoffMs(failures) - nowMs);
    }

    const qint64 bucket = bucketMs(m_config.accountWindow);
    const int limit = m_config.maxFailuresPerAccount - pending;
    if (limit <= 0) {
        decision = later(decision, refusal(LoginDecision::Reason::AccountLimit,
                                           account.lastReservationMs + toMs(m_config.attemptTimeout) - nowMs));
    } else {
        decision = later(decision, refusal(LoginDecision::Reason::AccountLimit,
                                           account.recentFailures.msUntilBelow(limit, nowMs, bucket)));
    }
    return decision;
}

LoginDecision LoginThrottle::addressDecision(const Attempts &address, qint64 nowMs) const
{
    const int pending = pendingAttempts(address, nowMs);
    const int limit = m_config.maxFailuresPerAddress - pending;
    if (limit <= 0) {
        // The address's attempts in flight fill its allowance: advisors behind one office address
        // logging in together, or a guesser's parallel tries. They end within a password check
        // (50-100 ms), so the answer is "again in a second"; the attempt timeout only bounds one that
        // is never recorded. A guesser gains nothing: the next try is refused as cheaply while full.
        constexpr qint64 kInFlightRetryMs = 1000;
        return refusal(LoginDecision::Reason::AddressLimit,
                       std::min(kInFlightRetryMs, address.lastReservationMs + toMs(m_config.attemptTimeout) - nowMs));
    }
    return refusal(LoginDecision::Reason::AddressLimit,
                   address.recentFailures.msUntilBelow(limit, nowMs, bucketMs(m_config.addressWindow)));
}

LoginDecision LoginThrottle::check(const QString &username, const QString &ip)
{
    const QString account = accountKey(username);
    const QString address = addressKey(ip);
    const std::lock_guard lock(m_mutex);
    const qint64 now = nowMs();

    LoginDecision decision;
    if (const Attempts *entry = m_accounts->find(account))
        decision = later(decision, accountDecision(*entry, now));
    if (const Attempts *entry = m_addresses->find(address))
        decision = later(decision, addressDecision(*entry, now));
    if (!decision.allowed())
        return decision;

    // Reserve the attempt (see the class comment): it counts until it is recorded or times out.
    for (Attempts *entry : {&m_accounts->touch(account, now), &m_addresses->touch(address, now)}) {
        entry->pending = pendingAttempts(*entry, now) + 1;
        entry->lastReservationMs = now;
    }
    return decision;
}

void LoginThrottle::recordFailure(const QString &username, const QString &ip)
{
    const QString account = accountKey(username);
    const QString address = addressKey(ip);
    const std::lock_guard lock(m_mutex);
    const qint64 now = nowMs();

    Attempts &accountEntry = m_accounts->touch(account, now);
    accountEntry.consecutiveFailures = consecutiveFailures(accountEntry, now) + 1;
    accountEntry.lastFailureMs = now;
    accountEntry.recentFailures.add(now, bucketMs(m_config.accountWindow));

    Attempts &addressEntry = m_addresses->touch(address, now);
    addressEntry.recentFailures.add(now, bucketMs(m_config.addressWindow));

    for (Attempts *entry : {&accountEntry, &addressEntry})
        entry->pending = std::max(pendingAttempts(*entry, now) - 1, 0);
}

void LoginThrottle::recordSuccess(const QString &username, const QString &ip)
{
    const QString account = accountKey(username);
    const QString address = addressKey(ip);
    const std::lock_guard lock(m_mutex);
    const qint64 now = nowMs();

    if (Attempts *entry = m_accounts->findMutable(account, now)) {
        entry->consecutiveFailures = 0;
        entry->pending = std::max(pendingAttempts(*entry, now) - 1, 0);
        // The rolling count stays: successes must not launder the hourly ceiling.
    }
    if (Attempts *entry = m_addresses->findMutable(address, now)) {
        // Only the reservation is released. One valid account must not reset an address's failure
        // count, or an attacker could interleave own logins with guesses.
        entry->pending = std::max(pendingAttempts(*entry, now) - 1, 0);
    }
}

void LoginThrottle::prune()
{
    const std::lock_guard lock(m_mutex);
    const qint64 now = nowMs();
    m_accounts->pruneIdle(now);
    m_addresses->pruneIdle(now);
}

qsizetype LoginThrottle::trackedAccountCount() const
{
    const std::lock_guard lock(m_mutex);
    return m_accounts->size();
}

qsizetype LoginThrottle::trackedAddressCount() const
{
    const std::lock_guard lock(m_mutex);
    return m_addresses->size();
}

} // namespace consult
