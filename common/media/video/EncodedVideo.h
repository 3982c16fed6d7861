#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace consult::media {

// One VP8 frame as the encoder produced it (or as the reassembler put it back together).
struct EncodedVideoFrame
{
    QByteArray data;
    bool keyframe = false;
    qint64 captureUs = 0;    // the source frame's capture time (sender's monotonic clock)
    quint32 frameId = 0;     // +1 per encoded frame; assigned by the packetizer, restored by the reassembler
    quint32 frameNumber = 0; // the source frame's number (local diagnostics; not on the wire)
};

// One real-time packet's worth of an encoded frame; maps 1:1 onto the video fields of the wire's
// MediaPacket (frame_id, fragment_index, fragment_count, keyframe, capture_us, payload).
struct VideoFragment
{
    quint32 frameId = 0;
    quint16 fragmentIndex = 0;
    quint16 fragmentCount = 0;
    bool keyframe = false;
    qint64 captureUs = 0;
    QByteArray payload;
};

// Payload bytes per fragment. Why 1,100: a fragment must fit one UDP datagram on the IPv6 minimum
// MTU (1,280 - 40 IP - 8 UDP - ~60 AEAD nonce/tag and MediaPacket fields) for the later UDP path,
// and on the WebSocket it bounds how long audio waits behind one video message:
// 1,100 bytes are 18 ms at the 0.5 Mbit/s minimum uplink, a whole 15 KB keyframe would be 240 ms.
// The wire allows 1,200 (MediaPacket.payload), so this leaves headroom.
inline constexpr int kMaxFragmentPayload = 1'100;

// More fragments than a raw 640x360 I420 frame (345,600 bytes) needs; anything larger is not a VP8
// frame of ours and is refused before it can claim memory.
inline constexpr int kMaxFragmentsPerFrame = 400;

} // namespace consult::media
