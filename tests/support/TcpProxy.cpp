#include "TcpProxy.h"

#include <QHostAddress>

namespace consult::testing {

TcpProxy::TcpProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::onNewConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
}

TcpProxy::~TcpProxy()
{
    cutAll();
}

void TcpProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        client->setParent(this);
        if (m_refusing) {
            client->abort();
            client->deleteLater();
            continue;
        }
        ++m_accepted;
        auto *upstream = new QTcpSocket(this);
        upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
        const auto forward = [](QTcpSocket *from, QTcpSocket *to) {
            return [from, to] {
                if (to->state() == QAbstractSocket::ConnectedState)
                    to->write(from->readAll());
            };
        };
        connect(client, &QTcpSocket::readyRead, upstream, forward(client, upstream));
        connect(upstream, &QTcpSocket::readyRead, client, forward(upstream, client));
        connect(upstream, &QTcpSocket::connected, client, [client, upstream] {
            // Bytes the client sent before the upstream was up.
            if (client->bytesAvailable())
                upstream->write(client->readAll());
        });
        const auto closeBoth = [client, upstream] {
            client->disconnectFromHost();
            upstream->disconnectFromHost();
        };
        connect(client, &QTcpSocket::disconnected, upstream, closeBoth);
        connect(upstream, &QTcpSocket::disconnected, client, closeBoth);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(upstream, &QTcpSocket::disconnected, upstream, &QObject::deleteLater);
        m_pairs.append(Pair{client, upstream});
    }
}

void TcpProxy::cutAll()
{
    const auto pairs = m_pairs;
    m_pairs.clear();
    for (const Pair &pair : pairs) {
        if (pair.client)
            pair.client->abort();
        if (pair.upstream)
            pair.upstream->abort();
    }
}

int TcpProxy::connectionCount() const
{
    return static_cast<int>(std::count_if(m_pairs.begin(), m_pairs.end(), [](const Pair &pair) {
        return pair.client && pair.client->state() == QAbstractSocket::ConnectedState;
    }));
}

} // namespace consult::testing
