// I1: a reader that does not read is closed, not buffered, so that slow readers cannot exhaust
// memory. A participant whose TLS socket stops reading at the TCP level, while the other side floods
// chat and media at it, is closed once its backlog passes the configured cap, and what the server
// holds for it stays bounded until then: the cap counts the ciphertext under QWebSocket, which its
// bytesToWrite() never sees.
#include "support/EpollTestMain.h"
#include "support/RawConsultation.h"
#include "support/TestClients.h"
#include "support/TestServer.h"

#include <QElapsedTimer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

using namespace consult;
using namespace consult::testing;

namespace {

constexpr qint64 kCap = 256 * 1024;

// Stops `client` reading at the TCP level: its QWebSocket no longer hears that data arrived, and its
// TLS socket buffers at most a few KiB, so the rest stays in the kernel and the TCP window closes.
// Writing still works: the client can go on confirming media it never read.
void stopReading(RawClient &client)
{
    auto *tls = client.socket()->findChild<QSslSocket *>(QString(), Qt::FindDirectChildrenOnly);
    QVERIFY(tls);
    tls->setReadBufferSize(4096);
    QObject::disconnect(tls, &QIODevice::readyRead, nullptr, nullptr);
}

void startMedia(RawClient &sender, const QString &consultationId)
{
    wire::Envelope state;
    state.mutable_media_state()->set_consultation_id(consultationId.toStdString());
    state.mutable_media_state()->set_microphone_on(true);
    state.mutable_media_state()->set_camera_on(true);
    sender.sendReliable(std::move(state));
}

wire::Envelope mediaPacket(const QString &consultationId, wire::MediaKind kind, quint32 sequence, int bytes)
{
    wire::Envelope envelope;
    auto *packet = envelope.mutable_media_packet();
    packet->set_consultation_id(consultationId.toStdString());
    packet->set_kind(kind);
    packet->set_sequence(sequence);
    packet->set_payload(std::string(static_cast<size_t>(bytes), 'm'));
    return envelope;
}

// A loopback TCP relay in front of the server that can stop reading what clients send, as a server
// that no longer reads would; what the server sends still comes through.
class StallingProxy final : public QObject
{
public:
    explicit StallingProxy(quint16 targetPort)
        : m_targetPort(targetPort)
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, &StallingProxy::accept);
    }

    quint16 port() const { return m_server.serverPort(); }

    // From now on nothing more is read from the clients: their bytes pile up in the kernel.
    void stall()
    {
        m_stalled = true;
        for (const QPointer<QTcpSocket> &client : std::as_const(m_clients)) {
            if (client)
                client->setReadBufferSize(4096);
        }
    }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            client->setParent(this);
            m_clients.append(client);
            auto *upstream = new QTcpSocket(client);
            const auto forward = [this, client, upstream] {
                if (!m_stalled && upstream->state() == QAbstractSocket::ConnectedState)
                    upstream->write(client->readAll());
            };
            connect(client, &QTcpSocket::readyRead, this, forward);
            connect(upstream, &QTcpSocket::connected, this, forward);
            connect(upstream, &QTcpSocket::readyRead, this, [client, upstream] { client->write(upstream->readAll()); });
            connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
            connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
        }
    }

    quint16 m_targetPort;
    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_clients;
    bool m_stalled = false;
};

} // namespace

class TestSlowReader final : public QObject
{
    Q_OBJECT
private slots:
    void aReaderThatStopsReadingIsClosedAndWhatIsHeldForItStaysBounded()
    {
        TestServer server([](ServerConfig &config) {
            config.maxOutgoingBufferBytes = kCap; // I1, small so that the test is quick
            // The flood must come from within the limits, not be refused by them.
            config.chatPerSecond = 10'000;
            config.chatBurst = 100'000;
            config.envelopesPerSecond = 100'000;
            config.envelopeBurst = 1'000'000;
            config.mediaMaxUplinkKbps = 100'000;
        });
        QVERIFY(server.start());
        RawConsultation consultation;
        QVERIFY(startRawConsultation(server, QStringLiteral("berater.langsam"), QStringLiteral("Lena Leser"),
                                     consultation));
        RawClient &flooder = *consultation.advisor;
        RawClient &slowReader = *consultation.customer;
        startMedia(flooder, consultation.id);
        QVERIFY(flooder.sync());
        stopReading(slowReader);
        if (QTest::currentTestFailed())
            return;

        SessionRegistry &registry = server.core().registry();
        const QString line(4000, u'x'); // the longest chat line there is
        const std::string id = consultation.id.toStdString();
        qint64 largestHeld = 0;
        int chatLines = 0;
        quint32 mediaSequence = 0;
        QElapsedTimer elapsed;
        elapsed.start();
        while (registry.closedForNotReading() == 0 && elapsed.elapsed() < 30'000 && flooder.isConnected()) {
            // Eight lines a pass: the server echoes each line to its sender too, and the flooder, which
            // reads, must not be mistaken for a slow reader. Both share this thread, so the flood is as
            // fast as the server can take it.
            for (int i = 0; i < 8; ++i)
                flooder.sendReliable(chatEnvelope(consultation.id, QStringLiteral("flut-%1").arg(++chatLines), line));
            // Media within the connection's real-time budget (400 packets a second), and the slow
            // reader confirms every byte it was sent without reading any of it: the relay's window
            // stays open, so only the scheduler's bound stands between the flood and the memory.
            if (chatLines % 40 == 0) {
                flooder.sendUnsequenced(mediaPacket(consultation.id, wire::MEDIA_KIND_AUDIO, ++mediaSequence, 120));
                flooder.sendUnsequenced(mediaPacket(consultation.id, wire::MEDIA_KIND_VIDEO, ++mediaSequence, 1200));
                wire::Envelope acknowledgement;
                acknowledgement.mutable_media_acknowledge()->set_consultation_id(id);
                acknowledgement.mutable_media_acknowledge()->set_bytes_received(~quint64(0));
                slowReader.sendUnsequenced(std::move(acknowledgement));
            }
            QCoreApplication::processEvents();
            largestHeld = qMax(largestHeld, registry.largestOutgoingBytes());
        }
        qInfo() << "chat lines sent:" << chatLines << "largest held for one connection:" << largestHeld
                << "bytes; media dropped by the relay:" << server.core().media().droppedPackets();

        // Closed for not reading (1008), not for anything else, and the flooder is still there.
        QCOMPARE(registry.closedForNotReading(), 1);
        QVERIFY(flooder.isConnected());
        // Bounded: the cap, the real-time queue's bound, and what the socket may hold above the low
        // watermark (one frame, at most the 64 KiB message limit).
        const SendScheduler::Limits &sending = registry.settings().connection.sending;
        QCOMPARE(sending.maxBacklogBytes, kCap);
        const qint64 bound = kCap + sending.maxRealtimeBytes + sending.lowWatermarkBytes + 64 * 1024;
        QVERIFY2(largestHeld <= bound,
                 qPrintable(QStringLiteral("held %1 bytes for one connection, bound %2").arg(largestHeld).arg(bound)));
        // And the closed connection lets go of its socket: only the flooder's remains.
        CONSULT_WAIT_FOR(registry.connectionCount() == 1, 10'000);
        QVERIFY(flooder.sync());
    }

    void aClientWhoseServerStopsReadingTreatsTheConnectionAsLost()
    {
        // The same cap on the client's side: its scheduler sees the TLS socket's buffers too, and a
        // server that reads nothing more is a lost connection, well before the silence timeout.
        TestServer server;
        QVERIFY(server.start());
        StallingProxy proxy(server.port());
        ClientConnection::Settings settings;
        settings.clientVersion = QStringLiteral("test");
        settings.sending.maxBacklogBytes = kCap;
        ClientConnection connection(settings, SystemClock::instance());
        connection.open(server.endpointAt(proxy.port()));
        CONSULT_WAIT_FOR(connection.state() == ClientConnection::State::Connected, 10'000);
        proxy.stall();

        const QString line(4000, u'x');
        qint64 largestHeld = 0;
        int lines = 0;
        QElapsedTimer elapsed;
        elapsed.start();
        while (connection.state() == ClientConnection::State::Connected && elapsed.elapsed() < 10'000) {
            for (int i = 0; i < 8; ++i)
                connection.send(chatEnvelope(QStringLiteral("c"), QStringLiteral("l-%1").arg(++lines), line));
            QCoreApplication::processEvents();
            largestHeld = qMax(largestHeld, connection.outgoingBytes());
        }
        qInfo() << "lines sent:" << lines << "largest held:" << largestHeld << "bytes after" << elapsed.elapsed()
                << "ms";
        // Lost, not failed: the session is resumed when the path works again (the reliable channel
        // keeps every line for the replay).
        QCOMPARE(connection.state(), ClientConnection::State::Reconnecting);
        QCOMPARE(connection.failure(), ClientConnection::Failure::None);
        QVERIFY(elapsed.elapsed() < 5'000); // the silence timeout would take 15 s
        const SendScheduler::Limits &sending = connection.settings().sending;
        QVERIFY2(largestHeld <= kCap + sending.maxRealtimeBytes + sending.lowWatermarkBytes + 64 * 1024,
                 qPrintable(QStringLiteral("held %1 bytes").arg(largestHeld)));
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestSlowReader)
#include "TestSlowReader.moc"
