#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace consult::testing {

// A loopback TCP proxy a test controls: forwards bytes both ways between clients and a target port
// and can cut every connection at once, as a network drop would (R1).
class TcpProxy final : public QObject
{
    Q_OBJECT
public:
    explicit TcpProxy(quint16 targetPort, QObject *parent = nullptr);
    ~TcpProxy() override;

    quint16 port() const { return m_server.serverPort(); }
    // Aborts every open connection (both sides).
    void cutAll();
    // While refusing, new connections are accepted and closed at once.
    void setRefusing(bool refusing) { m_refusing = refusing; }
    int connectionCount() const;
    int acceptedCount() const { return m_accepted; }

private:
    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
    };
    void onNewConnection();

    quint16 m_targetPort;
    QTcpServer m_server;
    QList<Pair> m_pairs;
    bool m_refusing = false;
    int m_accepted = 0;
};

} // namespace consult::testing
