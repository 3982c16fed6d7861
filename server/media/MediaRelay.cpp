#include "MediaRelay.h"

#include "consultation/ConsultationService.h"
#include "core/Clock.h"
#include "protocol/EnvelopeCodec.h"
#include "session/SessionRegistry.h"
#include "stats/StatisticsStore.h"

namespace consult {

namespace {
constexpr int kMaxPayloadBytes = 1200;
} // namespace

MediaRelay::MediaRelay(Settings settings, ConsultationService &consultations, SessionRegistry &registry,
                       const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_consultations(consultations)
    , m_registry(registry)
    , m_clock(clock)
{
    // Every endpoint gets its receipt once per interval, but in kTickSlices slices: one batch of
    // every call's receipts at once held up the packets that arrived meanwhile.
    m_receiptTimer.setInterval(std::max(1, m_settings.receiptIntervalMs / kTickSlices));
    m_receiptTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_receiptTimer, &QTimer::timeout, this, &MediaRelay::tick);
}

void MediaRelay::addEndpoint(quint64 sessionId, const QString &consultationId, quint64 peerSessionId)
{
    Endpoint endpoint;
    endpoint.consultationId = consultationId;
    endpoint.peerSessionId = peerSessionId;
    // Bytes per second with a burst of half a second.
    const double bytesPerSecond = m_settings.maxUplinkKbps * 1000.0 / 8.0;
    endpoint.uplink = TokenBucket(bytesPerSecond, bytesPerSecond / 2, m_clock.monotonicUs());
    m_endpoints.insert_or_assign(Key{sessionId, consultationId}, std::move(endpoint));
}

void MediaRelay::consultationStarted(const ConsultationRecord &consultation)
{
    addEndpoint(consultation.customerSessionId, consultation.id, consultation.advisorSessionId);
    addEndpoint(consultation.advisorSessionId, consultation.id, consultation.customerSessionId);
    if (!m_receiptTimer.isActive())
        m_receiptTimer.start();
}

void MediaRelay::advisorReplaced(const ConsultationRecord &consultation, quint64 previousSessionId)
{
    const QString &consultationId = consultation.id;
    const quint64 oldSessionId = previousSessionId;
    const quint64 newSessionId = consultation.advisorSessionId;
    const auto old = m_endpoints.find(Key{oldSessionId, consultationId});
    if (old == m_endpoints.end())
        return;
    const quint64 peer = old->second.peerSessionId;
    m_endpoints.erase(old);
    addEndpoint(newSessionId, consultationId, peer); // the new advisor's devices start off
    if (Endpoint *other = find(Key{peer, consultationId})) {
        other->peerSessionId = newSessionId;
        // Whatever was queued for the previous advisor is not for the new one.
        other->audio.clear();
        other->video.clear();
        other->queuedBytes = 0;
    }
}

void MediaRelay::consultationEnded(const ConsultationRecord &consultation)
{
    // Both endpoints of the consultation, found by their keys rather than by a scan of every call.
    m_endpoints.erase(Key{consultation.customerSessionId, consultation.id});
    m_endpoints.erase(Key{consultation.advisorSessionId, consultation.id});
    if (m_endpoints.empty())
        m_receiptTimer.stop();
}

void MediaRelay::resetCounters(Endpoint &endpoint)
{
    // Both ends count from zero again on a new connection: what was in flight on the old one is lost,
    // and counting on would leave the window skewed by it.
    endpoint.audio.clear();
    endpoint.video.clear();
    endpoint.queuedBytes = 0;
    endpoint.sentBytes = 0;
    endpoint.acknowledgedBytes = 0;
    endpoint.bytesReceived = 0;
    endpoint.bytesReceivedAtLastReceipt = 0;
}

void MediaRelay::participantResumed(const ConsultationRecord &consultation, quint64 sessionId)
{
    if (Endpoint *endpoint = find(Key{sessionId, consultation.id}))
        resetCounters(*endpoint);
}

MediaRelay::Endpoint *MediaRelay::find(const Key &key)
{
    const auto it = m_endpoints.find(key);
    return it == m_endpoints.end() ? nullptr : &it->second;
}

MediaRelay::Endpoint *MediaRelay::endpointOf(const Session &session, const std::string &consultationId)
{
    // S5: only a participant of that consultation has an endpoint in it.
    return find(Key{session.id(), QString::fromStdString(consultationId)});
}

MediaRelay::Endpoint *MediaRelay::peerOf(const Endpoint &endpoint)
{
    return find(Key{endpoint.peerSessionId, endpoint.consultationId});
}

void MediaRelay::handlePacket(Session &sender, const wire::Envelope &envelope)
{
    const wire::MediaPacket &packet = envelope.media_packet();
    Endpoint *from = endpointOf(sender, packet.consultation_id());
    // Real-time: what cannot be relayed is dropped without an answer (a late packet after the end of
    // a consultation is normal, not an error).
    if (!from || packet.payload().size() > kMaxPayloadBytes)
        return;
    const bool audio = packet.kind() == wire::MEDIA_KIND_AUDIO;
    if (!audio && packet.kind() != wire::MEDIA_KIND_VIDEO)
        return;
    // Seed 002: the other side sees and hears only while the camera and microphone are on.
    if ((audio && !from->microphoneOn) || (!audio && !from->cameraOn))
        return;
    const int size = static_cast<int>(packet.payload().size());
    const qint64 nowUs = m_clock.monotonicUs();
    if (!from->uplink.tryTake(nowUs, size)) {
        ++tallyOf(audio).overUplinkRate;
        return;
    }
    from->bytesReceived += static_cast<quint64>(size);
    from->newestSentUs = packet.sent_us();
    from->newestReceivedUs = nowUs;

    Endpoint *to = peerOf(*from);
    Session *peer = m_registry.find(from->peerSessionId);
    if (!to || !peer || !peer->isConnected()) {
        ++from->droppedForPeer; // nobody to send it to now; stale by the time they are back
        ++m_droppedTotal;
        ++tallyOf(audio).droppedNoReceiver;
        return;
    }
    // P3: the statistics record audio and video as used once a packet of each was relayed.
    if (bool &noted = audio ? from->audioRelayed : from->videoRelayed; !noted) {
        noted = true;
        m_consultations.noteFeature(from->consultationId, audio ? StatisticsStore::Audio : StatisticsStore::Video);
    }
    wire::Envelope forward;
    *forward.mutable_media_packet() = packet;
    Queued item;
    item.bytes = protocol::encode(forward); // unsequenced; the peer's acknowledgement travels in other envelopes
    item.payloadBytes = size;
    item.enqueuedUs = nowUs;
    item.audio = audio;
    enqueue(from->peerSessionId, *to, std::move(item));
}

void MediaRelay::enqueue(quint64 receiverSessionId, Endpoint &receiver, Queued item)
{
    dropStale(receiver, item.enqueuedUs);
    receiver.queuedBytes += static_cast<int>(item.bytes.size());
    (item.audio ? receiver.audio : receiver.video).push_back(std::move(item));
    // A bound whatever the deadlines: video goes first, audio last.
    while (receiver.queuedBytes > m_settings.maxQueuedBytes && !(receiver.video.empty() && receiver.audio.empty()))
        dropOne(receiver, receiver.video.empty() ? receiver.audio : receiver.video, &Tally::droppedQueueFull);
    drain(receiverSessionId, receiver, item.enqueuedUs);
}

void MediaRelay::dropOne(Endpoint &receiver, std::deque<Queued> &queue, quint64 Tally::*reason)
{
    receiver.queuedBytes -= static_cast<int>(queue.front().bytes.size());
    ++(tallyOf(queue.front().audio).*reason);
    queue.pop_front();
    ++m_droppedTotal;
    if (Endpoint *sender = peerOf(receiver))
        ++sender->droppedForPeer;
}

void MediaRelay::dropStale(Endpoint &receiver, qint64 nowUs)
{
    const qint64 videoDeadline = nowUs - qint64(m_settings.videoDeadlineMs) * 1000;
    const qint64 audioDeadline = nowUs - qint64(m_settings.audioDeadlineMs) * 1000;
    while (!receiver.video.empty() && receiver.video.front().enqueuedUs < videoDeadline)
        dropOne(receiver, receiver.video, &Tally::droppedStale);
    while (!receiver.audio.empty() && receiver.audio.front().enqueuedUs < audioDeadline)
        dropOne(receiver, receiver.audio, &Tally::droppedStale);
}

void MediaRelay::drain(quint64 receiverSessionId, Endpoint &receiver, qint64 nowUs)
{
    Session *session = m_registry.find(receiverSessionId);
    if (!session || !session->isConnected())
        return;
    Connection *connection = session->connection();
    // The window counts what left here and the receiver has not confirmed: over TLS the socket's
    // buffer says nothing about what has left the machine.
    while (receiver.sentBytes - receiver.acknowledgedBytes < static_cast<quint64>(m_settings.windowBytes)) {
        std::deque<Queued> *queue = !receiver.audio.empty()   ? &receiver.audio
                                    : !receiver.video.empty() ? &receiver.video
                                                              : nullptr; // audio first
        if (!queue)
            return;
        Queued item = std::move(queue->front());
        queue->pop_front();
        receiver.queuedBytes -= static_cast<int>(item.bytes.size());
        receiver.sentBytes += static_cast<quint64>(item.payloadBytes);
        m_holdTimes.add(nowUs - item.enqueuedUs);
        Tally &tally = tallyOf(item.audio);
        ++tally.relayedPackets;
        tally.relayedBytes += static_cast<quint64>(item.payloadBytes);
        connection->sendFrame(item.bytes, item.audio ? SendClass::Audio : SendClass::Video);
    }
}

void MediaRelay::handleAcknowledge(Session &receiver, const wire::MediaAcknowledge &acknowledge)
{
    Endpoint *to = endpointOf(receiver, acknowledge.consultation_id());
    if (!to)
        return;
    // Never more than was sent: a confused or hostile client cannot open the window.
    to->acknowledgedBytes = qBound(to->acknowledgedBytes, acknowledge.bytes_received(), to->sentBytes);
    if (Endpoint *sender = peerOf(*to)) {
        sender->peerAudioLost += acknowledge.audio_lost();
        sender->peerVideoLost += acknowledge.video_lost();
    }
    const qint64 nowUs = m_clock.monotonicUs();
    dropStale(*to, nowUs);
    drain(receiver.id(), *to, nowUs);
}

void MediaRelay::handleState(Session &sender, const wire::MediaState &state)
{
    Endpoint *from = endpointOf(sender, state.consultation_id());
    if (!from) {
        sender.sendError(wire::ERROR_NOT_FOUND, 0, QStringLiteral("no such consultation"));
        return;
    }
    from->microphoneOn = state.microphone_on();
    from->cameraOn = state.camera_on();
    wire::Envelope envelope;
    *envelope.mutable_media_state() = state;
    // Only the customer talks over the telephone instead (seed 002); the advisor's app shows the code.
    if (sender.kind() != wire::CLIENT_KIND_CUSTOMER)
        envelope.mutable_media_state()->set_audio_by_phone(false);
    relayControl(sender, *from, std::move(envelope));
}

void MediaRelay::handleKeyframeRequest(Session &sender, const wire::KeyframeRequest &request)
{
    Endpoint *from = endpointOf(sender, request.consultation_id());
    if (!from) {
        sender.sendError(wire::ERROR_NOT_FOUND, 0, QStringLiteral("no such consultation"));
        return;
    }
    wire::Envelope envelope;
    *envelope.mutable_keyframe_request() = request;
    relayControl(sender, *from, std::move(envelope));
}

void MediaRelay::handleQualityChange(Session &sender, const wire::QualityChange &change)
{
    Endpoint *from = endpointOf(sender, change.consultation_id());
    if (!from) {
        sender.sendError(wire::ERROR_NOT_FOUND, 0, QStringLiteral("no such consultation"));
        return;
    }
    wire::Envelope envelope;
    *envelope.mutable_quality_change() = change;
    relayControl(sender, *from, std::move(envelope));
}

void MediaRelay::relayControl(const Session &sender, const Endpoint &from, wire::Envelope &&envelope)
{
    Session *peer = m_registry.find(from.peerSessionId);
    if (!peer)
        return;
    // Which side spoke, as the server knows it (the client's own claim is not trusted).
    const wire::Party party = sender.kind() == wire::CLIENT_KIND_ADVISOR ? wire::PARTY_ADVISOR : wire::PARTY_CUSTOMER;
    if (envelope.has_media_state())
        envelope.mutable_media_state()->set_party(party);
    if (envelope.has_quality_change())
        envelope.mutable_quality_change()->set_party(party);
    peer->send(std::move(envelope));
}

void MediaRelay::tick()
{
    const qint64 nowUs = m_clock.monotonicUs();
    const int slice = m_tickSlice;
    m_tickSlice = (m_tickSlice + 1) % kTickSlices;
    int index = -1;
    for (auto &[key, endpoint] : m_endpoints) {
        if (++index % kTickSlices != slice)
            continue;
        dropStale(endpoint, nowUs);
        drain(key.first, endpoint, nowUs);
        const bool news = endpoint.bytesReceived != endpoint.bytesReceivedAtLastReceipt || endpoint.droppedForPeer ||
                          endpoint.peerAudioLost || endpoint.peerVideoLost;
        if (!news)
            continue;
        Session *sender = m_registry.find(key.first);
        if (!sender || !sender->isConnected())
            continue;
        wire::Envelope envelope;
        auto *receipt = envelope.mutable_media_receipt();
        receipt->set_consultation_id(key.second.toStdString());
        receipt->set_bytes_received(endpoint.bytesReceived);
        receipt->set_echo_sent_us(endpoint.newestSentUs);
        receipt->set_echo_held_us(static_cast<quint32>(std::max<qint64>(0, nowUs - endpoint.newestReceivedUs)));
        receipt->set_dropped_for_peer(endpoint.droppedForPeer);
        receipt->set_peer_audio_lost(endpoint.peerAudioLost);
        receipt->set_peer_video_lost(endpoint.peerVideoLost);
        if (const Endpoint *peer = peerOf(endpoint)) {
            qint64 oldest = nowUs;
            if (!peer->audio.empty())
                oldest = qMin(oldest, peer->audio.front().enqueuedUs);
            if (!peer->video.empty())
                oldest = qMin(oldest, peer->video.front().enqueuedUs);
            receipt->set_peer_queue_ms(static_cast<quint32>((nowUs - oldest) / 1000));
        }
        sender->sendUnsequenced(std::move(envelope));
        endpoint.bytesReceivedAtLastReceipt = endpoint.bytesReceived;
        endpoint.droppedForPeer = 0;
        endpoint.peerAudioLost = 0;
        endpoint.peerVideoLost = 0;
    }
}

int MediaRelay::queuedBytesFor(quint64 receiverSessionId) const
{
    int bytes = 0;
    for (const auto &[key, endpoint] : m_endpoints) {
        if (key.first == receiverSessionId)
            bytes += endpoint.queuedBytes;
    }
    return bytes;
}

} // namespace consult
