#include "Listener.h"

#include "AddressGroup.h"
#include "HelloGate.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>

#include <algorithm>

#include <sys/socket.h>
#include <unistd.h>

namespace consult {

Q_LOGGING_CATEGORY(lcListener, "consult.listener")

namespace {

constexpr int kRateLogLinesPerMinute = 6;

// The peer of an accepted descriptor, before any socket object is built on it.
QHostAddress peerOf(qintptr descriptor)
{
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    if (::getpeername(static_cast<int>(descriptor), reinterpret_cast<sockaddr *>(&peer), &length) != 0)
        return {};
    return QHostAddress(reinterpret_cast<const sockaddr *>(&peer));
}

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

Listener::Listener(Settings settings, QSslConfiguration tls, SessionRegistry &registry, QObject *parent,
                   const Clock &clock)
    : QTcpServer(parent)
    , m_settings(std::move(settings))
    , m_tls(std::move(tls))
    , m_registry(registry)
    , m_upgrader(QStringLiteral("consult"), QWebSocketServer::NonSecureMode) // TLS is already done here
    , m_handshakeRate(m_settings.handshakesPerAddress, std::chrono::milliseconds(m_settings.handshakeWindowMs), clock)
    , m_rateLog(kRateLogLinesPerMinute)
    , m_clock(clock)
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
    QElapsedTimer since;
    since.start();
    const QHostAddress peer = peerOf(socketDescriptor);
    // From a trusted proxy the client is known only once its PROXY header is read: until then only
    // the global caps apply, and the per-address ones count the client, not the proxy.
    const bool fromProxy = isTrustedProxy(peer);
    if (!fromProxy && !admitAddress(peer, socketDescriptor))
        return;

    // I6: caps are checked before a single byte of TLS is spent on the connection.
    if (m_total >= m_settings.maxConnections || m_pendingHandshakes >= m_settings.maxPendingHandshakes) {
        ++m_refusals.serverFull;
        Q_EMIT accessRecorded(AccessEvent{peer, {}, {}, 503});
        ::close(static_cast<int>(socketDescriptor));
        return;
    }
    ++m_total;
    if (!fromProxy)
        ++m_perAddress[addressGroup(peer)]; // IPv6 by /64 (AddressGroup)
    ++m_pendingHandshakes;

    // R4: no TLS work and only a short hold until the ClientHello (and a proxy's header) is in.
    const int helloTimeoutMs = qMin(m_settings.clientHelloTimeoutMs, m_settings.handshakeTimeoutMs);
    auto *gate = new HelloGate(socketDescriptor, helloTimeoutMs, fromProxy, this);
    connect(gate, &HelloGate::passed, this,
            [this, gate, peer, fromProxy, since](qintptr descriptor, const QHostAddress &client) {
                gate->deleteLater();
                if (!fromProxy) {
                    startTls(descriptor, peer, since);
                    return;
                }
                // LOCAL (the proxy's health check) keeps the proxy's own address.
                const QHostAddress address = client.isNull() ? peer : client;
                if (!admitAddress(address, descriptor)) {
                    --m_pendingHandshakes;
                    --m_total;
                    return;
                }
                ++m_perAddress[addressGroup(address)];
                startTls(descriptor, address, since);
            });
    connect(gate, &HelloGate::failed, this, [this, gate, peer, fromProxy] {
        gate->deleteLater();
        --m_pendingHandshakes;
        if (fromProxy)
            --m_total;
        else
            release(peer);
        ++m_refusals.noClientHello;
        Q_EMIT accessRecorded(AccessEvent{peer, {}, {}, 400});
    });
    gate->start();
}

bool Listener::admitAddress(const QHostAddress &address, qintptr socketDescriptor)
{
    // R4: a burst of new connections from one address group is closed before it costs anything,
    // and only counted: writing a line or an access-log row for each would be the next flood.
    if (!m_handshakeRate.tryTake(address)) {
        ::close(static_cast<int>(socketDescriptor));
        noteRefusedOverRate();
        return false;
    }
    if (m_perAddress.value(addressGroup(address)) >= m_settings.maxConnectionsPerAddress) {
        ++m_refusals.addressFull;
        Q_EMIT accessRecorded(AccessEvent{address, {}, {}, 429});
        ::close(static_cast<int>(socketDescriptor));
        return false;
    }
    return true;
}

bool Listener::isTrustedProxy(const QHostAddress &peer) const
{
    return std::any_of(m_settings.trustedProxies.begin(), m_settings.trustedProxies.end(),
                       [&peer](const QPair<QHostAddress, int> &network) { return peer.isInSubnet(network); });
}

void Listener::startTls(qintptr socketDescriptor, const QHostAddress &address, const QElapsedTimer &since)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        ::close(static_cast<int>(socketDescriptor));
        --m_pendingHandshakes;
        release(address);
        return;
    }

    // Chat lines are small and must not wait for Nagle's algorithm to fill a segment.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Keyed by the TCP peer (a proxy's address behind a load balancer), which is what the upgraded
    // QWebSocket reports; `address` is the client's.
    m_handshaking.insert(endpointKey(socket->peerAddress(), socket->peerPort()), socket);
    m_clients.insert(socket, address);

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
            ++m_refusals.handshakeFailed;
            Q_EMIT accessRecorded(AccessEvent{address, {}, {}, 400});
            socket->deleteLater();
        }
    });
    // I6: the handshake timeout counts from the accept, the wait for the ClientHello included.
    const int remainingMs = static_cast<int>(qMax<qint64>(0, m_settings.handshakeTimeoutMs - since.elapsed()));
    QTimer::singleShot(remainingMs, socket, [this, socket] {
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

void Listener::noteRefusedOverRate()
{
    ++m_refusals.overRate;
    if (m_rateLog.take(m_clock.monotonicUs() / 1000))
        qCWarning(lcListener).nospace() << "closed new connections over the per-address handshake rate: "
                                        << m_refusals.overRate << " since start";
}

bool Listener::finishHandshake(QSslSocket *socket)
{
    const QString key = m_handshaking.key(socket);
    if (key.isEmpty())
        return false;
    m_handshaking.remove(key);
    m_clients.remove(socket);
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
        QSslSocket *socket = m_handshaking.value(endpointKey(webSocket->peerAddress(), webSocket->peerPort()));
        const QHostAddress address = m_clients.value(socket, webSocket->peerAddress());
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
