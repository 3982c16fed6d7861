#pragma once

#include "client/MediaSession.h"

namespace consult::testing {

// Counts what arrives: packets, payload bytes, the last sequence number and keyframe fragments.
class RecordingSink final : public MediaStreamSink
{
public:
    void push(const wire::MediaPacket &packet) override
    {
        ++packets;
        bytes += static_cast<qint64>(packet.payload().size());
        lastSequence = packet.sequence();
        if (packet.keyframe())
            ++keyframeFragments;
    }
    int packets = 0;
    qint64 bytes = 0;
    quint32 lastSequence = 0;
    int keyframeFragments = 0;
};

} // namespace consult::testing
