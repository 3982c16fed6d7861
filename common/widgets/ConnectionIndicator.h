#pragma once

#include "client/ClientConnection.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace consult {

class MediaSession;

// How the line to the bank is, as both apps show it: connected or not, the round trip (RTT) and,
// while a media session runs, the loss of what arrives and the bitrate we send. Bound to a
// connection (and a media session when there is one), it samples them once a second; setQuality()
// is the seam for tests. A dot and one line of text; the same text is its accessible name.
class ConnectionIndicator final : public QWidget
{
    Q_OBJECT
public:
    struct Quality
    {
        ClientConnection::State state = ClientConnection::State::Disconnected;
        int roundTripMs = -1;      // -1: not measured yet
        double lossPercent = -1.0; // -1: no media
        int bitrateKbps = -1;      // -1: no media
    };

    explicit ConnectionIndicator(QWidget *parent = nullptr);

    // Follows `connection` until it is destroyed or another is bound (nullptr: none).
    void bind(ClientConnection *connection);
    // Adds loss and bitrate of this media session (nullptr: none any more).
    void setMediaSession(MediaSession *media);
    void setQuality(const Quality &quality);
    const Quality &quality() const { return m_quality; }
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void sample();
    void render();

    QPointer<ClientConnection> m_connection;
    QPointer<MediaSession> m_media;
    QLabel *m_label;
    QTimer m_sampling;
    Quality m_quality;
    quint64 m_lastSentBytes = 0;
    quint64 m_lastLost = 0;
    quint64 m_lastReceivedPackets = 0;
    QElapsedTimer m_sinceSample;
};

} // namespace consult
