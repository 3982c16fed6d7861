#include "ConnectionIndicator.h"

#include "client/MediaSession.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace consult {

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionIndicator"));
    m_label->setObjectName(QStringLiteral("connectionState"));
    m_label->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    m_sampling.setInterval(1000);
    connect(&m_sampling, &QTimer::timeout, this, &ConnectionIndicator::sample);
    render();
}

void ConnectionIndicator::bind(ClientConnection *connection)
{
    if (m_connection)
        m_connection->disconnect(this);
    m_connection = connection;
    if (connection) {
        connect(connection, &ClientConnection::stateChanged, this, &ConnectionIndicator::sample);
        connect(connection, &ClientConnection::roundTripChanged, this, &ConnectionIndicator::sample);
        m_sampling.start();
    } else {
        m_sampling.stop();
    }
    sample();
}

void ConnectionIndicator::setMediaSession(MediaSession *media)
{
    m_media = media;
    if (media) {
        const MediaChannel::Statistics &statistics = media->channel().statistics();
        m_lastSentBytes = statistics.sentBytes;
        m_lastLost = statistics.lostAudio + statistics.lostVideo;
        m_lastReceivedPackets = statistics.receivedPackets;
        m_sinceSample.start();
    }
    sample();
}

void ConnectionIndicator::sample()
{
    Quality quality;
    if (m_connection) {
        quality.state = m_connection->state();
        quality.roundTripMs = m_connection->roundTripMs();
    }
    if (m_media) {
        // Over the time since the last sample: what arrived against what went missing, what we sent.
        const MediaChannel::Statistics &statistics = m_media->channel().statistics();
        const quint64 lost = statistics.lostAudio + statistics.lostVideo - m_lastLost;
        const quint64 received = statistics.receivedPackets - m_lastReceivedPackets;
        quality.lossPercent = lost + received == 0 ? 0.0 : 100.0 * double(lost) / double(lost + received);
        const qint64 elapsedMs = m_sinceSample.isValid() ? m_sinceSample.restart() : 0;
        quality.bitrateKbps =
            elapsedMs > 0 ? int(double(statistics.sentBytes - m_lastSentBytes) * 8.0 / double(elapsedMs)) : 0;
        m_lastLost = statistics.lostAudio + statistics.lostVideo;
        m_lastReceivedPackets = statistics.receivedPackets;
        m_lastSentBytes = statistics.sentBytes;
    }
    setQuality(quality);
}

void ConnectionIndicator::setQuality(const Quality &quality)
{
    m_quality = quality;
    render();
}

QString ConnectionIndicator::text() const
{
    return m_label->text();
}

void ConnectionIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QWidget::changeEvent(event);
}

void ConnectionIndicator::render()
{
    QString text;
    QString colour = QStringLiteral("#1e7e34");
    switch (m_quality.state) {
    case ClientConnection::State::Connected:
        text = m_quality.roundTripMs >= 0 ? tr("Verbunden (%1 ms)").arg(m_quality.roundTripMs) : tr("Verbunden");
        break;
    case ClientConnection::State::Reconnecting:
        text = tr("Verbindung unterbrochen – wird wiederhergestellt …");
        colour = QStringLiteral("#b00020");
        break;
    default:
        text = tr("Nicht verbunden");
        colour = QStringLiteral("#b00020");
        break;
    }
    if (m_quality.state == ClientConnection::State::Connected && m_quality.lossPercent >= 0.0) {
        const QLocale locale;
        text += QStringLiteral(" · ") + tr("Verlust %1 %").arg(locale.toString(m_quality.lossPercent, 'f', 1));
        if (m_quality.lossPercent >= 5.0)
            colour = QStringLiteral("#b35c00");
    }
    if (m_quality.state == ClientConnection::State::Connected && m_quality.bitrateKbps >= 0)
        text += QStringLiteral(" · ") + tr("%1 kbit/s").arg(m_quality.bitrateKbps);
    m_label->setText(QStringLiteral("● ") + text);
    m_label->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    m_label->setAccessibleName(text);
    setAccessibleName(tr("Verbindung: %1").arg(text));
}

} // namespace consult
