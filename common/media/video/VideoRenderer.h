#pragma once

#include "media/MediaFrames.h"

#include <QObject>
#include <QPointer>
#include <QVideoFrame>
#include <QVideoSink>

namespace consult::media {

// Shows decoded pictures: wraps each I420 frame in a QVideoFrame (Format_YUV420P, BT.601 video
// range, start time = capture time) and hands it to a QVideoSink, e.g. a QVideoWidget's. Lives in
// the sink's thread (the GUI thread); connect VideoReceiver::frameDecoded to render() and Qt queues
// the frames over from the decoding worker. Does not own the sink. Meant for the pipeline's even
// sizes: Qt 6.4 gives a YUV420P frame of odd height one chroma row too few (the last is left out).
class VideoRenderer final : public QObject
{
    Q_OBJECT
public:
    explicit VideoRenderer(QVideoSink *sink, QObject *parent = nullptr);

    // A copy of the planes in a frame Qt can show; an invalid QVideoFrame for an invalid picture.
    static QVideoFrame toVideoFrame(const I420Frame &frame);

    void render(const consult::media::I420Frame &frame);
    // Blanks the view (the peer switched the camera off).
    void clear();

private:
    QPointer<QVideoSink> m_sink;
};

} // namespace consult::media
