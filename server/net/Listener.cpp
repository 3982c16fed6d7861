#include "Listener.h"

#include "AddressGroup.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>

namespace consult {

Q_LOGGING_CATEGORY(lcListener, "consult.listener")

namespace {

// Gives a connection's place back when its TCP socket is destroyed (I6). A child of the socket rather
// than a connection to its destroyed() signal: QWebSocket disconnects every signal of the socket it
// takes over, which once left every upgraded connection counted for ever.
class PlaceGuard final : public QObject
{
public:
    PlaceGuard(QSslSocket *socket, std::function<void(QSslSocket *)> release)
        : QObject(socket)
        , m_socket(socket)
        , m_release(std::move(release))
    {}
    ~PlaceGuard() override { m_release(m_socket); }

private:
    QSslSocket *m_socket; // only a key: the socket is being destroyed when the guard runs
    std::function<void(QSslSocket *)> m_release;
};

} // namespace

Listener::Listener(Settings settings, QSslConfiguration tls, SessionRegistry &registry, QObject *parent)
    : QTcpServer(parent)
    , m_settings(std::move(settings))
    , m_tls(std::move(tls))
    , m_registry(registry)
    , m_upgrader(QStringLiteral("consult"), QWebSocketServer::NonSecureMode) // TLS is already done here
{
    m_upgrader.setHandshakeTimeout(m_settings.handshakeTimeoutMs);
    m_upgrader.setMaxPendingConnections(m_settings.maxPendingHandshakes);
    connect(&m_upgrader, &QWebSocketServer::originAuthenticationRequired, this,
            [this](QWebSocketCorsAuthenticator *authenticator) {
                // S8: native clients send no Origin; a browser page always does.
                const QString origin = authenticator->origin();
                const bool allowed = origin.isEmpty() || m_settings.allowedOrigins.contains(origin);
                authenticator->setAllowed(allowed);
                if (!allowed)
                    qCWarning(lcListener) << "refused a WebSocket upgrade from a foreign origin";
            });
    connect(&m_upgrader, &QWebSocketServer::newConnection, this, &Listener::onUpgraded);
}

void Listener::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    const QHostAddress address = socket->peerAddress();

    // I6: caps are checked before a single byte of TLS is spent on the connection.
    int status = 0;
    if (m_total >= m_settings.maxConnections || m_pendingHandshakes >= m_settings.maxPendingHandshakes)
        status = 503;
    else if (m_perAddress.value(addressGroup(address)) >= m_settings.maxConnectionsPerAddress)
        status = 429;
    if (status) {
        Q_EMIT accessRecorded(AccessEvent{address, {}, {}, status});
        socket->abort();
        socket->deleteLater();
        return;
    }

    // Chat lines are small and must not wait for Nagle's algorithm to fill a segment.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    ++m_total;
    ++m_perAddress[addressGroup(address)]; // IPv6 by /64 (AddressGroup)
    ++m_pendingHandshakes;
    m_handshaking.insert(endpointKey(address, socket->peerPort()), socket);

    // The socket lives until the WebSocket built on it, or the failed handshake, is gone.
    QPointer<Listener> self(this);
    new PlaceGuard(socket, [self, address](QSslSocket *gone) {
        if (!self)
            return;
        self->finishHandshake(gone);
        self->release(address);
    });
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket, address] {
        if (finishHandshake(socket)) {
            // TLS failed, the upgrade was refused (Origin, bad request) or it timed out.
            Q_EMIT accessRecorded(AccessEvent{address, {}, {}, 400});
            socket->deleteLater();
        }
    });
    QTimer::singleShot(m_settings.handshakeTimeoutMs, socket, [this, socket] {
        if (m_handshaking.key(socket).isEmpty())
            return;
        socket->abort();
    });
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        // QWebSocketServer takes the encrypted socket over and reads the upgrade request from it.
        m_upgrader.handleConnection(socket);
    });

    socket->setSslConfiguration(m_tls);
    socket->startServerEncryption();
}

bool Listener::finishHandshake(QSslSocket *socket)
{
    const QString key = m_handshaking.key(socket);
    if (key.isEmpty())
        return false;
    m_handshaking.remove(key);
    --m_pendingHandshakes;
    return true;
}

QString Listener::endpointKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u'|' + QString::number(port);
}

void Listener::onUpgraded()
{
    while (QWebSocket *webSocket = m_upgrader.nextPendingConnection()) {
        // I1: explicit limits; Qt's default would accept messages of about 2 GiB.
        webSocket->setMaxAllowedIncomingFrameSize(static_cast<quint64>(m_settings.maxFrameBytes));
        webSocket->setMaxAllowedIncomingMessageSize(static_cast<quint64>(m_settings.maxMessageBytes));
        const QHostAddress address = webSocket->peerAddress();
        QSslSocket *socket = m_handshaking.value(endpointKey(address, webSocket->peerPort()));
        if (socket)
            finishHandshake(socket);
        // I1: the connection measures its backlog in the TLS socket's buffers, so it gets the socket.
        m_registry.adopt(webSocket, socket, address);
    }
}

void Listener::release(const QHostAddress &address)
{
    --m_total;
    auto it = m_perAddress.find(addressGroup(address));
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}

} // namespace consult
