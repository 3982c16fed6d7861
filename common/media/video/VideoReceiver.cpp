#include "media/video/VideoReceiver.h"

namespace consult::media {

VideoReceiver::VideoReceiver(std::unique_ptr<Vp8Decoder> decoder, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_decoder(std::move(decoder))
    , m_clock(clock)
    , m_reassembler([this] { Q_EMIT keyframeNeeded(); })
{
    Q_ASSERT(m_decoder);
}

VideoReceiver::~VideoReceiver() = default;

void VideoReceiver::receiveFragment(const VideoFragment &fragment)
{
    const qint64 nowUs = m_clock.monotonicUs();
    std::optional<EncodedVideoFrame> frame = m_reassembler.accept(fragment, nowUs);
    if (!frame)
        return;
    Result<I420Frame> picture = m_decoder->decode(*frame);
    if (!picture) {
        ++m_decodeFailures;
        m_reassembler.requireKeyframe(nowUs);
        return;
    }
    Q_EMIT frameDecoded(picture.value());
}

} // namespace consult::media
