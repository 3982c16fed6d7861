#pragma once

#include "AddressRateTable.h"
#include "app/LogBudget.h"
#include "session/SessionRegistry.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QWebSocketServer>

namespace consult {

// The only listening socket of the server (T10: no plaintext port). Accepts TCP, enforces the
// connection caps and a per-address handshake rate before any TLS work (I6, R4), waits a short time
// for the ClientHello (HelloGate), runs the TLS handshake with the BSI profile and a
// timeout, lets QWebSocketServer do the upgrade with the Origin allowlist (S8) and the WebSocket
// size limits (I1), and hands each upgraded socket to the SessionRegistry. From a configured trusted
// proxy (TLS passthrough load balancer) it first reads a PROXY protocol v2 header, and the address
// in it is the client's for every cap, the sessions and the access log.
class Listener final : public QTcpServer
{
    Q_OBJECT
public:
    struct Settings
    {
        int maxConnectionsPerAddress = 20; // I6
        int maxConnections = 20'000;
        int maxPendingHandshakes = 512;   // TLS plus WebSocket handshakes under way
        int handshakeTimeoutMs = 10'000;  // I6: at most 10 s for TLS and upgrade together
        int clientHelloTimeoutMs = 3'000; // R4: the first TLS record must be complete by then
        int handshakesPerAddress = 10;    // R4: new connections per address group per window ...
        int handshakeWindowMs = 10'000;   // ... beyond which they are closed at once, unlogged
        qint64 maxFrameBytes = 64 * 1024; // I1: 64 KiB frames and messages; more closes with 1009
        qint64 maxMessageBytes = 64 * 1024;
        QStringList allowedOrigins; // S8: requests with another Origin are refused; none is fine
        // Load balancers passing TLS through; their connections begin with a PROXY v2 header.
        QList<QPair<QHostAddress, int>> trustedProxies;
    };

    Listener(Settings settings, QSslConfiguration tls, SessionRegistry &registry, QObject *parent = nullptr,
             const Clock &clock = SystemClock::instance());

    // Connections refused before they became a session, by why (for the metrics).
    struct Refusals
    {
        quint64 overRate = 0;        // R4: closed unread, the address group over the handshake rate
        quint64 addressFull = 0;     // I6: the address group holds max_connections_per_address
        quint64 serverFull = 0;      // I6: max_connections or max_pending_handshakes reached
        quint64 noClientHello = 0;   // R4: no (complete) ClientHello or PROXY header in time
        quint64 handshakeFailed = 0; // TLS failed, the upgrade was refused (Origin, S8) or timed out
    };

    int connectionCount() const { return m_total; }
    // Connections closed unread because their address group was over the handshake rate.
    qint64 refusedOverRate() const { return static_cast<qint64>(m_refusals.overRate); }
    const Refusals &refusals() const { return m_refusals; }

Q_SIGNALS:
    void accessRecorded(const consult::AccessEvent &event);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void release(const QHostAddress &address);
    void startTls(qintptr socketDescriptor, const QHostAddress &address, const QElapsedTimer &since);
    void noteRefusedOverRate();
    // The handshake rate and the per-address cap for `address`; closes the descriptor if over.
    bool admitAddress(const QHostAddress &address, qintptr socketDescriptor);
    bool isTrustedProxy(const QHostAddress &peer) const;
    void onUpgraded();
    // Ends the handshake phase of `socket`: false if it had ended already.
    bool finishHandshake(QSslSocket *socket);
    static QString endpointKey(const QHostAddress &address, quint16 port);

    Settings m_settings;
    QSslConfiguration m_tls;
    SessionRegistry &m_registry;
    QWebSocketServer m_upgrader;
    QHash<QString, int> m_perAddress;            // by addressGroup()
    QHash<QString, QSslSocket *> m_handshaking;  // by peer address and port
    QHash<QSslSocket *, QHostAddress> m_clients; // during the handshake: the client's address
    AddressRateTable m_handshakeRate;            // R4
    LogBudget m_rateLog;                         // one summary line now and then, not one per connection
    const Clock &m_clock;
    Refusals m_refusals;
    int m_total = 0;
    int m_pendingHandshakes = 0;
};

} // namespace consult
