#include "Session.h"

#include "Connection.h"
#include "protocol/EnvelopeCodec.h"

namespace consult {

Session::Session(quint64 id, wire::ClientKind kind, QString language, QString clientVersion, QHostAddress address,
                 ReliableChannel::Limits channelLimits, RateLimits rateLimits, qint64 nowUs)
    : createdUs(nowUs)
    , m_id(id)
    , m_kind(kind)
    , m_language(std::move(language))
    , m_clientVersion(std::move(clientVersion))
    , m_address(std::move(address))
    , m_channel(channelLimits)
    , m_rateLimits(rateLimits)
    , m_chatBucket(rateLimits.chatPerSecond, rateLimits.chatBurst, nowUs)
    , m_controlBucket(rateLimits.controlPerSecond, rateLimits.controlBurst, nowUs)
{
    lastSeenUs = nowUs;
}

void Session::allowReplay(qint64 awayUs, qint64 nowUs)
{
    const double awaySeconds = static_cast<double>(qMax<qint64>(0, awayUs)) / 1e6;
    m_chatBucket.grantCredit(m_rateLimits.chatPerSecond * awaySeconds, nowUs + kReplayWindowUs);
    m_controlBucket.grantCredit(m_rateLimits.controlPerSecond * awaySeconds, nowUs + kReplayWindowUs);
}

bool Session::isConnected() const
{
    return m_connection && m_connection->isOpen();
}

Session::~Session()
{
    if (m_connection)
        m_connection->setBulkEncoder({});
}

void Session::attach(Connection *connection)
{
    m_connection = connection;
    if (!connection)
        return;
    // Bulk leaves numbered by this session's channel (sequenced: whiteboard pages) or not (the
    // connection check's data), with the acknowledgement as of then, after every reliable frame
    // queued before it.
    connection->setBulkEncoder([this](wire::Envelope &envelope) -> QByteArray {
        if (protocol::isUnsequenced(envelope.body_case()))
            return m_channel.stampUnsequenced(envelope);
        if (m_broken)
            return {};
        auto bytes = m_channel.stampReliable(envelope);
        if (!bytes) {
            m_broken = true;
            if (onBroken)
                onBroken();
            return {};
        }
        return *std::move(bytes);
    });
}

Connection *Session::detach()
{
    Connection *previous = m_connection.data();
    if (previous)
        previous->setBulkEncoder({});
    m_connection.clear();
    return previous;
}

quint64 Session::send(wire::Envelope &&envelope)
{
    if (m_broken)
        return 0;
    const auto bytes = m_channel.stampReliable(envelope);
    if (!bytes) {
        m_broken = true;
        if (onBroken)
            onBroken();
        return 0;
    }
    if (isConnected())
        m_connection->sendFrame(*bytes);
    return envelope.seq();
}

void Session::sendUnsequenced(wire::Envelope &&envelope)
{
    // Session control, receipts and errors travel with the reliable class (never dropped); the media
    // relay hands its packets to the connection itself, as audio or video.
    if (isConnected())
        m_connection->sendFrame(m_channel.stampUnsequenced(envelope));
}

void Session::sendError(wire::ErrorCode code, quint32 requestId, const QString &message, const QString &field,
                        quint32 retryAfterMs)
{
    wire::Envelope envelope;
    auto *error = envelope.mutable_error();
    error->set_code(code);
    error->set_request_id(requestId);
    error->set_message(message.toStdString());
    error->set_field(field.toStdString());
    error->set_retry_after_ms(retryAfterMs);
    send(std::move(envelope));
}

void Session::whenAcknowledged(quint64 seq, std::function<void()> callback)
{
    if (seq == 0)
        return;
    if (seq <= m_channel.lastAcknowledgedByPeer()) {
        callback();
        return;
    }
    m_acknowledgementCallbacks.emplace(seq, std::move(callback));
}

bool Session::applyAcknowledgement(quint64 ack)
{
    if (!m_channel.acknowledge(ack))
        return false;
    while (!m_acknowledgementCallbacks.empty() && m_acknowledgementCallbacks.begin()->first <= ack) {
        auto callback = std::move(m_acknowledgementCallbacks.begin()->second);
        m_acknowledgementCallbacks.erase(m_acknowledgementCallbacks.begin());
        callback();
    }
    return true;
}

} // namespace consult
