#include "SendScheduler.h"

#include "core/Clock.h"
#include "protocol/EnvelopeCodec.h"

#include <utility>

namespace consult {

SendScheduler::SendScheduler(FrameWriter &writer, const Clock &clock, Limits limits)
    : m_writer(writer)
    , m_clock(clock)
    , m_limits(limits)
{}

SendScheduler::Outcome SendScheduler::send(SendClass sendClass, const QByteArray &frame)
{
    if (m_peerNotReading)
        return Outcome::PeerNotReading;
    const qint64 backlog = m_writer.backlogBytes();
    // The common case, and the whole cost of the scheduler in it: nothing waits and the socket keeps up.
    if (m_queuedFrames == 0 && backlog < m_limits.lowWatermarkBytes) {
        m_writer.writeFrame(frame);
        return Outcome::Written;
    }
    Outcome outcome = Outcome::Queued;
    if (sendClass == SendClass::Reliable) {
        m_reliable.push_back(frame);
        m_reliableBytes += frame.size();
        ++m_queuedFrames;
        // I1: reliable frames cannot be dropped; a backlog this large means the peer does not read.
        if (m_reliableBytes + backlog > m_limits.maxBacklogBytes || m_reliable.size() > m_limits.maxReliableFrames) {
            stopForPeerNotReading();
            return Outcome::PeerNotReading;
        }
    } else {
        outcome = enqueueRealtime(sendClass, frame);
    }
    if (queuedBytes() + backlog > m_statistics.peakHeldBytes)
        m_statistics.peakHeldBytes = queuedBytes() + backlog;
    if (backlog < m_limits.lowWatermarkBytes)
        drain();
    return outcome;
}

SendScheduler::Outcome SendScheduler::enqueueRealtime(SendClass sendClass, const QByteArray &frame)
{
    // Only queued real-time frames read the clock.
    const qint64 nowUs = m_clock.monotonicUs();
    dropStale(nowUs);
    QList<Timed> &queue = sendClass == SendClass::Audio ? m_audio : m_video;
    queue.push_back(Timed{frame, nowUs});
    m_realtimeBytes += frame.size();
    ++m_queuedFrames;
    bool dropped = false;
    // Over the bound: the oldest video goes first, audio only when no video is left. A video frame
    // arriving at a queue full of audio is thus the one dropped.
    while (m_realtimeBytes > m_limits.maxRealtimeBytes ||
           m_audio.size() + m_video.size() > m_limits.maxRealtimeFrames) {
        QList<Timed> &victim = m_video.isEmpty() ? m_audio : m_video;
        if (&victim == &queue && victim.size() == 1)
            dropped = true; // the new frame itself
        dropOldest(victim, &victim == &m_audio ? SendClass::Audio : SendClass::Video);
    }
    return dropped ? Outcome::Dropped : Outcome::Queued;
}

void SendScheduler::dropOldest(QList<Timed> &queue, SendClass sendClass)
{
    const QByteArray frame = queue.takeFirst().frame;
    m_realtimeBytes -= frame.size();
    --m_queuedFrames;
    ++(sendClass == SendClass::Audio ? m_statistics.droppedAudio : m_statistics.droppedVideo);
    if (m_dropObserver)
        m_dropObserver(sendClass, frame);
}

void SendScheduler::dropStale(qint64 nowUs)
{
    // Video first: its deadline is the shorter one, and it is checked first.
    if (m_limits.videoDeadlineMs > 0) {
        const qint64 deadline = nowUs - qint64(m_limits.videoDeadlineMs) * 1000;
        while (!m_video.isEmpty() && m_video.first().enqueuedUs < deadline)
            dropOldest(m_video, SendClass::Video);
    }
    if (m_limits.audioDeadlineMs > 0) {
        const qint64 deadline = nowUs - qint64(m_limits.audioDeadlineMs) * 1000;
        while (!m_audio.isEmpty() && m_audio.first().enqueuedUs < deadline)
            dropOldest(m_audio, SendClass::Audio);
    }
}

void SendScheduler::drain()
{
    if (m_queuedFrames == 0 || m_draining || m_peerNotReading)
        return;
    // A write may re-enter (a socket error closes the connection, which clears us): no iterator or
    // reference survives a write, and the loop looks at the queues afresh each time.
    m_draining = true;
    if (!m_audio.isEmpty() || !m_video.isEmpty())
        dropStale(m_clock.monotonicUs());
    while (m_queuedFrames > 0 && !m_peerNotReading && m_writer.backlogBytes() < m_limits.lowWatermarkBytes) {
        const bool realtimeFirst = !m_audio.isEmpty() || (!m_video.isEmpty() && m_reliable.isEmpty());
        if (realtimeFirst) {
            QList<Timed> &queue = m_audio.isEmpty() ? m_video : m_audio;
            const QByteArray frame = queue.takeFirst().frame;
            m_realtimeBytes -= frame.size();
            --m_queuedFrames;
            m_writer.writeFrame(frame);
        } else if (!m_reliable.isEmpty()) {
            const QByteArray frame = m_reliable.takeFirst();
            m_reliableBytes -= frame.size();
            --m_queuedFrames;
            m_writer.writeFrame(frame);
        } else if (!writeNextBulk()) {
            break;
        }
    }
    m_draining = false;
}

bool SendScheduler::writeNextBulk()
{
    // Round robin among the streams, starting after the one served last.
    auto it = m_bulk.upper_bound(m_lastBulkStream);
    for (std::size_t tried = 0; tried < m_bulk.size(); ++tried, ++it) {
        if (it == m_bulk.end())
            it = m_bulk.begin();
        if (!it->second.envelopes.empty())
            break;
    }
    if (it == m_bulk.end() || it->second.envelopes.empty())
        return false;
    const quint32 streamId = it->first;
    BulkStream &stream = it->second;
    wire::Envelope envelope = std::move(stream.envelopes.front());
    stream.envelopes.pop_front();
    stream.bytes -= stream.sizes.front();
    m_bulkBytes -= stream.sizes.front();
    stream.sizes.pop_front();
    --m_queuedFrames;
    m_lastBulkStream = streamId;
    std::function<void()> notify;
    if (stream.waitingForCredit && bulkCredit(streamId) > 0) {
        stream.waitingForCredit = false;
        notify = stream.creditReturned;
    }
    const BulkSent sent = stream.sent;
    // Numbered now, after every reliable frame queued before this moment has been written.
    const QByteArray frame = m_bulkEncoder ? m_bulkEncoder(envelope) : protocol::encode(envelope);
    if (!frame.isEmpty()) {
        m_writer.writeFrame(frame);
        if (sent)
            sent(envelope); // may close the stream: nothing of `stream` is used after this
    }
    if (notify)
        notify(); // may queue more of this stream
    return true;
}

void SendScheduler::stopForPeerNotReading()
{
    clear();
    m_peerNotReading = true;
}

void SendScheduler::clear()
{
    m_audio.clear();
    m_reliable.clear();
    m_video.clear();
    m_bulk.clear(); // a bulk stream lives as long as the socket; its producer starts over after a resume
    m_reliableBytes = 0;
    m_realtimeBytes = 0;
    m_bulkBytes = 0;
    m_queuedFrames = 0;
    m_peerNotReading = false;
}

void SendScheduler::flushReliable()
{
    if (m_peerNotReading)
        return;
    // Taken out first: a write may re-enter (a socket error clears us).
    const QList<QByteArray> frames = std::exchange(m_reliable, {});
    m_queuedFrames -= static_cast<int>(frames.size());
    m_reliableBytes = 0;
    for (const QByteArray &frame : frames)
        m_writer.writeFrame(frame);
}

void SendScheduler::openBulkStream(quint32 streamId, std::function<void()> creditReturned, BulkSent sent)
{
    BulkStream &stream = m_bulk[streamId];
    stream.creditReturned = std::move(creditReturned);
    stream.sent = std::move(sent);
}

void SendScheduler::closeBulkStream(quint32 streamId)
{
    const auto it = m_bulk.find(streamId);
    if (it == m_bulk.end())
        return;
    m_bulkBytes -= it->second.bytes;
    m_queuedFrames -= static_cast<int>(it->second.envelopes.size());
    m_bulk.erase(it);
}

int SendScheduler::bulkCredit(quint32 streamId) const
{
    const auto it = m_bulk.find(streamId);
    if (it == m_bulk.end() || it->second.bytes >= m_limits.maxBulkBytesPerStream)
        return 0;
    return qMax(0, m_limits.maxBulkFramesPerStream - static_cast<int>(it->second.envelopes.size()));
}

int SendScheduler::bulkQueued(quint32 streamId) const
{
    const auto it = m_bulk.find(streamId);
    return it == m_bulk.end() ? 0 : static_cast<int>(it->second.envelopes.size());
}

bool SendScheduler::sendBulk(quint32 streamId, wire::Envelope envelope)
{
    const auto it = m_bulk.find(streamId);
    if (it == m_bulk.end() || m_peerNotReading)
        return false;
    BulkStream &stream = it->second;
    if (bulkCredit(streamId) == 0) {
        stream.waitingForCredit = true;
        return false;
    }
    const auto size = static_cast<qint64>(envelope.ByteSizeLong());
    stream.envelopes.push_back(std::move(envelope));
    stream.sizes.push_back(size);
    stream.bytes += size;
    m_bulkBytes += size;
    ++m_queuedFrames;
    if (bulkCredit(streamId) == 0)
        stream.waitingForCredit = true; // the producer is told when it may send more
    drain();
    return true;
}

} // namespace consult
