#pragma once

#include "app/LogBudget.h"
#include "net/AllowedNetworks.h"
#include "protocol/consult.pb.h"

#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

namespace consult {

class AdvisorRoster;
class AdvisorStore;
class Clock;
class ConsultationService;
class InboxService;
class LoginThrottle;
class PasswordHasher;
class QueueService;
class Session;
class SessionRegistry;
struct AdvisorPresence;

// The advisors' side of the server: log-in with password (and, once enrolled, a one-time code: A5)
// or revocable token (A1-A3, A6), from the configured source networks only, sessions
// that time out when idle or too old (A7) and end when their token is revoked or the account
// disabled, availability (available / pause), and taking the next or a chosen customer. Password
// checks run on a small worker pool: an Argon2id verification takes tens of milliseconds and must
// not hold up the relay.
class AdvisorDesk final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int idleTimeoutMinutes = 30;     // A7
        int absoluteLifetimeHours = 10;  // A7
        int sweepIntervalMs = 30'000;    // how often revocations and timeouts are checked
        AllowedNetworks allowedNetworks; // [advisors] allowed_networks; empty: any address
        // [whiteboard]'s limits, told at log-in so the advisor's app checks documents before sending
        wire::BoardLimits boardLimits;
    };

    AdvisorDesk(Settings settings, AdvisorStore &store, const PasswordHasher &hasher, LoginThrottle &throttle,
                AdvisorRoster &roster, QueueService &queue, ConsultationService &consultations, InboxService &inbox,
                SessionRegistry &registry, const Clock &clock, QObject *parent = nullptr);
    ~AdvisorDesk() override;

    void handleLogin(Session &session, const wire::AdvisorLogin &login);
    void handleLogout(Session &session);
    void handleSetAvailability(Session &session, const wire::SetAvailability &request);
    void handleTake(Session &session, const wire::TakeCustomer &request);
    // Any message the advisor sends counts as activity for the idle timeout.
    void noteActivity(Session &session);

    void sessionSuspended(Session &session);
    void sessionResumed(Session &session);
    void sessionEnding(Session &session);

    // Ends sessions that are idle, too old, revoked or disabled. Public for tests.
    void sweep();

    // Refused log-ins since start, by why (for the metrics; the answer is the same for all, A3).
    struct LoginRefusals
    {
        quint64 failed = 0;          // wrong or unknown user, password, token or one-time code
        quint64 throttled = 0;       // A2: over the account's or the address's failures
        quint64 outsideNetworks = 0; // from outside [advisors] allowed_networks
    };
    const LoginRefusals &loginRefusals() const { return m_loginRefusals; }

signals:
    // An advisor's log-in was accepted and the queue and inbox were sent: the parts that send an
    // advisor their own state (the form library) follow.
    void loggedIn(quint64 sessionId);

private:
    void completeLogin(quint64 sessionId, qint64 accountId, quint32 requestId, const QByteArray &existingTokenHash,
                       const QByteArray &newToken, qint64 tokenExpiresAtMs);
    void refuseLogin(Session &session, const QString &username, quint32 requestId);
    // After the right password: the second factor, if the account has one (A5), then the log-in.
    void completePasswordLogin(Session &session, qint64 accountId, const QString &username, quint32 requestId,
                               const QString &oneTimeCode);
    void logRefusal(const QString &what, const QString &username);
    void expire(Session &session);

    Settings m_settings;
    AdvisorStore &m_store;
    const PasswordHasher &m_hasher;
    LoginThrottle &m_throttle;
    AdvisorRoster &m_roster;
    QueueService &m_queue;
    ConsultationService &m_consultations;
    InboxService &m_inbox;
    SessionRegistry &m_registry;
    const Clock &m_clock;
    QThreadPool m_hashing;
    QSet<quint64> m_loginsInFlight;
    QTimer m_sweepTimer;
    LogBudget m_refusalLog{20}; // refused log-in lines a minute (issue 13: log flooding)
    LoginRefusals m_loginRefusals;
};

} // namespace consult
