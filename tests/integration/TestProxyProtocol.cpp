// The server behind a TLS passthrough load balancer (issue 13 weakness 1, second half): from a
// configured trusted proxy every connection begins with a PROXY protocol v2 header, and from then on
// the client's address is the one in the header for the per-address caps and the access log; a header
// from anyone else is not read (the bytes must be TLS), and a trusted proxy without one is closed.
// The load balancer is a tiny forwarder in the test, sending from 127.0.0.5 (Linux routes 127/8 to lo).
#include "support/EpollTestMain.h"
#include "support/RawClient.h"
#include "support/TestClients.h"
#include "support/TestServer.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtEndian>

#include <algorithm>

using namespace consult;
using namespace consult::testing;

namespace {

const QHostAddress kProxy(QStringLiteral("127.0.0.5"));
const QHostAddress kOtherSender(QStringLiteral("127.0.0.6"));

// A PROXY v2 header for a TCP connection from `client` (IPv4 or IPv6) to the server.
QByteArray proxyHeader(const QHostAddress &client)
{
    QByteArray body;
    const auto be16 = [](quint16 value) {
        QByteArray bytes(2, '\0');
        qToBigEndian(value, bytes.data());
        return bytes;
    };
    quint8 family = 0x11;
    if (client.protocol() == QAbstractSocket::IPv4Protocol) {
        body.resize(8);
        qToBigEndian(client.toIPv4Address(), body.data());
        qToBigEndian(QHostAddress(QStringLiteral("127.0.0.1")).toIPv4Address(), body.data() + 4);
    } else {
        family = 0x21;
        const Q_IPV6ADDR source = client.toIPv6Address();
        body = QByteArray(reinterpret_cast<const char *>(source.c), 16) + QByteArray(15, '\0') + '\x01';
    }
    body += be16(40'000) + be16(8443);
    return QByteArray("\r\n\r\n\0\r\nQUIT\n", 12) + '\x21' + char(family) + be16(quint16(body.size())) + body;
}

// Accepts on 127.0.0.1, connects to the server from `from` and forwards both ways; the first bytes
// upstream are `header` (none: a plain TCP forwarder).
class Forwarder final : public QObject
{
public:
    Forwarder(quint16 target, QHostAddress from, QByteArray header)
        : m_target(target)
        , m_from(std::move(from))
        , m_header(std::move(header))
    {
        connect(&m_server, &QTcpServer::newConnection, this, &Forwarder::onNewConnection);
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    void onNewConnection()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            client->setParent(this);
            auto *upstream = new QTcpSocket(this);
            upstream->bind(m_from, 0);
            connect(upstream, &QTcpSocket::connected, client,
                    [this, client, upstream] { upstream->write(m_header + client->readAll()); });
            connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
                if (upstream->state() == QAbstractSocket::ConnectedState)
                    upstream->write(client->readAll());
            });
            connect(upstream, &QTcpSocket::readyRead, client,
                    [client, upstream] { client->write(upstream->readAll()); });
            connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
            connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            upstream->connectToHost(QHostAddress::LocalHost, m_target);
        }
    }

    quint16 m_target;
    QHostAddress m_from;
    QByteArray m_header;
    QTcpServer m_server;
};

int rowsFrom(const TestServer &server, const QHostAddress &address, int status)
{
    const QList<AccessEvent> events = server.accessEvents();
    return static_cast<int>(std::count_if(events.begin(), events.end(), [&](const AccessEvent &event) {
        return event.address.isEqual(address) && event.status == status;
    }));
}

std::unique_ptr<TestServer> serverBehindTheProxy()
{
    auto server = std::make_unique<TestServer>([](ServerConfig &config) {
        config.trustedProxies = {{kProxy, 32}};
        config.maxConnectionsPerAddress = 2;
    });
    return server;
}

} // namespace

class TestProxyProtocol final : public QObject
{
    Q_OBJECT
private slots:
    void theClientsAddressFromTheHeaderIsLoggedAndCapped_data();
    void theClientsAddressFromTheHeaderIsLoggedAndCapped();
    void theCustomerDeskCountsQueueEntriesByTheHeadersAddress();
    void aHeaderFromAnUntrustedSenderIsNotRead();
    void aTrustedProxyWithoutAHeaderIsClosed();
};

void TestProxyProtocol::theClientsAddressFromTheHeaderIsLoggedAndCapped_data()
{
    QTest::addColumn<QString>("client");
    QTest::newRow("IPv4") << QStringLiteral("203.0.113.7");
    QTest::newRow("IPv6") << QStringLiteral("2001:db8::1");
}

// R4, I6 behind a load balancer: the access log records the header's address, and the per-address
// cap of 2 counts it: the third connection of that client is refused (429 for its address) while a
// client with another address through the same proxy still gets in.
void TestProxyProtocol::theClientsAddressFromTheHeaderIsLoggedAndCapped()
{
    QFETCH(QString, client);
    const QHostAddress address(client);
    auto server = serverBehindTheProxy();
    QVERIFY(server->start());
    Forwarder balancer(server->port(), kProxy, proxyHeader(address));

    RawClient first;
    QVERIFY(first.open(server->endpointAt(balancer.port())));
    QVERIFY(first.hello(wire::CLIENT_KIND_CUSTOMER));
    CONSULT_WAIT_FOR(rowsFrom(*server, address, 101) == 1, 5000);
    QCOMPARE(rowsFrom(*server, kProxy, 101), 0);
    QCOMPARE(rowsFrom(*server, QHostAddress(QHostAddress::LocalHost), 101), 0);

    RawClient second;
    QVERIFY(second.open(server->endpointAt(balancer.port())));
    QCOMPARE(server->listener().connectionCount(), 2);
    RawClient third;
    QVERIFY(!third.open(server->endpointAt(balancer.port()), {}, 5000));
    CONSULT_WAIT_FOR(rowsFrom(*server, address, 429) == 1, 5000);

    Forwarder otherClient(server->port(), kProxy, proxyHeader(QHostAddress(QStringLiteral("198.51.100.9"))));
    RawClient fourth;
    QVERIFY(fourth.open(server->endpointAt(otherClient.port())));
    QCOMPARE(server->listener().connectionCount(), 3);
}

// S3 behind a load balancer: with one queue entry per address, a second customer from the header's
// address is refused (ERROR_RATE_LIMITED) while customers with other addresses through the same proxy
// still queue; before, all of them were 127.0.0.x to the desk.
void TestProxyProtocol::theCustomerDeskCountsQueueEntriesByTheHeadersAddress()
{
    TestServer server([](ServerConfig &config) {
        config.trustedProxies = {{kProxy, 32}};
        config.entriesPerAddress = 1;
    });
    QVERIFY(server.start());
    Forwarder fromErika(server.port(), kProxy, proxyHeader(QHostAddress(QStringLiteral("2001:db8:7::1"))));
    Forwarder fromErikasOtherAddress(server.port(), kProxy,
                                     proxyHeader(QHostAddress(QStringLiteral("2001:db8:7::2")))); // same /64
    Forwarder fromMax(server.port(), kProxy, proxyHeader(QHostAddress(QStringLiteral("203.0.113.8"))));

    RawClient erika;
    QVERIFY(erika.open(server.endpointAt(fromErika.port())));
    QVERIFY(erika.hello(wire::CLIENT_KIND_CUSTOMER));
    QVERIFY(erika.customerLogin(QStringLiteral("Erika Muster"), QStringLiteral("030 1234567")));

    RawClient again;
    QVERIFY(again.open(server.endpointAt(fromErikasOtherAddress.port())));
    QVERIFY(again.hello(wire::CLIENT_KIND_CUSTOMER));
    const int from = again.mark();
    QVERIFY(!again.customerLogin(QStringLiteral("Erika Muster"), QStringLiteral("030 1234567"), 5000));
    const std::optional<wire::Error> refusal = again.waitForError(from, 5000);
    QVERIFY(refusal);
    QCOMPARE(refusal->code(), wire::ERROR_RATE_LIMITED);

    RawClient max;
    QVERIFY(max.open(server.endpointAt(fromMax.port())));
    QVERIFY(max.hello(wire::CLIENT_KIND_CUSTOMER));
    QVERIFY(max.customerLogin(QStringLiteral("Max Mustermann"), QStringLiteral("030 7654321")));
}

// A PROXY header from an address that is not a trusted proxy is not read: it goes to TLS, which
// refuses it, and the connection counts for the sender's own address.
void TestProxyProtocol::aHeaderFromAnUntrustedSenderIsNotRead()
{
    auto server = serverBehindTheProxy();
    QVERIFY(server->start());
    const QHostAddress spoofed(QStringLiteral("203.0.113.7"));
    Forwarder forger(server->port(), kOtherSender, proxyHeader(spoofed));
    RawClient client;
    QVERIFY(!client.open(server->endpointAt(forger.port()), {}, 5000));
    CONSULT_WAIT_FOR(rowsFrom(*server, kOtherSender, 400) == 1, 5000);
    QCOMPARE(rowsFrom(*server, spoofed, 400) + rowsFrom(*server, spoofed, 101), 0);
    // Without the header the same sender is an ordinary client.
    Forwarder plain(server->port(), kOtherSender, {});
    RawClient ordinary;
    QVERIFY(ordinary.open(server->endpointAt(plain.port())));
}

// From a trusted proxy the header is required: TLS straight away is closed before any handshake.
void TestProxyProtocol::aTrustedProxyWithoutAHeaderIsClosed()
{
    auto server = serverBehindTheProxy();
    QVERIFY(server->start());
    Forwarder careless(server->port(), kProxy, {});
    RawClient client;
    QVERIFY(!client.open(server->endpointAt(careless.port()), {}, 5000));
    CONSULT_WAIT_FOR(rowsFrom(*server, kProxy, 400) == 1, 5000);
    CONSULT_WAIT_FOR(server->listener().connectionCount() == 0, 5000);
}

CONSULT_TEST_MAIN_WITH_EPOLL(TestProxyProtocol)
#include "TestProxyProtocol.moc"
