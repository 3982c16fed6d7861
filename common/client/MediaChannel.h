#pragma once

#include "protocol/consult.pb.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace consult {

class ClientConnection;
class Clock;

// The client's end of the real-time class for one consultation (consult.proto, "Real-time media").
// Sending: keeps at most a window of payload bytes unconfirmed by the server (MediaReceipt) and
// drops what would exceed it, video before audio, so nothing queues under TLS where no one can see
// it. Receiving: counts what arrives and what is missing per kind and acknowledges it every 50 ms
// (MediaAcknowledge), which opens the server's window towards us. Each receipt gives a round-trip
// sample and the peer's losses: the inputs of the bitrate control. Both counters restart with every
// new connection, as the server's do.
class MediaChannel final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int windowBytes = 24 * 1024; // about 400 ms at 500 kbit/s
        int acknowledgeIntervalMs = 50;
    };

    struct Receipt
    {
        qint64 roundTripUs = -1; // -1: no new sample
        int inFlightBytes = 0;   // unconfirmed by the server after this receipt
        quint32 droppedForPeer = 0;
        quint32 peerAudioLost = 0;
        quint32 peerVideoLost = 0;
        quint32 peerQueueMs = 0;
    };

    struct Statistics
    {
        quint64 sentBytes = 0;    // payload bytes handed to the connection
        quint64 droppedAudio = 0; // not sent: the window was full, or the connection's send queue dropped it
        quint64 droppedVideo = 0;
        quint64 receivedBytes = 0;
        quint64 receivedPackets = 0;
        quint64 lostAudio = 0; // sequence gaps in what arrived
        quint64 lostVideo = 0;
    };

    // Where the channel's messages come from: Subscribe listens to the connection itself (a channel
    // on its own, as tests and benchmarks use it); Routed gets them from its MediaSession, which gets
    // them from its Consultation (the client's dispatch table).
    enum class Routing
    {
        Subscribe,
        Routed,
    };

    MediaChannel(ClientConnection &connection, const Clock &clock, QString consultationId, Settings settings,
                 Routing routing, QObject *parent = nullptr);
    MediaChannel(ClientConnection &connection, const Clock &clock, QString consultationId, Settings settings,
                 QObject *parent = nullptr)
        : MediaChannel(connection, clock, std::move(consultationId), settings, Routing::Subscribe, parent)
    {}
    MediaChannel(ClientConnection &connection, const Clock &clock, QString consultationId, QObject *parent = nullptr)
        : MediaChannel(connection, clock, std::move(consultationId), Settings{}, Routing::Subscribe, parent)
    {}

    // A MediaPacket or MediaReceipt of this consultation; returns whether it was one.
    bool dispatch(const wire::Envelope &envelope);

    // Sends one packet (consultation id, sent_us filled in here). Returns false if it was dropped
    // because the window is full (video) or badly overfull (audio, which has precedence).
    bool send(wire::MediaPacket packet);

    // For tests of loss handling: every outgoing packet passes this first (false: dropped as if lost).
    void setLossModel(std::function<bool(const wire::MediaPacket &)> keep) { m_keep = std::move(keep); }

    int inFlightBytes() const { return static_cast<int>(m_sentSinceReset - m_confirmed); }
    const Statistics &statistics() const { return m_statistics; }
    void setWindowBytes(int bytes) { m_settings.windowBytes = bytes; }

Q_SIGNALS:
    void packetReceived(const consult::wire::MediaPacket &packet);
    void receiptReceived(const consult::MediaChannel::Receipt &receipt);

private:
    void onDroppedBeforeSending(const wire::MediaPacket &packet);
    void onPacket(const wire::MediaPacket &packet);
    void acknowledge();
    void reset();

    ClientConnection &m_connection;
    const Clock &m_clock;
    QString m_consultationId;
    std::string m_consultationIdStd;
    Settings m_settings;
    std::function<bool(const wire::MediaPacket &)> m_keep;
    Statistics m_statistics;
    // Counters of the current connection (reset on resume).
    quint64 m_sentSinceReset = 0;
    quint64 m_confirmed = 0;
    quint64 m_receivedSinceReset = 0;
    bool m_haveAudioSequence = false;
    bool m_haveVideoSequence = false;
    quint32 m_nextAudioSequence = 0;
    quint32 m_nextVideoSequence = 0;
    quint32 m_audioLostSinceAck = 0;
    quint32 m_videoLostSinceAck = 0;
    bool m_acknowledgementDue = false;
    QTimer m_acknowledgeTimer;
};

} // namespace consult
