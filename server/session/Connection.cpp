#include "Connection.h"

#include "core/Clock.h"
#include "protocol/EnvelopeCodec.h"

#include <QLoggingCategory>
#include <QTimer>

namespace consult {

Q_LOGGING_CATEGORY(lcConnection, "consult.connection")

Connection::Connection(QWebSocket *socket, QHostAddress peerAddress, Limits limits, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_peerAddress(std::move(peerAddress))
    , m_limits(limits)
    , m_clock(clock)
    , m_tokens(limits.envelopeBurst)
    , m_realtimeTokens(limits.realtimeBurst)
    , m_lastRefillUs(clock.monotonicUs())
    , m_lastReceivedUs(clock.monotonicUs())
{
    socket->setParent(this);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &Connection::onBinaryMessage);
    connect(socket, &QWebSocket::textMessageReceived, this, &Connection::onTextMessage);
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

void Connection::sendFrame(const QByteArray &bytes)
{
    if (!isOpen())
        return;
    // I1: QWebSocket::bytesToWrite() sees only what sits above TLS; it is a floor, not the whole
    // backlog, but a reader this far behind is not coming back.
    if (m_socket->bytesToWrite() + bytes.size() > m_limits.maxOutgoingBufferBytes) {
        qCWarning(lcConnection) << "closing a connection whose peer does not read";
        close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("not reading"));
        return;
    }
    m_socket->sendBinaryMessage(bytes);
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
    m_socket->close(code, reason);
    finish();
    // The socket disconnects when the peer answers the close frame; do not wait for ever.
    QTimer::singleShot(2000, this, [this] { deleteLater(); });
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
    const double elapsed = static_cast<double>(nowUs - m_lastRefillUs) / 1e6;
    m_lastRefillUs = nowUs;
    m_tokens = qMin(m_limits.envelopeBurst, m_tokens + elapsed * m_limits.envelopesPerSecond);
    m_realtimeTokens = qMin(m_limits.realtimeBurst, m_realtimeTokens + elapsed * m_limits.realtimePerSecond);
    if (protocol::isRealtime(std::get<wire::Envelope>(decoded).body_case())) {
        if (m_realtimeTokens < 1) {
            if (++m_rateViolations >= m_limits.maxRateViolations)
                close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("flooding"));
            return;
        }
        m_realtimeTokens -= 1;
        Q_EMIT envelopeReceived(std::get<wire::Envelope>(decoded));
        return;
    }
    if (m_tokens < 1) {
        if (std::get<wire::Envelope>(decoded).seq() > 0 || ++m_rateViolations >= m_limits.maxRateViolations)
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
