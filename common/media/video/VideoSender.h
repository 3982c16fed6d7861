#pragma once

#include "media/video/VideoPacketizer.h"
#include "media/video/Vp8Encoder.h"

#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace consult::media {

// The sending half of a video stream on its own worker thread: newest captured frame -> VP8 ->
// fragments. How to run it:
//
//     auto *sender = new VideoSender(std::move(encoder));   // no parent
//     sender->moveToThread(&videoThread);                   // a QThread owned by the session
//     connect(source, &VideoSource::frameCaptured, sender, &VideoSender::submit, Qt::DirectConnection);
//     connect(sender, &VideoSender::fragmentsReady, session, ...);  // queued back to the session
//     connect(session, ..., sender, &VideoSender::requestKeyframe);  // queued to the worker
//
// submit() and setEnabled() are the thread-safe entries. submit() only parks the frame and wakes
// the worker, so the capture thread never waits for the encoder. If the encoder falls behind, a
// parked frame not yet encoded is replaced by the newer one (counted in framesSkipped): real-time
// video sends the newest picture, never a backlog. Everything else runs on the worker thread.
class VideoSender final : public QObject
{
    Q_OBJECT
public:
    explicit VideoSender(std::unique_ptr<Vp8Encoder> encoder, QObject *parent = nullptr);
    ~VideoSender() override;

    // Any thread.
    void submit(const consult::media::I420Frame &frame);
    // While disabled (the ladder paused video, or the camera is off) submitted frames are dropped
    // unencoded; the camera itself may stay on for the self-view.
    void setEnabled(bool enabled);

    // Worker thread (connect signals to them, or QMetaObject::invokeMethod).
    void requestKeyframe();
    void setTargetBitrate(int kbps);

    // Worker thread.
    const Vp8Encoder::Stats &encoderStats() const { return m_encoder->stats(); }
    quint32 framesSkipped() const;

Q_SIGNALS:
    // One encoded frame's fragments, in order.
    void fragmentsReady(const QList<consult::media::VideoFragment> &fragments);

private:
    void encodeParked();

    std::unique_ptr<Vp8Encoder> m_encoder;
    VideoPacketizer m_packetizer;
    std::atomic<bool> m_enabled = true;
    mutable QMutex m_mutex; // guards the two below
    std::optional<I420Frame> m_parked;
    quint32 m_framesSkipped = 0;
};

} // namespace consult::media
