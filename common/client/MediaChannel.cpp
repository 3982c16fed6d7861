#include "MediaChannel.h"

#include "ClientConnection.h"
#include "core/Clock.h"

namespace consult {

MediaChannel::MediaChannel(ClientConnection &connection, const Clock &clock, QString consultationId, Settings settings,
                           Routing routing, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_clock(clock)
    , m_consultationId(std::move(consultationId))
    , m_consultationIdStd(m_consultationId.toStdString())
    , m_settings(settings)
{
    if (routing == Routing::Subscribe)
        connect(&connection, &ClientConnection::envelopeReceived, this, &MediaChannel::dispatch);
    connect(&connection, &ClientConnection::resumed, this, &MediaChannel::reset);
    connect(&connection, &ClientConnection::mediaPacketDropped, this, &MediaChannel::onDroppedBeforeSending);
    m_acknowledgeTimer.setInterval(m_settings.acknowledgeIntervalMs);
    m_acknowledgeTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_acknowledgeTimer, &QTimer::timeout, this, &MediaChannel::acknowledge);
}

bool MediaChannel::send(wire::MediaPacket packet)
{
    const int size = static_cast<int>(packet.payload().size());
    const bool audio = packet.kind() == wire::MEDIA_KIND_AUDIO;
    // Audio is small and matters most: it may use twice the window before it is dropped too.
    const int limit = audio ? 2 * m_settings.windowBytes : m_settings.windowBytes;
    if (inFlightBytes() + size > limit) {
        ++(audio ? m_statistics.droppedAudio : m_statistics.droppedVideo);
        return false;
    }
    packet.set_consultation_id(m_consultationIdStd);
    packet.set_sent_us(m_clock.monotonicUs());
    // Counted as sent even when the loss model drops it: to the window it is on its way and lost.
    m_sentSinceReset += static_cast<quint64>(size);
    m_statistics.sentBytes += static_cast<quint64>(size);
    if (m_keep && !m_keep(packet))
        return true;
    wire::Envelope envelope;
    *envelope.mutable_media_packet() = std::move(packet);
    m_connection.sendRealtime(std::move(envelope));
    return true;
}

void MediaChannel::onDroppedBeforeSending(const wire::MediaPacket &packet)
{
    if (packet.consultation_id() != m_consultationIdStd)
        return;
    // The connection's send queue dropped it (stale or over its bound): it never left, so the server
    // will never confirm it, and the window must not count it as on its way.
    const auto size = static_cast<quint64>(packet.payload().size());
    m_sentSinceReset = qMax(m_confirmed, m_sentSinceReset - qMin(size, m_sentSinceReset));
    ++(packet.kind() == wire::MEDIA_KIND_AUDIO ? m_statistics.droppedAudio : m_statistics.droppedVideo);
}

bool MediaChannel::dispatch(const wire::Envelope &envelope)
{
    if (envelope.body_case() == wire::Envelope::kMediaPacket) {
        if (envelope.media_packet().consultation_id() != m_consultationIdStd)
            return false;
        onPacket(envelope.media_packet());
        return true;
    }
    if (envelope.body_case() != wire::Envelope::kMediaReceipt ||
        envelope.media_receipt().consultation_id() != m_consultationIdStd)
        return false;
    const wire::MediaReceipt &receipt = envelope.media_receipt();
    // Never more than we sent: a receipt from before a reset must not open the window.
    m_confirmed = qBound(m_confirmed, receipt.bytes_received(), m_sentSinceReset);
    Receipt report;
    if (receipt.echo_sent_us() > 0)
        report.roundTripUs =
            std::max<qint64>(0, m_clock.monotonicUs() - receipt.echo_sent_us() - qint64(receipt.echo_held_us()));
    report.inFlightBytes = inFlightBytes();
    report.droppedForPeer = receipt.dropped_for_peer();
    report.peerAudioLost = receipt.peer_audio_lost();
    report.peerVideoLost = receipt.peer_video_lost();
    report.peerQueueMs = receipt.peer_queue_ms();
    Q_EMIT receiptReceived(report);
    return true;
}

void MediaChannel::onPacket(const wire::MediaPacket &packet)
{
    const auto size = static_cast<quint64>(packet.payload().size());
    m_receivedSinceReset += size;
    m_statistics.receivedBytes += size;
    ++m_statistics.receivedPackets;
    // Gaps in the sequence are losses (the relay dropped them, or the sender's loss model did).
    const bool audio = packet.kind() == wire::MEDIA_KIND_AUDIO;
    bool &have = audio ? m_haveAudioSequence : m_haveVideoSequence;
    quint32 &next = audio ? m_nextAudioSequence : m_nextVideoSequence;
    if (have && packet.sequence() > next && packet.sequence() - next < 10'000) {
        const quint32 lost = packet.sequence() - next;
        (audio ? m_audioLostSinceAck : m_videoLostSinceAck) += lost;
        (audio ? m_statistics.lostAudio : m_statistics.lostVideo) += lost;
    }
    if (!have || packet.sequence() >= next) {
        next = packet.sequence() + 1;
        have = true;
    }
    m_acknowledgementDue = true;
    if (!m_acknowledgeTimer.isActive())
        m_acknowledgeTimer.start();
    Q_EMIT packetReceived(packet);
}

void MediaChannel::acknowledge()
{
    if (!m_acknowledgementDue) {
        m_acknowledgeTimer.stop(); // nothing arrives: no acknowledgements, no wake-ups
        return;
    }
    m_acknowledgementDue = false;
    wire::Envelope envelope;
    auto *acknowledgement = envelope.mutable_media_acknowledge();
    acknowledgement->set_consultation_id(m_consultationIdStd);
    acknowledgement->set_bytes_received(m_receivedSinceReset);
    acknowledgement->set_audio_lost(m_audioLostSinceAck);
    acknowledgement->set_video_lost(m_videoLostSinceAck);
    m_audioLostSinceAck = 0;
    m_videoLostSinceAck = 0;
    m_connection.sendRealtime(std::move(envelope));
}

void MediaChannel::reset()
{
    // A new connection: the server counts from zero again, and so do we.
    m_sentSinceReset = 0;
    m_confirmed = 0;
    m_receivedSinceReset = 0;
}

} // namespace consult
