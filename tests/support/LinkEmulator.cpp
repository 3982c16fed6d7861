#include "LinkEmulator.h"

#include <QHostAddress>

namespace consult::testing {

LinkEmulator::LinkEmulator(quint16 targetPort, Direction up, Direction down, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
    , m_up(up)
    , m_down(down)
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &LinkEmulator::onNewConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
    m_pump.setInterval(1);
    m_pump.setTimerType(Qt::PreciseTimer);
    connect(&m_pump, &QTimer::timeout, this, &LinkEmulator::pump);
    m_pump.start();
}

LinkEmulator::~LinkEmulator()
{
    for (auto &pair : m_pairs) {
        if (pair->up.from)
            pair->up.from->abort();
        if (pair->up.to)
            pair->up.to->abort();
    }
}

void LinkEmulator::setDirections(Direction up, Direction down)
{
    m_up = up;
    m_down = down;
}

void LinkEmulator::resetStatistics()
{
    m_stats[0] = {};
    m_stats[1] = {};
}

int LinkEmulator::queuedBytes(bool upstream) const
{
    int bytes = 0;
    for (const auto &pair : m_pairs)
        bytes += upstream ? pair->up.queued : pair->down.queued;
    return bytes;
}

void LinkEmulator::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        client->setParent(this);
        auto *upstream = new QTcpSocket(this);
        upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
        auto pair = std::make_unique<Pair>();
        pair->up.from = client;
        pair->up.to = upstream;
        pair->down.from = upstream;
        pair->down.to = client;
        Pair *raw = pair.get();
        m_pairs.push_back(std::move(pair));
        connect(client, &QTcpSocket::readyRead, this, [this, raw] { read(raw->up, m_up, 0); });
        connect(upstream, &QTcpSocket::readyRead, this, [this, raw] { read(raw->down, m_down, 1); });
        const auto closeBoth = [client, upstream] {
            client->disconnectFromHost();
            upstream->disconnectFromHost();
        };
        connect(client, &QTcpSocket::disconnected, this, closeBoth);
        connect(upstream, &QTcpSocket::disconnected, this, closeBoth);
    }
}

void LinkEmulator::read(Pipe &pipe, const Direction &direction, int index)
{
    if (!pipe.from)
        return;
    const QByteArray data = pipe.from->readAll();
    if (data.isEmpty())
        return;
    const qint64 nowUs = m_clock.nsecsElapsed() / 1000;
    const int jitter = direction.jitterMs > 0 ? int(m_random() % unsigned(direction.jitterMs + 1)) : 0;
    // Order is kept: a chunk never leaves before the one ahead of it.
    const qint64 release = std::max(pipe.lastReleaseUs, nowUs + qint64(direction.delayMs + jitter) * 1000);
    pipe.lastReleaseUs = release;
    pipe.chunks.push_back(Chunk{data, release});
    pipe.queued += static_cast<int>(data.size());
    m_stats[index].maxQueued = std::max(m_stats[index].maxQueued, pipe.queued);
}

void LinkEmulator::pump()
{
    const qint64 nowUs = m_clock.nsecsElapsed() / 1000;
    const qint64 elapsed = nowUs - m_lastPumpUs;
    m_lastPumpUs = nowUs;
    for (auto &pair : m_pairs) {
        flush(pair->up, m_up, 0, nowUs, elapsed);
        flush(pair->down, m_down, 1, nowUs, elapsed);
    }
}

void LinkEmulator::flush(Pipe &pipe, const Direction &direction, int index, qint64 nowUs, qint64 elapsedUs)
{
    if (!pipe.to || pipe.to->state() != QAbstractSocket::ConnectedState)
        return;
    const bool capped = direction.bitsPerSecond > 0;
    if (capped) {
        // A bucket of at most 5 ms of line rate (and one full segment): no long bursts over the cap.
        const double bytesPerUs = direction.bitsPerSecond / 8.0 / 1e6;
        pipe.tokens = std::min(std::max(1500.0, bytesPerUs * 5000), pipe.tokens + bytesPerUs * double(elapsedUs));
    }
    while (!pipe.chunks.empty() && pipe.chunks.front().releaseUs <= nowUs) {
        Chunk &chunk = pipe.chunks.front();
        qsizetype take = chunk.data.size();
        if (capped)
            take = std::min<qsizetype>(take, static_cast<qsizetype>(pipe.tokens));
        if (take <= 0)
            return;
        pipe.to->write(chunk.data.constData(), take);
        if (capped)
            pipe.tokens -= double(take);
        pipe.queued -= static_cast<int>(take);
        m_stats[index].forwarded += static_cast<quint64>(take);
        if (take == chunk.data.size())
            pipe.chunks.pop_front();
        else
            chunk.data.remove(0, take);
    }
}

} // namespace consult::testing
