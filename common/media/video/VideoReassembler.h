#pragma once

#include "media/video/EncodedVideo.h"

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace consult::media {

// Puts received fragments back together into encoded frames for the decoder, and keeps the decoder
// from ever seeing a frame whose reference it lacks:
// - fragments of one frame may arrive in any order and more than once;
// - an incomplete frame is dropped when a newer frame completes or after `incompleteTimeoutUs`;
// - a hole in the frame ids (a lost or dropped frame) asks the sender for a keyframe, and from then
//   on delta frames are refused until a keyframe completes. A new receiver starts in that state.
// Fragments come from the network, so every field is checked here before it can claim memory.
// One per incoming video stream, used on the decoding thread; time is passed in (monotonic µs).
class VideoReassembler
{
public:
    struct Stats
    {
        quint32 framesCompleted = 0;   // handed to the decoder
        quint32 framesDropped = 0;     // incomplete: superseded, timed out, or pushed out
        quint32 framesRefused = 0;     // complete delta frames refused while waiting for a keyframe
        quint32 fragmentsRejected = 0; // malformed or inconsistent with the frame's other fragments
        quint32 fragmentsDuplicate = 0;
        quint32 fragmentsLate = 0; // for a frame already completed or given up
        quint32 keyframeRequests = 0;
    };

    // `requestKeyframe` is called (on the caller's thread, inside accept/expire) when the stream
    // needs a keyframe; it is called again at most every `keyframeRetryUs` while the need lasts.
    explicit VideoReassembler(std::function<void()> requestKeyframe, qint64 incompleteTimeoutUs = 300'000,
                              qint64 keyframeRetryUs = 1'000'000);

    // Takes one fragment; returns the frame it completed, if it completed one the decoder can use.
    std::optional<EncodedVideoFrame> accept(const VideoFragment &fragment, qint64 nowUs);

    // Gives up incomplete frames older than the timeout (call from a timer, or let accept do it).
    void expire(qint64 nowUs);

    // The decoder failed on a frame: refuse deltas and ask for a keyframe.
    void requireKeyframe(qint64 nowUs);

    bool isWaitingForKeyframe() const { return m_waitingForKeyframe; }
    const Stats &stats() const { return m_stats; }

private:
    struct Pending
    {
        int count = 0;
        int received = 0;
        bool keyframe = false;
        qint64 captureUs = 0;
        qint64 firstSeenUs = 0;
        std::vector<QByteArray> parts;
        std::vector<bool> have;
    };

    static bool isWellFormed(const VideoFragment &fragment);
    static EncodedVideoFrame assemble(quint32 frameId, const Pending &pending);
    std::optional<EncodedVideoFrame> complete(quint32 frameId, qint64 nowUs);
    void giveUp(quint32 frameId, qint64 nowUs);
    void needKeyframe(qint64 nowUs);
    void restart();

    std::function<void()> m_requestKeyframe;
    qint64 m_incompleteTimeoutUs;
    qint64 m_keyframeRetryUs;
    std::map<quint32, Pending> m_pending;
    std::optional<quint32> m_newestDone; // newest frame id completed or given up
    bool m_waitingForKeyframe = true;
    std::optional<qint64> m_lastRequestUs;
    Stats m_stats;
};

} // namespace consult::media
