#include "ReliableChannel.h"

#include "protocol/EnvelopeCodec.h"

namespace consult {

std::optional<QByteArray> ReliableChannel::stampReliable(wire::Envelope &envelope)
{
    if (unacknowledgedCount() >= m_limits.maxUnacknowledged || m_unacknowledgedBytes >= m_limits.maxUnacknowledgedBytes)
        return std::nullopt;
    envelope.set_seq(m_nextSeq++);
    envelope.set_ack(m_lastReceived);
    m_lastAckSent = m_lastReceived;
    QByteArray bytes = protocol::encode(envelope);
    m_unacknowledgedBytes += bytes.size();
    m_unacknowledged.push_back(Kept{envelope.seq(), bytes});
    return bytes;
}

QByteArray ReliableChannel::stampUnsequenced(wire::Envelope &envelope)
{
    envelope.set_seq(0);
    envelope.set_ack(m_lastReceived);
    m_lastAckSent = m_lastReceived;
    return protocol::encode(envelope);
}

ReliableChannel::Receipt ReliableChannel::receive(quint64 seq)
{
    if (seq == 0)
        return Receipt::Deliver;
    if (seq <= m_lastReceived)
        return Receipt::Duplicate;
    if (seq != m_lastReceived + 1)
        return Receipt::OutOfOrder;
    m_lastReceived = seq;
    return Receipt::Deliver;
}

bool ReliableChannel::acknowledge(quint64 ack)
{
    if (ack > lastSent())
        return false;
    if (ack <= m_peerAcknowledged)
        return true;
    m_peerAcknowledged = ack;
    while (!m_unacknowledged.empty() && m_unacknowledged.front().seq <= ack) {
        m_unacknowledgedBytes -= m_unacknowledged.front().bytes.size();
        m_unacknowledged.pop_front();
    }
    return true;
}

std::optional<QList<QByteArray>> ReliableChannel::replayAfter(quint64 peerLastReceived)
{
    if (!acknowledge(peerLastReceived))
        return std::nullopt;
    QList<QByteArray> replay;
    replay.reserve(unacknowledgedCount());
    for (const Kept &kept : m_unacknowledged)
        replay.append(kept.bytes);
    return replay;
}

} // namespace consult
