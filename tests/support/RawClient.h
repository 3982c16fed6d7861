#pragma once

#include "client/ServerEndpoint.h"
#include "protocol/ProtocolVersion.h"
#include "protocol/consult.pb.h"
#include "transport/ReliableChannel.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>

#include <functional>
#include <optional>

namespace consult::testing {

// Processes events until `condition` holds or `timeoutMs` pass; true if it held. Unlike
// QTest::qWaitFor it never sleeps between passes, so time measured around it stays precise.
bool spinUntil(const std::function<bool()> &condition, int timeoutMs);

// A protocol-level client for adversarial tests: one TLS WebSocket with the product's client TLS
// profile (trusting the test CA; key pins are the client library's business), which can send any
// bytes, text frames or envelopes, records every frame the server sends, the close code, and walks
// the hello and log-in steps. It answers pings and acknowledges reliable envelopes on its own,
// unless told not to, so a session stays healthy while a test misbehaves on purpose.
class RawClient final : public QObject
{
    Q_OBJECT
public:
    explicit RawClient(QString origin = {}, QObject *parent = nullptr);
    ~RawClient() override;

    // Starts a connection to `url` (default: the endpoint's URL); does not wait.
    void startOpen(const ServerEndpoint &endpoint, const QUrl &url = {});
    // Opens and waits until the WebSocket is up; false if it was refused or timed out.
    bool open(const ServerEndpoint &endpoint, const QUrl &url = {}, int timeoutMs = 10'000);
    bool isConnected() const;
    // True once the socket has disconnected (after having been opened or refused).
    bool isClosed() const { return m_closed; }
    bool waitForClosed(int timeoutMs = 10'000);
    // The close code the server sent in its close frame (Qt's value when there was none).
    QWebSocketProtocol::CloseCode closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }
    // Drops the TCP connection without a close frame, as a network failure would.
    void abort();
    // Sends a close frame and waits until the socket is down.
    void closeNormally(int timeoutMs = 10'000);

    // --- Sending -----------------------------------------------------------------------------
    void sendBytes(const QByteArray &bytes);
    void sendText(const QString &text);
    // Stamps the envelope as the reliable class does (next seq, current ack) and sends it.
    quint64 sendReliable(wire::Envelope envelope);
    // Sends with seq 0 and the current ack.
    void sendUnsequenced(wire::Envelope envelope);

    // --- Receiving ---------------------------------------------------------------------------
    const QList<wire::Envelope> &received() const { return m_received; }
    // The position to look from for what arrives after this moment.
    int mark() const { return static_cast<int>(m_received.size()); }
    QList<wire::Envelope> receivedSince(int from) const { return m_received.mid(from); }
    std::optional<wire::Envelope> waitFor(const std::function<bool(const wire::Envelope &)> &matches, int from,
                                          int timeoutMs = 10'000);
    std::optional<wire::Envelope> waitForBody(wire::Envelope::BodyCase body, int from, int timeoutMs = 10'000);
    // The first Error after `from`, or nothing when the timeout passes (or the socket closes first
    // without one).
    std::optional<wire::Error> waitForError(int from, int timeoutMs = 10'000);
    // Raw binary frames as received, undecoded, and frames that did not decode.
    const QList<QByteArray> &frames() const { return m_frames; }
    int undecodableFrames() const { return m_undecodable; }
    int textFrames() const { return m_textFrames; }

    // A ping with a fresh nonce, then waits for its pong: whatever the server sent this socket
    // before it handled the ping has arrived by then. False if the socket closed or timed out.
    bool sync(int timeoutMs = 10'000);

    // --- Protocol steps ----------------------------------------------------------------------
    // Sends Hello and waits for Welcome; false on an Error, a close or a timeout.
    bool hello(wire::ClientKind kind, quint32 protocolVersion = protocol::kCurrent, int timeoutMs = 10'000);
    // Accepts every notice of the Welcome and logs in; waits for CustomerLoginAccepted and the first
    // QueueStatus.
    bool customerLogin(const QString &name, const QString &phone, int timeoutMs = 10'000,
                       wire::ConsultationMode mode = wire::CONSULTATION_MODE_CHAT);
    // Logs in with a password; waits for AdvisorLoginAccepted.
    bool advisorLogin(const QString &username, const QString &password, int timeoutMs = 20'000);
    // Sends Resume with `token` and what this client's channel has received; waits for Resumed or
    // an Error. Returns the Resumed envelope, or nothing.
    std::optional<wire::Resumed> resume(const QByteArray &token, int timeoutMs = 10'000);
    // Sends Resume without waiting for the answer.
    void sendResume(const QByteArray &token);

    const wire::Welcome &welcome() const { return m_welcome; }
    // The newest resume token this client holds (Welcome, Resumed or ResumeTokenRenewed).
    QByteArray resumeToken() const { return m_resumeToken; }
    // The consultation id from the last ConsultationStarted.
    QString consultationId() const { return m_consultationId; }

    ReliableChannel &channel() { return m_channel; }
    const ReliableChannel &channel() const { return m_channel; }
    void setAutoAcknowledge(bool enabled) { m_autoAcknowledge = enabled; }
    void setAnswerPings(bool enabled) { m_answerPings = enabled; }
    QWebSocket *socket() const { return m_socket.data(); }

Q_SIGNALS:
    void envelopeReceived(const consult::wire::Envelope &envelope);

private:
    void onBinaryMessage(const QByteArray &bytes);
    void onDisconnected();

    QString m_origin;
    QPointer<QWebSocket> m_socket;
    ReliableChannel m_channel;
    QList<wire::Envelope> m_received;
    QList<QByteArray> m_frames;
    int m_undecodable = 0;
    int m_textFrames = 0;
    bool m_closed = false;
    QWebSocketProtocol::CloseCode m_closeCode = QWebSocketProtocol::CloseCodeNormal;
    QString m_closeReason;
    bool m_autoAcknowledge = true;
    bool m_answerPings = true;
    QTimer m_acknowledgementTimer;
    wire::Welcome m_welcome;
    QByteArray m_resumeToken;
    QString m_consultationId;
    quint64 m_nextPingNonce = 1;
};

// Builds an envelope whose body is `body` with every field at its default, through reflection: the
// body case number is the field number in consult.proto.
wire::Envelope envelopeWithEmptyBody(wire::Envelope::BodyCase body);

} // namespace consult::testing
