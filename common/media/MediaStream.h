#pragma once

#include "protocol/consult.pb.h"

#include <functional>

namespace consult {

// Produces the packets of one outgoing stream (an encoder pipeline: audio capture -> Opus, or
// camera -> VP8 -> fragments). The session tells it how much it may send and whether to send at all.
class MediaStreamSource
{
public:
    virtual ~MediaStreamSource() = default;
    virtual wire::MediaKind kind() const = 0;
    virtual void setBitrateKbps(int kbps) = 0;
    // False: produce nothing (device off, or paused by the ladder).
    virtual void setEnabled(bool enabled) = 0;
    virtual void requestKeyframe() {}
    // The share of this stream's packets the peer reported missing, smoothed (audio sizes its
    // forward error correction by it).
    virtual void setPeerLossPercent(int /*percent*/) {}
    // Set by the session: every packet the source produces goes here (kind and sequence filled in).
    std::function<void(wire::MediaPacket)> deliver;
};

// Consumes the packets of one incoming stream (jitter buffer -> decoder -> playout, or reassembly ->
// decoder -> renderer).
class MediaStreamSink
{
public:
    virtual ~MediaStreamSink() = default;
    virtual void push(const wire::MediaPacket &packet) = 0;
    // Set by the session: the sink lost its reference and needs a keyframe.
    std::function<void()> keyframeNeeded;
};

} // namespace consult
