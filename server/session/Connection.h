#pragma once

#include "protocol/consult.pb.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QWebSocket>

namespace consult {

class Clock;

// One accepted WebSocket: turns binary frames into envelopes and envelopes into frames, and keeps the
// socket honest (I1, I4, I5). Knows nothing of sessions or roles. Its QObject parent is the
// SessionRegistry; once closed it emits closed() once and deletes itself when the socket has sent
// its close frame (or after a short grace), so a close frame is never cut off.
class Connection final : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxOutgoingBufferBytes = 8 * 1024 * 1024; // I1: a slow reader is closed, not buffered
        int maxProtocolErrors = 5;                       // I4: then close 1008
        double envelopesPerSecond = 50;                  // all types together; I5 per-type limits sit above
        double envelopeBurst = 200;
        int maxRateViolations = 200;    // sustained excess: close 1008
        double realtimePerSecond = 400; // media packets and acknowledgements: a call needs about
        double realtimeBurst = 800;     // 50 audio and 60 video packets a second
    };

    Connection(QWebSocket *socket, QHostAddress peerAddress, Limits limits, const Clock &clock,
               QObject *parent = nullptr);
    ~Connection() override;

    QHostAddress peerAddress() const { return m_peerAddress; }
    bool isOpen() const;

    // Writes one frame. Closes the connection instead when the peer does not read (I1).
    void sendFrame(const QByteArray &bytes);

    // Counts one protocol error; closes with 1008 when the limit is reached (I4).
    void countProtocolError();

    void close(QWebSocketProtocol::CloseCode code, const QString &reason);

    // Monotonic time of the last frame received, for the liveness check.
    qint64 lastReceivedUs() const { return m_lastReceivedUs; }

Q_SIGNALS:
    void envelopeReceived(const consult::wire::Envelope &envelope);
    void closed();

private:
    void onBinaryMessage(const QByteArray &bytes);
    void onTextMessage();
    void finish();

    QPointer<QWebSocket> m_socket;
    QHostAddress m_peerAddress;
    Limits m_limits;
    const Clock &m_clock;
    int m_protocolErrors = 0;
    int m_rateViolations = 0;
    double m_tokens;
    double m_realtimeTokens;
    qint64 m_lastRefillUs;
    qint64 m_lastReceivedUs;
    bool m_closing = false;
    bool m_finished = false;
};

} // namespace consult
