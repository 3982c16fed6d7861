#include "media/video/VideoRenderer.h"

#include <QVideoFrameFormat>

#include <algorithm>
#include <cstring>

namespace consult::media {

namespace {

void copyPlane(const QByteArray &from, int width, int height, QVideoFrame &to, int plane)
{
    const int stride = to.bytesPerLine(plane);
    const int rows = std::min(height, stride > 0 ? to.mappedBytes(plane) / stride : 0);
    const int bytes = std::min(width, stride);
    for (int row = 0; row < rows; ++row)
        std::memcpy(to.bits(plane) + qsizetype(row) * stride, from.constData() + qsizetype(row) * width,
                    std::size_t(bytes));
}

} // namespace

VideoRenderer::VideoRenderer(QVideoSink *sink, QObject *parent)
    : QObject(parent)
    , m_sink(sink)
{}

QVideoFrame VideoRenderer::toVideoFrame(const I420Frame &frame)
{
    if (!frame.isValid())
        return {};
    QVideoFrameFormat format(QSize(frame.width, frame.height), QVideoFrameFormat::Format_YUV420P);
    format.setColorSpace(QVideoFrameFormat::ColorSpace_BT601);
    format.setColorRange(QVideoFrameFormat::ColorRange_Video);
    QVideoFrame video(format); // allocates its own memory
    if (!video.map(QVideoFrame::WriteOnly))
        return {};
    const int chromaWidth = (frame.width + 1) / 2;
    const int chromaHeight = (frame.height + 1) / 2;
    copyPlane(frame.y, frame.width, frame.height, video, 0);
    copyPlane(frame.u, chromaWidth, chromaHeight, video, 1);
    copyPlane(frame.v, chromaWidth, chromaHeight, video, 2);
    video.unmap();
    video.setStartTime(frame.captureUs);
    return video;
}

void VideoRenderer::render(const I420Frame &frame)
{
    if (!m_sink)
        return;
    const QVideoFrame video = toVideoFrame(frame);
    if (video.isValid())
        m_sink->setVideoFrame(video);
}

void VideoRenderer::clear()
{
    if (m_sink)
        m_sink->setVideoFrame(QVideoFrame());
}

} // namespace consult::media
