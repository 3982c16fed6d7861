#pragma once

#include "protocol/consult.pb.h"

#include <QByteArray>
#include <QList>

#include <deque>
#include <optional>

namespace consult {

// The reliable delivery class of one session direction pair: numbers what we send,
// keeps it until the peer acknowledges it, tells what the peer sent that is new, and what to replay
// after a resume. Pure bookkeeping: no sockets, no timers. Owned by the session on each side; it
// outlives the sockets that come and go under it.
class ReliableChannel
{
public:
    struct Limits
    {
        int maxUnacknowledged = 4096;
        qint64 maxUnacknowledgedBytes = 8 * 1024 * 1024;
    };

    enum class Receipt
    {
        Deliver,    // the next in order: hand it to the application
        Duplicate,  // seen before (a replay overlapping what arrived): drop it
        OutOfOrder, // a gap: impossible over one ordered socket, so a protocol error
    };

    ReliableChannel() = default;
    explicit ReliableChannel(Limits limits)
        : m_limits(limits)
    {}

    // Stamps `envelope` with the next sequence number and the current acknowledgement, encodes it
    // and keeps the bytes for replay. Returns nothing when the peer has left too much unacknowledged:
    // the session is then beyond saving and must end.
    std::optional<QByteArray> stampReliable(wire::Envelope &envelope);

    // Stamps an unsequenced envelope (session control, real-time) with the current acknowledgement.
    QByteArray stampUnsequenced(wire::Envelope &envelope);

    // For every envelope received: its seq (0 for unsequenced) and the ack it carries.
    Receipt receive(quint64 seq);

    // The peer acknowledges everything up to `ack`. Returns false if it acknowledges what was never
    // sent (a protocol error). Acknowledgements at or below an earlier one change nothing.
    bool acknowledge(quint64 ack);

    // Everything the peer has not seen, given the highest seq it says it has received, in order.
    // Also drops what that says was received.
    std::optional<QList<QByteArray>> replayAfter(quint64 peerLastReceived);

    quint64 lastReceived() const { return m_lastReceived; }
    quint64 lastSent() const { return m_nextSeq - 1; }
    quint64 lastAcknowledgedByPeer() const { return m_peerAcknowledged; }
    bool acknowledgementPending() const { return m_lastReceived > m_lastAckSent; }
    int unacknowledgedCount() const { return static_cast<int>(m_unacknowledged.size()); }
    qint64 unacknowledgedBytes() const { return m_unacknowledgedBytes; }

private:
    struct Kept
    {
        quint64 seq;
        QByteArray bytes;
    };

    Limits m_limits;
    quint64 m_nextSeq = 1;
    quint64 m_lastReceived = 0;
    quint64 m_lastAckSent = 0;
    quint64 m_peerAcknowledged = 0;
    std::deque<Kept> m_unacknowledged;
    qint64 m_unacknowledgedBytes = 0;
};

} // namespace consult
