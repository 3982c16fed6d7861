#include "AdvisorDesk.h"

#include "AdvisorStore.h"
#include "accounts/LoginThrottle.h"
#include "accounts/OneTimeCode.h"
#include "accounts/PasswordHasher.h"
#include "consultation/ConsultationService.h"
#include "core/Clock.h"
#include "core/SecureRandom.h"
#include "inbox/InboxService.h"
#include "presence/AdvisorRoster.h"
#include "queue/QueueService.h"
#include "session/SessionRegistry.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QPointer>

namespace consult {

Q_LOGGING_CATEGORY(lcAdvisors, "consult.advisors")

namespace {

QByteArray hashToken(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

constexpr qint64 kMinuteMs = 60'000;
// The token's last use is written at most this often; the idle timeout is counted in minutes.
constexpr qint64 kTouchIntervalMs = kMinuteMs;

} // namespace

AdvisorDesk::AdvisorDesk(Settings settings, AdvisorStore &store, const PasswordHasher &hasher, LoginThrottle &throttle,
                         AdvisorRoster &roster, QueueService &queue, ConsultationService &consultations,
                         InboxService &inbox, SessionRegistry &registry, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_store(store)
    , m_hasher(hasher)
    , m_throttle(throttle)
    , m_roster(roster)
    , m_queue(queue)
    , m_consultations(consultations)
    , m_inbox(inbox)
    , m_registry(registry)
    , m_clock(clock)
{
    // Two verifications at a time: each takes 19 MiB and a core for tens of milliseconds.
    m_hashing.setMaxThreadCount(2);
    m_sweepTimer.setInterval(m_settings.sweepIntervalMs);
    connect(&m_sweepTimer, &QTimer::timeout, this, &AdvisorDesk::sweep);
    m_sweepTimer.start();
}

AdvisorDesk::~AdvisorDesk()
{
    m_hashing.waitForDone();
}

void AdvisorDesk::handleLogin(Session &session, const wire::AdvisorLogin &login)
{
    const QString username = AdvisorStore::normaliseUsername(QString::fromStdString(login.username())).left(100);
    const quint32 requestId = login.request_id();
    if (m_loginsInFlight.contains(session.id())) {
        session.sendError(wire::ERROR_LOGIN_THROTTLED, requestId, QStringLiteral("a log-in is already under way"), {},
                          1000);
        return;
    }
    const QString address = session.address().toString();
    if (!m_settings.allowedNetworks.allows(session.address())) {
        // Issue 13: the advisor role only from the bank's own networks. The same answer as a wrong
        // password (A3), and not counted in the throttle: from outside, nobody could log in anyway,
        // and counting would let anyone outside lock an advisor out inside.
        // The address stays out of the log (P5: addresses are kept only in the purged access log).
        ++m_loginRefusals.outsideNetworks;
        logRefusal(QStringLiteral("log-in from outside the advisors' networks for"), username);
        session.sendError(wire::ERROR_LOGIN_FAILED, requestId, QStringLiteral("user name or password is wrong"));
        return;
    }
    const auto account = m_store.findByUsername(username);
    if (login.credential_case() == wire::AdvisorLogin::kToken) {
        // A6: a token from an earlier log-in, bound to its account, within both timeouts (A7). Checked
        // before the throttle: a token holds 256 random bits, so guessing it is no threat, while a
        // throttle in front would let anyone who knows a user name lock that advisor's valid token
        // out with ten wrong passwords. A valid token leaves the throttle as it is (the guesser's
        // lock stays); an invalid one is throttled and counted like a wrong password.
        const QByteArray tokenHash = hashToken(QByteArray::fromStdString(login.token()));
        const auto token = m_store.findToken(tokenHash);
        const qint64 now = m_clock.nowMs();
        const bool valid = account && !account->disabled && token && !token->revoked &&
                           token->advisorId == account->id && token->expiresAtMs > now &&
                           now - token->lastUsedAtMs < m_settings.idleTimeoutMinutes * kMinuteMs;
        if (valid) {
            completeLogin(session.id(), account->id, requestId, tokenHash, {}, token->expiresAtMs);
            return;
        }
    }
    const LoginDecision decision = m_throttle.check(username, address);
    if (!decision.allowed()) {
        // A2: the same answer whether the account exists or not.
        ++m_loginRefusals.throttled;
        logRefusal(QStringLiteral("log-in throttled for"), username);
        session.sendError(wire::ERROR_LOGIN_THROTTLED, requestId, QStringLiteral("too many failed log-ins"), {},
                          static_cast<quint32>(qMin<qint64>(decision.retryAfterMs, 3'600'000)));
        return;
    }
    if (login.credential_case() != wire::AdvisorLogin::kPassword) { // an invalid token, or no credential
        refuseLogin(session, username, requestId);
        return;
    }

    // A1/A3: the Argon2id verification, or a dummy one of equal cost for an unknown or disabled user.
    const QString password = QString::fromStdString(login.password());
    const QString phc = account && !account->disabled ? account->passwordHash : QString();
    const qint64 accountId = account && !account->disabled ? account->id : 0;
    const quint64 sessionId = session.id();
    m_loginsInFlight.insert(sessionId);
    QPointer<AdvisorDesk> self(this);
    const QString oneTimeCode = QString::fromStdString(login.one_time_code()).left(16);
    m_hashing.start([self, hasher = &m_hasher, password, phc, accountId, sessionId, requestId, username, oneTimeCode] {
        const bool verified = phc.isEmpty() ? hasher->verifyDummy(password) : hasher->verify(password, phc);
        QMetaObject::invokeMethod(
            self.data(),
            [self, verified, accountId, sessionId, requestId, username, oneTimeCode] {
                if (!self)
                    return;
                self->m_loginsInFlight.remove(sessionId);
                Session *waiting = self->m_registry.find(sessionId);
                if (!waiting || waiting->stage() != Session::Stage::Anonymous)
                    return;
                if (!verified || accountId == 0) {
                    self->refuseLogin(*waiting, username, requestId);
                    return;
                }
                self->completePasswordLogin(*waiting, accountId, username, requestId, oneTimeCode);
            },
            Qt::QueuedConnection);
    });
}

void AdvisorDesk::completePasswordLogin(Session &session, qint64 accountId, const QString &username, quint32 requestId,
                                        const QString &oneTimeCode)
{
    // Read again: an enrolment may have changed the account while the hash was computed.
    const auto account = m_store.findById(accountId);
    if (!account || account->disabled) {
        refuseLogin(session, username, requestId);
        return;
    }
    if (account->hasSecondFactor()) {
        // A5: the password alone is not enough. No code: the app asks for one (the password was
        // right, so this is not a failure). A wrong or replayed code counts like a wrong password.
        if (oneTimeCode.isEmpty()) {
            session.sendError(wire::ERROR_SECOND_FACTOR_REQUIRED, requestId,
                              QStringLiteral("enter the six-digit code of your authenticator app"));
            return;
        }
        const std::optional<qint64> step = OneTimeCode::matchingStep(account->totpSecret, oneTimeCode, m_clock.nowMs());
        if (!step) {
            refuseLogin(session, username, requestId);
            return;
        }
        // Each code once: a step at or before the last accepted one is a replay (or an older code).
        const auto claimed = m_store.claimTotpStep(account->id, *step);
        if (!claimed || !claimed.value()) {
            refuseLogin(session, username, requestId);
            return;
        }
    }
    m_throttle.recordSuccess(username, session.address().toString());
    const QByteArray token = SecureRandom::token(); // S1
    const qint64 expiresAt = m_clock.nowMs() + qint64(m_settings.absoluteLifetimeHours) * 60 * kMinuteMs;
    completeLogin(session.id(), account->id, requestId, {}, token, expiresAt);
}

void AdvisorDesk::logRefusal(const QString &what, const QString &username)
{
    // Refused log-ins are the attacker's to cause: a budget of lines a minute, the rest counted.
    const std::optional<qint64> allowed = m_refusalLog.take(m_clock.monotonicUs() / 1000);
    if (!allowed)
        return;
    if (*allowed > 0)
        qCInfo(lcAdvisors).noquote() << what << username
                                     << QStringLiteral("(%1 refused log-ins not logged before this)").arg(*allowed);
    else
        qCInfo(lcAdvisors).noquote() << what << username;
}

void AdvisorDesk::refuseLogin(Session &session, const QString &username, quint32 requestId)
{
    m_throttle.recordFailure(username, session.address().toString());
    ++m_loginRefusals.failed;
    // A2: failures are logged, without the password; A3: one answer for every kind of failure.
    logRefusal(QStringLiteral("log-in failed for"), username);
    session.sendError(wire::ERROR_LOGIN_FAILED, requestId, QStringLiteral("user name or password is wrong"));
}

void AdvisorDesk::completeLogin(quint64 sessionId, qint64 accountId, quint32 requestId,
                                const QByteArray &existingTokenHash, const QByteArray &newToken,
                                qint64 tokenExpiresAtMs)
{
    Session *session = m_registry.find(sessionId);
    const auto account = m_store.findById(accountId);
    if (!session || !account)
        return;
    const qint64 now = m_clock.nowMs();
    QByteArray tokenHash = existingTokenHash;
    if (!newToken.isEmpty()) {
        tokenHash = hashToken(newToken);
        if (auto stored = m_store.insertToken(AdvisorToken{tokenHash, accountId, now, now, tokenExpiresAtMs, false});
            !stored) {
            session->sendError(wire::ERROR_STORAGE_FAILED, requestId, QStringLiteral("cannot store the session"));
            return;
        }
    } else {
        (void)m_store.touchToken(tokenHash, now);
    }
    session->setStage(Session::Stage::Advisor);

    AdvisorPresence presence;
    presence.sessionId = sessionId;
    presence.accountId = accountId;
    presence.username = account->username;
    presence.displayName = account->displayName;
    presence.capacity = account->capacity;
    presence.tokenHash = tokenHash;
    presence.tokenExpiresAtMs = tokenExpiresAtMs;
    presence.lastActivityMs = now;
    AdvisorPresence &added = m_roster.add(presence);
    qCInfo(lcAdvisors) << "advisor" << account->username << "logged in";

    wire::Envelope accepted;
    auto *body = accepted.mutable_advisor_login_accepted();
    body->set_request_id(requestId);
    body->set_display_name(account->displayName.toStdString());
    if (!newToken.isEmpty())
        body->set_token(newToken.constData(), static_cast<size_t>(newToken.size()));
    body->set_expires_at(tokenExpiresAtMs);
    body->set_idle_timeout_s(static_cast<quint32>(m_settings.idleTimeoutMinutes * 60));
    body->set_capacity(static_cast<quint32>(account->capacity));
    *body->mutable_board_limits() = m_settings.boardLimits;
    body->set_supervisor(account->supervisor); // the app offers the overview; the server checks again (S6)
    session->send(std::move(accepted));

    m_queue.sendSnapshot(*session); // I9: in bounded pages
    m_inbox.sendSnapshot(*session);
    m_roster.sendStatus(added);
    m_roster.staffingChanged();
    emit loggedIn(sessionId);
}

void AdvisorDesk::handleLogout(Session &session)
{
    if (const AdvisorPresence *presence = m_roster.find(session.id())) {
        (void)m_store.revokeToken(presence->tokenHash); // A6: the server forgets the token
        qCInfo(lcAdvisors) << "advisor" << presence->username << "logged out";
    }
    m_consultations.endAllOf(session.id(), wire::END_REASON_ADVISOR_ENDED);
    m_registry.endSession(session, wire::SESSION_CLOSE_REASON_LOGGED_OUT);
}

void AdvisorDesk::handleSetAvailability(Session &session, const wire::SetAvailability &request)
{
    AdvisorPresence *presence = m_roster.find(session.id());
    if (!presence)
        return;
    presence->available = request.available();
    m_roster.sendStatus(*presence);
    m_roster.staffingChanged();
}

void AdvisorDesk::handleTake(Session &session, const wire::TakeCustomer &request)
{
    AdvisorPresence *presence = m_roster.find(session.id());
    if (!presence)
        return;
    const quint32 requestId = request.request_id();
    if (!presence->available) {
        session.sendError(wire::ERROR_NOT_AVAILABLE, requestId, QStringLiteral("on pause"));
        return;
    }
    if (presence->freePlaces() <= 0) {
        session.sendError(wire::ERROR_AT_CAPACITY, requestId, QStringLiteral("no free place"));
        return;
    }
    const QString entryId = QString::fromStdString(request.entry_id());
    // One video consultation at a time (issue 10): while the advisor holds one, a video customer is
    // refused and "take next" passes over the video customers to the oldest text-chat customer, who
    // would otherwise wait behind someone this advisor cannot take now. The video customers keep
    // their places for the next advisor who can.
    const bool inVideo = m_consultations.holdsVideo(*presence);
    const auto canServe = [inVideo](const QueueService::Entry &waiting) {
        return !inVideo || waiting.mode != wire::CONSULTATION_MODE_VIDEO;
    };
    if (const QueueService::Entry *chosen = entryId.isEmpty() ? nullptr : m_queue.find(entryId);
        chosen && !canServe(*chosen)) {
        session.sendError(wire::ERROR_VIDEO_IN_PROGRESS, requestId,
                          QStringLiteral("a video consultation is already running"));
        return;
    }
    const auto entry = !entryId.isEmpty() ? m_queue.take(entryId)
                       : inVideo          ? m_queue.takeNext(canServe)
                                          : m_queue.takeNext();
    if (!entry) {
        if (entryId.isEmpty() && m_queue.length() > 0) {
            session.sendError(wire::ERROR_VIDEO_IN_PROGRESS, requestId,
                              QStringLiteral("only video customers wait, and a video consultation is running"));
            return;
        }
        session.sendError(entryId.isEmpty() ? wire::ERROR_QUEUE_EMPTY : wire::ERROR_NOT_FOUND, requestId,
                          entryId.isEmpty() ? QStringLiteral("nobody is waiting") : QStringLiteral("no such entry"));
        return;
    }
    ConsultationService::Participants participants;
    participants.customerSessionId = entry->sessionId;
    participants.customerName = entry->name;
    participants.customerPhoneE164 = entry->phoneE164;
    participants.mode = entry->mode;
    participants.enqueuedAtMs = entry->enqueuedAtMs;
    participants.systemCheck = entry->systemCheck;
    m_consultations.start(session, *presence, participants, requestId);
}

void AdvisorDesk::noteActivity(Session &session)
{
    AdvisorPresence *presence = m_roster.find(session.id());
    if (!presence)
        return;
    const qint64 now = m_clock.nowMs();
    if (now - presence->lastActivityMs >= kTouchIntervalMs)
        (void)m_store.touchToken(presence->tokenHash, now);
    presence->lastActivityMs = now;
}

void AdvisorDesk::sessionSuspended(Session &session)
{
    if (AdvisorPresence *presence = m_roster.find(session.id())) {
        presence->connected = false;
        m_roster.staffingChanged();
    }
}

void AdvisorDesk::sessionResumed(Session &session)
{
    if (AdvisorPresence *presence = m_roster.find(session.id())) {
        presence->connected = true;
        m_roster.sendStatus(*presence);
        m_roster.staffingChanged();
    }
}

void AdvisorDesk::sessionEnding(Session &session)
{
    if (m_roster.find(session.id())) {
        m_roster.remove(session.id());
        m_roster.staffingChanged();
    }
}

void AdvisorDesk::expire(Session &session)
{
    session.sendError(wire::ERROR_SESSION_EXPIRED, 0, QStringLiteral("the session has expired; log in again"));
    m_registry.endSession(session, wire::SESSION_CLOSE_REASON_LOGGED_OUT);
}

void AdvisorDesk::sweep()
{
    m_throttle.prune();
    const qint64 now = m_clock.nowMs();
    QList<quint64> expired;
    for (const auto &[sessionId, presence] : m_roster.presences()) {
        // A7: idle and absolute timeouts; a running consultation is never cut off by them.
        const bool consulting = !presence.consultations.isEmpty();
        const bool idle = now - presence.lastActivityMs >= m_settings.idleTimeoutMinutes * kMinuteMs;
        const bool tooOld = now >= presence.tokenExpiresAtMs;
        // A6: a token revoked elsewhere (log-out on another desk, an administrator) or a disabled account.
        const auto token = m_store.findToken(presence.tokenHash);
        const auto account = m_store.findById(presence.accountId);
        const bool revoked = !token || token->revoked || !account || account->disabled;
        if (revoked || (!consulting && (idle || tooOld)))
            expired.append(sessionId);
    }
    for (quint64 sessionId : expired) {
        if (Session *session = m_registry.find(sessionId)) {
            if (AdvisorPresence *presence = m_roster.find(sessionId)) {
                (void)m_store.revokeToken(presence->tokenHash);
                qCInfo(lcAdvisors) << "session of advisor" << presence->username << "expired";
            }
            m_consultations.endAllOf(sessionId, wire::END_REASON_ADVISOR_ENDED);
            expire(*session);
        }
    }
}

} // namespace consult
