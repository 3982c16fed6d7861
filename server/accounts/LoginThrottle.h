#pragma once

#include "core/Clock.h"

#include <QString>

#include <chrono>
#include <memory>
#include <mutex>

namespace consult {

// Thresholds of LoginThrottle (A2). The defaults are the values requirement A2 proposes.
struct LoginThrottleConfig
{
    // Per user name: after this many consecutive failures each further attempt waits
    // firstBackoff * 2^(failures - backoffAfterFailures): 1 s, 2 s, 4 s, 8 s, 16 s.
    int backoffAfterFailures = 5;
    std::chrono::milliseconds firstBackoff = std::chrono::seconds(1);
    // From this many consecutive failures on, every failure locks the user name for lockDuration.
    int lockAfterFailures = 10;
    std::chrono::milliseconds lockDuration = std::chrono::minutes(15);
    // Consecutive failures are forgotten this long after the last one (never before a lock ends).
    std::chrono::milliseconds forgetFailuresAfter = std::chrono::hours(1);
    // Hard ceiling per user name, whatever the rules above allow (ASVS 4.0.3-2.2.1).
    int maxFailuresPerAccount = 100;
    std::chrono::milliseconds accountWindow = std::chrono::hours(1);
    // Per client address (IPv6 by /64), across all user names.
    int maxFailuresPerAddress = 30;
    std::chrono::milliseconds addressWindow = std::chrono::minutes(10);
    // An allowed attempt counts as pending until recordFailure/recordSuccess, at most this long.
    std::chrono::milliseconds attemptTimeout = std::chrono::seconds(30);
    // Hard cap on tracked user names and, separately, on tracked addresses.
    qsizetype maxTrackedKeys = 100'000;
};

struct LoginDecision
{
    enum class Reason
    {
        Allowed,
        Backoff,      // consecutive failures of the user name
        Locked,       // lockAfterFailures reached; ends after lockDuration
        AccountLimit, // maxFailuresPerAccount in accountWindow
        AddressLimit, // maxFailuresPerAddress in addressWindow
    };

    Reason reason = Reason::Allowed;
    qint64 retryAfterMs = 0; // 0 when allowed

    bool allowed() const { return reason == Reason::Allowed; }
};

// Online-guessing defence for advisor logins (A2, A3), in memory.
//
// Keys are the normalised user name (NFKC, case-folded, trimmed) and the client address. It never
// knows whether an account exists, so existing and unknown names are throttled identically (A3).
// There is no permanent lock: every refusal carries the time after which a new attempt is allowed.
//
// Use: check() before verifying the password; only if allowed, verify, then call exactly one of
// recordFailure()/recordSuccess(). An allowed check() reserves its attempt: until it is recorded it
// counts as a failure, so parallel attempts cannot all slip past the backoff while the ~100 ms hash
// runs. Refused checks are not counted, so hammering a locked name does not prolong the lock.
// The reason in a decision is for logs; the client gets one uniform answer.
//
// Memory: entries expire once all their windows have passed (prune(), and whenever a new key arrives);
// each map is capped at maxTrackedKeys, evicting the entry idle the longest.
// Thread-safe (one mutex); time comes only from the injected clock (its monotonic time).
class LoginThrottle final
{
public:
    explicit LoginThrottle(const Clock &clock, LoginThrottleConfig config = {});
    ~LoginThrottle();
    LoginThrottle(const LoginThrottle &) = delete;
    LoginThrottle &operator=(const LoginThrottle &) = delete;

    LoginDecision check(const QString &username, const QString &ip);
    void recordFailure(const QString &username, const QString &ip);
    void recordSuccess(const QString &username, const QString &ip);

    // Drops every entry whose windows have all passed.
    void prune();

    qsizetype trackedAccountCount() const;
    qsizetype trackedAddressCount() const;

    // The keys as the throttle uses them; public so that logs can name the same key.
    static QString accountKey(const QString &username);
    static QString addressKey(const QString &ip);

private:
    struct Attempts;
    class AttemptTable;

    qint64 nowMs() const;
    LoginDecision accountDecision(const Attempts &account, qint64 nowMs) const;
    LoginDecision addressDecision(const Attempts &address, qint64 nowMs) const;
    int consecutiveFailures(const Attempts &account, qint64 nowMs) const;
    int pendingAttempts(const Attempts &entry, qint64 nowMs) const;
    qint64 backoffMs(int failures) const;

    const Clock &m_clock;
    const LoginThrottleConfig m_config;
    mutable std::mutex m_mutex;
    std::unique_ptr<AttemptTable> m_accounts;
    std::unique_ptr<AttemptTable> m_addresses;
};

} // namespace consult
