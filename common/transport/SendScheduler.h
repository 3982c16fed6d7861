#pragma once

#include "protocol/consult.pb.h"

#include <QByteArray>
#include <QList>

#include <deque>
#include <functional>
#include <map>

namespace consult {

class Clock;

// What a SendScheduler writes into: the WebSocket on both ends, a recording fake in the unit test.
class FrameWriter
{
public:
    virtual ~FrameWriter() = default;
    // Hands one encoded envelope to the socket.
    virtual void writeFrame(const QByteArray &frame) = 0;
    // Everything written and not yet taken by the kernel. Over TLS that is the plaintext waiting
    // for encryption plus the ciphertext waiting for the kernel, not QWebSocket::bytesToWrite().
    virtual qint64 backlogBytes() const = 0;
};

// The priority classes, highest first. Bulk has its own, pull-based API.
enum class SendClass : quint8
{
    Audio,    // real-time: dropped when stale or over the bound, after video
    Reliable, // control and chat, sequenced or not: never dropped
    Video,    // real-time: dropped first
};

// One connection's send scheduler (I1): holds encoded frames and
// writes them only while the socket's real backlog is under a low watermark, highest class first
// (audio > control and chat > video > bulk). Every queue is bounded in count and bytes. Real-time
// frames that overflow or go stale are dropped, video before audio. Reliable frames are never
// dropped (the reliable channel replays them after a resume); when they and the socket backlog
// pass the cap the peer is not reading, and send() says so: the owner closes the connection.
// Bulk (whiteboard pages, document chunks) is pull-based per stream with credits, and numbered by
// the owner only when it leaves, so a chat line queued later still overtakes it without breaking
// the reliable sequence. A producer of sequenced bulk learns from its stream's `sent` callback which
// envelope was numbered: the reliable channel replays those after a resume, so on the next socket
// it continues right after the last one told, and what was still queued here is sent anew.
//
// Owned by the connection it serves (server: Connection; client: ClientConnection, one per
// socket), used from that object's thread only. Costs nothing beyond one backlog query while the
// socket keeps up: a frame goes straight through, no allocation, no clock read. The owner calls
// drain() whenever the socket reports bytes written (QWebSocket::bytesWritten, which Qt 6.4 ties to
// QSslSocket::encryptedBytesWritten on a TLS socket).
class SendScheduler
{
public:
    struct Limits
    {
        qint64 lowWatermarkBytes = 64 * 1024;     // write only while the socket holds less
        qint64 maxBacklogBytes = 8 * 1024 * 1024; // I1: reliable queue + socket backlog
        int maxReliableFrames = 8192;             // and a count: past either, the peer is not reading
        int maxRealtimeFrames = 2048;             // audio and video together; audio packets are small
        qint64 maxRealtimeBytes = 512 * 1024;
        int audioDeadlineMs = 300; // 0: no deadline
        int videoDeadlineMs = 200;
        int maxBulkFramesPerStream = 8;
        qint64 maxBulkBytesPerStream = 512 * 1024;
    };

    enum class Outcome
    {
        Written,        // handed to the socket now
        Queued,         // waits for the socket
        Dropped,        // real-time, over the bound: not sent
        PeerNotReading, // the cap is passed: close the connection (I1); nothing more is accepted
    };

    struct Statistics
    {
        quint64 droppedAudio = 0;
        quint64 droppedVideo = 0;
        qint64 peakHeldBytes = 0; // the most ever queued here plus the socket backlog, sampled when queuing
    };

    // Numbers one bulk envelope as it leaves (the owner's reliable channel) and encodes it. An empty
    // result: it could not be numbered (the session is broken); nothing is written.
    using BulkEncoder = std::function<QByteArray(wire::Envelope &)>;
    // Told of each bulk envelope of a stream once it is numbered and written (its seq set).
    using BulkSent = std::function<void(const wire::Envelope &)>;
    // Told of each real-time frame dropped after it was queued, so a window above can take it back.
    using DropObserver = std::function<void(SendClass, const QByteArray &)>;

    SendScheduler(FrameWriter &writer, const Clock &clock, Limits limits);
    SendScheduler(const SendScheduler &) = delete;
    SendScheduler &operator=(const SendScheduler &) = delete;

    // Sends or queues one encoded envelope of `sendClass`.
    Outcome send(SendClass sendClass, const QByteArray &frame);
    // The socket wrote something: write what fits under the low watermark, highest class first.
    void drain();
    // The socket is gone: everything queued goes (reliable frames live on in the reliable channel).
    // Bulk streams stay open and empty. Accepts frames again.
    void clear();
    // The owner closes the socket on purpose (the session ended): the reliable frames still queued,
    // the session's last words, are written now whatever the watermark, in order, so that they go
    // out ahead of the close frame. They were admitted under the cap (I1), so this is bounded; after
    // a peer that does not read, nothing is written. Real-time and bulk frames stay queued.
    void flushReliable();

    bool peerNotReading() const { return m_peerNotReading; }
    // Bytes held here, not yet written.
    qint64 queuedBytes() const { return m_reliableBytes + m_realtimeBytes + m_bulkBytes; }
    int queuedFrames() const { return m_queuedFrames; }
    // What this connection holds in memory for its peer: queued here plus the socket's backlog.
    qint64 heldBytes() const { return queuedBytes() + m_writer.backlogBytes(); }
    const Statistics &statistics() const { return m_statistics; }
    const Limits &limits() const { return m_limits; }

    void setBulkEncoder(BulkEncoder encoder) { m_bulkEncoder = std::move(encoder); }
    void setDropObserver(DropObserver observer) { m_dropObserver = std::move(observer); }

    // --- Bulk: pull-based, per stream -----------------------------------------------------------
    // Opens a stream with its own bounded queue. `creditReturned` is called (once each time) when a
    // stream that ran out of credit may queue again; `sent`, if given, for each envelope written.
    void openBulkStream(quint32 streamId, std::function<void()> creditReturned, BulkSent sent = {});
    // Closes a stream; what it still had queued is not sent.
    void closeBulkStream(quint32 streamId);
    // How many more frames the stream may queue now (0: wait for creditReturned).
    int bulkCredit(quint32 streamId) const;
    // How many frames of the stream wait here, not yet written (0 for an unknown stream).
    int bulkQueued(quint32 streamId) const;
    // Queues one envelope of the stream, numbered and encoded when it leaves. False without credit
    // or for an unknown stream: nothing queued.
    bool sendBulk(quint32 streamId, wire::Envelope envelope);

private:
    struct Timed
    {
        QByteArray frame;
        qint64 enqueuedUs;
    };
    struct BulkStream
    {
        std::deque<wire::Envelope> envelopes;
        std::deque<qint64> sizes;
        qint64 bytes = 0;
        bool waitingForCredit = false;
        std::function<void()> creditReturned;
        BulkSent sent;
    };

    Outcome enqueueRealtime(SendClass sendClass, const QByteArray &frame);
    void dropOldest(QList<Timed> &queue, SendClass sendClass);
    void dropStale(qint64 nowUs);
    bool writeNextBulk();
    void stopForPeerNotReading();

    FrameWriter &m_writer;
    const Clock &m_clock;
    Limits m_limits;
    // QList, not std::deque: an empty one allocates nothing, and a server holds thousands of idle
    // connections; removeFirst() is O(1) in Qt 6.
    QList<Timed> m_audio;
    QList<QByteArray> m_reliable;
    QList<Timed> m_video;
    std::map<quint32, BulkStream> m_bulk;
    quint32 m_lastBulkStream = 0; // round robin among bulk streams
    qint64 m_reliableBytes = 0;
    qint64 m_realtimeBytes = 0;
    qint64 m_bulkBytes = 0;
    int m_queuedFrames = 0; // all classes
    bool m_peerNotReading = false;
    bool m_draining = false;
    BulkEncoder m_bulkEncoder;
    DropObserver m_dropObserver;
    Statistics m_statistics;
};

} // namespace consult
