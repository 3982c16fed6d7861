#pragma once

#include "consultation/ConsultationSubscriber.h"
#include "core/TokenBucket.h"
#include "diagnostics/LatencyHistogram.h"
#include "protocol/consult.pb.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <map>
#include <utility>

namespace consult {

class Clock;
class ConsultationService;
class Session;
class SessionRegistry;

// Forwards audio and video between the two participants of a consultation and
// keeps each hop from queuing: per receiver, at most a window of payload bytes is on its way
// unacknowledged (MediaAcknowledge), audio goes before video, and whatever waits longer than its
// deadline is dropped, video first. Per sender, media is relayed only while its device is on
// (MediaState) and within a byte rate, and the sender gets a MediaReceipt every 50 ms with what
// arrived, its round-trip time and what the peer lost, for its bitrate control. Nothing is stored
// (P1): packets live in RAM until they are sent or dropped. A part of every consultation: the
// consultation service tells it who is in which consultation. Owned by the ServerCore.
class MediaRelay final : public QObject, public ConsultationSubscriber
{
    Q_OBJECT
public:
    struct Settings
    {
        int windowBytes = 48 * 1024;     // unacknowledged payload per receiver
        int audioDeadlineMs = 300;       // older audio is not worth sending
        int videoDeadlineMs = 200;       // older video fragments are dropped (the frame is lost)
        int maxQueuedBytes = 512 * 1024; // per receiver, whatever the deadlines
        int maxUplinkKbps = 2000;        // per sender; far above the 0.5 Mbit/s a call needs
        int receiptIntervalMs = 50;
    };

    // `consultations` hears which media were really relayed, for the anonymous statistics (P3).
    MediaRelay(Settings settings, ConsultationService &consultations, SessionRegistry &registry, const Clock &clock,
               QObject *parent = nullptr);

    // ConsultationSubscriber: the consultation service keeps the relay's view of the pairs up to date.
    void consultationStarted(const ConsultationRecord &consultation) override;
    // A transfer: the consultation's advisor side is now another session, whose devices start off.
    void advisorReplaced(const ConsultationRecord &consultation, quint64 previousSessionId) override;
    // A participant's connection was replaced (resume): what was on its way is gone.
    void participantResumed(const ConsultationRecord &consultation, quint64 sessionId) override;
    void consultationEnded(const ConsultationRecord &consultation) override;

    // Handlers (authorisation by role is done; these check the consultation, S5).
    void handlePacket(Session &sender, const wire::Envelope &envelope);
    void handleAcknowledge(Session &receiver, const wire::MediaAcknowledge &acknowledge);
    void handleState(Session &sender, const wire::MediaState &state);
    void handleKeyframeRequest(Session &sender, const wire::KeyframeRequest &request);
    void handleQualityChange(Session &sender, const wire::QualityChange &change);

    // What the relay did since start, per kind (audio, video), for the metrics.
    struct Tally
    {
        quint64 relayedPackets = 0;    // handed to the receiver's connection
        quint64 relayedBytes = 0;      // their payload
        quint64 droppedStale = 0;      // past its deadline before the receiver's window opened
        quint64 droppedQueueFull = 0;  // over the receiver's queue bound (video first)
        quint64 droppedNoReceiver = 0; // the peer was away (reconnecting) or gone
        quint64 overUplinkRate = 0;    // over the sender's max_uplink_kbps: not relayed
    };
    const Tally &audioTally() const { return m_tally[0]; }
    const Tally &videoTally() const { return m_tally[1]; }

    // For tests and metrics.
    int queuedBytesFor(quint64 receiverSessionId) const;
    quint64 droppedPackets() const { return m_droppedTotal; }
    // How long relayed packets waited here: from arrival (decoded) to handing them to the peer's
    // socket, window waits included. The relay's own added latency; logged every 5 s with the
    // event loop's lag when [diagnostics] loop_lag_probe_ms is set.
    const LatencyHistogram &holdTimes() const { return m_holdTimes; }
    void resetHoldTimes() { m_holdTimes.reset(); }

private:
    struct Queued
    {
        QByteArray bytes; // the encoded envelope, ready to send
        int payloadBytes = 0;
        qint64 enqueuedUs = 0;
        bool audio = false;
    };
    // One participant's side of the relay: what it may send and what waits to be sent to it.
    struct Endpoint
    {
        QString consultationId;
        quint64 peerSessionId = 0;
        bool microphoneOn = false;
        bool cameraOn = false;
        TokenBucket uplink;
        bool audioRelayed = false; // noted for the statistics once each
        bool videoRelayed = false;
        // As a sender.
        quint64 bytesReceived = 0;
        quint64 bytesReceivedAtLastReceipt = 0;
        qint64 newestSentUs = 0;
        qint64 newestReceivedUs = 0; // our clock, when that packet arrived
        quint32 droppedForPeer = 0;  // since the last receipt
        quint32 peerAudioLost = 0;   // since the last receipt, as the peer reported
        quint32 peerVideoLost = 0;
        // As a receiver.
        std::deque<Queued> audio;
        std::deque<Queued> video;
        int queuedBytes = 0;
        quint64 sentBytes = 0;
        quint64 acknowledgedBytes = 0;
    };

    using Key = std::pair<quint64, QString>; // session id, consultation id

    Endpoint *find(const Key &key);
    Endpoint *endpointOf(const Session &session, const std::string &consultationId);
    Endpoint *peerOf(const Endpoint &endpoint);
    void addEndpoint(quint64 sessionId, const QString &consultationId, quint64 peerSessionId);
    void enqueue(quint64 receiverSessionId, Endpoint &receiver, Queued item);
    void drain(quint64 receiverSessionId, Endpoint &receiver, qint64 nowUs);
    void dropStale(Endpoint &receiver, qint64 nowUs);
    // Drops the oldest of `queue`, counted under `reason` (a member of Tally).
    void dropOne(Endpoint &receiver, std::deque<Queued> &queue, quint64 Tally::*reason);
    Tally &tallyOf(bool audio) { return m_tally[audio ? 0 : 1]; }
    void tick();
    void relayControl(const Session &sender, const Endpoint &from, wire::Envelope &&envelope);
    static void resetCounters(Endpoint &endpoint);

    Settings m_settings;
    ConsultationService &m_consultations;
    SessionRegistry &m_registry;
    const Clock &m_clock;
    std::map<Key, Endpoint> m_endpoints;
    static constexpr int kTickSlices = 5;
    QTimer m_receiptTimer;
    int m_tickSlice = 0;
    quint64 m_droppedTotal = 0;
    Tally m_tally[2]; // audio, video
    LatencyHistogram m_holdTimes;
};

} // namespace consult
