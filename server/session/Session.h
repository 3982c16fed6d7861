#pragma once

#include "Connection.h"
#include "core/TokenBucket.h"
#include "protocol/consult.pb.h"
#include "transport/ReliableChannel.h"

#include <QHostAddress>
#include <QPointer>
#include <QString>

#include <functional>
#include <map>

namespace consult {

class Connection; // Connection.h: QPointer needs the complete type where it is used

// One participant's logical session on the server: who they are (kind, stage, language), the
// reliable channel and resume token that let it survive lost connections, and per-participant rate
// limits. Created by the SessionRegistry on Hello, destroyed by it when the session ends; components
// that bind a session to a queue entry, an advisor or a consultation keep its id, not the pointer.
class Session
{
public:
    // What the session may do (the rows of the authorisation table, S5/S6).
    enum class Stage
    {
        Anonymous,          // said hello, not logged in
        WaitingCustomer,    // logged in, waiting in the queue or able only to leave a message
        ConsultingCustomer, // in a consultation with an advisor
        Advisor,            // an advisor, logged in
        Closing,            // over: nothing more is accepted
    };

    struct RateLimits
    {
        double chatPerSecond = 5; // I5
        double chatBurst = 20;
        double controlPerSecond = 10;
        double controlBurst = 30;
    };

    Session(quint64 id, wire::ClientKind kind, QString language, QString clientVersion, QHostAddress address,
            ReliableChannel::Limits channelLimits, RateLimits rateLimits, qint64 nowUs);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    quint64 id() const { return m_id; }
    wire::ClientKind kind() const { return m_kind; }
    const QString &language() const { return m_language; }
    const QString &clientVersion() const { return m_clientVersion; }
    QHostAddress address() const { return m_address; }

    Stage stage() const { return m_stage; }
    void setStage(Stage stage) { m_stage = stage; }

    // Sends `envelope` in the reliable class: now if connected, else on resume. Returns its sequence
    // number, or 0 if the peer has left too much unacknowledged, in which case the session is broken
    // and the registry ends it.
    quint64 send(wire::Envelope &&envelope);
    // Sends an unsequenced envelope if connected; dropped otherwise.
    void sendUnsequenced(wire::Envelope &&envelope);
    // Replies to a request with a reliable Error.
    void sendError(wire::ErrorCode code, quint32 requestId, const QString &message, const QString &field = {},
                   quint32 retryAfterMs = 0);

    // Runs `callback` once the peer's app has acknowledged the envelope with sequence number `seq`
    // (delivery receipts). Callbacks of a session that ends are dropped.
    void whenAcknowledged(quint64 seq, std::function<void()> callback);
    // Applies the peer's cumulative acknowledgement. Returns false for an impossible one.
    bool applyAcknowledgement(quint64 ack);

    ReliableChannel &channel() { return m_channel; }
    Connection *connection() const { return m_connection.data(); }
    bool isConnected() const;
    void attach(Connection *connection);
    Connection *detach();

    // Rate limits that outlive connections (I5).
    bool allowChat(qint64 nowUs) { return m_chatBucket.tryTake(nowUs); }
    bool allowControl(qint64 nowUs) { return m_controlBucket.tryTake(nowUs); }
    // On resume after `awayUs` without a connection: what the participant wrote meanwhile at the
    // allowed rates arrives at once and is not refused (credit for kReplayWindowUs, see TokenBucket).
    void allowReplay(qint64 awayUs, qint64 nowUs);
    static constexpr qint64 kReplayWindowUs = 10'000'000;

    // Resume token bookkeeping (S10); only the registry touches these.
    QByteArray currentTokenHash;
    QByteArray previousTokenHash; // valid until the renewal carrying its successor is acknowledged
    quint64 renewalSeq = 0;       // seq of the ResumeTokenRenewed not yet acknowledged
    qint64 tokenIssuedUs = 0;
    qint64 lastSeenUs = 0; // last envelope received from this participant
    qint64 lastPingSentUs = 0;
    qint64 createdUs = 0;
    quint32 lastRttUs = 0;
    std::function<void()> onBroken; // set by the registry

private:
    quint64 m_id;
    wire::ClientKind m_kind;
    QString m_language;
    QString m_clientVersion;
    QHostAddress m_address;
    Stage m_stage = Stage::Anonymous;
    ReliableChannel m_channel;
    QPointer<Connection> m_connection;
    std::map<quint64, std::function<void()>> m_acknowledgementCallbacks;
    RateLimits m_rateLimits;
    TokenBucket m_chatBucket;
    TokenBucket m_controlBucket;
    bool m_broken = false;
};

} // namespace consult
