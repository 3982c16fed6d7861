#pragma once

#include "MediaChannel.h"
#include "client/consultation/ConsultationPart.h"
#include "media/MediaStream.h"
#include "media/RateController.h"
#include "protocol/consult.pb.h"

#include <QObject>
#include <QTimer>

namespace consult {

class ClientConnection;
class Clock;

// The media of one consultation on one side: microphone and camera state told to the
// peer (MediaState), the real-time channel, the bitrate control and its ladder applied to the
// streams and told to the peer (QualityChange), and keyframe requests in both directions. Owns no
// devices or codecs: they are plugged in as sources and sinks. A part of its Consultation
// (Consultation::startMedia), which routes its messages to it; one made on its own (tests,
// benchmarks) listens to the connection itself.
class MediaSession final : public QObject, public ConsultationPart
{
    Q_OBJECT
public:
    struct Settings
    {
        MediaChannel::Settings channel;
        media::RateController::Settings rate;
        int controlIntervalMs = 100;
        int keyframeRequestIntervalMs = 1000; // at most one request per second
    };

    using Routing = MediaChannel::Routing;

    MediaSession(ClientConnection &connection, const Clock &clock, QString consultationId, Settings settings,
                 Routing routing, QObject *parent = nullptr);
    MediaSession(ClientConnection &connection, const Clock &clock, QString consultationId, Settings settings,
                 QObject *parent = nullptr)
        : MediaSession(connection, clock, std::move(consultationId), settings, Routing::Subscribe, parent)
    {}

    // A media message of this consultation (state, quality, keyframe request, packet, receipt).
    bool dispatch(const wire::Envelope &envelope) override;

    void setSource(MediaStreamSource *source);
    // Unplugs the source of this kind (its device went, or the call stopped): nothing more is sent.
    void clearSource(wire::MediaKind kind);
    void setSink(wire::MediaKind kind, MediaStreamSink *sink);

    // The user's switches (seed 002: the other side sees and hears only while they are on).
    void setMicrophoneOn(bool on);
    void setCameraOn(bool on);
    // The customer talks over the telephone instead (no microphone and speakers; seed 002).
    void setAudioByPhone(bool byPhone);
    bool microphoneOn() const { return m_microphoneOn; }
    bool cameraOn() const { return m_cameraOn; }
    bool audioByPhone() const { return m_audioByPhone; }

    const media::RateController::Decision &quality() const { return m_rate.decision(); }
    MediaChannel &channel() { return m_channel; }
    const media::RateController &rateController() const { return m_rate; }

Q_SIGNALS:
    void peerMediaStateChanged(bool microphoneOn, bool cameraOn, bool audioByPhone);
    // The peer's step of the ladder changed (not every bitrate change within a step).
    void peerQualityChanged(consult::wire::QualityLevel level, int videoKbps);
    // Our own step of the ladder changed (the app says why the picture got worse, lesson 10).
    void qualityChanged(consult::wire::QualityLevel level, int videoKbps);

private:
    void onReceipt(const MediaChannel::Receipt &receipt);
    void control();
    void apply();
    void sendState();
    void requestKeyframe();

    ClientConnection &m_connection;
    const Clock &m_clock;
    QString m_consultationId;
    std::string m_consultationIdStd;
    Settings m_settings;
    MediaChannel m_channel;
    media::RateController m_rate;
    MediaStreamSource *m_audioSource = nullptr;
    MediaStreamSource *m_videoSource = nullptr;
    MediaStreamSink *m_audioSink = nullptr;
    MediaStreamSink *m_videoSink = nullptr;
    bool m_microphoneOn = false;
    bool m_cameraOn = false;
    bool m_audioByPhone = false;
    quint32 m_nextAudioSequence = 0;
    quint32 m_nextVideoSequence = 0;
    quint32 m_packetsSinceReceipt = 0;
    quint32 m_audioPacketsSinceReceipt = 0;
    double m_audioLossPercent = 0.0;
    quint64 m_droppedLocallyBefore = 0;
    qint64 m_lastKeyframeRequestUs = -1'000'000'000;
    QTimer m_controlTimer;
};

} // namespace consult
