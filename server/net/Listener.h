#pragma once

#include "session/SessionRegistry.h"

#include <QHash>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QWebSocketServer>

namespace consult {

class Clock;

// The only listening socket of the server (T10: no plaintext port). Accepts TCP, enforces the
// connection caps before any TLS work (I6), runs the TLS handshake with the BSI profile and a
// timeout, lets QWebSocketServer do the upgrade with the Origin allowlist (S8) and the WebSocket
// size limits (I1), and hands each upgraded socket to the SessionRegistry.
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
        qint64 maxFrameBytes = 64 * 1024; // I1: 64 KiB frames and messages; more closes with 1009
        qint64 maxMessageBytes = 64 * 1024;
        QStringList allowedOrigins; // S8: requests with another Origin are refused; none is fine
    };

    Listener(Settings settings, QSslConfiguration tls, SessionRegistry &registry, QObject *parent = nullptr);

    int connectionCount() const { return m_total; }

Q_SIGNALS:
    void accessRecorded(const consult::AccessEvent &event);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void release(const QHostAddress &address);
    void onUpgraded();
    // Ends the handshake phase of `socket`: false if it had ended already.
    bool finishHandshake(QSslSocket *socket);
    static QString endpointKey(const QHostAddress &address, quint16 port);

    Settings m_settings;
    QSslConfiguration m_tls;
    SessionRegistry &m_registry;
    QWebSocketServer m_upgrader;
    QHash<QString, int> m_perAddress;           // by addressGroup()
    QHash<QString, QSslSocket *> m_handshaking; // by peer address and port
    int m_total = 0;
    int m_pendingHandshakes = 0;
};

} // namespace consult
