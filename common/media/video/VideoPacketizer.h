#pragma once

#include "media/video/EncodedVideo.h"

#include <QList>

namespace consult::media {

// Splits encoded frames into real-time fragments of at most kMaxFragmentPayload bytes, numbering the
// frames so the receiver can tell a lost frame from a late one. One per outgoing video stream, used
// on the encoding thread.
class VideoPacketizer
{
public:
    explicit VideoPacketizer(quint32 firstFrameId = 0, int maxPayload = kMaxFragmentPayload);

    // The frame's fragments in order; the payloads are near-equal in size (a 2,300-byte frame
    // becomes 767+767+766, not 1,100+1,100+100) so no fragment is needlessly small. Assigns the
    // next frame id and writes it into `frame`.
    QList<VideoFragment> packetize(EncodedVideoFrame &frame);

    quint32 nextFrameId() const { return m_nextFrameId; }

private:
    quint32 m_nextFrameId;
    int m_maxPayload;
};

} // namespace consult::media
