#include "media/video/VideoPacketizer.h"

namespace consult::media {

VideoPacketizer::VideoPacketizer(quint32 firstFrameId, int maxPayload)
    : m_nextFrameId(firstFrameId)
    , m_maxPayload(maxPayload)
{
    Q_ASSERT(maxPayload > 0);
}

QList<VideoFragment> VideoPacketizer::packetize(EncodedVideoFrame &frame)
{
    frame.frameId = m_nextFrameId++;
    const qsizetype size = frame.data.size();
    // An empty frame still travels as one fragment so the frame id sequence has no hole.
    const qsizetype count = size == 0 ? 1 : (size + m_maxPayload - 1) / m_maxPayload;
    Q_ASSERT(count <= kMaxFragmentsPerFrame);

    QList<VideoFragment> fragments;
    fragments.reserve(count);
    qsizetype offset = 0;
    for (qsizetype index = 0; index < count; ++index) {
        // Spread the remainder over the first fragments: sizes differ by at most one byte.
        const qsizetype length = size / count + (index < size % count ? 1 : 0);
        VideoFragment fragment;
        fragment.frameId = frame.frameId;
        fragment.fragmentIndex = quint16(index);
        fragment.fragmentCount = quint16(count);
        fragment.keyframe = frame.keyframe;
        fragment.captureUs = frame.captureUs;
        fragment.payload = frame.data.mid(offset, length);
        fragments.push_back(std::move(fragment));
        offset += length;
    }
    return fragments;
}

} // namespace consult::media
