#include "tls/LoopbackHandshake.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkProxy>
#include <QSslCipher>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace consult::tls {

LoopbackTlsServer::LoopbackTlsServer(const QSslConfiguration &configuration)
{
    m_server.setSslConfiguration(configuration);
    // Loopback never goes through a proxy, whatever the application proxy says.
    m_server.setProxy(QNetworkProxy::NoProxy);
    QObject::connect(&m_server, &QSslServer::errorOccurred, &m_server,
                     [this](QSslSocket *socket, QAbstractSocket::SocketError) {
                         // A broken backend option shows up twice (the SSL_CONF error, then the
                         // context failure); the first names the option, so keep the order.
                         if (!m_errors.contains(socket->errorString()))
                             m_errors.append(socket->errorString());
                     });
    QObject::connect(&m_server, &QSslServer::pendingConnectionAvailable, &m_server, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            socket->disconnectFromHost();
        }
    });
}

bool LoopbackTlsServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QStringList LoopbackTlsServer::takeErrors()
{
    return std::exchange(m_errors, {});
}

HandshakeOutcome handshakeOnLoopback(LoopbackTlsServer &server, const QSslConfiguration &clientConfiguration,
                                     const QString &peerName, QDeadlineTimer deadline)
{
    HandshakeOutcome outcome;
    server.takeErrors(); // only this handshake's errors count

    QSslSocket client;
    client.setProxy(QNetworkProxy::NoProxy);
    client.setSslConfiguration(clientConfiguration);

    QEventLoop loop;
    bool finished = false;
    const auto finish = [&] {
        finished = true;
        loop.quit();
    };
    QObject::connect(&client, &QSslSocket::encrypted, &loop, [&] {
        outcome.encrypted = true;
        finish();
    });
    QObject::connect(&client, &QSslSocket::sslErrors, &loop,
                     [&](const QList<QSslError> &errors) { outcome.sslErrors = errors; });
    QObject::connect(&client, &QSslSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError) {
        outcome.clientError = client.errorString();
        finish();
    });
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        outcome.timedOut = true;
        finish();
    });
    if (!deadline.isForever())
        timer.start(std::chrono::milliseconds(std::max<qint64>(deadline.remainingTime(), 0)));

    // Connect by address so "localhost" cannot resolve to ::1, where nothing listens.
    client.connectToHostEncrypted(QHostAddress(QHostAddress::LocalHost).toString(), server.port(), peerName);
    if (!finished)
        loop.exec();

    if (outcome.encrypted) {
        outcome.protocol = client.sessionProtocol();
        outcome.cipher = client.sessionCipher().name();
        outcome.ephemeralServerKey = client.sslConfiguration().ephemeralServerKey();
        outcome.peerCertificate = client.peerCertificate();
    }
    client.abort();
    outcome.serverErrors = server.takeErrors();
    return outcome;
}

} // namespace consult::tls
