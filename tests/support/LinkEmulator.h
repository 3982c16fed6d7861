#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <deque>
#include <memory>
#include <random>
#include <vector>

namespace consult::testing {

// A loopback link with the properties of a real access line, between clients and the server:
// per direction a bandwidth cap, a delay and jitter (order preserved, as TCP does). Works on bytes
// below TLS, so it needs no keys. Over TCP, congestion shows as delay and queuing, which is what the
// bitrate control must see and answer; packet loss as such only arises where senders or the relay
// drop real-time packets, and is emulated at that level (MediaChannel::setLossModel).
class LinkEmulator final : public QObject
{
    Q_OBJECT
public:
    struct Direction
    {
        double bitsPerSecond = 0; // 0: unlimited
        int delayMs = 0;
        int jitterMs = 0;
    };

    LinkEmulator(quint16 targetPort, Direction up, Direction down, QObject *parent = nullptr);
    ~LinkEmulator() override;

    quint16 port() const { return m_server.serverPort(); }
    void setDirections(Direction up, Direction down);

    quint64 forwardedBytes(bool upstream) const { return m_stats[upstream ? 0 : 1].forwarded; }
    int queuedBytes(bool upstream) const;
    int maxQueuedBytes(bool upstream) const { return m_stats[upstream ? 0 : 1].maxQueued; }
    void resetStatistics();

private:
    struct Chunk
    {
        QByteArray data;
        qint64 releaseUs;
    };
    struct Pipe
    {
        QPointer<QTcpSocket> from;
        QPointer<QTcpSocket> to;
        std::deque<Chunk> chunks;
        int queued = 0;
        qint64 lastReleaseUs = 0;
        double tokens = 0;
    };
    struct Pair
    {
        Pipe up;
        Pipe down;
    };
    struct Stats
    {
        quint64 forwarded = 0;
        int maxQueued = 0;
    };

    void onNewConnection();
    void read(Pipe &pipe, const Direction &direction, int index);
    void pump();
    void flush(Pipe &pipe, const Direction &direction, int index, qint64 nowUs, qint64 elapsedUs);

    quint16 m_targetPort;
    Direction m_up;
    Direction m_down;
    QTcpServer m_server;
    std::vector<std::unique_ptr<Pair>> m_pairs;
    QTimer m_pump;
    QElapsedTimer m_clock;
    qint64 m_lastPumpUs = 0;
    std::mt19937 m_random{20261121};
    Stats m_stats[2];
};

} // namespace consult::testing
