#include "SessionRegistry.h"

#include "core/Clock.h"
#include "core/SecureRandom.h"
#include "protocol/EnvelopeCodec.h"
#include "protocol/ProtocolVersion.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QUrl>
#include <QWebSocket>

namespace consult {

Q_LOGGING_CATEGORY(lcSessions, "consult.sessions")

namespace {

QByteArray hashToken(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

QString normaliseLanguage(const std::string &language)
{
    return language == "en" ? QStringLiteral("en") : QStringLiteral("de");
}

constexpr auto kCloseReplaced = QWebSocketProtocol::CloseCode(4000);
constexpr auto kCloseResumeRefused = QWebSocketProtocol::CloseCode(4001);
constexpr auto kCloseProtocolVersion = QWebSocketProtocol::CloseCode(4002);

} // namespace

SessionRegistry::SessionRegistry(Settings settings, const Clock &clock, SessionHost &host, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock)
    , m_host(host)
{
    // S10: a resume token must not outlive 120 s of silence.
    m_settings.resumeTtlMs = qBound(1'000, m_settings.resumeTtlMs, 120'000);
    m_acknowledgementTimer.setSingleShot(true);
    m_acknowledgementTimer.setInterval(0);
    connect(&m_acknowledgementTimer, &QTimer::timeout, this, &SessionRegistry::flushAcknowledgements);
    m_sweepTimer.setInterval(m_settings.sweepIntervalMs);
    connect(&m_sweepTimer, &QTimer::timeout, this, &SessionRegistry::sweep);
    m_sweepTimer.start();
}

SessionRegistry::~SessionRegistry()
{
    // Connections are children of this object and die with it; sessions must not outlive them.
    m_sessions.clear();
}

void SessionRegistry::adopt(QWebSocket *socket, QSslSocket *transport, const QHostAddress &peerAddress)
{
    auto *connection = new Connection(socket, transport, peerAddress, m_settings.connection, m_clock, this);
    const QString resource = socket->requestUrl().path();
    m_resourceByConnection.insert(connection, resource);
    connect(connection, &QObject::destroyed, this, [this, connection] { m_resourceByConnection.remove(connection); });
    connect(connection, &Connection::closed, this, [this, connection] {
        if (connection->closedForNotReading())
            ++m_closedForNotReading;
    });
    connect(connection, &Connection::rateLimited, this, [this] { ++m_envelopesOverRate; });

    // S9: tokens never travel in URLs; a query string is refused outright.
    if (socket->requestUrl().hasQuery()) {
        refuse(connection, wire::ERROR_MALFORMED, QStringLiteral("query strings are not accepted"), 400,
               QWebSocketProtocol::CloseCodePolicyViolated);
        return;
    }
    m_pending.push_back(Pending{connection, m_clock.monotonicUs(), resource});
    connect(connection, &Connection::envelopeReceived, this,
            [this, connection](const wire::Envelope &envelope) { onFirstEnvelope(connection, envelope); });
}

Session *SessionRegistry::find(quint64 sessionId) const
{
    const auto it = m_sessions.find(sessionId);
    return it == m_sessions.end() ? nullptr : it->second.get();
}

int SessionRegistry::connectionCount() const
{
    return static_cast<int>(m_resourceByConnection.size());
}

SessionRegistry::OpenConnections SessionRegistry::openConnections() const
{
    // One pass over the sessions at each scrape: cheaper than keeping counts in step with every
    // attach, detach, resume and end.
    OpenConnections open;
    for (const auto &entry : m_sessions) {
        const Session &session = *entry.second;
        if (!session.isConnected())
            continue;
        if (session.kind() == wire::CLIENT_KIND_ADVISOR)
            ++open.advisors;
        else
            ++open.customers;
    }
    open.beforeHello = qMax(0, connectionCount() - open.advisors - open.customers);
    return open;
}

qint64 SessionRegistry::largestOutgoingBytes() const
{
    qint64 largest = 0;
    for (auto it = m_resourceByConnection.cbegin(); it != m_resourceByConnection.cend(); ++it)
        largest = qMax(largest, it.key()->outgoingBytes());
    return largest;
}

void SessionRegistry::onFirstEnvelope(Connection *connection, const wire::Envelope &envelope)
{
    std::erase_if(m_pending, [connection](const Pending &pending) { return pending.connection == connection; });
    disconnect(connection, &Connection::envelopeReceived, this, nullptr);

    switch (envelope.body_case()) {
    case wire::Envelope::kHello:
        startSession(connection, envelope.hello());
        break;
    case wire::Envelope::kResume:
        resumeSession(connection, envelope.resume());
        break;
    default:
        refuse(connection, wire::ERROR_MALFORMED, QStringLiteral("the first message must be hello or resume"), 400,
               QWebSocketProtocol::CloseCodeProtocolError);
        break;
    }
}

void SessionRegistry::startSession(Connection *connection, const wire::Hello &hello)
{
    const QString client = QString::fromStdString(hello.client_version()).left(100);
    if (!protocol::isSupported(hello.protocol_version())) {
        recordAccess(connection, client, 426);
        refuse(connection, wire::ERROR_PROTOCOL_VERSION,
               QStringLiteral("protocol version %1 is not supported; this server speaks %2 to %3")
                   .arg(hello.protocol_version())
                   .arg(protocol::kOldestSupported)
                   .arg(protocol::kCurrent),
               -1, kCloseProtocolVersion);
        return;
    }
    if (hello.client_kind() != wire::CLIENT_KIND_CUSTOMER && hello.client_kind() != wire::CLIENT_KIND_ADVISOR) {
        recordAccess(connection, client, 400);
        refuse(connection, wire::ERROR_MALFORMED, QStringLiteral("unknown client kind"), -1,
               QWebSocketProtocol::CloseCodeProtocolError);
        return;
    }

    const qint64 nowUs = m_clock.monotonicUs();
    const quint64 id = m_nextSessionId++;
    auto session = std::make_unique<Session>(id, hello.client_kind(), normaliseLanguage(hello.language()), client,
                                             connection->peerAddress(), m_settings.channel, m_settings.rates, nowUs);
    Session &ref = *session;
    m_sessions.emplace(id, std::move(session));
    bind(ref, connection);
    recordAccess(connection, client, 101);

    wire::Envelope envelope;
    auto *welcome = envelope.mutable_welcome();
    welcome->set_protocol_version(protocol::kCurrent);
    welcome->set_min_protocol_version(protocol::kOldestSupported);
    const QByteArray token = issueToken(ref);
    welcome->set_resume_token(token.constData(), static_cast<size_t>(token.size()));
    welcome->set_resume_ttl_ms(static_cast<quint32>(m_settings.resumeTtlMs));
    welcome->set_server_time(m_clock.nowMs());
    welcome->set_ping_interval_ms(static_cast<quint32>(m_settings.clientPingIntervalMs));
    m_host.prepareWelcome(ref, *welcome);
    ref.sendUnsequenced(std::move(envelope));
}

void SessionRegistry::resumeSession(Connection *connection, const wire::Resume &resume)
{
    if (!protocol::isSupported(resume.protocol_version())) {
        recordAccess(connection, {}, 426);
        refuse(connection, wire::ERROR_PROTOCOL_VERSION, QStringLiteral("protocol version not supported"), -1,
               kCloseProtocolVersion);
        return;
    }
    const QByteArray tokenHash = hashToken(QByteArray::fromStdString(resume.resume_token()));
    Session *session = find(m_sessionByTokenHash.value(tokenHash));
    const qint64 nowUs = m_clock.monotonicUs();
    const bool expired =
        session && !session->isConnected() && nowUs - session->lastSeenUs > qint64(m_settings.resumeTtlMs) * 1000;
    if (!session || session->stage() == Session::Stage::Closing || expired) {
        // One answer for unknown, ended and expired: no oracle (S5).
        recordAccess(connection, {}, 401);
        refuse(connection, wire::ERROR_RESUME_REFUSED, QStringLiteral("the session cannot be resumed"), -1,
               kCloseResumeRefused);
        return;
    }
    // The peer cannot have received more than was sent.
    if (resume.last_received_seq() > session->channel().lastSent()) {
        recordAccess(connection, session->clientVersion(), 400);
        refuse(connection, wire::ERROR_MALFORMED, QStringLiteral("impossible sequence number"), -1,
               QWebSocketProtocol::CloseCodeProtocolError);
        return;
    }

    // S10: at most one socket per participant; the newer one wins.
    if (Connection *old = session->detach()) {
        disconnect(old, nullptr, this, nullptr);
        connect(old, &QObject::destroyed, this, [this, old] { m_resourceByConnection.remove(old); });
        old->close(kCloseReplaced, QStringLiteral("replaced by a newer connection"));
    }
    bind(*session, connection);
    recordAccess(connection, session->clientVersion(), 101);
    // I5: lines written at the allowed pace while the connection was away come now, all at once. The
    // time away is bounded by the resume TTL, so is the credit.
    session->allowReplay(nowUs - session->lastSeenUs, nowUs);
    session->lastSeenUs = nowUs;

    // S10: rotated on every use; every earlier token dies here.
    wire::Envelope envelope;
    auto *resumed = envelope.mutable_resumed();
    const QByteArray token = issueToken(*session);
    resumed->set_resume_token(token.constData(), static_cast<size_t>(token.size()));
    resumed->set_last_received_seq(session->channel().lastReceived());
    resumed->set_server_time(m_clock.nowMs());
    session->sendUnsequenced(std::move(envelope));

    // What the client missed goes out first. Only then run the callbacks of what it acknowledged with
    // this resume: one may send on this very session (a status deferred until the last one was
    // confirmed), and sent before the replay it would overtake it, a gap the client must refuse.
    const auto replay = session->channel().replayAfter(resume.last_received_seq());
    for (const QByteArray &bytes : *replay)
        connection->sendFrame(bytes);
    session->applyAcknowledgement(resume.last_received_seq());
    m_host.sessionResumed(*session);
}

void SessionRegistry::bind(Session &session, Connection *connection)
{
    session.attach(connection);
    const quint64 id = session.id();
    session.onBroken = [this, id] {
        // The peer left too much unacknowledged: end the session outside the current call stack.
        QTimer::singleShot(0, this, [this, id] {
            if (Session *broken = find(id)) {
                qCWarning(lcSessions) << "session" << id << "ended: its peer stopped acknowledging";
                endSession(*broken, wire::SESSION_CLOSE_REASON_UNSPECIFIED);
            }
        });
    };
    connect(connection, &Connection::envelopeReceived, this,
            [this, id](const wire::Envelope &envelope) { onSessionEnvelope(id, envelope); });
    connect(connection, &Connection::closed, this,
            [this, id, connection] { onSessionConnectionClosed(id, connection); });
}

void SessionRegistry::refuse(Connection *connection, wire::ErrorCode code, const QString &message, int accessStatus,
                             QWebSocketProtocol::CloseCode closeCode)
{
    if (accessStatus > 0)
        recordAccess(connection, {}, accessStatus);
    wire::Envelope envelope;
    envelope.mutable_error()->set_code(code);
    envelope.mutable_error()->set_message(message.toStdString());
    connection->sendFrame(protocol::encode(envelope));
    connection->close(closeCode, message);
}

QByteArray SessionRegistry::issueToken(Session &session)
{
    if (!session.currentTokenHash.isEmpty())
        m_sessionByTokenHash.remove(session.currentTokenHash);
    if (!session.previousTokenHash.isEmpty())
        m_sessionByTokenHash.remove(session.previousTokenHash);
    session.previousTokenHash.clear();
    session.renewalSeq = 0;
    const QByteArray token = SecureRandom::token(); // S1: 256 bits from the CSPRNG
    session.currentTokenHash = hashToken(token);
    session.tokenIssuedUs = m_clock.monotonicUs();
    m_sessionByTokenHash.insert(session.currentTokenHash, session.id());
    return token;
}

void SessionRegistry::renewToken(Session &session)
{
    // The old token stays valid until the client acknowledges the envelope carrying the new one.
    const QByteArray previous = session.currentTokenHash;
    const QByteArray token = SecureRandom::token();
    session.currentTokenHash = hashToken(token);
    session.tokenIssuedUs = m_clock.monotonicUs();
    m_sessionByTokenHash.insert(session.currentTokenHash, session.id());
    if (!session.previousTokenHash.isEmpty())
        m_sessionByTokenHash.remove(session.previousTokenHash);
    session.previousTokenHash = previous;
    wire::Envelope envelope;
    envelope.mutable_resume_token_renewed()->set_resume_token(token.constData(), static_cast<size_t>(token.size()));
    session.renewalSeq = session.send(std::move(envelope));
}

void SessionRegistry::onSessionEnvelope(quint64 sessionId, const wire::Envelope &envelope)
{
    Session *session = find(sessionId);
    if (!session || session->stage() == Session::Stage::Closing)
        return;
    Connection *connection = session->connection();
    session->lastSeenUs = m_clock.monotonicUs();

    const auto receipt = session->channel().receive(envelope.seq());
    if (receipt == ReliableChannel::Receipt::OutOfOrder || !session->applyAcknowledgement(envelope.ack())) {
        // Over one ordered socket a gap or an impossible ack means a broken client; resume sorts it out.
        if (connection)
            connection->close(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("sequence error"));
        return;
    }
    if (session->renewalSeq && envelope.ack() >= session->renewalSeq) {
        m_sessionByTokenHash.remove(session->previousTokenHash);
        session->previousTokenHash.clear();
        session->renewalSeq = 0;
    }
    if (receipt == ReliableChannel::Receipt::Duplicate)
        return;
    if (envelope.seq() > 0)
        scheduleAcknowledgement(*session);

    switch (envelope.body_case()) {
    case wire::Envelope::kPing: {
        wire::Envelope reply;
        reply.mutable_pong()->set_nonce(envelope.ping().nonce());
        reply.mutable_pong()->set_sent_at(envelope.ping().sent_at());
        reply.mutable_pong()->set_last_rtt_us(session->lastRttUs);
        session->sendUnsequenced(std::move(reply));
        return;
    }
    case wire::Envelope::kPong: {
        const qint64 rtt = m_clock.monotonicUs() - envelope.pong().sent_at();
        if (rtt >= 0 && rtt < 600'000'000)
            session->lastRttUs = static_cast<quint32>(rtt);
        return;
    }
    case wire::Envelope::kAcknowledge:
        return;
    case wire::Envelope::kHello:
    case wire::Envelope::kResume:
        if (connection) {
            wire::Envelope reply;
            reply.mutable_error()->set_code(wire::ERROR_NOT_ALLOWED);
            reply.mutable_error()->set_message("the session is already established");
            session->sendUnsequenced(std::move(reply));
            connection->countProtocolError();
        }
        return;
    default:
        if ((envelope.seq() == 0) != protocol::isUnsequenced(envelope.body_case())) {
            // Application messages belong to the reliable class (unnumbered ones would escape replay,
            // de-duplication and the sequence check); media and link-test data are unsequenced and
            // must not be numbered (they are never kept for replay).
            wire::Envelope reply;
            reply.mutable_error()->set_code(wire::ERROR_MALFORMED);
            reply.mutable_error()->set_message(envelope.seq() == 0 ? "application messages must carry a sequence number"
                                                                   : "media must not carry a sequence number");
            session->sendUnsequenced(std::move(reply));
            if (connection)
                connection->countProtocolError();
            return;
        }
        m_host.handleEnvelope(*session, envelope);
        return;
    }
}

void SessionRegistry::onSessionConnectionClosed(quint64 sessionId, Connection *connection)
{
    Session *session = find(sessionId);
    if (!session || session->connection() != connection)
        return;
    session->detach();
    if (session->stage() == Session::Stage::Closing)
        return;
    if (session->stage() == Session::Stage::Anonymous || m_shuttingDown) {
        // Nothing to come back to: a session that never logged in ends with its connection.
        endSession(*session, wire::SESSION_CLOSE_REASON_UNSPECIFIED);
        return;
    }
    m_host.sessionSuspended(*session);
}

void SessionRegistry::endSession(Session &session, wire::SessionCloseReason reason)
{
    if (session.stage() == Session::Stage::Closing)
        return;
    // Closing first: whatever the components do while the session ends cannot end it twice. The
    // session can still be sent to until its connection closes below.
    session.setStage(Session::Stage::Closing);
    m_host.sessionEnding(session);

    wire::Envelope envelope;
    envelope.mutable_session_closed()->set_reason(reason);
    session.send(std::move(envelope));
    if (Connection *connection = session.detach()) {
        disconnect(connection, nullptr, this, nullptr);
        connect(connection, &QObject::destroyed, this,
                [this, connection] { m_resourceByConnection.remove(connection); });
        // The session's last words (ConsultationEnded, SessionClosed) go out before the close frame.
        connection->closeAfterReliable(reason == wire::SESSION_CLOSE_REASON_SERVER_SHUTDOWN
                                           ? QWebSocketProtocol::CloseCodeGoingAway
                                           : QWebSocketProtocol::CloseCodeNormal,
                                       QStringLiteral("session closed"));
    }
    // S7: every token of the session dies now.
    m_sessionByTokenHash.remove(session.currentTokenHash);
    m_sessionByTokenHash.remove(session.previousTokenHash);

    auto it = m_sessions.find(session.id());
    if (it != m_sessions.end()) {
        m_ended.push_back(std::move(it->second));
        m_sessions.erase(it);
        QTimer::singleShot(0, this, [this] { m_ended.clear(); });
    }
}

void SessionRegistry::shutdown()
{
    m_shuttingDown = true;
    std::vector<quint64> ids;
    ids.reserve(m_sessions.size());
    for (const auto &[id, session] : m_sessions)
        ids.push_back(id);
    for (quint64 id : ids) {
        if (Session *session = find(id))
            endSession(*session, wire::SESSION_CLOSE_REASON_SERVER_SHUTDOWN);
    }
    for (const Pending &pending : m_pending) {
        if (pending.connection)
            pending.connection->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server stopping"));
    }
    m_pending.clear();
}

void SessionRegistry::scheduleAcknowledgement(Session &session)
{
    m_acknowledgementsDue.push_back(session.id());
    if (!m_acknowledgementTimer.isActive())
        m_acknowledgementTimer.start();
}

void SessionRegistry::flushAcknowledgements()
{
    // Runs once per event-loop pass: one acknowledgement covers everything read in that pass, and
    // none is sent when a reply already carried it.
    std::vector<quint64> due;
    due.swap(m_acknowledgementsDue);
    for (quint64 id : due) {
        Session *session = find(id);
        if (session && session->channel().acknowledgementPending()) {
            wire::Envelope envelope;
            envelope.mutable_acknowledge();
            session->sendUnsequenced(std::move(envelope));
        }
    }
}

void SessionRegistry::sweep()
{
    const qint64 nowUs = m_clock.monotonicUs();

    std::erase_if(m_pending, [&](const Pending &pending) {
        if (!pending.connection)
            return true;
        if (nowUs - pending.acceptedUs > qint64(m_settings.helloTimeoutMs) * 1000) {
            pending.connection->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("no hello"));
            return true;
        }
        return false;
    });

    std::vector<quint64> expired;
    for (const auto &[id, session] : m_sessions) {
        if (session->stage() == Session::Stage::Closing)
            continue;
        if (Connection *connection = session->connection()) {
            if (nowUs - connection->lastReceivedUs() > qint64(m_settings.pingTimeoutMs) * 1000) {
                // I6: a peer that stopped answering is closed; the session waits for a resume.
                connection->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("no answer to pings"));
                continue;
            }
            if (nowUs - session->lastPingSentUs >= qint64(m_settings.pingIntervalMs) * 1000) {
                session->lastPingSentUs = nowUs;
                wire::Envelope ping;
                ping.mutable_ping()->set_nonce(nowUs);
                ping.mutable_ping()->set_sent_at(nowUs);
                session->sendUnsequenced(std::move(ping));
            }
            if (session->renewalSeq == 0 && nowUs - session->tokenIssuedUs >= qint64(m_settings.resumeTtlMs) * 1000 / 2)
                renewToken(*session);
            if (session->stage() == Session::Stage::Anonymous &&
                nowUs - session->createdUs > qint64(m_settings.anonymousTimeoutMs) * 1000)
                expired.push_back(id);
        } else if (nowUs - session->lastSeenUs > qint64(m_settings.resumeTtlMs) * 1000) {
            expired.push_back(id);
        }
    }
    for (quint64 id : expired) {
        if (Session *session = find(id))
            endSession(*session, wire::SESSION_CLOSE_REASON_UNSPECIFIED);
    }
}

void SessionRegistry::recordAccess(const Connection *connection, const QString &client, int status)
{
    Q_EMIT accessRecorded(
        AccessEvent{connection->peerAddress(), client, m_resourceByConnection.value(connection), status});
}

} // namespace consult
