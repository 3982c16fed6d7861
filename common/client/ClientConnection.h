#pragma once

#include "ServerEndpoint.h"
#include "protocol/consult.pb.h"
#include "transport/ReliableChannel.h"
#include "transport/SendScheduler.h"

#include <QObject>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>
#include <QWebSocket>

namespace consult {

class Clock;

// The client side of one session with the relay: one TLS WebSocket at a time, pinned to the bank's
// key (C1), the hello or resume exchange, the reliable channel (messages sent while the connection
// is down go out after the resume, exactly once and in order), pings with RTT, and reconnection
// with exponential backoff and jitter (R1) until the session resumes or is lost. Everything goes
// out through a SendScheduler (audio > control and chat > video), which sees the TLS socket's real
// backlog; a server that stops reading counts as a lost connection. Used by the customer and advisor
// clients; knows nothing of roles.
class ClientConnection final : public QObject, private FrameWriter
{
    Q_OBJECT
public:
    enum class State
    {
        Disconnected, // nothing open
        Connecting,   // first connection of a new session
        Connected,    // session established, socket up
        Reconnecting, // socket lost, resuming
        Closed,       // the session is over (the server closed it, or it could not be resumed)
    };
    Q_ENUM(State)

    // Why the connection or the session failed; the apps show their own text for each.
    enum class Failure
    {
        None,
        ServerUnreachable,  // no TCP/TLS connection to the server
        CertificateInvalid, // chain or host name did not validate
        PinMismatch,        // valid certificate, but not the bank's key (C1): never overridden
        ProtocolVersion,    // the server does not speak this version: update the app
        ServerBusy,         // connection caps reached
        ResumeRefused,      // the session could not be resumed (expired or ended)
        ProtocolError,      // the server refused what we sent
    };
    Q_ENUM(Failure)

    struct Settings
    {
        wire::ClientKind kind = wire::CLIENT_KIND_CUSTOMER;
        QString clientVersion;
        QString language = QStringLiteral("de");
        int firstRetryDelayMs = 1000; // R1: 1 s ...
        int maxRetryDelayMs = 30'000; // ... doubling up to 30 s, with jitter
        int connectTimeoutMs = 10'000;
        int silenceTimeoutMs = 0; // 0: three ping intervals, at least 15 s
        // What the send scheduler holds, per socket.
        SendScheduler::Limits sending = clientSending();

        // The cap lies above the reliable channel's own limit (8 MiB unacknowledged), so a replay
        // after a resume never trips it; past it, the server is not reading. Video has no deadline
        // here: the media window and the round trip already pace it, and a frame dropped for age at
        // a keyframe burst counted as congestion, so on a 0.5 Mbit/s uplink the ladder stepped the
        // video down to 5 fps in about half the runs (test_media_end_to_end). The count and byte
        // bounds still hold; audio keeps its deadline.
        static SendScheduler::Limits clientSending()
        {
            SendScheduler::Limits limits;
            limits.maxBacklogBytes = 9 * 1024 * 1024;
            limits.videoDeadlineMs = 0;
            return limits;
        }
    };

    ClientConnection(Settings settings, const Clock &clock, QObject *parent = nullptr);
    ~ClientConnection() override;

    // Starts a new session with the server at `endpoint`.
    void open(const ServerEndpoint &endpoint);
    // Ends everything locally (the server learns from the closed socket).
    void close();

    // Sends in the reliable class: now if connected, else after the resume (or after the welcome of a
    // session being opened). Returns false if the session is over.
    bool send(wire::Envelope &&envelope);
    // Sends in the real-time class: now, or never (not connected: dropped). Returns whether it went
    // out or was queued; a queued media packet may still be dropped (mediaPacketDropped).
    bool sendRealtime(wire::Envelope &&envelope);

    // Sends in the bulk class, behind everything else on this socket: pull-based streams with credits
    // (see SendScheduler). Unsequenced envelopes (the connection check's upload) are never kept for
    // replay; sequenced ones (whiteboard pages) are numbered as they leave, kept and replayed like any
    // reliable envelope, and `sent` tells the producer which were numbered. A stream lives as long as
    // the socket: after a reconnect (resumed()) its producer opens it again and continues after the
    // last envelope `sent` told of; sendBulk() refuses what it cannot queue now (no credit, no socket).
    void openBulkStream(quint32 streamId, std::function<void()> creditReturned, SendScheduler::BulkSent sent = {});
    void closeBulkStream(quint32 streamId);
    int bulkCredit(quint32 streamId) const;
    bool sendBulk(quint32 streamId, wire::Envelope &&envelope);
    // Sends a ping now (the round trip follows as roundTripChanged), e.g. for a check that needs a
    // fresh figure; the regular pings go on as they do.
    void measureRoundTrip();

    State state() const { return m_state; }
    Failure failure() const { return m_failure; }
    QString failureDetail() const { return m_failureDetail; }
    const wire::Welcome &welcome() const { return m_welcome; }
    int roundTripMs() const { return m_rttUs < 0 ? -1 : static_cast<int>(m_rttUs / 1000); }
    int reconnectAttempts() const { return m_attempt; }
    // What this client holds for the server: queued in the scheduler plus the socket's backlog.
    qint64 outgoingBytes() const { return m_scheduler.heldBytes(); }
    const SendScheduler &scheduler() const { return m_scheduler; }
    const Settings &settings() const { return m_settings; }

    // For tests: drops the socket as a network failure would.
    void simulateNetworkLoss();

Q_SIGNALS:
    void stateChanged(consult::ClientConnection::State state);
    // A new session exists; its welcome carries notices and hours.
    void welcomed(const consult::wire::Welcome &welcome);
    void resumed();
    // Every application envelope, exactly once and in order (not session control).
    void envelopeReceived(const consult::wire::Envelope &envelope);
    void roundTripChanged(int milliseconds);
    void failed(consult::ClientConnection::Failure failure);
    // A media packet given to sendRealtime() was queued and then dropped (stale, or over the bound):
    // it never left, so a window that counted it can take it back.
    void mediaPacketDropped(const consult::wire::MediaPacket &packet);

private:
    void connectSocket();
    void onConnected();
    void onDisconnected();
    void onBinaryMessage(const QByteArray &bytes);
    void onSslErrors(const QList<QSslError> &errors);
    void handleSessionControl(const wire::Envelope &envelope);
    void scheduleReconnect();
    void sendPing();
    void checkSilence();
    void sendFrame(const QByteArray &bytes, SendClass sendClass = SendClass::Reliable);
    // FrameWriter, for the scheduler.
    void writeFrame(const QByteArray &frame) override;
    qint64 backlogBytes() const override;
    void onSchedulerDropped(SendClass sendClass, const QByteArray &frame);
    void setState(State state);
    void fail(Failure failure, const QString &detail);
    void dropSocket();

    Settings m_settings;
    const Clock &m_clock;
    ServerEndpoint m_endpoint;
    QPointer<QWebSocket> m_socket;
    QPointer<QSslSocket> m_tls; // m_socket's own TLS socket, its child: where the backlog really is
    ReliableChannel m_channel;
    SendScheduler m_scheduler;
    State m_state = State::Disconnected;
    Failure m_failure = Failure::None;
    QString m_failureDetail;
    bool m_hasSession = false;
    bool m_sessionOver = false;
    bool m_handshakeDone = false; // welcome or resumed received on this socket
    QByteArray m_resumeToken;
    QByteArray m_pendingResumeToken; // renewed, not yet acknowledged by us
    wire::Welcome m_welcome;
    qint64 m_lastReceivedUs = 0;
    qint64 m_rttUs = -1;
    int m_attempt = 0;
    QTimer m_reconnectTimer;
    QTimer m_pingTimer;
    QTimer m_connectTimer;
    QTimer m_acknowledgementTimer;
};

} // namespace consult
