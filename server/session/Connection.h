#pragma once

#include "ViolationCount.h"
#include "protocol/consult.pb.h"
#include "transport/SendScheduler.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslSocket>
#include <QWebSocket>

namespace consult {

class Clock;

// One accepted WebSocket: turns binary frames into envelopes and envelopes into frames, sends through
// a SendScheduler that sees the socket's real backlog, and keeps the socket honest (I1, I4, I5).
// Knows nothing of sessions or roles. Its QObject parent is the SessionRegistry; once closed it emits
// closed() once and deletes itself when the socket has sent its close frame (or after a short
// grace), so a close frame is never cut off.
class Connection final : public QObject, private FrameWriter
{
    Q_OBJECT
public:
    struct Limits
    {
        // I1: maxBacklogBytes is the outgoing cap; a slow reader is closed, not buffered.
        SendScheduler::Limits sending = serverSending();
        int maxProtocolErrors = 5;      // I4: then close 1008
        double envelopesPerSecond = 50; // all types together; I5 per-type limits sit above
        double envelopeBurst = 200;
        int maxRateViolations = 200;               // sustained excess: close 1008 (ViolationCount)
        qint64 rateViolationWindowUs = 60'000'000; // ... that many in this window; fewer drain away
        double realtimePerSecond = 400;            // media packets and acknowledgements: a call needs about
        double realtimeBurst = 800;                // 50 audio and 60 video packets a second
        // Whiteboard page chunks (32 KiB each): an advisor on a fast line sends a document as fast as
        // the socket takes it, far above the message rate; the board's byte limits bound the total
        // ([whiteboard] max_board_bytes, 32 MiB = 1024 chunks), so the burst holds one full board.
        // Document chunks (up to 32 KiB) count here too: one 10 MiB file is 320 of them.
        double bulkPerSecond = 400;
        double bulkBurst = 1100;

        // The relay above already ages media and counts it against a window the receiver confirms;
        // a frame dropped here for age would never be confirmed and would shut that window for good.
        // So no deadlines here, and a real-time bound only a client that confirms media it never read
        // can reach (the relay's window is 48 KiB of payload per consultation).
        static SendScheduler::Limits serverSending()
        {
            SendScheduler::Limits limits;
            limits.audioDeadlineMs = 0;
            limits.videoDeadlineMs = 0;
            return limits;
        }
    };

    // `transport` is the TLS socket under `socket`, if any: its buffers are where a slow reader's
    // backlog really is (QWebSocket::bytesToWrite() is only its plaintext part).
    Connection(QWebSocket *socket, QSslSocket *transport, QHostAddress peerAddress, Limits limits, const Clock &clock,
               QObject *parent = nullptr);
    ~Connection() override;

    QHostAddress peerAddress() const { return m_peerAddress; }
    bool isOpen() const;

    // Sends one encoded envelope in its class. Closes the connection instead when the peer does not
    // read (I1).
    void sendFrame(const QByteArray &bytes, SendClass sendClass = SendClass::Reliable);

    // Bulk, the lowest class (see SendScheduler): pull-based streams with credits, behind every audio,
    // reliable and video frame of this connection. Unsequenced envelopes (the connection check's
    // data) leave without a sequence number; sequenced ones (whiteboard pages) are numbered by the
    // attached session's reliable channel as they leave, and `sent` tells the producer which.
    void openBulkStream(quint32 streamId, std::function<void()> creditReturned, SendScheduler::BulkSent sent = {})
    {
        m_scheduler.openBulkStream(streamId, std::move(creditReturned), std::move(sent));
    }
    // The attached session numbers sequenced bulk (Session::attach); none: sequenced bulk is refused.
    void setBulkEncoder(SendScheduler::BulkEncoder encoder)
    {
        m_hasBulkEncoder = static_cast<bool>(encoder);
        m_scheduler.setBulkEncoder(std::move(encoder));
    }
    void closeBulkStream(quint32 streamId) { m_scheduler.closeBulkStream(streamId); }
    int bulkCredit(quint32 streamId) const { return m_scheduler.bulkCredit(streamId); }
    int bulkQueued(quint32 streamId) const { return m_scheduler.bulkQueued(streamId); }
    bool sendBulk(quint32 streamId, wire::Envelope envelope);

    // What this connection holds for its peer: queued in the scheduler plus the socket's backlog,
    // ciphertext included. For tests and metrics.
    qint64 outgoingBytes() const { return m_scheduler.heldBytes(); }
    const SendScheduler &scheduler() const { return m_scheduler; }
    // The TLS socket under the WebSocket (null without TLS), whose buffers hold the backlog; tests
    // shrink them to hold a page back.
    QSslSocket *transport() const { return m_transport.data(); }
    // True once it was closed because the peer stopped reading.
    bool closedForNotReading() const { return m_closedForNotReading; }

    // Counts one protocol error; closes with 1008 when the limit is reached (I4).
    void countProtocolError();

    // Closes at once: whatever still waits in the scheduler is let go (a broken or hostile peer).
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);
    // Closes after the reliable frames still waiting for the socket (the end of a session): they go
    // out ahead of the close frame instead of being let go, while audio, video and bulk are.
    void closeAfterReliable(QWebSocketProtocol::CloseCode code, const QString &reason);

    // Monotonic time of the last frame received, for the liveness check.
    qint64 lastReceivedUs() const { return m_lastReceivedUs; }

Q_SIGNALS:
    void envelopeReceived(const consult::wire::Envelope &envelope);
    // An envelope was over the connection's rate (I5): dropped, or the connection closed for it.
    void rateLimited();
    void closed();

private:
    // FrameWriter, for the scheduler.
    void writeFrame(const QByteArray &frame) override;
    qint64 backlogBytes() const override;

    void onBinaryMessage(const QByteArray &bytes);
    void onTextMessage();
    void finish();

    QPointer<QWebSocket> m_socket;
    QPointer<QSslSocket> m_transport;
    QHostAddress m_peerAddress;
    Limits m_limits;
    const Clock &m_clock;
    SendScheduler m_scheduler;
    bool m_hasBulkEncoder = false;
    bool m_closedForNotReading = false;
    int m_protocolErrors = 0;
    ViolationCount m_rateViolations;
    double m_tokens;
    double m_realtimeTokens;
    double m_bulkTokens;
    qint64 m_lastRefillUs;
    qint64 m_lastReceivedUs;
    bool m_closing = false;
    bool m_finished = false;
};

} // namespace consult
