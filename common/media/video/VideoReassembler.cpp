#include "media/video/VideoReassembler.h"

namespace consult::media {

namespace {

// Frames in flight at once: a real-time stream completes (or loses) a frame before the next few
// arrive, so more than this means a frame will not complete; the oldest is given up.
constexpr std::size_t kMaxPendingFrames = 8;

// A frame id this far behind the newest one is not late (real-time packets are dropped when stale
// long before that) but a sender that started again from its first id: 10 s at 25 fps.
constexpr qint32 kRestartDistance = 250;

// Frame ids are compared as serial numbers: the distance says late, next or far ahead. (The
// pending map orders by raw id; the 32-bit wrap comes after 5 years at 25 fps.)
qint32 distance(quint32 from, quint32 to)
{
    return qint32(to - from);
}

} // namespace

VideoReassembler::VideoReassembler(std::function<void()> requestKeyframe, qint64 incompleteTimeoutUs,
                                   qint64 keyframeRetryUs)
    : m_requestKeyframe(std::move(requestKeyframe))
    , m_incompleteTimeoutUs(incompleteTimeoutUs)
    , m_keyframeRetryUs(keyframeRetryUs)
{}

bool VideoReassembler::isWellFormed(const VideoFragment &fragment)
{
    return fragment.fragmentCount >= 1 && fragment.fragmentCount <= kMaxFragmentsPerFrame &&
           fragment.fragmentIndex < fragment.fragmentCount && fragment.payload.size() <= kMaxFragmentPayload;
}

std::optional<EncodedVideoFrame> VideoReassembler::accept(const VideoFragment &fragment, qint64 nowUs)
{
    if (!isWellFormed(fragment)) {
        ++m_stats.fragmentsRejected;
        return std::nullopt;
    }
    expire(nowUs);
    if (m_newestDone) {
        const qint32 ahead = distance(*m_newestDone, fragment.frameId);
        if (ahead < -kRestartDistance) {
            restart();
        } else if (ahead <= 0) {
            ++m_stats.fragmentsLate;
            return std::nullopt;
        }
    }

    auto it = m_pending.find(fragment.frameId);
    if (it == m_pending.end()) {
        if (m_pending.size() >= kMaxPendingFrames) {
            if (distance(m_pending.begin()->first, fragment.frameId) < 0) {
                ++m_stats.fragmentsLate;
                return std::nullopt;
            }
            giveUp(m_pending.begin()->first, nowUs);
        }
        Pending pending;
        pending.count = fragment.fragmentCount;
        pending.keyframe = fragment.keyframe;
        pending.captureUs = fragment.captureUs;
        pending.firstSeenUs = nowUs;
        pending.parts.resize(std::size_t(pending.count));
        pending.have.resize(std::size_t(pending.count), false);
        it = m_pending.emplace(fragment.frameId, std::move(pending)).first;
    }

    Pending &pending = it->second;
    if (pending.count != fragment.fragmentCount || pending.keyframe != fragment.keyframe ||
        pending.captureUs != fragment.captureUs) {
        ++m_stats.fragmentsRejected;
        return std::nullopt;
    }
    const auto index = std::size_t(fragment.fragmentIndex);
    if (pending.have[index]) {
        ++m_stats.fragmentsDuplicate;
        return std::nullopt;
    }
    pending.have[index] = true;
    pending.parts[index] = fragment.payload;
    if (++pending.received < pending.count)
        return std::nullopt;
    return complete(fragment.frameId, nowUs);
}

std::optional<EncodedVideoFrame> VideoReassembler::complete(quint32 frameId, qint64 nowUs)
{
    EncodedVideoFrame frame = assemble(frameId, m_pending.at(frameId));
    m_pending.erase(frameId);
    // Older incomplete frames can no longer be decoded in order: give them up.
    while (!m_pending.empty() && distance(m_pending.begin()->first, frameId) > 0) {
        m_pending.erase(m_pending.begin());
        ++m_stats.framesDropped;
    }
    const bool gap = m_newestDone && distance(*m_newestDone, frameId) != 1;
    m_newestDone = frameId;

    if (frame.keyframe) {
        m_waitingForKeyframe = false;
    } else if (gap || m_waitingForKeyframe) {
        // The frame refers to one the decoder never saw; decoding it would show garbage.
        ++m_stats.framesRefused;
        needKeyframe(nowUs);
        return std::nullopt;
    }
    ++m_stats.framesCompleted;
    return frame;
}

EncodedVideoFrame VideoReassembler::assemble(quint32 frameId, const Pending &pending)
{
    EncodedVideoFrame frame;
    frame.frameId = frameId;
    frame.keyframe = pending.keyframe;
    frame.captureUs = pending.captureUs;
    qsizetype size = 0;
    for (const QByteArray &part : pending.parts)
        size += part.size();
    frame.data.reserve(size);
    for (const QByteArray &part : pending.parts)
        frame.data.append(part);
    return frame;
}

void VideoReassembler::expire(qint64 nowUs)
{
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        const quint32 frameId = it->first;
        const bool stale = nowUs - it->second.firstSeenUs > m_incompleteTimeoutUs;
        ++it; // giveUp erases the entry
        if (stale)
            giveUp(frameId, nowUs);
    }
}

void VideoReassembler::requireKeyframe(qint64 nowUs)
{
    needKeyframe(nowUs);
}

void VideoReassembler::giveUp(quint32 frameId, qint64 nowUs)
{
    m_pending.erase(frameId);
    ++m_stats.framesDropped;
    if (!m_newestDone || distance(*m_newestDone, frameId) > 0)
        m_newestDone = frameId;
    needKeyframe(nowUs);
}

void VideoReassembler::needKeyframe(qint64 nowUs)
{
    // A new loss asks at once (the sender rate-limits what it honours); while the loss lasts, the
    // request is repeated only now and then in case it or the keyframe was lost.
    const bool newLoss = !m_waitingForKeyframe;
    m_waitingForKeyframe = true;
    if (newLoss || !m_lastRequestUs || nowUs - *m_lastRequestUs >= m_keyframeRetryUs) {
        m_lastRequestUs = nowUs;
        ++m_stats.keyframeRequests;
        if (m_requestKeyframe)
            m_requestKeyframe();
    }
}

void VideoReassembler::restart()
{
    m_pending.clear();
    m_newestDone.reset();
    m_waitingForKeyframe = true;
}

} // namespace consult::media
