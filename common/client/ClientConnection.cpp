#include "ClientConnection.h"

#include "core/Clock.h"
#include "core/SecureRandom.h"
#include "protocol/EnvelopeCodec.h"
#include "protocol/ProtocolVersion.h"
#include "tls/KeyPins.h"
#include "tls/TlsProfile.h"

#include <QLoggingCategory>
#include <QNetworkRequest>

namespace consult {

Q_LOGGING_CATEGORY(lcClientConnection, "consult.client.connection")

ClientConnection::ClientConnection(Settings settings, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_clock(clock)
    , m_scheduler(*this, clock, m_settings.sending)
{
    m_scheduler.setDropObserver(
        [this](SendClass sendClass, const QByteArray &frame) { onSchedulerDropped(sendClass, frame); });
    // Bulk leaves numbered (sequenced: whiteboard pages) or not (the connection check's upload), with
    // the acknowledgement as of then, after every reliable frame queued before it.
    m_scheduler.setBulkEncoder([this](wire::Envelope &envelope) -> QByteArray {
        if (protocol::isUnsequenced(envelope.body_case()))
            return m_channel.stampUnsequenced(envelope);
        auto bytes = m_channel.stampReliable(envelope);
        if (!bytes) {
            // As send(): the server stopped acknowledging. Closed once the scheduler is done writing.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    fail(Failure::ProtocolError, QStringLiteral("the server stopped acknowledging"));
                    close();
                },
                Qt::QueuedConnection);
            return {};
        }
        return *std::move(bytes);
    });
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ClientConnection::connectSocket);
    // One timer per connection does both jobs: thousands of connections in one process must not
    // mean thousands of timer wake-ups a second.
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        checkSilence();
        sendPing();
    });
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        if (!m_handshakeDone) {
            qCInfo(lcClientConnection) << "connection attempt timed out";
            dropSocket();
            onDisconnected();
        }
    });
    m_acknowledgementTimer.setSingleShot(true);
    m_acknowledgementTimer.setInterval(0);
    connect(&m_acknowledgementTimer, &QTimer::timeout, this, [this] {
        if (m_channel.acknowledgementPending() && m_handshakeDone) {
            wire::Envelope envelope;
            envelope.mutable_acknowledge();
            sendFrame(m_channel.stampUnsequenced(envelope));
        }
    });
}

ClientConnection::~ClientConnection()
{
    dropSocket();
}

void ClientConnection::open(const ServerEndpoint &endpoint)
{
    close();
    m_endpoint = endpoint;
    m_channel = ReliableChannel();
    m_hasSession = false;
    m_sessionOver = false;
    m_resumeToken.clear();
    m_welcome.Clear();
    m_failure = Failure::None;
    m_failureDetail.clear();
    m_attempt = 0;
    setState(State::Connecting);
    connectSocket();
}

void ClientConnection::close()
{
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    m_connectTimer.stop();
    dropSocket();
    m_sessionOver = true;
    if (m_state != State::Disconnected && m_state != State::Closed)
        setState(State::Closed);
}

bool ClientConnection::send(wire::Envelope &&envelope)
{
    if (m_sessionOver)
        return false;
    const auto bytes = m_channel.stampReliable(envelope);
    if (!bytes) {
        fail(Failure::ProtocolError, QStringLiteral("the server stopped acknowledging"));
        close();
        return false;
    }
    if (m_handshakeDone)
        sendFrame(*bytes);
    return true;
}

bool ClientConnection::sendRealtime(wire::Envelope &&envelope)
{
    if (m_sessionOver || !m_handshakeDone)
        return false;
    // Media packets by kind; their acknowledgements are flow control and go with the control class.
    SendClass sendClass = SendClass::Reliable;
    if (envelope.body_case() == wire::Envelope::kMediaPacket)
        sendClass = envelope.media_packet().kind() == wire::MEDIA_KIND_AUDIO ? SendClass::Audio : SendClass::Video;
    sendFrame(m_channel.stampUnsequenced(envelope), sendClass);
    return true;
}

void ClientConnection::openBulkStream(quint32 streamId, std::function<void()> creditReturned,
                                      SendScheduler::BulkSent sent)
{
    m_scheduler.openBulkStream(streamId, std::move(creditReturned), std::move(sent));
}

void ClientConnection::closeBulkStream(quint32 streamId)
{
    m_scheduler.closeBulkStream(streamId);
}

int ClientConnection::bulkCredit(quint32 streamId) const
{
    if (m_sessionOver || !m_handshakeDone)
        return 0;
    return m_scheduler.bulkCredit(streamId);
}

bool ClientConnection::sendBulk(quint32 streamId, wire::Envelope &&envelope)
{
    if (m_sessionOver || !m_handshakeDone)
        return false;
    return m_scheduler.sendBulk(streamId, std::move(envelope));
}

void ClientConnection::measureRoundTrip()
{
    sendPing();
}

void ClientConnection::simulateNetworkLoss()
{
    if (m_socket)
        m_socket->abort();
}

void ClientConnection::connectSocket()
{
    dropSocket();
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::connected, this, &ClientConnection::onConnected);
    connect(socket, &QWebSocket::disconnected, this, &ClientConnection::onDisconnected);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &ClientConnection::onBinaryMessage);
    connect(socket, &QWebSocket::sslErrors, this, &ClientConnection::onSslErrors);
    // I1 on this side too: nothing the server may send is larger.
    socket->setMaxAllowedIncomingFrameSize(1024 * 1024);
    socket->setMaxAllowedIncomingMessageSize(1024 * 1024);
    socket->setSslConfiguration(tls::clientConfiguration(m_endpoint.extraCaCertificates));
    m_handshakeDone = false;
    m_connectTimer.start(m_settings.connectTimeoutMs);
    // S9: no token in the URL; it travels in the first message.
    socket->open(QNetworkRequest(m_endpoint.url));
    // Qt 6.4 creates the TLS socket in open(), as a child of the QWebSocket, and ties
    // QWebSocket::bytesWritten to its encryptedBytesWritten: the scheduler drains when ciphertext
    // reaches the kernel, and measures the backlog in the TLS socket's two buffers.
    m_tls = socket->findChild<QSslSocket *>(QString(), Qt::FindDirectChildrenOnly);
    connect(socket, &QWebSocket::bytesWritten, this, [this] { m_scheduler.drain(); });
}

void ClientConnection::onSslErrors(const QList<QSslError> &errors)
{
    // C1: chain and host name validation stay on, and there is no override.
    QStringList reasons;
    for (const QSslError &error : errors)
        reasons.append(error.errorString());
    fail(Failure::CertificateInvalid, reasons.join(u"; "));
}

void ClientConnection::onConnected()
{
    // C1: the chain was valid; now the key must be the bank's.
    const QSslCertificate leaf = m_socket->sslConfiguration().peerCertificate();
    if (m_endpoint.pins.isEmpty() || !tls::matchesPin(leaf, m_endpoint.pins)) {
        fail(Failure::PinMismatch, QStringLiteral("the server's key is not the pinned key"));
        dropSocket();
        close();
        return;
    }
    // Small messages must not wait for Nagle's algorithm and the peer's delayed ACK (that added 40 ms
    // to chat lines). QWebSocket does not expose its TCP socket but owns it as a child; the option
    // only takes once the socket is connected.
    for (QAbstractSocket *tcp : m_socket->findChildren<QAbstractSocket *>())
        tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_lastReceivedUs = m_clock.monotonicUs();
    wire::Envelope envelope;
    if (!m_hasSession) {
        auto *hello = envelope.mutable_hello();
        hello->set_protocol_version(protocol::kCurrent);
        hello->set_client_kind(m_settings.kind);
        hello->set_client_version(m_settings.clientVersion.toStdString());
        hello->set_language(m_settings.language.toStdString());
    } else {
        auto *resume = envelope.mutable_resume();
        resume->set_protocol_version(protocol::kCurrent);
        resume->set_resume_token(m_resumeToken.constData(), static_cast<size_t>(m_resumeToken.size()));
        resume->set_last_received_seq(m_channel.lastReceived());
    }
    sendFrame(m_channel.stampUnsequenced(envelope));
}

void ClientConnection::onDisconnected()
{
    m_connectTimer.stop();
    m_pingTimer.stop();
    const bool wasUp = m_handshakeDone;
    m_handshakeDone = false;
    if (m_sessionOver || m_state == State::Closed) {
        setState(State::Closed);
        return;
    }
    if (m_failure == Failure::CertificateInvalid || m_failure == Failure::PinMismatch ||
        m_failure == Failure::ProtocolVersion) {
        m_sessionOver = true;
        setState(State::Closed);
        return;
    }
    if (!m_hasSession) {
        fail(m_failure == Failure::None ? Failure::ServerUnreachable : m_failure,
             m_socket ? m_socket->errorString() : QStringLiteral("connection lost"));
        m_sessionOver = true;
        setState(State::Closed);
        return;
    }
    if (wasUp)
        qCInfo(lcClientConnection) << "connection lost; resuming";
    setState(State::Reconnecting);
    scheduleReconnect();
}

void ClientConnection::scheduleReconnect()
{
    // Past the resume TTL the server has ended the session; trying on would only be refused.
    const qint64 silentMs = (m_clock.monotonicUs() - m_lastReceivedUs) / 1000;
    if (m_welcome.resume_ttl_ms() > 0 && silentMs > qint64(m_welcome.resume_ttl_ms())) {
        fail(Failure::ResumeRefused, QStringLiteral("the session expired while the connection was down"));
        m_sessionOver = true;
        setState(State::Closed);
        return;
    }
    // R1: exponential backoff with jitter, so that clients cut off together do not return together.
    const int shift = qMin(m_attempt, 16);
    const qint64 base = qMin<qint64>(m_settings.maxRetryDelayMs, qint64(m_settings.firstRetryDelayMs) << shift);
    const int delay = static_cast<int>(base / 2 + SecureRandom::bounded(static_cast<quint32>(base / 2 + 1)));
    ++m_attempt;
    m_reconnectTimer.start(delay);
}

void ClientConnection::onBinaryMessage(const QByteArray &bytes)
{
    auto decoded = protocol::decode(bytes);
    if (std::holds_alternative<protocol::DecodeError>(decoded)) {
        qCWarning(lcClientConnection) << "undecodable message from the server";
        return;
    }
    const wire::Envelope &envelope = std::get<wire::Envelope>(decoded);
    m_lastReceivedUs = m_clock.monotonicUs();

    const auto receipt = m_channel.receive(envelope.seq());
    if (receipt == ReliableChannel::Receipt::OutOfOrder || !m_channel.acknowledge(envelope.ack())) {
        qCWarning(lcClientConnection) << "sequence error from the server; reconnecting";
        dropSocket();
        onDisconnected();
        return;
    }
    if (receipt == ReliableChannel::Receipt::Duplicate)
        return;
    if (envelope.seq() > 0 && !m_acknowledgementTimer.isActive())
        m_acknowledgementTimer.start();

    switch (envelope.body_case()) {
    case wire::Envelope::kWelcome:
    case wire::Envelope::kResumed:
    case wire::Envelope::kPing:
    case wire::Envelope::kPong:
    case wire::Envelope::kAcknowledge:
        handleSessionControl(envelope);
        return;
    case wire::Envelope::kResumeTokenRenewed:
        m_resumeToken = QByteArray::fromStdString(envelope.resume_token_renewed().resume_token());
        return;
    case wire::Envelope::kError:
        if (envelope.seq() == 0 && !m_handshakeDone) {
            // Refused before the session (re)started.
            switch (envelope.error().code()) {
            case wire::ERROR_PROTOCOL_VERSION:
                fail(Failure::ProtocolVersion, QString::fromStdString(envelope.error().message()));
                break;
            case wire::ERROR_RESUME_REFUSED:
                fail(Failure::ResumeRefused, QString::fromStdString(envelope.error().message()));
                m_sessionOver = true;
                break;
            case wire::ERROR_SERVER_BUSY:
                fail(Failure::ServerBusy, QString::fromStdString(envelope.error().message()));
                break;
            default:
                fail(Failure::ProtocolError, QString::fromStdString(envelope.error().message()));
                break;
            }
            return;
        }
        break;
    case wire::Envelope::kSessionClosed:
        m_sessionOver = true;
        break;
    default:
        break;
    }
    Q_EMIT envelopeReceived(envelope);
}

void ClientConnection::handleSessionControl(const wire::Envelope &envelope)
{
    switch (envelope.body_case()) {
    case wire::Envelope::kWelcome: {
        m_welcome = envelope.welcome();
        m_resumeToken = QByteArray::fromStdString(m_welcome.resume_token());
        m_hasSession = true;
        m_handshakeDone = true;
        m_connectTimer.stop();
        m_attempt = 0;
        // Anything the app sent while the connection was opening goes out now.
        if (const auto queued = m_channel.replayAfter(0)) {
            for (const QByteArray &bytes : *queued)
                sendFrame(bytes);
        }
        m_pingTimer.start(qMax<int>(1000, static_cast<int>(m_welcome.ping_interval_ms())));
        setState(State::Connected);
        Q_EMIT welcomed(m_welcome);
        sendPing();
        return;
    }
    case wire::Envelope::kResumed: {
        const wire::Resumed &answer = envelope.resumed();
        m_resumeToken = QByteArray::fromStdString(answer.resume_token());
        const auto replay = m_channel.replayAfter(answer.last_received_seq());
        if (!replay) {
            fail(Failure::ProtocolError, QStringLiteral("the server claims messages that were never sent"));
            close();
            return;
        }
        m_handshakeDone = true;
        m_connectTimer.stop();
        m_attempt = 0;
        for (const QByteArray &bytes : *replay)
            sendFrame(bytes);
        m_pingTimer.start(qMax<int>(1000, static_cast<int>(m_welcome.ping_interval_ms())));
        setState(State::Connected);
        Q_EMIT resumed();
        return;
    }
    case wire::Envelope::kPing: {
        wire::Envelope pong;
        pong.mutable_pong()->set_nonce(envelope.ping().nonce());
        pong.mutable_pong()->set_sent_at(envelope.ping().sent_at());
        pong.mutable_pong()->set_last_rtt_us(m_rttUs < 0 ? 0 : static_cast<quint32>(m_rttUs));
        sendFrame(m_channel.stampUnsequenced(pong));
        return;
    }
    case wire::Envelope::kPong: {
        const qint64 rtt = m_clock.monotonicUs() - envelope.pong().sent_at();
        if (rtt >= 0) {
            m_rttUs = rtt;
            Q_EMIT roundTripChanged(roundTripMs());
        }
        return;
    }
    default:
        return;
    }
}

void ClientConnection::sendPing()
{
    if (!m_handshakeDone)
        return;
    wire::Envelope ping;
    const qint64 now = m_clock.monotonicUs();
    ping.mutable_ping()->set_nonce(static_cast<quint64>(now));
    ping.mutable_ping()->set_sent_at(now);
    sendFrame(m_channel.stampUnsequenced(ping));
}

void ClientConnection::checkSilence()
{
    if (!m_handshakeDone)
        return;
    const int interval = qMax<int>(1000, static_cast<int>(m_welcome.ping_interval_ms()));
    const int timeout = m_settings.silenceTimeoutMs > 0 ? m_settings.silenceTimeoutMs : qMax(15'000, 3 * interval);
    if ((m_clock.monotonicUs() - m_lastReceivedUs) / 1000 > timeout) {
        // The server answers pings; silence this long means the path is dead even if TCP has not noticed.
        qCInfo(lcClientConnection) << "no answer from the server; reconnecting";
        dropSocket();
        onDisconnected();
    }
}

void ClientConnection::sendFrame(const QByteArray &bytes, SendClass sendClass)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_scheduler.send(sendClass, bytes) != SendScheduler::Outcome::PeerNotReading)
        return;
    // The server has not read what we sent for so long that the cap is passed: the connection is as
    // good as lost. Handled on the next loop pass, not inside whoever is sending; the reliable
    // channel replays after the resume.
    qCWarning(lcClientConnection) << "the server does not read; reconnecting";
    QMetaObject::invokeMethod(
        this,
        [this, socket = m_socket.data()] {
            if (m_socket != socket)
                return;
            dropSocket();
            onDisconnected();
        },
        Qt::QueuedConnection);
}

void ClientConnection::writeFrame(const QByteArray &frame)
{
    if (m_socket)
        m_socket->sendBinaryMessage(frame);
}

qint64 ClientConnection::backlogBytes() const
{
    // The plaintext the TLS socket has not encrypted yet plus the ciphertext the kernel has not
    // taken. QWebSocket::bytesToWrite() is only the first (see server/session/Connection.cpp).
    if (m_tls)
        return m_tls->bytesToWrite() + m_tls->encryptedBytesToWrite();
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void ClientConnection::onSchedulerDropped(SendClass sendClass, const QByteArray &frame)
{
    if (sendClass == SendClass::Reliable)
        return;
    // Rare (a congested uplink): decoding the frame again costs less than carrying a note with each.
    auto decoded = protocol::decode(frame);
    if (const auto *envelope = std::get_if<wire::Envelope>(&decoded);
        envelope && envelope->body_case() == wire::Envelope::kMediaPacket)
        Q_EMIT mediaPacketDropped(envelope->media_packet());
}

void ClientConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ClientConnection::fail(Failure failure, const QString &detail)
{
    if (m_failure != Failure::None && failure == Failure::ServerUnreachable)
        return; // keep the first, more precise reason
    m_failure = failure;
    m_failureDetail = detail;
    qCInfo(lcClientConnection) << "failure:" << failure << detail;
    Q_EMIT failed(failure);
}

void ClientConnection::dropSocket()
{
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket.clear();
    m_tls.clear();
    m_scheduler.clear(); // the reliable channel replays what waited here
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

} // namespace consult
