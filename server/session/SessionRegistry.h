#pragma once

#include "Connection.h"
#include "Session.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>
#include <unordered_map>
#include <vector>

class QSslSocket;
class QWebSocket;

namespace consult {

class Clock;

// What the rest of the server learns from the session layer. Implemented by the server core.
class SessionHost
{
public:
    virtual ~SessionHost() = default;
    // Fill in what a new session's Welcome carries besides the session fields (notices, hours).
    virtual void prepareWelcome(Session &session, wire::Welcome &welcome) = 0;
    // An application envelope (not session control) arrived in order, exactly once.
    virtual void handleEnvelope(Session &session, const wire::Envelope &envelope) = 0;
    // The connection is gone; the session waits for a resume until its token expires.
    virtual void sessionSuspended(Session &session) = 0;
    virtual void sessionResumed(Session &session) = 0;
    // The session is about to end for good. It may still be sent to; SessionClosed follows.
    virtual void sessionEnding(Session &session) = 0;
};

// One line of the access log (P4): who connected, with what, and how it went.
struct AccessEvent
{
    QHostAddress address;
    QString client;   // client name and version, from Hello; escaped when written
    QString resource; // request path only, never a query
    int status = 0;   // HTTP-like: 101 accepted, 400 bad request, 403 origin, 426 version, 429/503 caps
};

// Owns every session and every accepted connection: the hello/resume exchange, resume tokens and
// their rotation (S10), liveness pings (I6), the grace period after a lost connection, the
// acknowledgement of received envelopes, and the end of sessions (S7).
class SessionRegistry final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int resumeTtlMs = 60'000;             // S10: at most 120 s
        int pingIntervalMs = 20'000;          // I6: server pings every 20 s ...
        int pingTimeoutMs = 60'000;           // ... and closes after 60 s of silence
        int clientPingIntervalMs = 5'000;     // announced to clients for their RTT measurement
        int helloTimeoutMs = 10'000;          // the first envelope must come within this
        int anonymousTimeoutMs = 30 * 60'000; // a session that never logs in ends after this
        int sweepIntervalMs = 250;
        ReliableChannel::Limits channel;
        Session::RateLimits rates;
        Connection::Limits connection;
    };

    SessionRegistry(Settings settings, const Clock &clock, SessionHost &host, QObject *parent = nullptr);
    ~SessionRegistry() override;

    // Takes an upgraded WebSocket from the listener, with the TLS socket under it (null without TLS),
    // whose buffers hold a slow reader's backlog (I1).
    void adopt(QWebSocket *socket, QSslSocket *transport, const QHostAddress &peerAddress);

    Session *find(quint64 sessionId) const;

    // Ends a session for good (S7): components are told, the client gets SessionClosed and a close
    // frame, every token of it dies. Safe to call more than once.
    void endSession(Session &session, wire::SessionCloseReason reason);

    // Graceful stop (R2): every session ends with SERVER_SHUTDOWN and close code 1001.
    void shutdown();

    // One pass of the periodic work; public so tests with a ManualClock can drive it.
    void sweep();

    int sessionCount() const { return static_cast<int>(m_sessions.size()); }
    int connectionCount() const;
    // I1, for tests and metrics: the most any open connection holds for its peer right now (queued
    // and in the socket, ciphertext included), and how many were closed because the peer did not read.
    qint64 largestOutgoingBytes() const;
    int closedForNotReading() const { return m_closedForNotReading; }
    // For the metrics: envelopes over a connection's rate (I5) since start.
    quint64 envelopesOverRate() const { return m_envelopesOverRate; }
    // Open connections: before their Hello, and of sessions by kind (a suspended session has none).
    struct OpenConnections
    {
        int beforeHello = 0;
        int customers = 0;
        int advisors = 0;
    };
    OpenConnections openConnections() const;
    const Settings &settings() const { return m_settings; }

Q_SIGNALS:
    void accessRecorded(const consult::AccessEvent &event);

private:
    void onFirstEnvelope(Connection *connection, const wire::Envelope &envelope);
    void startSession(Connection *connection, const wire::Hello &hello);
    void resumeSession(Connection *connection, const wire::Resume &resume);
    void onSessionEnvelope(quint64 sessionId, const wire::Envelope &envelope);
    void onSessionConnectionClosed(quint64 sessionId, Connection *connection);
    void bind(Session &session, Connection *connection);
    void refuse(Connection *connection, wire::ErrorCode code, const QString &message, int accessStatus,
                QWebSocketProtocol::CloseCode closeCode);
    QByteArray issueToken(Session &session);
    void renewToken(Session &session);
    void scheduleAcknowledgement(Session &session);
    void flushAcknowledgements();
    void recordAccess(const Connection *connection, const QString &client, int status);

    Settings m_settings;
    const Clock &m_clock;
    SessionHost &m_host;
    quint64 m_nextSessionId = 1;
    std::unordered_map<quint64, std::unique_ptr<Session>> m_sessions;
    QHash<QByteArray, quint64> m_sessionByTokenHash;
    struct Pending
    {
        QPointer<Connection> connection;
        qint64 acceptedUs;
        QString resource;
    };
    std::vector<Pending> m_pending;
    QHash<const Connection *, QString> m_resourceByConnection;
    std::vector<quint64> m_acknowledgementsDue;
    QTimer m_acknowledgementTimer;
    QTimer m_sweepTimer;
    std::vector<std::unique_ptr<Session>> m_ended; // destroyed on the next event-loop pass
    bool m_shuttingDown = false;
    int m_closedForNotReading = 0;
    quint64 m_envelopesOverRate = 0;
};

} // namespace consult
