#pragma once

#include "client/MediaSession.h"
#include "core/Clock.h"

#include <QTimer>

#include <algorithm>

namespace consult {

// A stand-in for an encoder: produces packets of the size a real stream at the given bitrate would
// (audio: a 20 ms packet every 20 ms; video: 25 frames a second, fragmented into ≤ 1,100 bytes),
// each stamped with its capture time, and honours the session's bitrate and on/off. Used where the
// traffic matters and the picture does not: the relay benchmark, and the tests of transport and
// rate control.
class SyntheticStream final : public QObject, public MediaStreamSource
{
public:
    explicit SyntheticStream(wire::MediaKind kind, int kbps)
        : m_kind(kind)
        , m_kbps(kbps)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kind == wire::MEDIA_KIND_AUDIO ? 20 : 40);
        connect(&m_timer, &QTimer::timeout, this, &SyntheticStream::produce);
    }
    wire::MediaKind kind() const override { return m_kind; }
    void setBitrateKbps(int kbps) override { m_kbps = kbps; }
    void setEnabled(bool enabled) override
    {
        if (enabled && !m_timer.isActive())
            m_timer.start();
        else if (!enabled)
            m_timer.stop();
    }
    void requestKeyframe() override
    {
        m_keyframeNext = true;
        ++m_keyframeRequests;
    }
    int keyframeRequests() const { return m_keyframeRequests; }
    int kbps() const { return m_kbps; }
    bool producing() const { return m_timer.isActive(); }

private:
    void produce()
    {
        if (!deliver)
            return;
        const int bytes = std::max(16, m_kbps * 1000 / 8 * m_timer.interval() / 1000);
        const qint64 captureUs = SystemClock::instance().monotonicUs();
        if (m_kind == wire::MEDIA_KIND_AUDIO) {
            wire::MediaPacket packet;
            packet.set_capture_us(captureUs);
            packet.set_payload(std::string(static_cast<size_t>(bytes), 'a'));
            deliver(std::move(packet));
            return;
        }
        const int frameBytes = m_keyframeNext ? bytes * 3 : bytes; // keyframes are bigger
        const int fragments = (frameBytes + 1099) / 1100;
        for (int i = 0; i < fragments; ++i) {
            wire::MediaPacket packet;
            packet.set_capture_us(captureUs);
            packet.set_frame_id(m_frameId);
            packet.set_fragment_index(static_cast<quint32>(i));
            packet.set_fragment_count(static_cast<quint32>(fragments));
            packet.set_keyframe(m_keyframeNext);
            packet.set_payload(std::string(static_cast<size_t>(std::min(1100, frameBytes - i * 1100)), 'v'));
            deliver(std::move(packet));
        }
        m_keyframeNext = false;
        ++m_frameId;
    }

    wire::MediaKind m_kind;
    int m_kbps;
    QTimer m_timer;
    quint32 m_frameId = 0;
    bool m_keyframeNext = true;
    int m_keyframeRequests = 0;
};

} // namespace consult
