#include "Connection.h"

#include "core/Clock.h"
#include "protocol/EnvelopeCodec.h"

#include <QLoggingCategory>
#include <QTimer>

namespace consult {

Q_LOGGING_CATEGORY(lcConnection, "consult.connection")

Connection::Connection(QWebSocket *socket, QSslSocket *transport, QHostAddress peerAddress, Limits limits,
                       const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_transport(transport)
    , m_peerAddress(std::move(peerAddress))
    , m_limits(limits)
    , m_clock(clock)
    , m_scheduler(*this, clock, limits.sending)
    , m_rateViolations(limits.maxRateViolations, limits.rateViolationWindowUs, clock.monotonicUs())
    , m_tokens(limits.envelopeBurst)
    , m_realtimeTokens(limits.realtimeBurst)
    , m_bulkTokens(limits.bulkBurst)
    , m_lastRefillUs(clock.monotonicUs())
    , m_lastReceivedUs(clock.monotonicUs())
{
    socket->setParent(this);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &Connection::onBinaryMessage);
    connect(socket, &QWebSocket::textMessageReceived, this, &Connection::onTextMessage);
    // Qt 6.4 ties QWebSocket::bytesWritten to QSslSocket::encryptedBytesWritten: ciphertext reached
    // the kernel, so the backlog shrank and what waits may go.
    connect(socket, &QWebSocket::bytesWritten, this, [this] { m_scheduler.drain(); });
    connect(socket, &QWebSocket::disconnected, this, [this] {
        m_closing = true;
        finish();
        deleteLater();
    });
}

Connection::~Connection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool Connection::isOpen() const
{
    return m_socket && !m_closing && m_socket->state() == QAbstractSocket::ConnectedState;
}

void Connection::sendFrame(const QByteArray &bytes, SendClass sendClass)
{
    if (!isOpen())
        return;
    if (m_scheduler.send(sendClass, bytes) == SendScheduler::Outcome::PeerNotReading) {
        // I1: the reliable backlog and the socket's together passed the cap.
        qCWarning(lcConnection) << "closing a connection whose peer does not read";
        m_closedForNotReading = true;
        close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("not reading"));
    }
}

bool Connection::sendBulk(quint32 streamId, wire::Envelope envelope)
{
    // A sequenced envelope is numbered by the session as it leaves; without one it cannot be.
    if (!isOpen() || (!protocol::isUnsequenced(envelope.body_case()) && !m_hasBulkEncoder))
        return false;
    return m_scheduler.sendBulk(streamId, std::move(envelope));
}

void Connection::writeFrame(const QByteArray &frame)
{
    m_socket->sendBinaryMessage(frame);
}

qint64 Connection::backlogBytes() const
{
    // Qt 6.4: QWebSocket has no buffer of its own; it writes each frame into the socket it was given,
    // and its bytesToWrite() is that socket's. A QSslSocket keeps the plaintext until the next loop
    // pass (bytesToWrite()), then encrypts it into the TCP socket below, whose buffer grows without
    // limit while the peer does not read (encryptedBytesToWrite()). The two together are the backlog.
    if (m_transport)
        return m_transport->bytesToWrite() + m_transport->encryptedBytesToWrite();
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void Connection::countProtocolError()
{
    if (++m_protocolErrors >= m_limits.maxProtocolErrors)
        close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too many protocol errors"));
}

void Connection::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (!m_socket || m_closing)
        return;
    m_closing = true;
    m_scheduler.clear(); // what waited is let go now (the reliable channel keeps what it must)
    m_socket->close(code, reason);
    finish();
    // The socket disconnects when the peer answers the close frame; do not wait for ever.
    QTimer::singleShot(2000, this, [this] { deleteLater(); });
}

void Connection::closeAfterReliable(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    // A video consultation keeps the socket's backlog near the scheduler's watermark (the media
    // window), so the ConsultationEnded and SessionClosed just sent often wait there; close() would
    // drop them and the peer would see the socket go without being told why.
    if (isOpen())
        m_scheduler.flushReliable();
    close(code, reason);
}

void Connection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT closed();
}

void Connection::onBinaryMessage(const QByteArray &bytes)
{
    if (m_closing)
        return;
    const qint64 nowUs = m_clock.monotonicUs();
    m_lastReceivedUs = nowUs;

    auto decoded = protocol::decode(bytes);
    if (const auto *error = std::get_if<protocol::DecodeError>(&decoded)) {
        wire::Envelope reply;
        reply.mutable_error()->set_code(wire::ERROR_MALFORMED);
        reply.mutable_error()->set_message(error->message.toStdString());
        sendFrame(protocol::encode(reply));
        countProtocolError();
        return;
    }

    // A coarse limit on everything a connection sends (I5). An unnumbered envelope over it is dropped;
    // a numbered one cannot be, without a gap in the sequence, so a client that floods those is closed.
    // Media has its own, larger budget: a call is 100 packets a second, a chat a few lines a minute.
    // The connection check's upload (16 KiB chunks, a few dozen at most) counts against it too.
    const double elapsed = static_cast<double>(nowUs - m_lastRefillUs) / 1e6;
    m_lastRefillUs = nowUs;
    m_tokens = qMin(m_limits.envelopeBurst, m_tokens + elapsed * m_limits.envelopesPerSecond);
    m_realtimeTokens = qMin(m_limits.realtimeBurst, m_realtimeTokens + elapsed * m_limits.realtimePerSecond);
    if (protocol::isUnsequenced(std::get<wire::Envelope>(decoded).body_case())) {
        if (m_realtimeTokens < 1) {
            Q_EMIT rateLimited();
            if (m_rateViolations.add(nowUs))
                close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("flooding"));
            return;
        }
        m_realtimeTokens -= 1;
        Q_EMIT envelopeReceived(std::get<wire::Envelope>(decoded));
        return;
    }
    if (const auto body = std::get<wire::Envelope>(decoded).body_case();
        body == wire::Envelope::kBoardPageData || body == wire::Envelope::kDocumentChunk) {
        // Numbered, so never dropped: a client that floods them is closed.
        m_bulkTokens = qMin(m_limits.bulkBurst, m_bulkTokens + elapsed * m_limits.bulkPerSecond);
        if (m_bulkTokens < 1) {
            Q_EMIT rateLimited();
            close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("flooding"));
            return;
        }
        m_bulkTokens -= 1;
        Q_EMIT envelopeReceived(std::get<wire::Envelope>(decoded));
        return;
    }
    if (m_tokens < 1) {
        Q_EMIT rateLimited();
        if (std::get<wire::Envelope>(decoded).seq() > 0 || m_rateViolations.add(nowUs))
            close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("flooding"));
        return;
    }
    m_tokens -= 1;
    Q_EMIT envelopeReceived(std::get<wire::Envelope>(decoded));
}

void Connection::onTextMessage()
{
    // The protocol is binary only; text frames are a protocol error.
    wire::Envelope reply;
    reply.mutable_error()->set_code(wire::ERROR_MALFORMED);
    reply.mutable_error()->set_message("text frames are not part of the protocol");
    sendFrame(protocol::encode(reply));
    countProtocolError();
}

} // namespace consult
