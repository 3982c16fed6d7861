#include "MediaSession.h"

#include "ClientConnection.h"
#include "core/Clock.h"

#include <algorithm>

namespace consult {

MediaSession::MediaSession(ClientConnection &connection, const Clock &clock, QString consultationId, Settings settings,
                           Routing routing, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_clock(clock)
    , m_consultationId(consultationId)
    , m_consultationIdStd(consultationId.toStdString())
    , m_settings(settings)
    , m_channel(connection, clock, std::move(consultationId), settings.channel, Routing::Routed)
    , m_rate(settings.rate)
{
    if (routing == Routing::Subscribe)
        connect(&connection, &ClientConnection::envelopeReceived, this, &MediaSession::dispatch);
    connect(&m_channel, &MediaChannel::receiptReceived, this, &MediaSession::onReceipt);
    connect(&m_channel, &MediaChannel::packetReceived, this, [this](const wire::MediaPacket &packet) {
        MediaStreamSink *sink = packet.kind() == wire::MEDIA_KIND_AUDIO ? m_audioSink : m_videoSink;
        if (sink)
            sink->push(packet);
    });
    m_controlTimer.setInterval(m_settings.controlIntervalMs);
    connect(&m_controlTimer, &QTimer::timeout, this, &MediaSession::control);
    m_controlTimer.start();
}

void MediaSession::setSource(MediaStreamSource *source)
{
    const bool audio = source->kind() == wire::MEDIA_KIND_AUDIO;
    (audio ? m_audioSource : m_videoSource) = source;
    source->deliver = [this, audio](wire::MediaPacket packet) {
        packet.set_kind(audio ? wire::MEDIA_KIND_AUDIO : wire::MEDIA_KIND_VIDEO);
        packet.set_sequence(audio ? m_nextAudioSequence++ : m_nextVideoSequence++);
        ++m_packetsSinceReceipt;
        if (audio)
            ++m_audioPacketsSinceReceipt;
        m_channel.send(std::move(packet));
    };
    apply();
}

void MediaSession::clearSource(wire::MediaKind kind)
{
    MediaStreamSource *&source = kind == wire::MEDIA_KIND_AUDIO ? m_audioSource : m_videoSource;
    if (source)
        source->deliver = nullptr;
    source = nullptr;
}

void MediaSession::setSink(wire::MediaKind kind, MediaStreamSink *sink)
{
    (kind == wire::MEDIA_KIND_AUDIO ? m_audioSink : m_videoSink) = sink;
    if (sink)
        sink->keyframeNeeded = [this] { requestKeyframe(); };
}

void MediaSession::setMicrophoneOn(bool on)
{
    if (m_microphoneOn == on)
        return;
    m_microphoneOn = on;
    sendState();
    apply();
}

void MediaSession::setCameraOn(bool on)
{
    if (m_cameraOn == on)
        return;
    m_cameraOn = on;
    sendState();
    apply();
    if (on && m_videoSource)
        m_videoSource->requestKeyframe(); // the peer has nothing to decode from yet
}

void MediaSession::setAudioByPhone(bool byPhone)
{
    if (m_audioByPhone == byPhone)
        return;
    m_audioByPhone = byPhone;
    sendState();
}

void MediaSession::sendState()
{
    // The server relays media only after it has this, so it goes before the first packet.
    wire::Envelope envelope;
    auto *state = envelope.mutable_media_state();
    state->set_consultation_id(m_consultationId.toStdString());
    state->set_microphone_on(m_microphoneOn);
    state->set_camera_on(m_cameraOn);
    state->set_audio_by_phone(m_audioByPhone);
    m_connection.send(std::move(envelope));
}

void MediaSession::apply()
{
    const media::RateController::Decision &decision = m_rate.decision();
    if (m_audioSource) {
        m_audioSource->setBitrateKbps(decision.audioKbps);
        m_audioSource->setEnabled(m_microphoneOn && decision.sendsAudio());
    }
    if (m_videoSource) {
        m_videoSource->setBitrateKbps(decision.videoKbps);
        m_videoSource->setEnabled(m_cameraOn && decision.sendsVideo());
    }
}

void MediaSession::onReceipt(const MediaChannel::Receipt &receipt)
{
    const MediaChannel::Statistics &statistics = m_channel.statistics();
    const quint64 droppedLocally = statistics.droppedAudio + statistics.droppedVideo;
    media::RateController::Observation observation;
    observation.roundTripUs = receipt.roundTripUs;
    observation.inFlightBytes = receipt.inFlightBytes;
    observation.windowBytes = m_settings.channel.windowBytes;
    observation.droppedLocally = static_cast<quint32>(droppedLocally - m_droppedLocallyBefore);
    observation.droppedForPeer = receipt.droppedForPeer;
    observation.peerLost = receipt.peerAudioLost + receipt.peerVideoLost;
    observation.packetsSent = m_packetsSinceReceipt;
    observation.peerQueueMs = receipt.peerQueueMs;
    m_droppedLocallyBefore = droppedLocally;
    m_packetsSinceReceipt = 0;
    m_rate.observe(observation, m_clock.monotonicUs());

    // Audio loss as the peer sees it, smoothed over about a second of receipts (20 at 50 ms).
    if (m_audioPacketsSinceReceipt > 0 && m_audioSource) {
        const double lost = std::min<double>(receipt.peerAudioLost, m_audioPacketsSinceReceipt);
        m_audioLossPercent += (100.0 * lost / m_audioPacketsSinceReceipt - m_audioLossPercent) / 20.0;
        m_audioSource->setPeerLossPercent(int(m_audioLossPercent + 0.5));
    }
    m_audioPacketsSinceReceipt = 0;
}

void MediaSession::control()
{
    const media::RateController::Decision before = m_rate.decision();
    if (!m_rate.update(m_clock.monotonicUs()))
        return;
    const media::RateController::Decision &decision = m_rate.decision();
    apply();
    // Video back after the ladder paused it: the peer's decoder has nothing to build on. A mere
    // bitrate step needs no keyframe (each costs about seven ordinary frames).
    if (decision.sendsVideo() && !before.sendsVideo() && m_videoSource)
        m_videoSource->requestKeyframe();
    // A bitrate change within a step is the encoder's business; probing a line moves it every
    // half second, and telling the peer each time would only make noise.
    if (decision.level == before.level)
        return;
    // Both sides learn of the step (lesson 10: the customer should not have to find the setting).
    wire::Envelope envelope;
    auto *change = envelope.mutable_quality_change();
    change->set_consultation_id(m_consultationId.toStdString());
    change->set_level(decision.level);
    change->set_video_bitrate_kbps(static_cast<quint32>(decision.videoKbps));
    m_connection.send(std::move(envelope));
    Q_EMIT qualityChanged(decision.level, decision.videoKbps);
}

void MediaSession::requestKeyframe()
{
    const qint64 now = m_clock.monotonicUs();
    if (now - m_lastKeyframeRequestUs < qint64(m_settings.keyframeRequestIntervalMs) * 1000)
        return;
    m_lastKeyframeRequestUs = now;
    wire::Envelope envelope;
    envelope.mutable_keyframe_request()->set_consultation_id(m_consultationId.toStdString());
    m_connection.send(std::move(envelope));
}

bool MediaSession::dispatch(const wire::Envelope &envelope)
{
    const std::string &id = m_consultationIdStd;
    switch (envelope.body_case()) {
    case wire::Envelope::kMediaPacket:
    case wire::Envelope::kMediaReceipt:
        return m_channel.dispatch(envelope);
    case wire::Envelope::kMediaState:
        if (envelope.media_state().consultation_id() != id)
            return false;
        Q_EMIT peerMediaStateChanged(envelope.media_state().microphone_on(), envelope.media_state().camera_on(),
                                     envelope.media_state().audio_by_phone());
        return true;
    case wire::Envelope::kQualityChange:
        if (envelope.quality_change().consultation_id() != id)
            return false;
        Q_EMIT peerQualityChanged(envelope.quality_change().level(),
                                  static_cast<int>(envelope.quality_change().video_bitrate_kbps()));
        return true;
    case wire::Envelope::kKeyframeRequest:
        if (envelope.keyframe_request().consultation_id() != id)
            return false;
        if (m_videoSource)
            m_videoSource->requestKeyframe();
        return true;
    default:
        return false;
    }
}

} // namespace consult
