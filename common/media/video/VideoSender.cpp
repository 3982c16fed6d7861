#include "media/video/VideoSender.h"

#include <QMetaObject>

namespace consult::media {

VideoSender::VideoSender(std::unique_ptr<Vp8Encoder> encoder, QObject *parent)
    : QObject(parent)
    , m_encoder(std::move(encoder))
{
    Q_ASSERT(m_encoder);
}

VideoSender::~VideoSender() = default;

void VideoSender::submit(const I420Frame &frame)
{
    if (!m_enabled)
        return;
    QMutexLocker lock(&m_mutex);
    const bool wakeWorker = !m_parked;
    if (!wakeWorker)
        ++m_framesSkipped;
    m_parked = frame;
    lock.unlock();
    if (wakeWorker)
        QMetaObject::invokeMethod(this, &VideoSender::encodeParked, Qt::QueuedConnection);
}

void VideoSender::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled) {
        QMutexLocker lock(&m_mutex);
        m_parked.reset(); // captured while on, but not to be sent any more
    }
}

quint32 VideoSender::framesSkipped() const
{
    QMutexLocker lock(&m_mutex);
    return m_framesSkipped;
}

void VideoSender::requestKeyframe()
{
    m_encoder->requestKeyframe();
}

void VideoSender::setTargetBitrate(int kbps)
{
    m_encoder->setTargetBitrate(kbps);
}

void VideoSender::encodeParked()
{
    QMutexLocker lock(&m_mutex);
    std::optional<I420Frame> frame = std::move(m_parked);
    m_parked.reset();
    lock.unlock();
    if (!frame)
        return;
    std::optional<EncodedVideoFrame> encoded = m_encoder->encode(*frame);
    if (encoded)
        Q_EMIT fragmentsReady(m_packetizer.packetize(*encoded));
}

} // namespace consult::media
